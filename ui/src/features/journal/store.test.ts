// The journal store: feeds loaded a page at a time, kept in step with saves,
// the editor's draft, and the hooks that flush before leaving. The back end
// is a stand-in behind the real IPC layer (`invoke` mocked).
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { EntryView, TimelinePage } from "../../lib/ipc";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend, deferred } = await import("../../lib/ipc/fakeBackend");
const { forgetAnswersInFlight } = await import("../../lib/ipc/call");
const { onLockedOut } = await import("../../lib/lockout");
const { JournalStore, MAX_SHOWN, PAGE_SIZE, emptyFeed, hasOlder, shownEntries, showNewer } = await import(
  "./store.svelte"
);

function entry(id: number, relationshipId: number | null = null): EntryView {
  const createdAt = `2025-11-${String(id).padStart(2, "0")}T09:00:00Z`;
  return {
    id,
    createdAt,
    updatedAt: createdAt,
    body: `body ${id}`,
    html: `<p>body ${id}</p>`,
    meta: { relationshipId, frameworkId: null, stepId: null, mood: null, tags: [] },
  };
}

let backend: InstanceType<typeof FakeBackend>;
let store: InstanceType<typeof JournalStore>;
let lockedOut: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  backend = new FakeBackend(vi.mocked(invoke));
  store = new JournalStore();
  lockedOut = vi.fn<() => void>();
  onLockedOut(lockedOut);
});

describe("a bounded number of entries drawn", () => {
  /** Answers list_entries with pages of PAGE_SIZE ids counting down from `newest`, `pages` of them. */
  function pagesFrom(newest: number, pages: number): void {
    backend.on("list_entries", (args) => {
      const before = args.before as { id: number } | null;
      const start = before === null ? newest : before.id - 1;
      const ids = Array.from({ length: PAGE_SIZE }, (_, i) => start - i);
      const last = ids[ids.length - 1];
      const more = last > newest - pages * PAGE_SIZE + 1;
      return { entries: ids.map((id) => entry(id)), next: more ? { createdAt: "x", id: last } : null };
    });
  }

  const ids = (list: EntryView[]) => list.map((e) => e.id);

  it("draws at most MAX_SHOWN however many pages were loaded, dropping the newest", async () => {
    pagesFrom(1000, 6);
    const feed = store.timeline;
    for (let i = 0; i < 6; i += 1) await store.loadOlder(feed);
    expect(feed.entries).toHaveLength(6 * PAGE_SIZE);
    expect(shownEntries(feed)).toHaveLength(MAX_SHOWN);
    expect(ids(shownEntries(feed))[0]).toBe(1000 - (6 * PAGE_SIZE - MAX_SHOWN));
    expect(ids(shownEntries(feed)).at(-1)).toBe(1000 - 6 * PAGE_SIZE + 1);
    expect(hasOlder(feed)).toBe(false);
  });

  it("brings newer entries back without asking again, and older ones back the same way", async () => {
    pagesFrom(1000, 6);
    const feed = store.timeline;
    for (let i = 0; i < 6; i += 1) await store.loadOlder(feed);
    const asked = backend.argsOf("list_entries").length;

    showNewer(feed);
    expect(shownEntries(feed)).toHaveLength(MAX_SHOWN);
    expect(ids(shownEntries(feed))[0]).toBe(1000 - (6 * PAGE_SIZE - MAX_SHOWN) + PAGE_SIZE);
    showNewer(feed);
    showNewer(feed);
    expect(feed.from).toBe(0);
    expect(ids(shownEntries(feed))[0]).toBe(1000);
    expect(hasOlder(feed)).toBe(true);

    await store.loadOlder(feed);
    expect(backend.argsOf("list_entries")).toHaveLength(asked);
    expect(shownEntries(feed)).toHaveLength(MAX_SHOWN);
    expect(ids(shownEntries(feed))[0]).toBe(1000 - PAGE_SIZE);
  });

  it("keeps the drawn entries in place when one is added on top or deleted", async () => {
    pagesFrom(1000, 6);
    const feed = store.timeline;
    for (let i = 0; i < 6; i += 1) await store.loadOlder(feed);
    const before = ids(shownEntries(feed));

    store.upsert(entry(5000));
    expect(ids(shownEntries(feed))).toEqual(before);
    expect(feed.entries[0].id).toBe(5000);

    store.remove(1000);
    expect(ids(shownEntries(feed))).toEqual(before);
    store.remove(before[3]);
    expect(ids(shownEntries(feed))).toEqual(before.filter((id) => id !== before[3]));
  });
});

