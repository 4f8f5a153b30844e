// @vitest-environment jsdom
// The month calendar as a person uses it: a grid whose days say what they
// hold in words, moved through with the keys, a month at a time with Page Up
// and Page Down, and Enter (or "Go to a date") showing that day in the
// timeline. The back end is a stand-in behind the real IPC layer.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { EntryView } from "../../lib/ipc";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend } = await import("../../lib/ipc/fakeBackend");
const { clearJournalState, session } = await import("../../lib/session.svelte");
const { today } = await import("../../lib/days");
const { default: MonthCalendar } = await import("./MonthCalendar.svelte");

const TODAY = today();
const [YEAR, MONTH] = TODAY.split("-").map(Number);
const pad = (n: number) => String(n).padStart(2, "0");
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function entry(id: number): EntryView {
  const at = "2024-03-03T09:00:00Z";
  return {
    id,
    createdAt: at,
    updatedAt: at,
    body: `body ${id}`,
    html: `<p>body ${id}</p>`,
    meta: { relationshipId: null, frameworkId: null, stepId: null, mood: null, tags: [] },
  };
}

let backend: InstanceType<typeof FakeBackend>;

beforeEach(() => {
  clearJournalState();
  backend = new FakeBackend(vi.mocked(invoke));
  // Every month but the one after this has entries on the 3rd; a relationship's
  // also has a check-in on the 4th and two commitments logged on the 5th.
  backend.on("calendar_month", (args) => {
    const { year, month } = args as { year: number; month: number };
    const quiet = month === (MONTH % 12) + 1;
    const rel = (args.filter as { relationshipId: number } | null) !== null;
    return {
      year,
      month,
      today: TODAY,
      entries: quiet ? [] : [{ on: day(year, month, 3), count: 2 }],
      checkIns: rel && !quiet ? [day(year, month, 4)] : [],
      commitments: rel && !quiet ? [{ on: day(year, month, 5), count: 2 }] : [],
    };
  });
  backend.on("jump_to_day", (args) => ({ on: args.on, entries: [entry(1)], next: null, newer: null, onTheDay: 1 }));
});

function cell(date: string): HTMLElement {
  return document.querySelector<HTMLElement>(`[data-day="${date}"]`)!;
}

