// The words the UI uses for the back end's codes: roles, kinds of breach,
// events, step progress and who made a commitment. Kept in one place so every
// screen says the same thing.

import type { BreachKind, CheckStatus, CommitmentOwner, EventKind, Role, StepStatus } from "./ipc";
import { formatDate } from "./format";

export const ROLE_CHOICES: readonly { role: Role; title: string; detail: string }[] = [
  {
    role: "repairer",
    title: "I let them down and want to make it right",
    detail: "Something I did broke their trust. I want to own it and rebuild what I can.",
  },
  {
    role: "decider",
    title: "They broke my trust",
    detail: "I'm working out what happened, and whether, or how far, to trust them again.",
  },
];

/** A quiet label beside a relationship's name. */
export function roleLabel(role: Role): string {
  return role === "repairer" ? "you're repairing" : "you're deciding";
}

/** One line under a relationship's name on its page. */
export function roleSentence(role: Role): string {
  return role === "repairer"
    ? "You're working on rebuilding their trust."
    : "You're deciding whether, and how far, to trust them again.";
}

export const BREACH_KINDS: readonly { kind: BreachKind; title: string; short: string; detail: string }[] = [
  {
    kind: "competence",
    title: "Skill or judgement",
    short: "a mistake, or something not done well",
    detail: "Someone's ability or judgement let the other down: a mistake, a task not done well.",
  },
  {
    kind: "integrity",
    title: "Honesty or fairness",
    short: "something untrue or unfair, or a confidence broken",
    detail: "Something wasn't true, wasn't fair, or a confidence wasn't kept.",
  },
  {
    kind: "care",
    title: "Feeling cared for",
    short: "someone felt overlooked or unheard",
    detail: "Someone felt overlooked, unheard or left on their own.",
  },
];

export function breachKindTitle(kind: BreachKind): string {
  return BREACH_KINDS.find((k) => k.kind === kind)?.title ?? kind;
}

export const EVENT_KINDS: readonly { kind: EventKind; label: string }[] = [
  { kind: "breach", label: "What broke the trust" },
  { kind: "repeatBreach", label: "It happened again" },
  { kind: "milestone", label: "A moment worth marking" },
];

export function eventKindLabel(kind: EventKind): string {
  return EVENT_KINDS.find((k) => k.kind === kind)?.label ?? kind;
}

/** Whose commitment it is, from the point of view of the person writing. */
export function commitmentOwnerLabel(owner: CommitmentOwner, name: string): string {
  switch (owner) {
    case "me":
      return "You";
    case "them":
      return name;
    case "both":
      return `You and ${name}`;
  }
}

/** A step's progress in words, so it never depends on colour alone. */
export function stepStatusLabel(status: StepStatus, lastDoneAt: string | null, locale?: string): string {
  switch (status) {
    case "untouched":
      return "Not started";
    case "inProgress":
      return "In progress";
    case "done":
      return lastDoneAt === null ? "Done" : `Done ${formatDate(lastDoneAt, locale)}`;
  }
}

/** How an apology check stands, in words: a reflection, not a grade. */
export function checkStatusLabel(status: CheckStatus): string {
  switch (status) {
    case "met":
      return "There";
    case "missing":
      return "Not there yet";
    case "problem":
      return "Worth a second look";
  }
}
