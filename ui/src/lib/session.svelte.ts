// The UI's whole state, in one place.
//
// Invariants:
// - every piece of journal content (entries, editor text, previews) lives in
//   `session.journal`, and `clearJournalState()` replaces it with an empty one;
// - clearing tells the IPC layer (`forgetAnswersInFlight`): an answer to
//   anything asked before the lock arrives as a StaleAnswer instead, so
//   nothing asked for before the lock can reappear after it;
// - nothing here is persisted (no web storage of any kind);
// - the only thing kept across a lock is `pendingTarget`: where a clicked
//   reminder leads (a kind and at most a relationship id, never journal text).

import { emptyCatalog, type Catalog } from "../features/guide/catalog";
import * as ipc from "./ipc";
import type {
  ApologyReview,
  Conversation,
  Cursor,
  EntryMeta,
  EntryView,
  LockReason,
  Relationship,
  RelationshipEvent,
  RelationshipGuide,
  SearchHit,
  StepRef,
  TagCount,
} from "./ipc";
import type { ReminderTarget } from "../app/reminderTarget";

export type Screen =
  | "loading" // asking the back end whether a vault exists
  | "unavailable" // the back end could not be reached
  | "welcome" // no vault yet: explain and create one
  | "restore" // no vault yet: make one from a backup instead
  | "recoveryOffer" // right after creating the vault
  | "unlock"
  | "passphraseReset" // unlocked with the recovery key: offer a new passphrase
  | "journal"
  | "settings";

/** What the unlocked shell shows (the editor, when open, covers it). */
export type View =
  | { kind: "journal" } // every entry
  | { kind: "relationship"; id: number }
  | { kind: "relationshipForm"; id: number | null } // null: a new relationship
  | { kind: "step"; step: StepRef }
  | { kind: "search" }
  | { kind: "apology"; relationshipId: number }
  | { kind: "planner"; relationshipId: number }
  | { kind: "progress"; relationshipId: number } // the dashboard: checklists, check-ins, charts
  | { kind: "report"; relationshipId: number } // a printable review, with only what is ticked
  | { kind: "safety"; relationshipId: number }; // the safety check: a few quiet questions

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
  /** The first page has arrived. */
  loaded: boolean;
  loading: boolean;
  loadFailed: unknown;
}

/** The relationship page: its guide and events (the ledger loads its own commitments). */
export interface RelationshipPage {
  id: number;
  guide: RelationshipGuide | null;
  events: RelationshipEvent[];
  loading: boolean;
  failed: unknown;
}

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

