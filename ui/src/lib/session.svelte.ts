// The UI's whole state, in one place.
//
// Invariants:
// - every piece of journal content (entries, editor text, previews) lives in
//   `session.journal`, and `clearJournalState()` replaces it with an empty one;
// - clearing bumps a generation number: an IPC result that was requested
//   before a lock must check `isCurrent(generation)` and be dropped otherwise,
//   so nothing written before the lock can reappear after it;
// - nothing here is persisted (no web storage of any kind).

import * as ipc from "./ipc";
import type { Cursor, EntryView, LockReason } from "./ipc";

export type Screen =
  | "loading" // asking the back end whether a vault exists
  | "unavailable" // the back end could not be reached
  | "welcome" // no vault yet: explain and create one
  | "recoveryOffer" // right after creating the vault
  | "unlock"
  | "passphraseReset" // unlocked with the recovery key: offer a new passphrase
  | "journal"
  | "settings";

/** An entry open in the editor. `id` is null until the first save creates it. */
export interface EditorDraft {
  id: number | null;
  body: string;
  /** True when this editor session created the entry (so leaving it blank removes it). */
  createdHere: boolean;
}

export interface JournalState {
  /** Newest first, as the back end returns them. */
  entries: EntryView[];
  /** Cursor for the next (older) page; null when every entry is loaded. */
  next: Cursor | null;
  /** The first page has arrived. */
  loaded: boolean;
  loading: boolean;
  loadFailed: unknown;
  editor: EditorDraft | null;
  /** Rendered Markdown of the editor text, when the preview is shown. */
  preview: string | null;
}

export const PAGE_SIZE = 50;

function emptyJournal(): JournalState {
  return {
    entries: [],
    next: null,
    loaded: false,
    loading: false,
    loadFailed: null,
    editor: null,
    preview: null,
  };
}

export const session = $state({
  screen: "loading" as Screen,
  /** Why the vault was last locked, when it is worth telling ("idle"). */
  lockNote: null as LockReason | null,
  /** A new passphrase was just set: say so at the top of the journal until dismissed. */
  passphraseResetDone: false,
  journal: emptyJournal(),
});

let generation = 0;

export function currentGeneration(): number {
  return generation;
}

export function isCurrent(requestedIn: number): boolean {
  return requestedIn === generation;
}

/** Drop every piece of journal content held by the UI. */
export function clearJournalState(): void {
  generation += 1;
  editorLeave = null;
  saveFlush = null;
  session.journal = emptyJournal();
}

/** The vault is locked (by the person, by the idle timer or found locked). */
export function showLocked(reason: LockReason | null): void {
  clearJournalState();
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

/** The editor registers how to flush its pending save and how to close itself. */
export function registerEditor(hooks: {
  flush: () => Promise<boolean>;
  leave: () => Promise<boolean>;
} | null): void {
  saveFlush = hooks?.flush ?? null;
  editorLeave = hooks?.leave ?? null;
}

/** Save whatever the editor has not saved yet. True when nothing is left unsaved. */
export function flushPendingSave(): Promise<boolean> {
  return saveFlush ? saveFlush() : Promise.resolve(true);
}

/** Close the editor the way "Done" does. False when it has to stay open. */
export function leaveEditor(): Promise<boolean> {
  return editorLeave ? editorLeave() : Promise.resolve(true);
}

// Timeline

/** Put a saved entry into the timeline: replace an older copy, or add a new one on top. */
export function upsertEntry(entry: EntryView): void {
  const entries = session.journal.entries;
  const index = entries.findIndex((e) => e.id === entry.id);
  if (index >= 0) entries[index] = entry;
  else entries.unshift(entry);
}

export function removeEntry(id: number): void {
  session.journal.entries = session.journal.entries.filter((e) => e.id !== id);
}

/** Load the first page, or the next older page. Safe to call repeatedly. */
export async function loadOlderEntries(): Promise<void> {
  const journal = session.journal;
  if (journal.loading) return;
  if (journal.loaded && journal.next === null) return;
  const requestedIn = generation;
  journal.loading = true;
  journal.loadFailed = null;
  try {
    const page = await ipc.listEntries(journal.loaded ? journal.next : null, PAGE_SIZE);
    if (!isCurrent(requestedIn)) return;
    const known = new Set(journal.entries.map((e) => e.id));
    journal.entries.push(...page.entries.filter((e) => !known.has(e.id)));
    journal.next = page.next;
    journal.loaded = true;
  } catch (error) {
    if (!isCurrent(requestedIn)) return;
    if (ipc.errorCodeOf(error) === "locked") {
      showLocked("idle");
      return;
    }
    journal.loadFailed = error;
  } finally {
    if (isCurrent(requestedIn)) journal.loading = false;
  }
}

// Opening and closing the editor

export function openNewEntry(): void {
  session.journal.preview = null;
  session.journal.editor = { id: null, body: "", createdHere: true };
  session.screen = "journal";
}

export function openEntry(entry: EntryView): void {
  session.journal.preview = null;
  session.journal.editor = { id: entry.id, body: entry.body, createdHere: false };
  session.screen = "journal";
}

export function closeEditor(): void {
  registerEditor(null);
  session.journal.preview = null;
  session.journal.editor = null;
}

// Locking

const FLUSH_BEFORE_LOCK_MS = 3_000;

/**
 * Lock at the person's request: save what is pending (waiting at most a few
 * seconds), then lock. The screen is cleared even if the back end fails,
 * because the person asked for their journal to be hidden.
 */
export async function lockNow(): Promise<void> {
  const timeout = new Promise<boolean>((resolve) =>
    setTimeout(() => resolve(false), FLUSH_BEFORE_LOCK_MS),
  );
  await Promise.race([flushPendingSave(), timeout]);
  try {
    await ipc.lock();
  } catch {
    // The screen is cleared regardless; the back end still locks when idle.
  }
  showLocked("user");
}
