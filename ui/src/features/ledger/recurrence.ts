// How often a commitment falls due: built from a friendly picker into the body
// of an RFC 5545 RRULE ("FREQ=WEEKLY;BYDAY=MO,TH"), and named in words.
//
// Only rules are built and named here. Which days a rule falls due on is
// always worked out by the back end: nothing here does date arithmetic.

import { parseDay } from "../../lib/days";
import { formatCalendarDay } from "../../lib/format";

export type Weekday = "MO" | "TU" | "WE" | "TH" | "FR" | "SA" | "SU";

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

const CODES: readonly Weekday[] = WEEKDAYS.map((d) => d.code);

export type RepeatKind =
  | "once"
  | "daily"
  | "weekly"
  | "everyFewWeeks"
  | "monthlyOnDay"
  | "monthlyLastDay"
  | "custom";

/** What the picker holds. Fields a kind doesn't use are kept, so switching back restores them. */
export interface Repeat {
  kind: RepeatKind;
  /** "weekly" and "everyFewWeeks". */
  days: Weekday[];
  /** "everyFewWeeks": how many weeks apart. */
  interval: number;
  /** "monthlyOnDay": 1 to 31. */
  monthDay: number;
  /** "custom": a rule the picker can't show, kept exactly as it was. */
  custom: string | null;
}

export const MIN_WEEKS_APART = 2;
export const MAX_WEEKS_APART = 52;

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

/** The weekday a "YYYY-MM-DD" day falls on, or null if it names no real day. */
export function weekdayOf(day: string): Weekday | null {
  const date = parseDay(day);
  if (date === null) return null;
  // getDay(): 0 is Sunday.
  return CODES[(date.getDay() + 6) % 7] ?? null;
}

function dayOfMonth(day: string): number | null {
  return parseDay(day)?.getDate() ?? null;
}

/** A fresh picker for a new commitment starting on `startsOn`. */
export function defaultRepeat(startsOn: string): Repeat {
  return { kind: "once", days: [], interval: MIN_WEEKS_APART, monthDay: dayOfMonth(startsOn) ?? 1, custom: null };
}

function sortDays(days: readonly Weekday[]): Weekday[] {
  return CODES.filter((code) => days.includes(code));
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}

/** Why the picker can't make a rule yet, in a sentence; null when it can. */
export function repeatProblem(repeat: Repeat): string | null {
  switch (repeat.kind) {
    case "weekly":
      return sortDays(repeat.days).length === 0 ? "Please choose at least one day of the week." : null;
    case "everyFewWeeks":
      if (!isWholeNumber(repeat.interval) || repeat.interval < MIN_WEEKS_APART || repeat.interval > MAX_WEEKS_APART) {
        return `Please choose how many weeks apart, from ${MIN_WEEKS_APART} to ${MAX_WEEKS_APART}.`;
      }
      return sortDays(repeat.days).length === 0 ? "Please choose at least one day of the week." : null;
    case "monthlyOnDay":
      return isWholeNumber(repeat.monthDay) && repeat.monthDay >= 1 && repeat.monthDay <= 31
        ? null
        : "Please choose a day of the month from 1 to 31.";
    case "custom":
      return repeat.custom === null || repeat.custom.trim() === "" ? "Please choose how often it repeats." : null;
    default:
      return null;
  }
}

/**
 * The RRULE body for the picker; null for a one-off. Call repeatProblem first:
 * an incomplete picker gives a rule the back end will refuse.
 */
export function buildRule(repeat: Repeat): string | null {
  switch (repeat.kind) {
    case "once":
      return null;
    case "daily":
      return "FREQ=DAILY";
    case "weekly":
      return `FREQ=WEEKLY;BYDAY=${sortDays(repeat.days).join(",")}`;
    case "everyFewWeeks": {
      const days = sortDays(repeat.days).join(",");
      return repeat.interval === 1
        ? `FREQ=WEEKLY;BYDAY=${days}`
        : `FREQ=WEEKLY;INTERVAL=${repeat.interval};BYDAY=${days}`;
    }
    case "monthlyOnDay":
      return `FREQ=MONTHLY;BYMONTHDAY=${repeat.monthDay}`;
    case "monthlyLastDay":
      return "FREQ=MONTHLY;BYMONTHDAY=-1";
    case "custom":
      return repeat.custom;
  }
}

interface ParsedRule {
  freq: "DAILY" | "WEEKLY" | "MONTHLY";
  interval: number;
  /** BYDAY, Monday first; null when the rule has none. */
  days: Weekday[] | null;
  /** BYMONTHDAY, in the rule's order; null when the rule has none. */
  monthDays: number[] | null;
}

const PART = /^([A-Z]+)=([A-Z0-9,+-]+)$/u;

