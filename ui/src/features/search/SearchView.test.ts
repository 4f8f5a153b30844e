// @vitest-environment jsdom
// Searching as a person does: a word before anything is asked, the hits for
// what is typed (opened with a click or Enter), a plain sentence when nothing
// matches, and filters that can be cleared. The back end is a stand-in behind
// the real IPC layer (`invoke` mocked).
import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { EntryView, SearchResults } from "../../lib/ipc";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend } = await import("../../lib/ipc/fakeBackend");
const { clearJournalState, session } = await import("../../lib/session.svelte");
const { default: SearchView } = await import("./SearchView.svelte");

function entry(id: number): EntryView {
  return {
    id,
    createdAt: `2025-11-0${id}T09:00:00Z`,
    updatedAt: `2025-11-0${id}T09:00:00Z`,
    body: `river ${id}`,
    html: `<p>river ${id}</p>`,
    meta: { relationshipId: null, frameworkId: null, stepId: null, mood: null, tags: [] },
  };
}

let backend: InstanceType<typeof FakeBackend>;

beforeEach(() => {
  clearJournalState();
  backend = new FakeBackend(vi.mocked(invoke));
  backend.returns("list_tags", [{ name: "walks", count: 2 }]);
  backend.on("search", (args): SearchResults => {
    const text = (args.query as { text: string }).text;
    if (text !== "river") return { hits: [], more: false };
    return { hits: [1, 2].map((id) => ({ entry: entry(id), snippet: `a <mark>river</mark> ${id}` })), more: false };
  });
});

function show() {
  const onopen = vi.fn();
  render(SearchView, { hidden: false, onopen });
  return { onopen, input: screen.getByLabelText("Words to find") as HTMLInputElement };
}

function hits(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>("#search-results .search-hit"));
}

describe("searching", () => {
  it("invites a search before anything is asked, with the words focused", () => {
    const { input } = show();
    expect(screen.getByText("Type to search your entries, or choose a filter to list them.")).toBeTruthy();
    expect(document.activeElement).toBe(input);
    expect(backend.argsOf("search")).toEqual([]);
  });

  it("shows the hits for what is typed, with their matches marked", async () => {
    const { input } = show();
    await fireEvent.input(input, { target: { value: "river" } });
    await vi.waitFor(() => expect(hits()).toHaveLength(2));
    expect(screen.getByText("2 entries")).toBeTruthy();
    expect(hits()[0]?.querySelector("mark")?.textContent).toBe("river");
    expect(backend.argsOf("search")).toHaveLength(1);
  });

  it("opens a hit with a click or with Enter", async () => {
    const { input, onopen } = show();
    await fireEvent.input(input, { target: { value: "river" } });
    await vi.waitFor(() => expect(hits()).toHaveLength(2));
    await fireEvent.click(hits()[1]!);
    expect(onopen).toHaveBeenLastCalledWith(expect.objectContaining({ id: 2 }));
    await fireEvent.keyDown(input, { key: "ArrowDown" });
    expect(document.activeElement).toBe(hits()[0]);
    await fireEvent.keyDown(hits()[0]!, { key: "Enter" });
    expect(onopen).toHaveBeenLastCalledWith(expect.objectContaining({ id: 1 }));
  });

  it("says so when nothing matches", async () => {
    const { input } = show();
    await fireEvent.input(input, { target: { value: "mountain" } });
    const empty = await screen.findByText("No entries match “mountain”.");
    expect(empty.getAttribute("data-state")).toBe("none");
    expect(hits()).toEqual([]);
  });

  it("shows a failure in words", async () => {
    backend.fails("search", "storage");
    const { input } = show();
    await fireEvent.input(input, { target: { value: "river" } });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/files/);
  });
});

describe("filters", () => {
  it("lists by a tag alone, and clears the filters on request", async () => {
    show();
    const tag = screen.getByLabelText("Tag") as HTMLSelectElement;
    await vi.waitFor(() => expect(tag.options).toHaveLength(2));
    await fireEvent.change(tag, { target: { value: "walks" } });
    await vi.waitFor(() => expect(screen.getByText("No entries match with these filters.")).toBeTruthy());
    expect(backend.argsOf("search")[0]).toMatchObject({ query: { text: "", tag: "walks" } });

    await fireEvent.click(screen.getByRole("button", { name: "Clear the filters" }));
    expect(session.search.tag).toBe("");
    expect(screen.getByText("Type to search your entries, or choose a filter to list them.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Clear the filters" })).toBeNull();
  });

  it("says when the range of days is backwards", async () => {
    show();
    await fireEvent.input(screen.getByLabelText("From"), { target: { value: "2025-02-01" } });
    await fireEvent.input(screen.getByLabelText("To"), { target: { value: "2025-01-01" } });
    expect(screen.getByText("The “to” day comes before the “from” day, so nothing can match.")).toBeTruthy();
  });
});
