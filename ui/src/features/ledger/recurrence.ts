// How often a commitment falls due, as the picker shows it: the choices and
// their labels, the day names, and the picker's draft (what the person ticked
// for each kind, kept while they switch between kinds) turned into the typed
// `Repeat` the back end takes.
//
// No rule text is built or read here, and no rule is checked or put into
// words: the back end (mend-core's repeat.rs) owns the limits, the RRULE text
// and the descriptions. The one thing written out here is a one-off's day,
// because dates are formatted in the reader's locale.

import { parseDay } from "../../lib/days";
import { formatCalendarDay } from "../../lib/format";
import type { Commitment, Repeat, Weekday } from "../../lib/ipc/ledger";

export type { Repeat, Weekday };

/** Monday first, as the back end numbers them (0 = Monday … 6 = Sunday). */
export const WEEKDAYS: readonly { code: Weekday; name: string; short: string }[] = [
  { code: "MO", name: "Monday", short: "Mon" },
  { code: "TU", name: "Tuesday", short: "Tue" },
  { code: "WE", name: "Wednesday", short: "Wed" },
  { code: "TH", name: "Thursday", short: "Thu" },
  { code: "FR", name: "Friday", short: "Fri" },
  { code: "SA", name: "Saturday", short: "Sat" },
  { code: "SU", name: "Sunday", short: "Sun" },
];

export type RepeatKind = Repeat["kind"];

/** The choices offered, in order. "custom" only appears for a rule made elsewhere. */
export const REPEAT_CHOICES: readonly { kind: Exclude<RepeatKind, "custom">; label: string }[] = [
  { kind: "once", label: "Just once" },
  { kind: "daily", label: "Every day" },
  { kind: "weekly", label: "On certain days each week" },
  { kind: "everyFewWeeks", label: "Every few weeks" },
  { kind: "monthlyOnDay", label: "Once a month, on a date" },
  { kind: "monthlyLastDay", label: "On the last day of each month" },
];

export const CUSTOM_LABEL = "A custom repeat";

/** What the picker holds. Fields a kind doesn't use are kept, so switching back restores them. */
export interface RepeatDraft {
  kind: RepeatKind;
  /** "weekly" and "everyFewWeeks". */
  days: Weekday[];
  /** "everyFewWeeks": how many weeks apart, as the number field holds it. */
  weeksApart: number;
  /** "monthlyOnDay", as the number field holds it. */
  monthDay: number;
  /** "custom": a rule the picker can't show, kept exactly as it was. */
  rule: string | null;
}

/** A fresh picker for a new commitment starting on `startsOn`. */
export function defaultDraft(startsOn: string): RepeatDraft {
  return { kind: "once", days: [], weeksApart: 2, monthDay: parseDay(startsOn)?.getDate() ?? 1, rule: null };
}

/** The picker for a saved commitment's repeat. */
export function draftOf(repeat: Repeat, startsOn: string): RepeatDraft {
  const draft = { ...defaultDraft(startsOn), kind: repeat.kind };
  switch (repeat.kind) {
    case "weekly":
      return { ...draft, days: [...repeat.days] };
    case "everyFewWeeks":
      return { ...draft, days: [...repeat.days], weeksApart: repeat.weeksApart };
    case "monthlyOnDay":
      return { ...draft, monthDay: repeat.monthDay };
    case "custom":
      return { ...draft, rule: repeat.rule };
    default:
      return draft;
  }
}

/** A number field's value as the back end takes it: 0 when the field holds no whole number. */
function whole(value: unknown): number {
  return typeof value === "number" && Number.isSafeInteger(value) ? value : 0;
}

/** The typed repeat the picker stands for; the back end says what is missing. */
export function repeatOf(draft: RepeatDraft): Repeat {
  switch (draft.kind) {
    case "once":
    case "daily":
    case "monthlyLastDay":
      return { kind: draft.kind };
    case "weekly":
      return { kind: "weekly", days: [...draft.days] };
    case "everyFewWeeks":
      return { kind: "everyFewWeeks", weeksApart: whole(draft.weeksApart), days: [...draft.days] };
    case "monthlyOnDay":
      return { kind: "monthlyOnDay", monthDay: whole(draft.monthDay) };
    case "custom":
      return { kind: "custom", rule: draft.rule ?? "" };
  }
}

/**
 * The line naming how often something falls due: the back end's description,
 * with a one-off's day written out in the reader's locale ("Once, on 12
 * November 2025").
 */
export function repeatLine(description: string, repeat: Repeat, startsOn: string): string {
  if (repeat.kind !== "once" || parseDay(startsOn) === null) return description;
  return `${description}, on ${formatCalendarDay(startsOn)}`;
}

/** How often a saved commitment falls due, in words. */
export function describe(commitment: Commitment): string {
  return repeatLine(commitment.repeatDescription, commitment.repeat, commitment.startsOn);
}