/** The rules the app can name; null for anything else (counts, end dates, yearly…). */
function parseRule(rule: string): ParsedRule | null {
  const body = rule.trim().toUpperCase().replace(/^RRULE:/u, "");
  const seen = new Map<string, string>();
  for (const part of body.split(";")) {
    if (part === "") continue;
    const match = PART.exec(part);
    if (match === null) return null;
    const key = match[1] ?? "";
    if (seen.has(key)) return null;
    seen.set(key, match[2] ?? "");
  }
  for (const key of seen.keys()) {
    if (!["FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "WKST"].includes(key)) return null;
  }
  // The week starts on Monday unless a rule says otherwise; another start changes
  // which weeks "every other week" picks, so such rules are left unnamed.
  if (seen.has("WKST") && seen.get("WKST") !== "MO") return null;

  const freq = seen.get("FREQ");
  if (freq !== "DAILY" && freq !== "WEEKLY" && freq !== "MONTHLY") return null;

  let interval = 1;
  const intervalText = seen.get("INTERVAL");
  if (intervalText !== undefined) {
    if (!/^\d+$/u.test(intervalText)) return null;
    interval = Number(intervalText);
    if (interval < 1) return null;
  }

  let days: Weekday[] | null = null;
  const dayText = seen.get("BYDAY");
  if (dayText !== undefined) {
    const list = dayText.split(",");
    if (list.some((d) => !(CODES as readonly string[]).includes(d))) return null;
    if (new Set(list).size !== list.length) return null;
    days = sortDays(list as Weekday[]);
  }

  let monthDays: number[] | null = null;
  const monthDayText = seen.get("BYMONTHDAY");
  if (monthDayText !== undefined) {
    const list = monthDayText.split(",");
    if (list.some((d) => !/^-?\d{1,2}$/u.test(d))) return null;
    monthDays = list.map(Number);
    if (monthDays.some((d) => d === 0 || d < -1 || d > 31)) return null;
    if (new Set(monthDays).size !== monthDays.length) return null;
  }

  // Only the shapes below are named; a daily rule limited to weekdays, or a
  // monthly rule on weekdays, is valid RRULE but stays "custom".
  if (freq === "DAILY" && (days !== null || monthDays !== null)) return null;
  if (freq === "WEEKLY" && monthDays !== null) return null;
  if (freq === "MONTHLY" && days !== null) return null;
  return { freq, interval, days, monthDays };
}

/**
 * The picker for an existing commitment's rule. A rule the picker can't show
 * comes back as "custom" and is kept exactly as it was unless changed.
 */
export function readRule(rule: string | null, startsOn: string): Repeat {
  const base = defaultRepeat(startsOn);
  if (rule === null || rule.trim() === "") return base;
  const custom: Repeat = { ...base, kind: "custom", custom: rule };
  const parsed = parseRule(rule);
  if (parsed === null) return custom;
  const startDay = weekdayOf(startsOn);
  switch (parsed.freq) {
    case "DAILY":
      return parsed.interval === 1 ? { ...base, kind: "daily" } : custom;
    case "WEEKLY": {
      const days = parsed.days ?? (startDay === null ? null : [startDay]);
      if (days === null) return custom;
      if (parsed.interval === 1) return { ...base, kind: "weekly", days };
      if (parsed.interval > MAX_WEEKS_APART) return custom;
      return { ...base, kind: "everyFewWeeks", days, interval: parsed.interval };
    }
    case "MONTHLY": {
      const monthDays = parsed.monthDays ?? [base.monthDay];
      if (parsed.interval !== 1 || monthDays.length !== 1) return custom;
      const only = monthDays[0] ?? 0;
      if (only === -1) return { ...base, kind: "monthlyLastDay" };
      return { ...base, kind: "monthlyOnDay", monthDay: only };
    }
  }
}

/** "1st", "2nd", "3rd", "11th", "22nd". */
export function ordinal(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/** "Monday", "Monday and Thursday", "Monday, Wednesday and Friday". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

function dayNames(days: readonly Weekday[]): string {
  return joinWords(days.map((code) => WEEKDAYS.find((d) => d.code === code)?.name ?? code));
}

const WORKING_WEEK: readonly Weekday[] = ["MO", "TU", "WE", "TH", "FR"];

function sameDays(a: readonly Weekday[], b: readonly Weekday[]): boolean {
  return a.length === b.length && a.every((d) => b.includes(d));
}

function every(interval: number, unit: "day" | "week" | "month"): string {
  if (interval === 1) return `every ${unit}`;
  if (interval === 2) return `every other ${unit}`;
  return `every ${interval} ${unit}s`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A rule in words: "Every Monday and Thursday", "Every other week on Sunday",
 * "On the last day of every month", "Once, on 12 November 2025"; "A custom
 * repeat" for a rule this doesn't know. `startsOn` fills in what a rule leaves
 * to its start day (a weekly rule without days, a monthly one without a date).
 */
export function describe(rule: string | null, startsOn: string, locale?: string): string {
  if (rule === null || rule.trim() === "") {
    return parseDay(startsOn) === null ? "Once" : `Once, on ${formatCalendarDay(startsOn, locale)}`;
  }
  const parsed = parseRule(rule);
  if (parsed === null) return CUSTOM_LABEL;
  switch (parsed.freq) {
    case "DAILY":
      return capitalise(every(parsed.interval, "day"));
    case "WEEKLY": {
      const startDay = weekdayOf(startsOn);
      const days = parsed.days ?? (startDay === null ? null : [startDay]);
      if (days === null) return CUSTOM_LABEL;
      if (parsed.interval === 1) {
        if (days.length === 7) return "Every day";
        if (sameDays(days, WORKING_WEEK)) return "Every weekday, Monday to Friday";
        return `Every ${dayNames(days)}`;
      }
      return `${capitalise(every(parsed.interval, "week"))} on ${dayNames(days)}`;
    }
    case "MONTHLY": {
      const startDate = dayOfMonth(startsOn);
      const monthDays = parsed.monthDays ?? (startDate === null ? null : [startDate]);
      if (monthDays === null) return CUSTOM_LABEL;
      const named = monthDays.map((d) => (d === -1 ? "last day" : ordinal(d)));
      return `On the ${joinWords(named)} of ${every(parsed.interval, "month")}`;
    }
  }
}

/** A quiet hint for dates that not every month has; null when every month has it. */
export function monthDayHint(monthDay: number): string | null {
  if (!isWholeNumber(monthDay) || monthDay <= 28 || monthDay > 31) return null;
  return `Months without a ${ordinal(monthDay)} are skipped. To count every month, choose "On the last day of each month".`;
}
