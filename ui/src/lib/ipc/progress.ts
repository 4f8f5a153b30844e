// Checklists with evidence, check-ins (ABCD ratings and trust level), decision
// reviews, check-in schedules and the dashboard, over IPC.
//
// Same rules as index.ts: one typed async function per command, camelCase
// argument keys, every rejection rethrown as a MendError, and nothing logged:
// notes, reasons and evidence excerpts are journal text.


import type { CheckIn } from "./bindings/CheckIn";
import type { CheckInInput } from "./bindings/CheckInInput";
import type { CheckInEvery } from "./bindings/CheckInEvery";
import type { CheckInSchedule } from "./bindings/CheckInSchedule";
import type { CheckInScheduleInput } from "./bindings/CheckInScheduleInput";
import type { Checklist } from "./bindings/Checklist";
import type { ChecklistState } from "./bindings/ChecklistState";
import type { ChecklistStep } from "./bindings/ChecklistStep";
import type { Dashboard } from "./bindings/Dashboard";
import type { OwnerSeries } from "./bindings/OwnerSeries";
import type { DashboardRange } from "./bindings/DashboardRange";
import type { DayState } from "./bindings/DayState";
import type { DayTally } from "./bindings/DayTally";
import type { Decision } from "./bindings/Decision";
import type { DecisionChoice } from "./bindings/DecisionChoice";
import type { DecisionInput } from "./bindings/DecisionInput";
import type { ElementScores } from "./bindings/ElementScores";
import type { ElementView } from "./bindings/ElementView";
import type { EvidenceKind } from "./bindings/EvidenceKind";
import type { EvidenceTarget } from "./bindings/EvidenceTarget";
import type { EvidenceView } from "./bindings/EvidenceView";
import type { ItemView } from "./bindings/ItemView";
import type { RatingForm } from "./bindings/RatingForm";
import type { RatingPoint } from "./bindings/RatingPoint";
import type { ScorePoint } from "./bindings/ScorePoint";
import type { StepDone } from "./bindings/StepDone";
import type { StepMarkInput } from "./bindings/StepMarkInput";
import type { TheirEvidence } from "./bindings/TheirEvidence";
import type { TheirItemKind } from "./bindings/TheirItemKind";
import type { TheirRecord } from "./bindings/TheirRecord";
import type { TrustPoint } from "./bindings/TrustPoint";
import type { WeekTally } from "./bindings/WeekTally";
import { call } from "./call";

export type {
  CheckIn,
  CheckInInput,
  CheckInEvery,
  CheckInSchedule,
  CheckInScheduleInput,
  Checklist,
  ChecklistState,
  ChecklistStep,
  Dashboard,
  OwnerSeries,
  DashboardRange,
  DayState,
  DayTally,
  Decision,
  DecisionChoice,
  DecisionInput,
  ElementScores,
  ElementView,
  EvidenceKind,
  EvidenceTarget,
  EvidenceView,
  ItemView,
  RatingForm,
  RatingPoint,
  ScorePoint,
  StepDone,
  StepMarkInput,
  TheirEvidence,
  TheirItemKind,
  TheirRecord,
  TrustPoint,
  WeekTally,
};


// Checklists

/** The role's checklists: four steps (decider), or five A's and the three stages (repairer). */
export function checklists(relationshipId: number): Promise<Checklist[]> {
  return call("checklists", { relationshipId });
}

/** Marks a step done or observed on a day; marking again replaces the date and note. */
export function markStep(relationshipId: number, input: StepMarkInput): Promise<void> {
  return call("mark_step", { relationshipId, input });
}

/** Takes a mark back; linked evidence stays. */
export function unmarkStep(relationshipId: number, frameworkId: string, stepId: string): Promise<void> {
  return call("unmark_step", { relationshipId, frameworkId, stepId });
}

/** A step marked before a repeat breach still holds: marked again today, note and evidence kept. */
export function reconfirmStep(relationshipId: number, frameworkId: string, stepId: string): Promise<void> {
  return call("reconfirm_step", { relationshipId, frameworkId, stepId });
}

/** Entries (those answering the step first), events and logged occurrences not yet linked. */
export function evidenceCandidates(
  relationshipId: number,
  frameworkId: string,
  stepId: string,
): Promise<EvidenceView[]> {
  return call("evidence_candidates", { relationshipId, frameworkId, stepId });
}

export function linkEvidence(
  relationshipId: number,
  frameworkId: string,
  stepId: string,
  target: EvidenceTarget,
): Promise<void> {
  return call("link_evidence", { relationshipId, frameworkId, stepId, target });
}

export function unlinkEvidence(linkId: number): Promise<void> {
  return call("unlink_evidence", { linkId });
}

/** What the other person shared into the relationship, not yet linked to the step (read-only). */
export function theirEvidenceCandidates(
  relationshipId: number,
  frameworkId: string,
  stepId: string,
): Promise<TheirEvidence[]> {
  return call("their_evidence_candidates", { relationshipId, frameworkId, stepId });
}

/** Links a received item to a step; the link's id. */
export function linkTheirEvidence(
  relationshipId: number,
  frameworkId: string,
  stepId: string,
  itemId: number,
): Promise<number> {
  return call("link_their_evidence", { relationshipId, frameworkId, stepId, itemId });
}

/** Takes a received item off a step; it stays under "Shared with me". */
export function unlinkTheirEvidence(linkId: number): Promise<void> {
  return call("unlink_their_evidence", { linkId });
}

// Check-ins

/** The ABCD questions, worded for the relationship's role. */
export function ratingForm(relationshipId: number): Promise<RatingForm> {
  return call("rating_form", { relationshipId });
}

/** Saves one day's check-in; a second one on the same day replaces it. */
export function saveCheckIn(relationshipId: number, input: CheckInInput): Promise<CheckIn> {
  return call("save_check_in", { relationshipId, input });
}

/** Every check-in, oldest first. */
export function listCheckIns(relationshipId: number): Promise<CheckIn[]> {
  return call("list_check_ins", { relationshipId });
}

export function deleteCheckIn(relationshipId: number, on: string): Promise<void> {
  return call("delete_check_in", { relationshipId, on });
}

// Decision reviews (the decider's)

export function addDecision(relationshipId: number, input: DecisionInput): Promise<Decision> {
  return call("add_decision", { relationshipId, input });
}

/** Every decision review, oldest first. */
export function listDecisions(relationshipId: number): Promise<Decision[]> {
  return call("list_decisions", { relationshipId });
}

export function deleteDecision(id: number): Promise<void> {
  return call("delete_decision", { id });
}

// Check-in schedule

export function getCheckInSchedule(relationshipId: number): Promise<CheckInSchedule | null> {
  return call("get_check_in_schedule", { relationshipId });
}

export function setCheckInSchedule(
  relationshipId: number,
  input: CheckInScheduleInput,
): Promise<CheckInSchedule | null> {
  return call("set_check_in_schedule", { relationshipId, input });
}

export function clearCheckInSchedule(relationshipId: number): Promise<void> {
  return call("clear_check_in_schedule", { relationshipId });
}

// Dashboard

/** Everything the relationship's charts draw, for a range of days. */
export function relationshipDashboard(relationshipId: number, range: DashboardRange): Promise<Dashboard> {
  return call("relationship_dashboard", { relationshipId, range });
}

/** Opens the system print dialog for the page shown (printing, or saving as a PDF file). */
export function printReview(): Promise<void> {
  return call("print_review");
}
