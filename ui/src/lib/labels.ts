// The words the UI uses for the back end's codes: roles, kinds of breach,
// events, step progress and who made a commitment. Kept in one place so every
// screen says the same thing.

import type { BreachKind, CheckStatus, CommitmentOwner, EventKind, Power, Role, Setting, StepStatus } from "./ipc";
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

/**
 * The settings a relationship can have, grouped as the form offers them. `impliedPower`
 * mirrors the back end's `Setting::implied_power` (which applies it when none is given):
 * the form only prefills it, and the person can change it.
 */
export const SETTING_CHOICES: readonly { setting: Setting; group: "work" | "personal"; title: string; impliedPower: Power | null }[] = [
  { setting: "colleague", group: "work", title: "A colleague", impliedPower: null },
  { setting: "myManager", group: "work", title: "My manager", impliedPower: "them" },
  { setting: "someoneIManage", group: "work", title: "Someone I manage", impliedPower: "me" },
  { setting: "client", group: "work", title: "A client", impliedPower: null },
  { setting: "team", group: "work", title: "A team or group", impliedPower: null },
  { setting: "partner", group: "personal", title: "A partner", impliedPower: null },
  { setting: "family", group: "personal", title: "Family", impliedPower: null },
  { setting: "friend", group: "personal", title: "A friend", impliedPower: null },
  { setting: "other", group: "personal", title: "Someone else in my life", impliedPower: null },
];

export const POWER_CHOICES: readonly { power: Power; label: string }[] = [
  { power: "them", label: "They do" },
  { power: "me", label: "I do" },
  { power: "even", label: "Neither, it's about even" },
];

export function isWorkSetting(setting: Setting): boolean {
  return SETTING_CHOICES.find((c) => c.setting === setting)?.group === "work";
}

export function impliedPower(setting: Setting): Power | null {
  return SETTING_CHOICES.find((c) => c.setting === setting)?.impliedPower ?? null;
}

/** The quiet line about the setting on a relationship's page, or null when not set. */
export function settingLine(setting: Setting | null, power: Power | null): string | null {
  if (setting === null) return null;
  const title = SETTING_CHOICES.find((c) => c.setting === setting)?.title ?? setting;
  if (!isWorkSetting(setting)) return `Personal: ${title.toLowerCase()}.`;
  const who = power === "them" ? " They hold more power." : power === "me" ? " You hold more power." : power === "even" ? " Power is about even." : "";
  return `At work: ${title.toLowerCase()}.${who}`;
}

/**
 * What to call the other side where commitments are labelled by owner: "the team" for
 * a team (commitments are to the whole group), otherwise their name.
 */
export function otherSideName(name: string, setting: Setting | null): string {
  return setting === "team" ? "the team" : name;
}

/** A label that starts with the other side's name: "the team's" becomes "The team's". */
export function startWith(name: string): string {
  return name.startsWith("the ") ? `T${name.slice(1)}` : name;
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
      return startWith(name);
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
