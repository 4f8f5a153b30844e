// Search's store: what is typed becomes a debounced question, only the latest
// answer lands, nothing to ask clears the hits, and saved or deleted entries
// stay in step. The back end is a stand-in behind the real IPC layer.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EntryView, SearchResults } from "../../lib/ipc";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend, deferred } = await import("../../lib/ipc/fakeBackend");
const { forgetAnswersInFlight } = await import("../../lib/ipc/call");
const { onLockedOut } = await import("../../lib/lockout");
const { SearchStore, SEARCH_DELAY_MS } = await import("./store.svelte");

function entry(id: number, relationshipId: number | null = null): EntryView {
  return {
    id,
    createdAt: "2025-11-01T09:00:00Z",
    updatedAt: "2025-11-01T09:00:00Z",
    body: `body ${id}`,
    html: `<p>body ${id}</p>`,
    meta: { relationshipId, frameworkId: null, stepId: null, mood: null, tags: [] },
  };
}

function results(...ids: number[]): SearchResults {
  return { hits: ids.map((id) => ({ entry: entry(id, 3), snippet: `<mark>body</mark> ${id}` })), more: false };
}

let backend: InstanceType<typeof FakeBackend>;
let store: InstanceType<typeof SearchStore>;
let lockedOut: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  vi.useFakeTimers();
  backend = new FakeBackend(vi.mocked(invoke));
  store = new SearchStore();
  lockedOut = vi.fn<() => void>();
  onLockedOut(lockedOut);
});

afterEach(() => {
  store.dispose();
  vi.useRealTimers();
});

describe("asking", () => {
  it("waits for typing to pause, then asks once for the latest words", async () => {
    backend.returns("search", results(1, 2));
    store.text = "gar";
    store.ask();
    store.text = "garden";
    store.ask();
    expect(store.busy).toBe(true);
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    expect(backend.argsOf("search")).toHaveLength(1);
    expect(backend.argsOf("search")[0]).toMatchObject({ query: { text: "garden", relationshipId: null } });
    expect(store.hits?.map((h) => h.entry.id)).toEqual([1, 2]);
    expect(store.busy).toBe(false);
  });

  it("asks at once when told to, with the filters chosen", async () => {
    backend.returns("search", results(4));
    store.relationship = "3";
    store.tag = "#walks";
    store.ask(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(backend.argsOf("search")[0]).toMatchObject({ query: { text: "", relationshipId: 3, tag: "walks" } });
    expect(store.filtered).toBe(true);
    expect(store.hits).toHaveLength(1);
  });

  it("clears the hits when there is nothing to ask", async () => {
    backend.returns("search", results(1));
    store.text = "walk";
    store.ask(true);
    await vi.advanceTimersByTimeAsync(0);
    store.text = "  ";
    store.ask();
    expect(store.query).toBeNull();
    expect(store.hits).toBeNull();
    expect(store.more).toBe(false);
  });

  it("keeps the failure to show, and clears it with the next answer", async () => {
    backend.fails("search", "storage");
    store.text = "walk";
    store.ask(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.failed).toMatchObject({ code: "storage" });
    backend.returns("search", results(1));
    store.ask(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.failed).toBeNull();
  });

  it("leads to the unlock screen when the vault is locked, without showing a failure", async () => {
    backend.fails("search", "locked");
    store.text = "walk";
    store.ask(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(lockedOut).toHaveBeenCalledTimes(1);
    expect(store.failed).toBeNull();
  });

  it("drops an answer that arrives after a lock", async () => {
    const answer = deferred<SearchResults>();
    backend.on("search", () => answer.promise);
    store.text = "walk";
    store.ask(true);
    forgetAnswersInFlight();
    answer.resolve(results(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.hits).toBeNull();
    expect(store.failed).toBeNull();
  });

  it("drops the answer on its way when search is left", async () => {
    const answer = deferred<SearchResults>();
    backend.on("search", () => answer.promise);
    store.text = "walk";
    store.ask(true);
    store.stop();
    answer.resolve(results(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.hits).toBeNull();
    expect(store.busy).toBe(false);
  });
});

describe("filters", () => {
  it("clears every filter but keeps the words", () => {
    store.text = "walk";
    store.relationship = "3";
    store.step = "f:s";
    store.mood = "calm";
    store.from = "2025-01-01";
    store.to = "2025-02-01";
    store.clearFilters();
    expect(store.filtered).toBe(false);
    expect(store.text).toBe("walk");
  });

  it("notices a backwards range of days", () => {
    store.from = "2025-02-01";
    store.to = "2025-01-01";
    expect(store.backwards).toBe(true);
  });

  it("loads the tags to filter by", async () => {
    backend.returns("list_tags", [{ name: "walks", count: 2 }]);
    await store.loadTags();
    expect(store.tags).toEqual([{ name: "walks", count: 2 }]);
  });
});

describe("keeping the hits in step", () => {
  it("follows edits and deletions", async () => {
    backend.returns("search", results(1, 2));
    store.text = "body";
    store.ask(true);
    await vi.advanceTimersByTimeAsync(0);
    store.upsert({ ...entry(1), body: "new" });
    expect(store.hits?.[0]?.entry.body).toBe("new");
    store.remove(1);
    expect(store.hits?.map((h) => h.entry.id)).toEqual([2]);
  });

  it("forgets a deleted relationship in the filter and the hits", async () => {
    backend.returns("search", results(1));
    store.relationship = "3";
    store.ask(true);
    await vi.advanceTimersByTimeAsync(0);
    store.forgetRelationship(3);
    expect(store.relationship).toBe("");
    expect(store.hits?.[0]?.entry.meta.relationshipId).toBeNull();
  });
});