describe("the journal's calendar", () => {
  it("is a grid whose marked days say so in words, with today marked", async () => {
    render(MonthCalendar, { feed: session.journal.timeline, hidden: false });
    const grid = screen.getByRole("grid");
    await waitFor(() => expect(within(grid).getByText(/: 2 entries$/u)).toBeTruthy());
    const third = cell(day(YEAR, MONTH, 3));
    expect(third.textContent).toContain("●");
    expect(third.textContent).toContain("2 entries");
    expect(cell(TODAY).getAttribute("aria-current")).toBe("date");
    expect(cell(TODAY).textContent).toContain("today");
    expect(cell(TODAY).tabIndex).toBe(0);
    expect(screen.getAllByRole("columnheader")).toHaveLength(7);
    expect(screen.getByText("entries written")).toBeTruthy();
  });

  it("moves by arrow keys and changes month with Page Down and Page Up", async () => {
    render(MonthCalendar, { feed: session.journal.timeline, hidden: false });
    await waitFor(() => expect(backend.argsOf("calendar_month")).toHaveLength(1));
    await fireEvent.keyDown(cell(TODAY), { key: "ArrowDown" });
    const weekOn = new Date(Date.UTC(YEAR, MONTH - 1, Number(TODAY.slice(8)) + 7)).toISOString().slice(0, 10);
    await waitFor(() => expect(document.activeElement).toBe(cell(weekOn)));

    await fireEvent.keyDown(document.activeElement!, { key: "PageDown" });
    const next = MONTH === 12 ? { y: YEAR + 1, m: 1 } : { y: YEAR, m: MONTH + 1 };
    await waitFor(() => expect(backend.argsOf("calendar_month").at(-1)).toMatchObject({ year: next.y, month: next.m }));
    await waitFor(() => expect(document.getElementById("calendar-empty")?.textContent).toContain("Nothing written in"));
    expect(document.activeElement?.getAttribute("data-day")?.startsWith(day(next.y, next.m, 1).slice(0, 8))).toBe(true);

    await fireEvent.keyDown(document.activeElement!, { key: "PageUp" });
    await waitFor(() => expect(backend.argsOf("calendar_month").at(-1)).toMatchObject({ year: YEAR, month: MONTH }));
    expect(document.getElementById("calendar-empty")).toBeNull();
  });

  it("shows a day in the timeline on Enter (a click), and from the date field", async () => {
    render(MonthCalendar, { feed: session.journal.timeline, hidden: false });
    await waitFor(() => expect(backend.argsOf("calendar_month")).toHaveLength(1));
    await fireEvent.click(cell(day(YEAR, MONTH, 3)));
    await waitFor(() => expect(backend.argsOf("jump_to_day")).toHaveLength(1));
    expect(backend.argsOf("jump_to_day")[0]).toMatchObject({ filter: null, on: day(YEAR, MONTH, 3) });
    await waitFor(() => expect(session.journal.timeline.jump?.on).toBe(day(YEAR, MONTH, 3)));

    const field = screen.getByLabelText("Go to a date") as HTMLInputElement;
    await fireEvent.input(field, { target: { value: "2024-03-03" } });
    await fireEvent.click(screen.getByRole("button", { name: "Go" }));
    await waitFor(() => expect(backend.argsOf("jump_to_day").at(-1)).toMatchObject({ on: "2024-03-03" }));
    await waitFor(() => expect(screen.getByRole("heading", { level: 4 }).textContent).toMatch(/2024/u));
  });

  it("shows a refused date beside the field", async () => {
    backend.fails("jump_to_day", "invalidInput", "That date doesn't exist on the calendar.", "on");
    render(MonthCalendar, { feed: session.journal.timeline, hidden: false });
    await fireEvent.click(screen.getByRole("button", { name: "Go" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("doesn't exist");
    const field = screen.getByLabelText("Go to a date");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(field.getAttribute("aria-describedby")).toBe(alert.id);
  });

  it("has previous and next month buttons", async () => {
    render(MonthCalendar, { feed: session.journal.timeline, hidden: false });
    await fireEvent.click(screen.getByRole("button", { name: "Previous month" }));
    const previous = MONTH === 1 ? { year: YEAR - 1, month: 12 } : { year: YEAR, month: MONTH - 1 };
    await waitFor(() => expect(backend.argsOf("calendar_month").at(-1)).toMatchObject(previous));
    await fireEvent.click(screen.getByRole("button", { name: "Next month" }));
    await waitFor(() => expect(backend.argsOf("calendar_month").at(-1)).toMatchObject({ year: YEAR, month: MONTH }));
  });
});

describe("a relationship's calendar", () => {
  it("marks check-ins and logged commitments apart, each in words", async () => {
    session.journal.showRelationshipFeed(4);
    render(MonthCalendar, { feed: session.journal.relationshipFeed!, hidden: false });
    await waitFor(() => expect(cell(day(YEAR, MONTH, 4)).textContent).toContain("a check-in"));
    expect(backend.argsOf("calendar_month")[0]).toMatchObject({ filter: { relationshipId: 4 } });
    expect(cell(day(YEAR, MONTH, 4)).textContent).toContain("◆");
    expect(cell(day(YEAR, MONTH, 5)).textContent).toContain("2 commitments logged");
    expect(cell(day(YEAR, MONTH, 5)).textContent).toContain("▲");
    expect(screen.getByText("a check-in", { selector: "li" })).toBeTruthy();
    expect(screen.getByText("a commitment logged", { selector: "li" })).toBeTruthy();
  });
});
