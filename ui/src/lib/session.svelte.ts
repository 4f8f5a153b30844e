// Everything of the journal the UI holds while the vault is unlocked, as one
// root: each feature's store, and the drafts of the views that have no store
// of their own yet. Where the person is (the screen, the view, a reminder
// waiting) is `app/navigation.svelte.ts`.
//
// Invariants:
// - every piece of journal content (entries, editor text, previews, search
//   words and hits, names, guides, answers, drafts) lives under `session`, and
//   `clearJournalState()` replaces all of it with empty stores in one call;
// - clearing tells the IPC layer (`forgetAnswersInFlight`): an answer to
//   anything asked before the lock arrives as a StaleAnswer instead, so
//   nothing asked for before the lock can reappear after it; it also drops
//   the editor's and the view's save hooks, so nothing is saved after it;
// - nothing here is persisted (no web storage of any kind).

import * as ipc from "./ipc";
import type { ApologyReview, Conversation, EntryView, StepRef } from "./ipc";
import { JournalStore } from "../features/journal/store.svelte";
import { RelationshipsStore } from "../features/relationships/store.svelte";
import { SearchStore } from "../features/search/store.svelte";

/** A guided step being answered. */
export interface StepState {
  step: StepRef;
  /** One per prompt, in prompt order. */
  answers: string[];
  /** The prompt shown; the number of prompts means the review. */
  index: number;
  loaded: boolean;
  failed: unknown;
  mood: string;
  tags: string;
}

export interface ApologyState {
  relationshipId: number;
  text: string;
  /** The review of `reviewedText` (it quotes the draft). */
  review: ApologyReview | null;
  reviewedText: string;
  reviewFailed: unknown;
  /** The entry the draft was saved as, once saved. */
  entryId: number | null;
}

export interface PlannerState {
  relationshipId: number;
  conversations: Conversation[];
  loaded: boolean;
  failed: unknown;
  selected: number | null;
}

class Session {
  /** The feeds of entries, the editor, and the save hooks. */
  journal = $state(new JournalStore());
  search = $state(new SearchStore());
  relationships = $state(new RelationshipsStore());
  step = $state<StepState | null>(null);
  apology = $state<ApologyState | null>(null);
  planner = $state<PlannerState | null>(null);
}

export const session = new Session();

/** Drop every piece of journal content held by the UI. */
export function clearJournalState(): void {
  ipc.forgetAnswersInFlight();
  session.search.dispose();
  session.journal = new JournalStore();
  session.search = new SearchStore();
  session.relationships = new RelationshipsStore();
  session.step = null;
  session.apology = null;
  session.planner = null;
}

/** An entry was saved: show it wherever it is listed (the feeds, search's hits). */
export function upsertEntry(entry: EntryView): void {
  session.journal.upsert(entry);
  session.search.upsert(entry);
}

/** An entry was deleted: take it out of every list. */
export function removeEntry(id: number): void {
  session.journal.remove(id);
  session.search.remove(id);
}

/**
 * Entries were added behind the feeds' back (an import): start the feeds
 * again, so each loads afresh when next shown. (Search asks again whenever
 * it is shown.)
 */
export function entriesAddedElsewhere(): void {
  session.journal.restartFeeds();
}

/**
 * A view that saves as the person types (a guided step, a conversation plan)
 * registers how to flush it, so leaving the view or locking saves it first.
 */
export function registerViewWork(flush: () => Promise<boolean>): () => void {
  return session.journal.registerViewWork(flush);
}
