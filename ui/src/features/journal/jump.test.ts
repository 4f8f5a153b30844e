// Jumping the timeline to a day: the feed's entries are replaced by the day's
// page, "Show newer entries" then walks toward the present a page at a time
// (never reloading from the newest), and the drawn window stays bounded. The
// back end is a stand-in behind the real IPC layer (`invoke` mocked).
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { EntryView } from "../../lib/ipc";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend, deferred } = await import("../../lib/ipc/fakeBackend");
const { JournalStore, MAX_SHOWN, PAGE_SIZE, hasNewer, hasOlder, shownEntries } = await import("./store.svelte");

/** Entry ids count up with time: 1 is the oldest, NEWEST the newest. */
const NEWEST = 1000;

function entry(id: number): EntryView {
  const createdAt = new Date(Date.UTC(2024, 0, 1) + id * 3_600_000).toISOString();
  return {
    id,
    createdAt,
    updatedAt: createdAt,
    body: `body ${id}`,
    html: `<p>body ${id}</p>`,
    meta: { relationshipId: null, frameworkId: null, stepId: null, mood: null, tags: [] },
  };
}

const cursor = (id: number) => ({ createdAt: entry(id).createdAt, id });
const ids = (list: EntryView[]) => list.map((e) => e.id);

let backend: InstanceType<typeof FakeBackend>;
let store: InstanceType<typeof JournalStore>;

beforeEach(() => {
  backend = new FakeBackend(vi.mocked(invoke));
  store = new JournalStore();
  // The day asked for ends with entry 600.
  backend.on("jump_to_day", (args) => {
    const limit = args.limit as number;
    const shown = Array.from({ length: limit }, (_, i) => 600 - i);
    return { on: args.on, entries: shown.map(entry), next: cursor(600 - limit + 1), newer: cursor(600), onTheDay: 2 };
  });
  backend.on("list_newer_entries", (args) => {
    const after = (args.after as { id: number }).id;
    const limit = args.limit as number;
    const page = Array.from({ length: limit }, (_, i) => after + 1 + i).filter((id) => id <= NEWEST);
    const last = page[page.length - 1];
    return { entries: page.map(entry), next: last < NEWEST ? cursor(last) : null };
  });
});

describe("a jump to a day", () => {
  it("replaces the feed with the day's page, then walks forward to the newest", async () => {
    const feed = store.timeline;
    await store.jumpTo(feed, "2024-01-26");
    expect(backend.argsOf("jump_to_day")[0]).toEqual({ filter: null, on: "2024-01-26", limit: PAGE_SIZE });
    expect(ids(shownEntries(feed))).toEqual(Array.from({ length: PAGE_SIZE }, (_, i) => 600 - i));
    expect(feed.jump).toEqual({ on: "2024-01-26", onTheDay: 2 });
    expect(hasNewer(feed)).toBe(true);
    expect(hasOlder(feed)).toBe(true);

    let pages = 0;
    while (hasNewer(feed)) {
      await store.loadNewer(feed);
      pages += 1;
      const shown = ids(shownEntries(feed));
      expect(shown.length).toBeLessThanOrEqual(MAX_SHOWN);
      // Newest first, without gaps.
      expect(shown).toEqual(Array.from({ length: shown.length }, (_, i) => shown[0] - i));
    }
    expect(pages).toBe(Math.ceil((NEWEST - 600) / PAGE_SIZE));
    expect(ids(shownEntries(feed))[0]).toBe(NEWEST);
    expect(shownEntries(feed)).toHaveLength(MAX_SHOWN);
    expect(backend.argsOf("list_entries")).toHaveLength(0); // never reloaded from the newest
    // Everything walked through is loaded once, and older entries are drawn again on the way back.
    expect(new Set(ids(feed.entries)).size).toBe(feed.entries.length);
    await store.loadOlder(feed);
    expect(ids(shownEntries(feed)).at(-1)).toBe(NEWEST - MAX_SHOWN + 1 - PAGE_SIZE);
  });

  it("lands only the latest of two jumps", async () => {
    const late = deferred<unknown>();
    const answer = backend;
    let first = true;
    answer.on("jump_to_day", (args) => {
      if (first) {
        first = false;
        return late.promise;
      }
      return { on: args.on, entries: [entry(10)], next: null, newer: cursor(10), onTheDay: 1 };
    });
    const feed = store.timeline;
    const older = store.jumpTo(feed, "2024-01-01");
    await store.jumpTo(feed, "2024-01-02");
    late.resolve({ on: "2024-01-01", entries: [entry(5)], next: null, newer: cursor(5), onTheDay: 1 });
    await older;
    expect(ids(feed.entries)).toEqual([10]);
    expect(feed.jump?.on).toBe("2024-01-02");
  });

  it("keeps a new entry out of a page in the past, and back to the newest reloads from the top", async () => {
    const feed = store.timeline;
    await store.jumpTo(feed, "2024-01-26");
    store.upsert(entry(NEWEST + 1));
    expect(ids(feed.entries)).not.toContain(NEWEST + 1);

    backend.returns("list_entries", { entries: [entry(NEWEST + 1), entry(NEWEST)], next: null });
    await store.backToNewest(feed);
    expect(ids(shownEntries(feed))).toEqual([NEWEST + 1, NEWEST]);
    expect(feed.jump).toBeNull();
    expect(hasNewer(feed)).toBe(false);
  });

  it("passes a refusal on to the caller, leaving the entries as they were", async () => {
    const feed = store.timeline;
    await store.jumpTo(feed, "2024-01-26");
    backend.fails("jump_to_day", "invalidInput", "That date doesn't exist on the calendar.", "on");
    await expect(store.jumpTo(feed, "2026-02-30")).rejects.toMatchObject({ field: "on" });
    expect(ids(feed.entries)[0]).toBe(600);
  });
});
