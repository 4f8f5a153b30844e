// @vitest-environment jsdom
// The timeline after a jump to a day: it says which day it shows (or that
// nothing was written then), "Show newer entries" asks for the next page
// toward the present, and "Back to the newest entries" returns to the top.
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, expect, it, vi } from "vitest";
import type { EntryView } from "../../lib/ipc";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend } = await import("../../lib/ipc/fakeBackend");
const { clearJournalState, session } = await import("../../lib/session.svelte");
const { default: Timeline } = await import("./Timeline.svelte");

function entry(id: number): EntryView {
  const at = new Date(Date.UTC(2024, 2, 1) + id * 86_400_000).toISOString();
  return {
    id,
    createdAt: at,
    updatedAt: at,
    body: `entry ${id}`,
    html: `<p>entry ${id}</p>`,
    meta: { relationshipId: null, frameworkId: null, stepId: null, mood: null, tags: [] },
  };
}

let backend: InstanceType<typeof FakeBackend>;

beforeEach(() => {
  clearJournalState();
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
  backend = new FakeBackend(vi.mocked(invoke));
  backend.returns("list_entries", { entries: [entry(9), entry(8)], next: null });
});

it("after a jump says what it shows, then pages toward the present and back to the newest", async () => {
  const feed = session.journal.timeline;
  render(Timeline, { feed, hidden: false, onopen: vi.fn(), onnew: vi.fn() });
  await waitFor(() => expect(screen.getByText("entry 9")).toBeTruthy());
  expect(document.getElementById("load-more-newer")).toBeNull();

  backend.returns("jump_to_day", {
    on: "2024-03-05",
    entries: [entry(4), entry(3)],
    next: null,
    newer: { createdAt: entry(4).createdAt, id: 4 },
    onTheDay: 1,
  });
  await session.journal.jumpTo(feed, "2024-03-05");
  const status = await screen.findByText(/Showing .* and what came before it\./u);
  expect(status.closest("[role=status]")).toBeTruthy();
  expect(screen.queryByText("entry 9")).toBeNull();

  backend.returns("list_newer_entries", { entries: [entry(5), entry(6)], next: null });
  await fireEvent.click(screen.getByRole("button", { name: "Show newer entries" }));
  await waitFor(() => expect(screen.getByText("entry 6")).toBeTruthy());
  expect(backend.argsOf("list_newer_entries")[0]).toMatchObject({ after: { id: 4 } });
  const shown = [...document.querySelectorAll("article")].map((a) => a.getAttribute("data-entry-id"));
  expect(shown).toEqual(["6", "5", "4", "3"]);
  expect(screen.queryByRole("button", { name: "Show newer entries" })).toBeNull();

  await fireEvent.click(screen.getByRole("button", { name: "Back to the newest entries" }));
  await waitFor(() => expect(screen.getByText("entry 9")).toBeTruthy());
  expect(screen.queryByText(/what came before it/u)).toBeNull();
});

it("says plainly when nothing was written on the day", async () => {
  const feed = session.journal.timeline;
  render(Timeline, { feed, hidden: false, onopen: vi.fn(), onnew: vi.fn() });
  backend.returns("jump_to_day", { on: "2024-03-05", entries: [entry(2)], next: null, newer: null, onTheDay: 0 });
  await session.journal.jumpTo(feed, "2024-03-05");
  expect(await screen.findByText(/^Nothing was written on .*\. Showing what came before it\.$/u)).toBeTruthy();
  backend.returns("jump_to_day", { on: "2019-01-01", entries: [], next: null, newer: null, onTheDay: 0 });
  await session.journal.jumpTo(feed, "2019-01-01");
  expect(await screen.findByText(/^Nothing was written on or before/u)).toBeTruthy();
  expect(document.getElementById("empty-state")).toBeNull();
});
