// Words and choices for the commitments ledger: scores as plain numbers, counts,
// streaks noted quietly, a miss stated without judgement, which due day a
// one-click "log" button should offer, and what is said once a day is logged.
//
// Days are "YYYY-MM-DD" strings, compared as text (which orders them by date);
// which days are due is always the back end's answer, never worked out here.

import type { CommitmentOwner, Role } from "../../lib/ipc";
import type { Commitment, Consistency, OccurrenceStatus, OccurrenceView, Streak } from "../../lib/ipc/ledger";
import { formatCalendarDay } from "../../lib/format";
import { startWith } from "../../lib/labels";

/** A score (0 to 1) as a whole percentage: "80%"; null when nothing was logged. */
export function percent(consistency: Pick<Consistency, "score">): string | null {
  const score = consistency.score;
  if (score === null || !Number.isFinite(score)) return null;
  const clamped = Math.min(1, Math.max(0, score));
  let value = Math.round(clamped * 100);
  // Never round up to "everything kept", nor down to "nothing counted".
  if (value === 100 && clamped < 1) value = 99;
  if (value === 0 && clamped > 0) value = 1;
  return `${value}%`;
}

function windowWords(days: number): string {
  return days === 1 ? "today" : `the last ${days} days`;
}

/** "Nothing logged yet in the last 30 days". */
export function nothingYet(windowDays: number): string {
  return `Nothing logged yet in ${windowWords(windowDays)}`;
}

/** "80% over the last 30 days", or "Nothing logged yet in the last 30 days". */
export function scoreLine(consistency: Consistency): string {
  const value = percent(consistency);
  return value === null ? nothingYet(consistency.windowDays) : `${value} over ${windowWords(consistency.windowDays)}`;
}

/** Whose scores these are: "Your commitments", "Sam's commitments", "Shared commitments, you and Sam". */
export function ownerScoresHeading(owner: CommitmentOwner, name: string): string {
  const other = name.trim();
  switch (owner) {
    case "me":
      return "Your commitments";
    case "them":
      return other === "" ? "Their commitments" : `${startWith(other)}'s commitments`;
    case "both":
      return other === "" ? "Shared commitments" : `Shared commitments, you and ${other}`;
  }
}

export interface CountPart {
  key: OccurrenceStatus | "notLogged";
  label: string;
  count: number;
}

/** The five counts behind a score, always in the same order. */
export function countParts(consistency: Consistency): CountPart[] {
  return [
    { key: "kept", label: "Kept", count: consistency.kept },
    { key: "partly", label: "Partly kept", count: consistency.partly },
    { key: "renegotiated", label: "Renegotiated", count: consistency.renegotiated },
    { key: "missed", label: "Missed", count: consistency.missed },
    { key: "notLogged", label: "Not logged", count: consistency.notLogged },
  ];
}

/** How many times in the window anything was logged. */
export function loggedCount(consistency: Consistency): number {
  return consistency.kept + consistency.partly + consistency.renegotiated + consistency.missed;
}

/**
 * A run of kept days, noted quietly: "Kept 3 times in a row". Nothing at all
 * when there is no run; a longer earlier run is mentioned, never a broken one.
 */
export function streakLine(streak: Streak): string | null {
  const { current, best } = streak;
  let line: string | null = null;
  if (current >= 2) line = `Kept ${current} times in a row`;
  else if (current === 1) line = "Kept the last time it was due";
  if (best > current && best >= 2) {
    const longest = `longest run so far: ${best}`;
    line = line === null ? `Longest run so far: ${best} kept in a row` : `${line} (${longest})`;
  }
  return line;
}

/** Whether a due day is still to come. */
export function isFuture(dueOn: string, today: string): boolean {
  return dueOn > today;
}

/** A status in words, so it never depends on colour. */
export function statusLabel(status: OccurrenceStatus | null, dueOn: string, today: string): string {
  switch (status) {
    case "kept":
      return "Kept";
    case "partly":
      return "Partly kept";
    case "missed":
      return "Missed";
    case "renegotiated":
      return "Renegotiated";
    case null:
      if (isFuture(dueOn, today)) return "Coming up";
      return dueOn === today ? "Due today" : "Not logged";
  }
}

/**
 * The due day a one-click "log" button offers: today's, if it is due and not
 * logged yet; otherwise the most recent past day that was never logged.
 * Null when there is nothing to log.
 */
