// The safety check's answers as they are ticked, and what the relationship page
// offers in each mode. Pure: no Svelte, no IPC. The questions, the intro and the
// support guidance come from the back end; only the UI's own words live here.

import type { Role } from "../../lib/ipc";
import type { FrameworkKind } from "../../lib/ipc/bindings/FrameworkKind";
import type { RelationshipMode, SafetyView } from "../../lib/ipc/safety";

/** What is ticked: the signs present, or "none of these". Both empty: not answered yet. */
export interface SafetyAnswers {
  present: string[];
  none: boolean;
}

/** The answers already given, as the form starts (nothing ticked if never answered). */
export function initialAnswers(view: Pick<SafetyView, "signs" | "checkedAt">): SafetyAnswers {
  const present = view.signs.filter((s) => s.present).map((s) => s.id);
  return { present, none: view.checkedAt !== null && present.length === 0 };
}

/** Ticking a sign unticks "none of these"; unticking it just takes it out. Order follows `order`. */
export function toggleSign(
  answers: SafetyAnswers,
  signId: string,
  checked: boolean,
  order: readonly string[] = [],
): SafetyAnswers {
  const chosen = new Set(answers.present);
  if (checked) chosen.add(signId);
  else chosen.delete(signId);
  const known = order.filter((id) => chosen.has(id));
  const rest = [...chosen].filter((id) => !order.includes(id));
  return { present: [...known, ...rest], none: checked ? false : answers.none };
}

/** Ticking "none of these" unticks every sign. */
export function toggleNone(answers: SafetyAnswers, checked: boolean): SafetyAnswers {
  return checked ? { present: [], none: true } : { present: answers.present, none: false };
}

/** Something has been chosen: at least one sign, or "none of these". */
export function answered(answers: SafetyAnswers): boolean {
  return answers.none || answers.present.length > 0;
}

/**
 * The frameworks the relationship page lists as sections of steps: the
 * person's own safety first (the back end sends it instead of the repair
 * frameworks in safety mode), then the repair frameworks.
 */
export function listedFrameworks<F extends { kind: FrameworkKind }>(frameworks: readonly F[]): F[] {
  return [...frameworks.filter((f) => f.kind === "safety"), ...frameworks.filter((f) => f.kind === "framework")];
}

/** The relationship page's actions that depend on the mode. */
export interface PageActions {
  /** "Work on an apology" (#open-apology). */
  apology: boolean;
  /** "Plan a conversation" (#open-planner). */
  planner: boolean;
  /** The quiet "Safety check" link (#open-safety-check). */
  safetyCheck: boolean;
  /** The #safety-mode section, with its support guidance. */
  safetySection: boolean;
}

export function pageActions(mode: RelationshipMode, role: Role): PageActions {
  const repair = mode === "repair";
  return {
    apology: repair && role === "repairer",
    planner: repair,
    safetyCheck: repair,
    safetySection: !repair,
  };
}

/**
 * The person chose the repair steps although their answers suggested looking
 * after themselves first: offer the way back (#safety-use-safety).
 */
export function offerSafetyReturn(view: Pick<SafetyView, "chosen" | "suggested" | "mode"> | null): boolean {
  return view !== null && view.chosen && view.suggested === "safety" && view.mode === "repair";
}

export const SAFETY_WORDS = {
  heading: "A few quiet questions",
  save: "Save my answers",
  saving: "Saving…",
  skip: "Not now",
  unanswered: "Tick whatever applies, or “None of these”. You can also leave this for now.",
  continue: "Go to my own pages for this relationship",
  recheck: "Answer the questions again",
  useRepair: "Show the repair steps anyway",
  useSafety: "Go back to the safety pages",
  checkLink: "Safety check",
  /** Shown on the relationship page in safety mode, above the support guidance. */
  modeLede:
    "Your answers suggest that looking after yourself matters more here than repairing trust. These pages are about you: what you need, and who could help. Stepping back from this relationship is a choice that deserves respect.",
  modeHeading: "Your own safety first",
} as const;