export interface SearchState {
  text: string;
  /** Select values: "" means any. */
  relationship: string;
  step: string;
  tag: string;
  mood: string;
  from: string;
  to: string;
  /** Null until something has been asked. */
  hits: SearchHit[] | null;
  more: boolean;
  busy: boolean;
  failed: unknown;
  tags: TagCount[];
  /** Where Escape goes back to. */
  back: View;
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

export interface JournalState {
  view: View;
  /** Every entry. */
  timeline: Feed;
  /** The entries of the relationship page, when one is shown. */
  relationshipFeed: Feed | null;
  editor: EditorDraft | null;
  /** Rendered Markdown of the editor text, when the preview is shown. */
  preview: string | null;
  relationships: Relationship[];
  relationshipsLoaded: boolean;
  relationshipsFailed: unknown;
  /** Step titles for labelling entries and filtering search. */
  catalog: Catalog;
  page: RelationshipPage | null;
  step: StepState | null;
  search: SearchState;
  apology: ApologyState | null;
  planner: PlannerState | null;
}

export const PAGE_SIZE = 50;

export function emptyFeed(relationshipId: number | null): Feed {
  return { relationshipId, entries: [], next: null, loaded: false, loading: false, loadFailed: null };
}

export function emptyMeta(relationshipId: number | null = null): EntryMeta {
  return { relationshipId, frameworkId: null, stepId: null, mood: null, tags: [] };
}

function emptySearch(): SearchState {
  return {
    text: "",
    relationship: "",
    step: "",
    tag: "",
    mood: "",
    from: "",
    to: "",
    hits: null,
    more: false,
    busy: false,
    failed: null,
    tags: [],
    back: { kind: "journal" },
  };
}

function emptyJournal(): JournalState {
  return {
    view: { kind: "journal" },
    timeline: emptyFeed(null),
    relationshipFeed: null,
    editor: null,
    preview: null,
    relationships: [],
    relationshipsLoaded: false,
    relationshipsFailed: null,
    catalog: emptyCatalog(),
    page: null,
    step: null,
    search: emptySearch(),
    apology: null,
    planner: null,
  };
}

export const session = $state({
  screen: "loading" as Screen,
  /** Why the vault was last locked, when it is worth telling ("idle"). */
  lockNote: null as LockReason | null,
  /** A new passphrase was just set: say so at the top of the journal until dismissed. */
  passphraseResetDone: false,
  /** Where a clicked reminder leads, kept until the journal is open (across locks). */
  pendingTarget: null as ReminderTarget | null,
  /**
   * "Hide" was asked for: nothing of the journal is shown while what is
   * pending is saved and the vault locks (the unlock screen follows).
   */
  hiding: false,
  journal: emptyJournal(),
});

/** Drop every piece of journal content held by the UI. */
export function clearJournalState(): void {
  ipc.forgetAnswersInFlight();
  editorLeave = null;
  saveFlush = null;
  viewFlush = null;
  session.journal = emptyJournal();
}

/** The vault is locked (by the person, by the idle timer or found locked). */
export function showLocked(reason: LockReason | null): void {
  clearJournalState();
  session.hiding = false;
  session.lockNote = reason === "idle" ? "idle" : null;
  session.passphraseResetDone = false;
  session.screen = "unlock";
}

export function showJournal(): void {
  session.lockNote = null;
  session.passphraseResetDone = false;
  session.screen = "journal";
}

/** Unlocked with the recovery key: offer to choose a new passphrase before the journal. */
export function showPassphraseReset(): void {
  session.lockNote = null;
  session.passphraseResetDone = false;
  session.screen = "passphraseReset";
}

/** The new passphrase is in place: go to the journal and say so there. */
export function finishPassphraseReset(): void {
  showJournal();
  session.passphraseResetDone = true;
}

export function dismissPassphraseResetDone(): void {
  session.passphraseResetDone = false;
}

/** Keep where a clicked reminder leads until the journal can show it; a newer one replaces it. */
export function holdTarget(target: ReminderTarget): void {
  session.pendingTarget = target;
}

/** The pending reminder target, if any, now cleared: it is used once. */
export function takePendingTarget(): ReminderTarget | null {
  const target = session.pendingTarget;
  session.pendingTarget = null;
  return target;
}

/** Forget a pending reminder target (there is no vault for it to point into). */
export function dropPendingTarget(): void {
  session.pendingTarget = null;
}

export function isUnlockedScreen(screen: Screen): boolean {
  return (
    screen === "journal" ||
    screen === "settings" ||
    screen === "recoveryOffer" ||
    screen === "passphraseReset"
  );
}

// Hooks registered by the open editor.

let saveFlush: (() => Promise<boolean>) | null = null;
let editorLeave: (() => Promise<boolean>) | null = null;
let viewFlush: (() => Promise<boolean>) | null = null;

/** The editor registers how to flush its pending save and how to close itself. */
export function registerEditor(hooks: {
  flush: () => Promise<boolean>;
  leave: () => Promise<boolean>;
} | null): void {
  saveFlush = hooks?.flush ?? null;
  editorLeave = hooks?.leave ?? null;
}

/**
 * A view that saves as the person types (a guided step, a conversation plan)
 * registers how to flush it, so leaving the view or locking saves it first.
 */
export function registerViewWork(flush: () => Promise<boolean>): () => void {
  viewFlush = flush;
  return () => {
    if (viewFlush === flush) viewFlush = null;
  };
}

/** Save whatever the editor and the view have not saved yet. True when nothing is left unsaved. */
export async function flushPendingSave(): Promise<boolean> {
  // Both start at once (before anything can unmount, when hiding).
  const [editorSaved, viewSaved] = await Promise.all([
    saveFlush ? saveFlush() : true,
    viewFlush ? viewFlush() : true,
  ]);
  return editorSaved && viewSaved;
}

/** Close the editor the way "Done" does. False when it has to stay open. */
export function leaveEditor(): Promise<boolean> {
  return editorLeave ? editorLeave() : Promise.resolve(true);
}

// Feeds

function sameFeed(a: Feed | null, b: Feed | null): boolean {
  return a !== null && b !== null && a === b;
}

/** Put a saved entry where it belongs: replace an older copy, add a new one on top, or drop it from a feed it left. */
export function upsertEntry(entry: EntryView): void {
  const journal = session.journal;
  const place = (feed: Feed) => {
    const index = feed.entries.findIndex((e) => e.id === entry.id);
    const belongs = feed.relationshipId === null || entry.meta.relationshipId === feed.relationshipId;
    if (!belongs) {
      if (index >= 0) feed.entries.splice(index, 1);
    } else if (index >= 0) feed.entries[index] = entry;
    else feed.entries.unshift(entry);
  };
  place(journal.timeline);
  if (journal.relationshipFeed !== null) place(journal.relationshipFeed);
  const hits = journal.search.hits;
  if (hits !== null) {
    for (const hit of hits) if (hit.entry.id === entry.id) hit.entry = entry;
  }
}

/**
 * Entries were added behind the feeds' back (an import): start the feeds
 * again, so each loads afresh when next shown. (Search asks again whenever
 * it is shown.)
 */
export function entriesAddedElsewhere(): void {
  const journal = session.journal;
  journal.timeline = emptyFeed(null);
  if (journal.relationshipFeed !== null) journal.relationshipFeed = emptyFeed(journal.relationshipFeed.relationshipId);
}

export function removeEntry(id: number): void {
  const journal = session.journal;
  journal.timeline.entries = journal.timeline.entries.filter((e) => e.id !== id);
  if (journal.relationshipFeed !== null) {
    journal.relationshipFeed.entries = journal.relationshipFeed.entries.filter((e) => e.id !== id);
  }
  if (journal.search.hits !== null) journal.search.hits = journal.search.hits.filter((h) => h.entry.id !== id);
}

/** Load the first page of a feed, or its next older page. Safe to call repeatedly. */
export async function loadOlder(feed: Feed): Promise<void> {
  if (feed.loading) return;
  if (feed.loaded && feed.next === null) return;
  const stillShown = () =>
    sameFeed(session.journal.timeline, feed) || sameFeed(session.journal.relationshipFeed, feed);
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
  } catch (error) {
    if (!stillShown()) return;
    if (ipc.errorCodeOf(error) === "locked") {
      showLocked("idle");
      return;
    }
    feed.loadFailed = error;
  } finally {
    if (stillShown()) feed.loading = false;
  }
}

