// The words and small decisions behind the progress screens: how a checklist
// step stands, what a piece of evidence is called, how candidates are grouped
// for linking, what a check-in form holds, the decision choices, the check-in
// schedule choices and which parts a printed review includes. Pure: no IPC,
// no DOM, nothing logged (notes, reasons and excerpts are journal text).

import { isoDay } from "../../lib/days";
import { formatCalendarDay } from "../../lib/format";
import type { Role } from "../../lib/ipc";
import type {
  CheckIn,
  CheckInEvery,
  CheckInInput,
  Checklist,
  ChecklistState,
  Dashboard,
  DecisionChoice,
  ElementScores,
  EvidenceTarget,
  EvidenceView,
  RatingForm,
} from "../../lib/ipc/progress";

// Checklists

/** A step's state in words, so it never rests on colour alone. */
export function stepStateLabel(role: Role, state: ChecklistState): string {
  if (role === "decider") {
    switch (state) {
      case "open":
        return "Not seen yet";
      case "claimed":
        return "Seen";
      case "evidenced":
        return "Seen, with evidence";
    }
  }
  switch (state) {
    case "open":
      return "Not yet";
    case "claimed":
      return "Done";
    case "evidenced":
      return "Done, with evidence";
  }
}

/** "Seen on 3 March 2026" or "Done on 3 March 2026". */
export function markedLine(role: Role, markedOn: string, locale?: string): string {
  const day = formatCalendarDay(markedOn, locale);
  return role === "decider" ? `Seen on ${day}` : `Done on ${day}`;
}

/** Said under a mark made before the latest repeat breach. */
export function beforeRepeatBreachLine(breachDay: string, locale?: string): string {
  return `Marked before it happened again on ${formatCalendarDay(breachDay, locale)}.`;
}

/** The quiet hint under a mark that has no evidence yet; null when none is needed. */
export function evidenceHint(state: ChecklistState): string | null {
  return state === "claimed" ? "No evidence linked yet." : null;
}

/**
 * A step's line in the printed review, after its title: "Not seen yet.",
 * "Seen on 3 March 2026." or "Seen on 3 March 2026, with evidence.". The
 * "no evidence linked yet" hint is added only when the person asked for it.
 */
export function reportStepLine(
  role: Role,
  state: ChecklistState,
  markedOn: string | null,
  withHint: boolean,
  locale?: string,
): string {
  if (state === "open" || markedOn === null) return `${stepStateLabel(role, state)}.`;
  const line = markedLine(role, markedOn, locale);
  if (state === "evidenced") return `${line}, with evidence.`;
  return withHint ? `${line}. No evidence linked yet.` : `${line}.`;
}

/** The button that opens the marking form. */
export function markButtonLabel(role: Role, marked: boolean): string {
  if (marked) return "Change the date or note…";
  return role === "decider" ? "Mark as observed…" : "Mark as done…";
}

/** The heading of the marking form. */
export function markFormHeading(role: Role, title: string): string {
  return role === "decider" ? `When did you see “${title}”?` : `When did you do “${title}”?`;
}

/**
 * The key a step's element ids are built from ("check-<key>"). A step id is
 * used as it is unless an earlier checklist already used it (the repairer's
 * lists both have "acknowledge"); then the framework id is put in front.
 */
export function stepKeys(lists: readonly Checklist[]): Map<string, string> {
  const keys = new Map<string, string>();
  const used = new Set<string>();
  for (const list of lists) {
    for (const step of list.steps) {
      const key = used.has(step.stepId) ? `${step.frameworkId}-${step.stepId}` : step.stepId;
      used.add(key);
      keys.set(stepPath(step.frameworkId, step.stepId), key);
    }
  }
  return keys;
}

/** One string naming a step across frameworks. */
export function stepPath(frameworkId: string, stepId: string): string {
  return `${frameworkId}/${stepId}`;
}

