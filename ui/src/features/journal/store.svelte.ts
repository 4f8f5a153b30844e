// The journal's own state: the feeds of entries (every entry, and the one
// relationship page shown), the entry open in the editor with its preview,
// and the hooks through which the editor and a view that saves as the person
// types (a guided step, a conversation plan) are flushed before leaving or
// locking.
//
// Invariants:
// - all of it is journal content: the session replaces the whole store at a
//   lock (`clearJournalState`), which also drops the hooks, so nothing is
//   saved after the lock;
// - a page of entries lands only in a feed that is still shown;
// - nothing here is persisted.

import * as ipc from "../../lib/ipc";
import type { Cursor, EntryMeta, EntryView } from "../../lib/ipc";
import { jumpToDay, listNewerEntries } from "../../lib/ipc/calendar";
import { lockedOut } from "../../lib/lockout";

export const PAGE_SIZE = 50;
/**
 * The most entries a feed draws at once. Scrolling further back drops the
 * newest from the page (they stay loaded, and "Show newer entries" brings them
 * back), so the page holds the same amount however far one scrolls.
 */
export const MAX_SHOWN = 200;

/** An entry open in the editor. `id` is null until the first save creates it. */
export interface EditorDraft {
  id: number | null;
  body: string;
  /** True when this editor session created the entry (so leaving it blank removes it). */
  createdHere: boolean;
  meta: EntryMeta;
}

/** A list of entries, newest first, loaded a page at a time. */
export interface Feed {
  /** Only this relationship's entries; every entry when null. */
  relationshipId: number | null;
  /** Newest first, as the back end returns them. */
  entries: EntryView[];
  /** Cursor for the next (older) page; null when every entry is loaded. */
  next: Cursor | null;
  /**
   * Cursor for the next newer page, after a jump to a day; null when the
   * loaded entries reach the newest.
   */
  newer: Cursor | null;
  /** The day jumped to (YYYY-MM-DD) and how many entries were written on it; null when none. */
  jump: { on: string; onTheDay: number } | null;
  /** The entries drawn: `entries[from..to]`, at most MAX_SHOWN of them. */
  from: number;
  to: number;
  /** The first page has arrived. */
  loaded: boolean;
  loading: boolean;
  loadFailed: unknown;
}

export function emptyFeed(relationshipId: number | null): Feed {
  return {
    relationshipId,
    entries: [],
    next: null,
    newer: null,
    jump: null,
    from: 0,
    to: 0,
    loaded: false,
    loading: false,
    loadFailed: null,
  };
}

/** The entries a feed draws. */
export function shownEntries(feed: Feed): EntryView[] {
  return feed.entries.slice(feed.from, feed.to);
}

/** Whether older entries can be drawn: loaded but not drawn, or not loaded yet. */
export function hasOlder(feed: Feed): boolean {
  return feed.to < feed.entries.length || feed.next !== null;
}

/** Keeps at most MAX_SHOWN drawn, dropping from the `end` that is out of sight. */
function clampShown(feed: Feed, keep: "newest" | "oldest"): void {
  if (feed.to - feed.from <= MAX_SHOWN) return;
  if (keep === "oldest") feed.from = feed.to - MAX_SHOWN;
  else feed.to = feed.from + MAX_SHOWN;
}

/** Whether newer entries can be drawn: loaded but not drawn, or not loaded since a jump. */
export function hasNewer(feed: Feed): boolean {
  return feed.from > 0 || feed.newer !== null;
}

/** Draws the page of entries just newer than those drawn (scrolling back up). */
export function showNewer(feed: Feed): void {
  feed.from = Math.max(0, feed.from - PAGE_SIZE);
  clampShown(feed, "newest");
}

export function emptyMeta(relationshipId: number | null = null): EntryMeta {
  return { relationshipId, frameworkId: null, stepId: null, mood: null, tags: [] };
}

type Flush = () => Promise<boolean>;

export class JournalStore {
  /** Every entry. */
  timeline = $state<Feed>(emptyFeed(null));
  /** The entries of the relationship page, when one is shown. */
  relationshipFeed = $state<Feed | null>(null);
  editor = $state<EditorDraft | null>(null);
  /** Rendered Markdown of the editor text, when the preview is shown. */
  preview = $state<string | null>(null);