describe("loading the timeline", () => {
  it("asks for the first page, then the next one with the cursor, then stops", async () => {
    const cursor = { createdAt: "2025-11-02T09:00:00Z", id: 2 };
    backend.returns("list_entries", { entries: [entry(3), entry(2)], next: cursor });
    await store.loadOlder(store.timeline);
    expect(backend.argsOf("list_entries")).toEqual([{ filter: null, before: null, limit: PAGE_SIZE }]);
    expect(store.timeline.entries.map((e) => e.id)).toEqual([3, 2]);
    expect(store.timeline.loaded).toBe(true);

    backend.returns("list_entries", { entries: [entry(2), entry(1)], next: null });
    await store.loadOlder(store.timeline);
    expect(backend.argsOf("list_entries")[1]).toEqual({ filter: null, before: cursor, limit: PAGE_SIZE });
    expect(store.timeline.entries.map((e) => e.id)).toEqual([3, 2, 1]);

    await store.loadOlder(store.timeline);
    expect(backend.argsOf("list_entries")).toHaveLength(2);
  });

  it("drops a page that arrives after the vault was locked", async () => {
    const page = deferred<TimelinePage>();
    backend.on("list_entries", () => page.promise);
    const loading = store.loadOlder(store.timeline);
    forgetAnswersInFlight();
    page.resolve({ entries: [entry(1)], next: null });
    await loading;
    expect(store.timeline.entries).toEqual([]);
    expect(store.timeline.loaded).toBe(false);
    expect(store.timeline.loadFailed).toBeNull();
  });

  it("keeps a failure to show, and leads to the unlock screen when the vault is locked", async () => {
    backend.fails("list_entries", "storage");
    await store.loadOlder(store.timeline);
    expect(store.timeline.loadFailed).toMatchObject({ code: "storage" });
    expect(store.timeline.loading).toBe(false);
    expect(lockedOut).not.toHaveBeenCalled();

    backend.fails("list_entries", "locked");
    await store.loadOlder(store.timeline);
    expect(lockedOut).toHaveBeenCalledTimes(1);
  });
});

describe("a relationship's own entries", () => {
  it("asks for that relationship's entries only", async () => {
    store.showRelationshipFeed(4);
    backend.returns("list_entries", { entries: [entry(2, 4)], next: null });
    await store.loadOlder(store.relationshipFeed!);
    expect(backend.argsOf("list_entries")[0]).toEqual({ filter: { relationshipId: 4 }, before: null, limit: PAGE_SIZE });
    expect(store.relationshipFeed?.entries.map((e) => e.id)).toEqual([2]);
  });

  it("keeps the feed when the same relationship is shown again", () => {
    store.showRelationshipFeed(4);
    store.relationshipFeed!.entries = [entry(2, 4)];
    store.showRelationshipFeed(4);
    expect(store.relationshipFeed?.entries).toHaveLength(1);
    store.showRelationshipFeed(5);
    expect(store.relationshipFeed).toEqual(emptyFeed(5));
  });

  it("drops a page for a relationship page that was left meanwhile", async () => {
    store.showRelationshipFeed(4);
    const page = deferred<TimelinePage>();
    backend.on("list_entries", () => page.promise);
    const loading = store.loadOlder(store.relationshipFeed!);
    store.showRelationshipFeed(5);
    page.resolve({ entries: [entry(2, 4)], next: null });
    await loading;
    expect(store.relationshipFeed?.entries).toEqual([]);
  });

  it("follows an entry when its relationship changes", () => {
    store.showRelationshipFeed(4);
    store.upsert(entry(1, 4));
    store.upsert(entry(2));
    expect(store.relationshipFeed?.entries.map((e) => e.id)).toEqual([1]);
    expect(store.timeline.entries.map((e) => e.id)).toEqual([2, 1]);

    store.upsert(entry(1, 9));
    expect(store.relationshipFeed?.entries).toEqual([]);
    expect(store.timeline.entries.find((e) => e.id === 1)?.meta.relationshipId).toBe(9);
  });

  it("keeps a deleted relationship's entries, without it", () => {
    store.showRelationshipFeed(4);
    store.upsert(entry(1, 4));
    store.forgetRelationship(4);
    expect(store.relationshipFeed).toBeNull();
    expect(store.timeline.entries[0]?.meta.relationshipId).toBeNull();
  });
});

