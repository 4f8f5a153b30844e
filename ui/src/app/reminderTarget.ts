// Where a clicked reminder notification leads. Pure: no state, no IPC.
//
// A target holds only a kind and, for a commitment, a relationship id, never
// any journal text, so it may wait in the session while the vault is locked.

import type { ReminderOpened } from "../lib/ipc";
import type { Screen } from "./navigation.svelte";

export type ReminderTarget =
  | { kind: "timeline" } // the journal of every entry
  | { kind: "newEntry" } // the journal, with a new entry open in the editor
  | { kind: "ledger"; relationshipId: number } // a relationship's page, scrolled to its commitments
  | { kind: "progress"; relationshipId: number } // a relationship's dashboard, for a check-in
  | { kind: "checklist"; relationshipId: number }; // a relationship's dashboard, scrolled to its checklist

const TIMELINE: ReminderTarget = { kind: "timeline" };

/** The payload of "reminder-opened", as a place to go. Anything unknown leads to the journal. */
export function reminderTarget(event: ReminderOpened): ReminderTarget {
  switch (event.kind) {
    case "commitmentDue":
      return isId(event.relationshipId) ? { kind: "ledger", relationshipId: event.relationshipId } : TIMELINE;
    case "checkIn":
      return isId(event.relationshipId) ? { kind: "progress", relationshipId: event.relationshipId } : TIMELINE;
    case "dailyReflection":
      return { kind: "newEntry" };
    case "weeklyReview":
      // Rust names the relationship to look back on when there is one (the only one).
      return isId(event.relationshipId) ? { kind: "checklist", relationshipId: event.relationshipId } : TIMELINE;
    default:
      // null: the summary of missed reminders; or a kind this UI does not know yet.
      return TIMELINE;
  }
}

function isId(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value);
}

/** A target about a relationship that no longer exists falls back to the journal. */
export function resolveTarget(target: ReminderTarget, relationships: readonly { id: number }[]): ReminderTarget {
  if (target.kind !== "ledger" && target.kind !== "progress" && target.kind !== "checklist") return target;
  return relationships.some((r) => r.id === target.relationshipId) ? target : TIMELINE;
}

/**
 * What to do with a reminder that arrives while `screen` is showing:
 * - "go": the journal is open, go there now;
 * - "hold": keep it until the journal opens (locked, unlocking, still starting,
 *   or a step of unlocking that must not be cut short: the one-time recovery
 *   key offer and the passphrase reset);
 * - "ignore": there is no vault, so nothing to point at.
 */
export type ReminderAction = "go" | "hold" | "ignore";

export function reminderAction(screen: Screen): ReminderAction {
  switch (screen) {
    case "journal":
    case "settings":
      return "go";
    case "welcome":
    case "restore":
      return "ignore";
    case "loading":
    case "unavailable":
    case "unlock":
    case "recoveryOffer":
    case "passphraseReset":
      return "hold";
  }
}