  #saveFlush: Flush | null = null;
  #editorLeave: Flush | null = null;
  #viewFlush: Flush | null = null;

  // Hooks registered by the open editor and the current view.

  /** The editor registers how to flush its pending save and how to close itself. */
  registerEditor(hooks: { flush: Flush; leave: Flush } | null): void {
    this.#saveFlush = hooks?.flush ?? null;
    this.#editorLeave = hooks?.leave ?? null;
  }

  /**
   * A view that saves as the person types registers how to flush it, so
   * leaving the view or locking saves it first. Returns how to unregister.
   */
  registerViewWork(flush: Flush): () => void {
    this.#viewFlush = flush;
    return () => {
      if (this.#viewFlush === flush) this.#viewFlush = null;
    };
  }

  /** Save whatever the editor and the view have not saved yet. True when nothing is left unsaved. */
  async flushPendingSave(): Promise<boolean> {
    // Both start at once (before anything can unmount, when hiding).
    const [editorSaved, viewSaved] = await Promise.all([
      this.#saveFlush ? this.#saveFlush() : true,
      this.#viewFlush ? this.#viewFlush() : true,
    ]);
    return editorSaved && viewSaved;
  }

  /** Close the editor the way "Done" does. False when it has to stay open. */
  leaveEditor(): Promise<boolean> {
    return this.#editorLeave ? this.#editorLeave() : Promise.resolve(true);
  }

  // The editor

  /** A new entry; started from a relationship, it belongs to that relationship. */
  startNew(relationshipId: number | null = null): void {
    this.preview = null;
    this.editor = { id: null, body: "", createdHere: true, meta: emptyMeta(relationshipId) };
  }

  /** Edit an entry: a copy of its labels, so editing them changes nothing until saved. */
  open(entry: EntryView): void {
    this.preview = null;
    this.editor = {
      id: entry.id,
      body: entry.body,
      createdHere: false,
      meta: { ...entry.meta, tags: [...entry.meta.tags] },
    };
  }

  closeEditor(): void {
    this.registerEditor(null);
    this.preview = null;
    this.editor = null;
  }

  /** When an entry was written, if the journal has it loaded. */
  createdAtOf(id: number): string | null {
    return this.timeline.entries.find((e) => e.id === id)?.createdAt ?? null;
  }

  // Feeds

  /** Put a saved entry where it belongs: replace an older copy, add a new one on top, or drop it from a feed it left. */
  upsert(entry: EntryView): void {
    const place = (feed: Feed) => {
      const index = feed.entries.findIndex((e) => e.id === entry.id);
      const belongs = feed.relationshipId === null || entry.meta.relationshipId === feed.relationshipId;
      if (!belongs) {
        if (index >= 0) removeAt(feed, index);
      } else if (index >= 0) feed.entries[index] = entry;
      else if (feed.newer === null) {
        // A new entry goes on top, drawn when the top is (after a jump, the
        // walk toward the present reaches it in its turn).
        feed.entries.unshift(entry);
        if (feed.from > 0) feed.from += 1;
        feed.to += 1;
        clampShown(feed, "newest");
      }
    };
    place(this.timeline);
    if (this.relationshipFeed !== null) place(this.relationshipFeed);
  }

  remove(id: number): void {
    for (const feed of [this.timeline, this.relationshipFeed]) {
      const index = feed?.entries.findIndex((e) => e.id === id) ?? -1;
      if (feed && index >= 0) removeAt(feed, index);
    }
  }

  /** Entries were added behind the feeds' back (an import): each feed loads afresh when next shown. */
  restartFeeds(): void {
    this.timeline = emptyFeed(null);
    if (this.relationshipFeed !== null) this.relationshipFeed = emptyFeed(this.relationshipFeed.relationshipId);
  }

  /** A relationship page is about to show: its feed, kept if it is already this relationship's. */
  showRelationshipFeed(id: number): void {
    if (this.relationshipFeed?.relationshipId !== id) this.relationshipFeed = emptyFeed(id);
  }

  /** A relationship was deleted: its entries stay, as entries without a relationship. */
  forgetRelationship(id: number): void {
    if (this.relationshipFeed?.relationshipId === id) this.relationshipFeed = null;
    for (const entry of this.timeline.entries) {
      if (entry.meta.relationshipId === id) entry.meta.relationshipId = null;
    }
  }

  /**
   * Replace a feed's entries with those written on the day `on` (YYYY-MM-DD)
   * and before it; newer ones then come a page at a time ("Show newer
   * entries"). Only the latest jump lands. Refusals (an impossible date) are
   * thrown for the caller to show beside its field.
   */
  async jumpTo(feed: Feed, on: string): Promise<void> {
    const asked = ++this.#jumps;
    const filter = feed.relationshipId === null ? null : { relationshipId: feed.relationshipId };
    feed.loadFailed = null;
    const page = await jumpToDay(filter, on, PAGE_SIZE);
    if (asked !== this.#jumps || !this.#stillShown(feed)) return;
    feed.entries = page.entries;
    feed.next = page.next;
    feed.newer = page.newer;
    feed.jump = { on: page.on, onTheDay: page.onTheDay };
    feed.from = 0;
    feed.to = page.entries.length;
    feed.loaded = true;
    feed.loading = false;
  }

  /** Back to the newest entries, as when the journal first opens. */
  async backToNewest(feed: Feed): Promise<void> {
    this.#jumps += 1;
    Object.assign(feed, emptyFeed(feed.relationshipId));
    await this.loadOlder(feed);
  }

  /**
   * Draw the next newer page: loaded already (scrolled past), or, after a
   * jump, asked for toward the present. The drawn window stays at most
   * MAX_SHOWN, dropping the oldest drawn.
   */
  async loadNewer(feed: Feed): Promise<void> {
    if (feed.from > 0) {
      showNewer(feed);
      return;
    }
    if (feed.newer === null || feed.loading) return;
    feed.loading = true;
    feed.loadFailed = null;
    const jumps = this.#jumps;
    try {
      const filter = feed.relationshipId === null ? null : { relationshipId: feed.relationshipId };
      const page = await listNewerEntries(filter, feed.newer, PAGE_SIZE);
      if (!this.#stillShown(feed) || jumps !== this.#jumps) return;
      const known = new Set(feed.entries.map((e) => e.id));
      const added = page.entries.filter((e) => !known.has(e.id)).reverse();
      feed.entries.unshift(...added);
      feed.to += added.length;
      feed.newer = page.next;
      clampShown(feed, "newest");
    } catch (error) {
      if (!this.#stillShown(feed) || lockedOut(error)) return;
      feed.loadFailed = error;
    } finally {
      if (this.#stillShown(feed)) feed.loading = false;
    }
  }

  #jumps = 0;

  #stillShown(feed: Feed): boolean {
    return this.timeline === feed || this.relationshipFeed === feed;
  }

  /**
   * Draw the next older page of a feed: loaded already (after "Show newer
   * entries"), or asked for. Safe to call repeatedly.
   */
  async loadOlder(feed: Feed): Promise<void> {
    if (feed.loading) return;
    if (feed.to < feed.entries.length) {
      feed.to = Math.min(feed.entries.length, feed.to + PAGE_SIZE);
      clampShown(feed, "oldest");
      return;
    }
    if (feed.loaded && feed.next === null) return;
    const jumps = this.#jumps;
    // A jump or a return to the newest since the question replaced what it would extend.
    const stillShown = () => this.#stillShown(feed) && jumps === this.#jumps;
    feed.loading = true;
    feed.loadFailed = null;
    try {
      const filter = feed.relationshipId === null ? null : { relationshipId: feed.relationshipId };
      const page = await ipc.listEntries(filter, feed.loaded ? feed.next : null, PAGE_SIZE);
      if (!stillShown()) return;
      const known = new Set(feed.entries.map((e) => e.id));
      feed.entries.push(...page.entries.filter((e) => !known.has(e.id)));
      feed.next = page.next;
      feed.loaded = true;
      feed.to = feed.entries.length;
      clampShown(feed, "oldest");
    } catch (error) {
      if (!stillShown() || lockedOut(error)) return;
      feed.loadFailed = error;
    } finally {
      if (stillShown()) feed.loading = false;
    }
  }
}

/** Takes the entry at `index` out of a feed, keeping the drawn range on the same entries. */
function removeAt(feed: Feed, index: number): void {
  feed.entries.splice(index, 1);
  if (index < feed.from) feed.from -= 1;
  if (index < feed.to) feed.to -= 1;
}