/** The step's key from `stepKeys`, or its plain id. */
export function stepKey(keys: Map<string, string>, frameworkId: string, stepId: string): string {
  return keys.get(stepPath(frameworkId, stepId)) ?? stepId;
}

const OCCURRENCE_WORDS: Record<string, string> = {
  kept: "kept",
  partly: "partly kept",
  missed: "missed",
  renegotiated: "renegotiated",
};

const EVENT_WORDS: Record<string, string> = {
  breach: "Breach",
  repeatBreach: "It happened again",
  milestone: "Milestone",
};

/** The short kind label of a piece of evidence: "Entry", "It happened again", "Commitment kept". */
export function evidenceKindLabel(view: EvidenceView): string {
  switch (view.target.kind) {
    case "entry":
      return "Entry";
    case "event":
      return view.eventKind === null ? "Event" : (EVENT_WORDS[view.eventKind] ?? "Event");
    case "occurrence":
      return view.occurrenceStatus === null
        ? "Commitment"
        : `Commitment ${OCCURRENCE_WORDS[view.occurrenceStatus] ?? view.occurrenceStatus}`;
  }
}

/** How the printed review names evidence, without its words: "Journal entry, 3 March 2026". */
export function reportEvidenceLabel(view: EvidenceView, locale?: string): string {
  const day = formatCalendarDay(view.on, locale);
  switch (view.target.kind) {
    case "entry":
      return `Journal entry, ${day}`;
    case "event":
      return `Event: ${evidenceKindLabel(view)}, ${day}`;
    case "occurrence":
      return `${evidenceKindLabel(view)}, ${day}`;
  }
}

/** Whether two targets point to the same thing. */
export function sameTarget(a: EvidenceTarget, b: EvidenceTarget): boolean {
  return (
    a.kind === b.kind &&
    a.entryId === b.entryId &&
    a.eventId === b.eventId &&
    a.commitmentId === b.commitmentId &&
    a.dueOn === b.dueOn
  );
}

export type CandidateGroupId = "answers" | "entries" | "events" | "occurrences";

export interface CandidateGroup {
  id: CandidateGroupId;
  title: string;
  /** Each candidate with its place in the array the back end returned. */
  items: { index: number; view: EvidenceView }[];
}

const GROUP_TITLES: Record<CandidateGroupId, string> = {
  answers: "Your writing about this step",
  entries: "Other entries",
  events: "Moments you marked",
  occurrences: "Logged commitments",
};

const GROUP_ORDER: readonly CandidateGroupId[] = ["answers", "entries", "events", "occurrences"];

function groupOf(view: EvidenceView): CandidateGroupId {
  switch (view.target.kind) {
    case "entry":
      return view.answersStep ? "answers" : "entries";
    case "event":
      return "events";
    case "occurrence":
      return "occurrences";
  }
}

/** Candidates for linking, grouped (the step's own answers first); empty groups are left out. */
export function groupCandidates(candidates: readonly EvidenceView[]): CandidateGroup[] {
  const groups = new Map<CandidateGroupId, CandidateGroup>();
  for (const id of GROUP_ORDER) groups.set(id, { id, title: GROUP_TITLES[id], items: [] });
  candidates.forEach((view, index) => {
    groups.get(groupOf(view))?.items.push({ index, view });
  });
  return GROUP_ORDER.map((id) => groups.get(id)).filter(
    (group): group is CandidateGroup => group !== undefined && group.items.length > 0,
  );
}

/** What the picker says when there is nothing to link. */
export function noCandidatesLine(stepTitle: string): string {
  return `Nothing to link yet: write an entry about “${stepTitle}”, record an event, or log a commitment first.`;
}

/** The quiet line listing the days the person wrote about a step. */
export function writtenOnLine(days: readonly string[], locale?: string): string | null {
  if (days.length === 0) return null;
  const shown = days.map((day) => formatCalendarDay(day, locale));
  return days.length === 1 ? `You wrote about this on ${shown[0]}.` : `You wrote about this on ${shown.join(", ")}.`;
}

// Check-ins

