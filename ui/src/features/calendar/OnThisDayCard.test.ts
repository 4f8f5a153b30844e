// @vitest-environment jsdom
// "On this day": nothing unless the person turned it on; then a gentle card
// of earlier years' entries, each opening the entry, put away on request; on
// a relationship's page, that relationship can be left out (and let back in).
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { EntryView } from "../../lib/ipc";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend } = await import("../../lib/ipc/fakeBackend");
const { clearJournalState } = await import("../../lib/session.svelte");
const { default: OnThisDayCard } = await import("./OnThisDayCard.svelte");

const MEMORIES = [
  { id: 8, createdAt: "2025-06-15T20:00:00Z", on: "2025-06-15", yearsAgo: 1, excerpt: "A long walk by the river" },
  { id: 3, createdAt: "2023-06-15T10:00:00Z", on: "2023-06-15", yearsAgo: 3, excerpt: "The first talk" },
];

function stored(id: number): EntryView {
  return {
    id,
    createdAt: "2025-06-15T20:00:00Z",
    updatedAt: "2025-06-15T20:00:00Z",
    body: "A long walk by the river",
    html: "<p>A long walk by the river</p>",
    meta: { relationshipId: null, frameworkId: null, stepId: null, mood: null, tags: [] },
  };
}

let backend: InstanceType<typeof FakeBackend>;

beforeEach(() => {
  clearJournalState();
  backend = new FakeBackend(vi.mocked(invoke));
  backend.on("get_entry", (args) => stored(args.id as number));
});

describe("the journal's card", () => {
  it("shows nothing while the setting is off", async () => {
    backend.returns("on_this_day", { enabled: false, hiddenHere: false, memories: [] });
    render(OnThisDayCard, { relationshipId: null, onopen: vi.fn() });
    await waitFor(() => expect(backend.argsOf("on_this_day")).toHaveLength(1));
    expect(screen.queryByRole("heading", { name: "On this day" })).toBeNull();
  });

  it("lists earlier years' entries, opens one, says how to turn it off, and can be put away", async () => {
    backend.returns("on_this_day", { enabled: true, hiddenHere: false, memories: MEMORIES });
    const onopen = vi.fn();
    render(OnThisDayCard, { relationshipId: null, onopen });
    await screen.findByRole("heading", { name: "On this day" });
    expect(screen.getByText("A year ago", { exact: false })).toBeTruthy();
    expect(screen.getByText("3 years ago", { exact: false })).toBeTruthy();
    expect(screen.getByText(/turn off “On this day” in Settings/u)).toBeTruthy();

    await fireEvent.click(screen.getByRole("button", { name: /A long walk by the river/u }));
    await waitFor(() => expect(onopen).toHaveBeenCalledWith(stored(8)));
    expect(backend.argsOf("get_entry")).toEqual([{ id: 8 }]);

    await fireEvent.click(screen.getByRole("button", { name: "Put away for now" }));
    expect(screen.queryByRole("heading", { name: "On this day" })).toBeNull();
  });
});

describe("a relationship's card", () => {
  it("leaves the relationship out on request, and lets it back in", async () => {
    let hidden = false;
    backend.on("on_this_day", () => ({ enabled: true, hiddenHere: hidden, memories: hidden ? [] : MEMORIES }));
    backend.on("set_on_this_day_hidden", (args) => {
      hidden = args.hidden as boolean;
      return null;
    });
    render(OnThisDayCard, { relationshipId: 4, onopen: vi.fn() });
    await screen.findByRole("heading", { name: "On this day" });
    expect(backend.argsOf("on_this_day")[0]).toEqual({ filter: { relationshipId: 4 } });

    await fireEvent.click(screen.getByRole("button", { name: "Don't show these for this relationship" }));
    await screen.findByText(/leaves this relationship out/u);
    expect(backend.argsOf("set_on_this_day_hidden")).toEqual([{ relationshipId: 4, hidden: true }]);
    expect(screen.queryByRole("heading", { name: "On this day" })).toBeNull();

    await fireEvent.click(screen.getByRole("button", { name: "Include it again" }));
    await screen.findByRole("heading", { name: "On this day" });
    expect(backend.argsOf("set_on_this_day_hidden").at(-1)).toEqual({ relationshipId: 4, hidden: false });
  });
});
