// Where the person is: the screen (the vault's states, the journal, the
// settings), the view inside the journal (a route: a kind and at most an id),
// and where a clicked reminder leads once the journal can show it. Moving goes
// through here, so leaving a view always saves what it has pending first.
//
// Invariants:
// - nothing here is journal content: the view is reset at a lock with the
//   rest, and the only thing kept across a lock is `pendingTarget` (a kind and
//   at most a relationship id, never journal text);
// - locking clears the journal state through one call (`clearJournalState`);
// - nothing here is persisted.

import * as ipc from "../lib/ipc";
import type { EntryView, LockReason, StepRef } from "../lib/ipc";
import { onLockedOut } from "../lib/lockout";
import { clearJournalState, session } from "../lib/session.svelte";
import type { ReminderTarget } from "./reminderTarget";

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

class Navigation {
  screen = $state<Screen>("loading");
  view = $state<View>({ kind: "journal" });
  /** Why the vault was last locked, when it is worth telling ("idle"). */
  lockNote = $state<LockReason | null>(null);
  /** A new passphrase was just set: say so at the top of the journal until dismissed. */
  passphraseResetDone = $state(false);
  /** Where a clicked reminder leads, kept until the journal is open (across locks). */
  pendingTarget = $state<ReminderTarget | null>(null);
  /**
   * "Hide" was asked for: nothing of the journal is shown while what is
   * pending is saved and the vault locks (the unlock screen follows).
   */
  hiding = $state(false);
}

export const navigation = new Navigation();

// Screens

/** The vault is locked (by the person, by the idle timer or found locked). */
export function showLocked(reason: LockReason | null): void {
  clearJournalState();
  navigation.view = { kind: "journal" };
  navigation.hiding = false;
  navigation.lockNote = reason === "idle" ? "idle" : null;
  navigation.passphraseResetDone = false;
  navigation.screen = "unlock";
}

// A failure that means "locked", wherever it is met, leads to the unlock screen.
onLockedOut(() => showLocked("idle"));

export function showJournal(): void {
  navigation.lockNote = null;
  navigation.passphraseResetDone = false;
  navigation.screen = "journal";
}

/** Unlocked with the recovery key: offer to choose a new passphrase before the journal. */
export function showPassphraseReset(): void {
  navigation.lockNote = null;
  navigation.passphraseResetDone = false;
  navigation.screen = "passphraseReset";
}

/** The new passphrase is in place: go to the journal and say so there. */
export function finishPassphraseReset(): void {
  showJournal();
  navigation.passphraseResetDone = true;
}

export function dismissPassphraseResetDone(): void {
  navigation.passphraseResetDone = false;
}

export function isUnlockedScreen(screen: Screen): boolean {
  return (
    screen === "journal" ||
    screen === "settings" ||
    screen === "recoveryOffer" ||
    screen === "passphraseReset"
  );
}

// A reminder waiting for the journal

/** Keep where a clicked reminder leads until the journal can show it; a newer one replaces it. */
export function holdTarget(target: ReminderTarget): void {
  navigation.pendingTarget = target;
}

/** The pending reminder target, if any, now cleared: it is used once. */
export function takePendingTarget(): ReminderTarget | null {
  const target = navigation.pendingTarget;
  navigation.pendingTarget = null;
  return target;
}

/** Forget a pending reminder target (there is no vault for it to point into). */
export function dropPendingTarget(): void {
  navigation.pendingTarget = null;
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

/** Close the editor the way "Done" does. False when it has to stay open. */
export function leaveEditor(): Promise<boolean> {
  return session.journal.editor === null ? Promise.resolve(true) : session.journal.leaveEditor();
}

/**
 * Show another view: close the editor the way "Done" does and save what the
 * current view has pending first. False when something has to stay open.
 */
export async function navigate(view: View): Promise<boolean> {
  const mark = ipc.lockMark();
  if (!(await leaveEditor())) return false;
  if (!(await session.journal.flushPendingSave())) return false;
  // Locked while saving: stay on the unlock screen.
  if (ipc.lockedSince(mark)) return false;
  navigation.view = view;
  navigation.screen = "journal";
  return true;
}

/** Open search, remembering where to go back to. */
export async function openSearch(): Promise<boolean> {
  const current = navigation.view;
  if (current.kind === "search" && navigation.screen === "journal" && session.journal.editor === null) return true;
  const back = current.kind === "search" ? session.search.back : current;
  if (!(await navigate({ kind: "search" }))) return false;
  session.search.back = back;
  return true;
}

export function closeSearch(): Promise<boolean> {
  return navigate(session.search.back);
}

/** A new entry in the editor; started from a relationship, it belongs to that relationship. */
export function openNewEntry(relationshipId: number | null = null): void {
  session.journal.startNew(relationshipId);
  navigation.screen = "journal";
}

/** An entry in the editor. */
export function openEntry(entry: EntryView): void {
  session.journal.open(entry);
  navigation.screen = "journal";
}

/** A new entry from wherever the person is: on a relationship's pages, it belongs to that relationship. */
export async function newEntryHere(): Promise<void> {
  const relationshipId = navigation.screen === "journal" ? viewRelationshipId(navigation.view) : null;
  const known = session.relationships.byId(relationshipId) !== undefined;
  if (await leaveEditor()) openNewEntry(known ? relationshipId : null);
}

/** The settings, once the editor is closed the way "Done" does. */
export async function openSettings(): Promise<void> {
  if (navigation.screen === "settings") return;
  if (await leaveEditor()) navigation.screen = "settings";
}