export const ELEMENT_KEYS: readonly (keyof ElementScores)[] = ["able", "believable", "connected", "dependable"];

/** A score with one decimal, or a dash when nothing was answered. */
export function formatScore(score: number | null): string {
  return score === null ? "–" : score.toFixed(1);
}

/** What the check-in form holds while it is being filled in. */
export interface CheckInFields {
  on: string;
  /** Item id to 1..5; an item left out is skipped. */
  answers: Record<string, number>;
  trust: number;
  /** Leave the trust level out of this check-in. */
  trustSkipped: boolean;
  note: string;
}

export const DEFAULT_TRUST = 5;

export function newCheckInFields(on: string): CheckInFields {
  return { on, answers: {}, trust: DEFAULT_TRUST, trustSkipped: true, note: "" };
}

/** A saved check-in, loaded back into the form for changing. */
export function checkInFields(checkIn: CheckIn): CheckInFields {
  return {
    on: checkIn.on,
    answers: { ...checkIn.answers },
    trust: checkIn.trustLevel ?? DEFAULT_TRUST,
    trustSkipped: checkIn.trustLevel === null,
    note: checkIn.note,
  };
}

/**
 * The form as the back end takes it: the answers to this form's questions and,
 * for the decider, the trust level unless skipped. The back end checks it all
 * (a day that has come, at least one answer) and names the field at fault.
 */
export function toCheckInInput(fields: CheckInFields, role: Role, form: RatingForm): CheckInInput {
  const known = new Set(form.elements.flatMap((element) => element.items.map((item) => item.id)));
  const answers = Object.fromEntries(Object.entries(fields.answers).filter(([id]) => known.has(id)));
  const trustLevel = role === "decider" && !fields.trustSkipped ? Math.round(fields.trust) : null;
  return { on: fields.on.trim(), answers, trustLevel, note: fields.note.trim() };
}

/** The element a refused check-in field is shown at; null for the form as a whole. */
export function checkInFieldElement(field: string | null): string | null {
  return field === "on" ? "checkin-date" : null;
}

/** Newest first. */
export function newestCheckInsFirst(list: readonly CheckIn[]): CheckIn[] {
  return [...list].sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0));
}

// Decision reviews

export const DECISION_CHOICES: readonly { choice: DecisionChoice; label: string; detail: string }[] = [
  {
    choice: "extend",
    label: "Extend some trust",
    detail: "Letting a little more trust back in, at a pace that feels right to you.",
  },
  {
    choice: "hold",
    label: "Hold where things are",
    detail: "Keeping things as they are for now while you see how they go.",
  },
  {
    choice: "pause",
    label: "Pause and take some space",
    detail: "Stepping back for a while to rest or think, without deciding anything more yet.",
  },
  {
    choice: "stepAway",
    label: "Step away",
    detail: "Choosing to stop trying to rebuild this is a legitimate decision, and it can be the right one.",
  },
];

export function decisionLabel(choice: DecisionChoice): string {
  return DECISION_CHOICES.find((c) => c.choice === choice)?.label ?? choice;
}

// Check-in schedule

/** The schedule form's choice: no schedule, or one of the back end's `CheckInEvery` kinds. */
export type ScheduleEvery = "none" | Exclude<CheckInEvery["kind"], "custom">;

export const SCHEDULE_CHOICES: readonly { every: ScheduleEvery; label: string }[] = [
  { every: "none", label: "No regular check-in" },
  { every: "weekly", label: "Every week" },
  { every: "fortnightly", label: "Every two weeks" },
  { every: "monthly", label: "Every month" },
];

// The printed review

export type ReportSectionId =
  | "checklist"
  | "trust"
  | "consistency"
  | "heatmap"
  | "weekly"
  | "abcd"
  | "steps"
  | "decisions"
  | "evidenceHints"
  | "journalText";