export function latestLoggable(occurrences: readonly OccurrenceView[], today: string): OccurrenceView | null {
  let found: OccurrenceView | null = null;
  for (const occurrence of occurrences) {
    if (occurrence.dueOn > today) continue;
    if (occurrence.status !== null) continue;
    if (found === null || occurrence.dueOn > found.dueOn) found = occurrence;
  }
  return found;
}

/** "Log today", or "Log 12 November 2025" for an earlier day. */
export function logLatestLabel(dueOn: string, today: string, locale?: string): string {
  return dueOn === today ? "Log today" : `Log ${formatCalendarDay(dueOn, locale)}`;
}

export interface LogChoice {
  status: OccurrenceStatus;
  label: string;
  detail: string;
}

/** How a due day can be logged, in the order the log panel offers them. */
export const LOG_CHOICES: readonly LogChoice[] = [
  { status: "kept", label: "Kept", detail: "It happened as promised." },
  { status: "partly", label: "Partly kept", detail: "Some of it happened." },
  { status: "missed", label: "Missed", detail: "It didn't happen this time." },
  { status: "renegotiated", label: "Renegotiated", detail: "Changed by agreement instead." },
];

/** "Today is logged as kept.", or "12 November 2025 is logged as missed." */
export function loggedSentence(dueOn: string, status: OccurrenceStatus, today: string): string {
  const label = (LOG_CHOICES.find((c) => c.status === status)?.label ?? status).toLowerCase();
  return dueOn === today
    ? `Today is logged as ${label}.`
    : `${formatCalendarDay(dueOn)} is logged as ${label}.`;
}

/** "Today's log was taken back.", or "The log for 12 November 2025 was taken back." */
export function unloggedSentence(dueOn: string, today: string): string {
  return dueOn === today ? "Today's log was taken back." : `The log for ${formatCalendarDay(dueOn)} was taken back.`;
}

/** What a card says when none of its due days fall in the window shown. */
export function noDaysLine(commitment: Pick<Commitment, "repeat" | "startsOn" | "endsOn">, today: string): string {
  if (commitment.repeat.kind === "once") {
    return isFuture(commitment.startsOn, today)
      ? `It falls due on ${formatCalendarDay(commitment.startsOn)}.`
      : `It fell due on ${formatCalendarDay(commitment.startsOn)}.`;
  }
  if (isFuture(commitment.startsOn, today)) return `It starts on ${formatCalendarDay(commitment.startsOn)}.`;
  if (commitment.endsOn !== null && commitment.endsOn < today) {
    return `It ended on ${formatCalendarDay(commitment.endsOn)}.`;
  }
  return "Nothing fell due in the last 90 days.";
}

/** How many past (or today's) due days, and how many ahead, a card shows before "Show more". */
export const RECENT_PAST = 10;
export const RECENT_AHEAD = 4;

/**
 * The due days a card shows: by default the latest few up to today and the
 * next few ahead, oldest first; everything the back end sent when expanded.
 */
export function visibleOccurrences(
  occurrences: readonly OccurrenceView[],
  today: string,
  expanded: boolean,
  past: number = RECENT_PAST,
  ahead: number = RECENT_AHEAD,
): OccurrenceView[] {
  const sorted = [...occurrences].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  if (expanded) return sorted;
  const before = sorted.filter((o) => o.dueOn <= today);
  const after = sorted.filter((o) => o.dueOn > today);
  return [...before.slice(Math.max(0, before.length - past)), ...after.slice(0, ahead)];
}

/** The choices for whose commitment it is. */
export function ownerChoices(name: string): { owner: CommitmentOwner; label: string }[] {
  const other = name.trim();
  return [
    { owner: "me", label: "Mine: something I promised" },
    {
      owner: "them",
      label: other === "" ? "Theirs: something they promised" : `${startWith(other)}'s: something ${other} promised`,
    },
    { owner: "both", label: "Both of ours: something we agreed together" },
  ];
}

/** One line on what this person logs here, for their side of the breach. */
export function ownerHint(role: Role, name: string): string {
  const other = name.trim() === "" ? "the other person" : name.trim();
  return role === "repairer"
    ? "You log how your own commitments went: this is your record of following through."
    : `You log what you actually saw of ${other}'s commitments, not what was said about them.`;
}

/** The default owner for a new commitment: the repairer's own, or what the decider watches for. */
export function defaultOwner(role: Role): CommitmentOwner {
  return role === "repairer" ? "me" : "them";
}
