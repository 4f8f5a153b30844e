// Search's state: what is typed and chosen, the hits for it, the tags to
// filter by, and where closing search goes back to. Asking is debounced and
// only the answer to the latest question lands (see `Latest`).
//
// Invariants:
// - the words, the hits and their snippets are journal content: the session
//   replaces the whole store at a lock (`clearJournalState`), after
//   `dispose()` has dropped any question still on its way;
// - what is typed and chosen stays while the person is elsewhere in the
//   journal, so coming back to search shows the same question, asked afresh;
// - nothing here is persisted.

import * as ipc from "../../lib/ipc";
import type { EntryView, SearchHit, SearchQuery, SearchResults, TagCount } from "../../lib/ipc";
import { Latest } from "../../lib/latest";
import { lockedOut } from "../../lib/lockout";
import type { View } from "../../app/navigation.svelte";
import { buildQuery, rangeIsBackwards, type SearchCriteria } from "./searchQuery";

/** How long typing may pause before the words are searched. */
export const SEARCH_DELAY_MS = 150;

export class SearchStore {
  text = $state("");
  /** Select values: "" means any. */
  relationship = $state("");
  step = $state("");
  tag = $state("");
  mood = $state("");
  /** "YYYY-MM-DD" from the date fields, or "". */
  from = $state("");
  to = $state("");

  /** Null until something has been asked. */
  hits = $state<SearchHit[] | null>(null);
  /** More entries match than were returned. */
  more = $state(false);
  busy = $state(false);
  failed = $state<unknown>(null);
  tags = $state<TagCount[]>([]);
  /** Where Escape goes back to. */
  back = $state<View>({ kind: "journal" });

  readonly #latest = new Latest<SearchQuery, SearchResults>({
    delayMs: SEARCH_DELAY_MS,
    run: (query) => ipc.search(query),
    onBusy: (busy) => {
      this.busy = busy;
    },
    onAnswer: (results) => {
      this.hits = results.hits;
      this.more = results.more;
      this.failed = null;
    },
    onError: (error) => {
      if (lockedOut(error)) return;
      this.failed = error;
    },
  });

  get criteria(): SearchCriteria {
    const { text, relationship, step, tag, mood, from, to } = this;
    return { text, relationship, step, tag, mood, from, to };
  }

  /** The question for what is typed and chosen; null when there is nothing to ask. */
  get query(): SearchQuery | null {
    return buildQuery(this.criteria);
  }

  /** Any filter is chosen. */
  get filtered(): boolean {
    return (
      this.relationship !== "" || this.step !== "" || this.tag !== "" || this.mood !== "" || this.from !== "" || this.to !== ""
    );
  }

  /** The "to" day comes before the "from" day. */
  get backwards(): boolean {
    return rangeIsBackwards(this);
  }

  /** Ask for what is typed and chosen (debounced unless `now`), or clear the hits when there is nothing to ask. */
  ask(now = false): void {
    const query = this.query;
    if (query === null) {
      this.#latest.cancel();
      this.hits = null;
      this.more = false;
      this.failed = null;
      return;
    }
    if (now) void this.#latest.askNow(query);
    else this.#latest.ask(query);
  }

  /** Search left the page: forget the question on its way (it is asked again on return). */
  stop(): void {
    this.#latest.cancel();
  }

  clearFilters(): void {
    this.relationship = "";
    this.step = "";
    this.tag = "";
    this.mood = "";
    this.from = "";
    this.to = "";
  }

  /** The tags to filter by, with how many entries carry each. */
  async loadTags(): Promise<void> {
    try {
      this.tags = await ipc.listTags();
    } catch (error) {
      lockedOut(error);
    }
  }

  /** An entry was saved: show its new text in the hits. */
  upsert(entry: EntryView): void {
    if (this.hits === null) return;
    for (const hit of this.hits) if (hit.entry.id === entry.id) hit.entry = entry;
  }

  remove(id: number): void {
    if (this.hits !== null) this.hits = this.hits.filter((h) => h.entry.id !== id);
  }

  /** A relationship was deleted: stop filtering by it; its entries stay, without a relationship. */
  forgetRelationship(id: number): void {
    if (this.relationship === String(id)) this.relationship = "";
    for (const hit of this.hits ?? []) {
      if (hit.entry.meta.relationshipId === id) hit.entry.meta.relationshipId = null;
    }
  }

  /** The journal is gone (a lock): drop anything still on its way. */
  dispose(): void {
    this.#latest.dispose();
  }
}