export interface ReportSection {
  id: ReportSectionId;
  label: string;
  /** The chart ids of DashboardCharts this section draws; none for lists. */
  charts: readonly string[];
  /** Only offered to this role; both when absent. */
  role?: Role;
  byDefault: boolean;
}

export const REPORT_SECTIONS: readonly ReportSection[] = [
  { id: "checklist", label: "The checklist and where each step stands", charts: [], byDefault: true },
  { id: "trust", label: "Trust level over time", charts: ["trust"], role: "decider", byDefault: true },
  { id: "consistency", label: "Consistency score over time", charts: ["consistency"], byDefault: true },
  { id: "heatmap", label: "Calendar of kept and missed days", charts: ["heatmap"], byDefault: true },
  { id: "weekly", label: "Commitments week by week", charts: ["weekly"], byDefault: true },
  { id: "abcd", label: "ABCD ratings (the radar and the trend)", charts: ["abcdRadar", "abcdTrend"], byDefault: true },
  { id: "steps", label: "Steps done over time", charts: ["steps"], byDefault: true },
  { id: "decisions", label: "Decision reviews", charts: [], role: "decider", byDefault: false },
  {
    id: "evidenceHints",
    label: "Say which marked steps have no evidence linked yet",
    charts: [],
    byDefault: false,
  },
  {
    id: "journalText",
    label: "Include the words I wrote: notes, reasons and evidence excerpts",
    charts: [],
    byDefault: false,
  },
];

/** The id of a section's checkbox: "report-checklist", "report-journal-text". */
export function reportControlId(id: ReportSectionId): string {
  return `report-${id.replace(/[A-Z]/gu, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** The sections offered to a role. */
export function reportSectionsFor(role: Role): ReportSection[] {
  return REPORT_SECTIONS.filter((section) => section.role === undefined || section.role === role);
}

export type ReportSelection = Record<ReportSectionId, boolean>;

export function defaultReportSelection(): ReportSelection {
  const selection = {} as ReportSelection;
  for (const section of REPORT_SECTIONS) selection[section.id] = section.byDefault;
  return selection;
}

/** The chart ids to draw, in the order the sections are listed; only what is ticked and offered. */
export function selectedCharts(selection: ReportSelection, role: Role): string[] {
  return reportSectionsFor(role)
    .filter((section) => selection[section.id])
    .flatMap((section) => section.charts);
}

/** Whether a list section (checklist, decisions, journal text) is ticked and offered to the role. */
export function includes(selection: ReportSelection, role: Role, id: ReportSectionId): boolean {
  return selection[id] && reportSectionsFor(role).some((section) => section.id === id);
}

/**
 * The range a review covers at first: from the earliest day the relationship
 * has (its story's start) to today; the last 90 days when that is unknown.
 */
export function defaultReportRange(todayDay: string, earliest: string | null): { from: string; to: string } {
  if (earliest !== null && /^\d{4}-\d{2}-\d{2}$/u.test(earliest) && earliest <= todayDay) {
    return { from: earliest, to: todayDay };
  }
  const [year, month, day] = todayDay.split("-").map(Number);
  const start = new Date(year ?? 1970, (month ?? 1) - 1, (day ?? 1) - 89);
  return { from: isoDay(start), to: todayDay };
}

/** The first day worth offering in a review: the day it happened, or the day it was added, whichever is earlier. */
export function earliestDay(happenedOn: string | null, createdAt: string): string | null {
  const created = new Date(createdAt);
  const createdDay = Number.isNaN(created.getTime()) ? null : isoDay(created);
  if (happenedOn === null) return createdDay;
  if (createdDay === null) return happenedOn;
  return happenedOn < createdDay ? happenedOn : createdDay;
}

/** The dashboard with the person's own words (event notes, decision reasons) taken out, for a review without them. */
export function withoutWords(dashboard: Dashboard): Dashboard {
  return {
    ...dashboard,
    events: dashboard.events.map((event) => ({ ...event, note: "" })),
    decisions: dashboard.decisions.map((decision) => ({ ...decision, reasons: "" })),
  };
}