/** The journal of every entry. */
export function loadOlderEntries(): Promise<void> {
  return loadOlder(session.journal.timeline);
}

// Opening and closing the editor

/** A new entry; started from a relationship, it belongs to that relationship. */
export function openNewEntry(relationshipId: number | null = null): void {
  session.journal.preview = null;
  session.journal.editor = { id: null, body: "", createdHere: true, meta: emptyMeta(relationshipId) };
  session.screen = "journal";
}

export function openEntry(entry: EntryView): void {
  session.journal.preview = null;
  session.journal.editor = {
    id: entry.id,
    body: entry.body,
    createdHere: false,
    meta: { ...entry.meta, tags: [...entry.meta.tags] },
  };
  session.screen = "journal";
}

export function closeEditor(): void {
  registerEditor(null);
  session.journal.preview = null;
  session.journal.editor = null;
}

// Moving around

/** The relationship the current view is about, if any. */
export function viewRelationshipId(view: View): number | null {
  switch (view.kind) {
    case "relationship":
      return view.id;
    case "relationshipForm":
      return view.id;
    case "step":
      return view.step.relationshipId;
    case "apology":
    case "planner":
    case "progress":
    case "report":
    case "safety":
      return view.relationshipId;
    default:
      return null;
  }
}

/**
 * Show another view: close the editor the way "Done" does and save what the
 * current view has pending first. False when something has to stay open.
 */
export async function navigate(view: View): Promise<boolean> {
  const mark = ipc.lockMark();
  if (session.journal.editor !== null && !(await leaveEditor())) return false;
  if (!(await flushPendingSave())) return false;
  // Locked while saving: stay on the unlock screen.
  if (ipc.lockedSince(mark)) return false;
  session.journal.view = view;
  session.screen = "journal";
  return true;
}

/** Open search, remembering where to go back to. */
export async function openSearch(): Promise<boolean> {
  const current = session.journal.view;
  if (current.kind === "search" && session.screen === "journal" && session.journal.editor === null) return true;
  const back = current.kind === "search" ? session.journal.search.back : current;
  if (!(await navigate({ kind: "search" }))) return false;
  session.journal.search.back = back;
  return true;
}

export function closeSearch(): Promise<boolean> {
  return navigate(session.journal.search.back);
}

// Locking

const FLUSH_BEFORE_LOCK_MS = 3_000;

let locking: Promise<void> | null = null;

/**
 * Lock at the person's request: save what is pending (waiting at most a few
 * seconds), then lock. The screen is cleared even if the back end fails,
 * because the person asked for their journal to be hidden. Asked again while
 * locking, it waits for the lock already under way.
 */
export function lockNow(): Promise<void> {
  locking ??= lockAfterSaving().finally(() => {
    locking = null;
  });
  return locking;
}

async function lockAfterSaving(): Promise<void> {
  const timeout = new Promise<boolean>((resolve) =>
    setTimeout(() => resolve(false), FLUSH_BEFORE_LOCK_MS),
  );
  // The saves start here, synchronously, before anything else happens.
  await Promise.race([flushPendingSave(), timeout]);
  try {
    await ipc.lock();
  } catch {
    // The screen is cleared regardless; the back end still locks when idle.
  }
  showLocked("user");
}

/**
 * "Hide": lock as `lockNow` does, but stop showing anything of the journal at
 * once. The pending saves are started first, so views that unmount while
 * hiding (see `session.hiding`) only have to let them finish.
 */
export function hideNow(): Promise<void> {
  const locked = lockNow();
  session.hiding = true;
  return locked;
}