describe("keeping the feeds in step with the editor", () => {
  it("puts a new entry on top, replaces an edited one, and removes a deleted one", () => {
    store.timeline.entries = [entry(2), entry(1)];
    store.upsert(entry(3));
    store.upsert({ ...entry(1), body: "changed" });
    expect(store.timeline.entries.map((e) => e.id)).toEqual([3, 2, 1]);
    expect(store.timeline.entries[2]?.body).toBe("changed");
    expect(store.createdAtOf(3)).toBe(entry(3).createdAt);
    store.remove(2);
    expect(store.timeline.entries.map((e) => e.id)).toEqual([3, 1]);
  });

  it("starts the feeds again after an import, so the new entries are loaded", async () => {
    store.timeline.entries = [entry(2)];
    store.timeline.loaded = true;
    store.showRelationshipFeed(4);
    store.relationshipFeed!.loaded = true;
    store.restartFeeds();
    expect(store.timeline).toEqual(emptyFeed(null));
    expect(store.relationshipFeed).toEqual(emptyFeed(4));

    backend.returns("list_entries", { entries: [entry(3), entry(2)], next: null });
    await store.loadOlder(store.timeline);
    expect(store.timeline.entries.map((e) => e.id)).toEqual([3, 2]);
  });

  it("leaves a missing relationship feed missing after an import", () => {
    store.restartFeeds();
    expect(store.relationshipFeed).toBeNull();
  });
});

describe("the editor's draft", () => {
  it("starts a new entry for the relationship it was started from", () => {
    store.startNew(6);
    expect(store.editor).toMatchObject({ id: null, body: "", createdHere: true });
    expect(store.editor?.meta).toEqual({ relationshipId: 6, frameworkId: null, stepId: null, mood: null, tags: [] });
  });

  it("copies an entry's labels, so editing them changes nothing until saved", () => {
    const original = { ...entry(1, 2), meta: { ...entry(1, 2).meta, tags: ["a"] } };
    store.open(original);
    store.editor!.meta.tags.push("b");
    expect(original.meta.tags).toEqual(["a"]);
    expect(store.editor?.createdHere).toBe(false);
  });

  it("closing drops the draft, its preview and the editor's hooks", async () => {
    store.startNew();
    store.preview = "<p>words</p>";
    const flush = vi.fn(async () => true);
    store.registerEditor({ flush, leave: async () => true });
    store.closeEditor();
    expect(store.editor).toBeNull();
    expect(store.preview).toBeNull();
    await store.flushPendingSave();
    expect(flush).not.toHaveBeenCalled();
  });
});

describe("the save hooks", () => {
  it("flushes the editor and the view together, and reports whether both saved", async () => {
    store.registerEditor({ flush: async () => true, leave: async () => true });
    const unregister = store.registerViewWork(async () => false);
    expect(await store.flushPendingSave()).toBe(false);
    unregister();
    expect(await store.flushPendingSave()).toBe(true);
  });

  it("only unregisters its own view work", async () => {
    const first = vi.fn(async () => true);
    const second = vi.fn(async () => true);
    const unregisterFirst = store.registerViewWork(first);
    store.registerViewWork(second);
    unregisterFirst();
    await store.flushPendingSave();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it("leaves at once when no editor is open", async () => {
    expect(await store.leaveEditor()).toBe(true);
  });
});
