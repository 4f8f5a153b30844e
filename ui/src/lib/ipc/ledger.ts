// The commitments ledger and the reminder settings, over IPC.
//
// Same rules as index.ts: one typed async function per command, camelCase
// argument keys (Tauri maps them to the Rust snake_case parameters), every
// rejection rethrown as a MendError, and nothing logged: promises, notes and
// logs are journal text.


import type { Commitment } from "./bindings/Commitment";
import type { CommitmentInput } from "./bindings/CommitmentInput";
import type { CommitmentLedger } from "./bindings/CommitmentLedger";
import type { CommitmentOwner } from "./bindings/CommitmentOwner";
import type { Consistency } from "./bindings/Consistency";
import type { OccurrenceLog } from "./bindings/OccurrenceLog";
import type { OccurrenceStatus } from "./bindings/OccurrenceStatus";
import type { OccurrenceView } from "./bindings/OccurrenceView";
import type { OwnerScore } from "./bindings/OwnerScore";
import type { RelationshipLedger } from "./bindings/RelationshipLedger";
import type { ReminderSettings } from "./bindings/ReminderSettings";
import type { Repeat } from "./bindings/Repeat";
import type { RepeatSummary } from "./bindings/RepeatSummary";
import type { Streak } from "./bindings/Streak";
import type { Weekday } from "./bindings/Weekday";
import { call } from "./call";

export type {
  Commitment,
  CommitmentInput,
  CommitmentLedger,
  CommitmentOwner,
  Consistency,
  OccurrenceLog,
  OccurrenceStatus,
  OccurrenceView,
  OwnerScore,
  RelationshipLedger,
  ReminderSettings,
  Repeat,
  RepeatSummary,
  Streak,
  Weekday,
};

/** The reminders that can be put off: the two check-ins and each commitment's. */
export type ReminderId = "daily" | "weekly" | `commitment-${number}`;


// Commitments

export function createCommitment(relationshipId: number, input: CommitmentInput): Promise<Commitment> {
  return call("create_commitment", { relationshipId, input });
}

/** Logged occurrences stay, even on days the new schedule no longer falls due. */
export function updateCommitment(id: number, input: CommitmentInput): Promise<Commitment> {
  return call("update_commitment", { id, input });
}

/**
 * A repeat rule in words (and a hint, for dates not every month has) while the
 * picker is filled in. Refused ("invalidInput", naming the field) while the
 * picker breaks one of the back end's limits.
 */
export function describeRepeat(repeat: Repeat, startsOn: string): Promise<RepeatSummary> {
  return call("describe_repeat", { repeat, startsOn });
}

/** Deletes the commitment and everything logged for it. */
export function deleteCommitment(id: number): Promise<void> {
  return call("delete_commitment", { id });
}

/**
 * Logs one due day; logging it again replaces the earlier log. Refused
 * ("invalidInput", with a readable sentence) for a day that isn't due, and for
 * a day still ahead unless it is "renegotiated".
 */
export function logOccurrence(commitmentId: number, log: OccurrenceLog): Promise<OccurrenceView> {
  return call("log_occurrence", { commitmentId, log });
}

/** Takes a log back: the day shows as not logged again. */
export function unlogOccurrence(commitmentId: number, dueOn: string): Promise<void> {
  return call("unlog_occurrence", { commitmentId, dueOn });
}

/** Every commitment with its due days (the last 90 and next 14), scores and streaks. */
export function relationshipLedger(relationshipId: number): Promise<RelationshipLedger> {
  return call("relationship_ledger", { relationshipId });
}

// Reminders

export function getReminderSettings(): Promise<ReminderSettings> {
  return call("get_reminder_settings");
}

export function setReminderSettings(settings: ReminderSettings): Promise<ReminderSettings> {
  return call("set_reminder_settings", { settings });
}

/** Fires the reminder once more `minutes` from now; false when no such reminder is on. */
export function snoozeReminder(id: ReminderId, minutes: number): Promise<boolean> {
  return call("snooze_reminder", { id, minutes });
}

/** Whether Mend starts, quietly in the tray, when the person logs in. */
export function getAutostart(): Promise<boolean> {
  return call("get_autostart");
}

export function setAutostart(enabled: boolean): Promise<boolean> {
  return call("set_autostart", { enabled });
}
