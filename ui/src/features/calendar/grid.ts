// The month grid's arithmetic on calendar days ("YYYY-MM-DD"), and the words a
// screen reader hears for each day. Pure: no clock, no time zone (days are
// counted in UTC, so a daylight-saving change never skips or repeats one).
// Nothing here throws.

import type { MonthMarks } from "../../lib/ipc/calendar";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/u;
const MS_PER_DAY = 86_400_000;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

function toUtc(day: string): Date | null {
  const match = DAY.exec(day);
  if (match === null) return null;
  const date = new Date(0);
  date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date;
}

function fromUtc(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The day `count` days after `day` (before, when negative). */
export function addDays(day: string, count: number): string {
  const date = toUtc(day);
  return date === null ? day : fromUtc(new Date(date.getTime() + count * MS_PER_DAY));
}

/** The same day of the month `count` months on, or that month's last day when it is shorter. */
export function addMonths(day: string, count: number): string {
  const date = toUtc(day);
  if (date === null) return day;
  const target = new Date(0);
  target.setUTCFullYear(date.getUTCFullYear(), date.getUTCMonth() + count, 1);
  const last = daysInMonth(target.getUTCFullYear(), target.getUTCMonth() + 1);
  target.setUTCDate(Math.min(date.getUTCDate(), last));
  return fromUtc(target);
}

export function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/** The year and month (1 to 12) a day belongs to. */
export function monthOf(day: string): { year: number; month: number } {
  const match = DAY.exec(day);
  return match === null ? { year: 1970, month: 1 } : { year: Number(match[1]), month: Number(match[2]) };
}

export function dayOf(year: number, month: number, date: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(date)}`;
}

/** 0 for Monday to 6 for Sunday. */
function weekdayIndex(day: string): number {
  const date = toUtc(day);
  return date === null ? 0 : (date.getUTCDay() + 6) % 7;
}

/**
 * The month as weeks from Monday to Sunday; days outside the month are null,
 * so each row has seven cells.
 */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = dayOf(year, month, 1);
  const cells: (string | null)[] = Array.from({ length: weekdayIndex(first) }, () => null);
  for (let date = 1; date <= daysInMonth(year, month); date += 1) cells.push(dayOf(year, month, date));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/**
 * Where a key moves the focused day in the grid: arrows by a day or a week,
 * Home and End to the week's ends, Page Up and Page Down by a month (with
 * Shift, by a year). Null for any other key.
 */
export function dayAfterKey(day: string, key: string, shift = false): string | null {
  switch (key) {
    case "ArrowLeft":
      return addDays(day, -1);
    case "ArrowRight":
      return addDays(day, 1);
    case "ArrowUp":
      return addDays(day, -7);
    case "ArrowDown":
      return addDays(day, 7);
    case "Home":
      return addDays(day, -weekdayIndex(day));
    case "End":
      return addDays(day, 6 - weekdayIndex(day));
    case "PageUp":
      return addMonths(day, shift ? -12 : -1);
    case "PageDown":
      return addMonths(day, shift ? 12 : 1);
    default:
      return null;
  }
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** What is marked on one day, in words (empty when nothing is). */
export function marksOf(day: string, marks: MonthMarks | null): string[] {
  if (marks === null) return [];
  const words: string[] = [];
  const entries = marks.entries.find((d) => d.on === day)?.count ?? 0;
  if (entries > 0) words.push(plural(entries, "entry", "entries"));
  if (marks.checkIns.includes(day)) words.push("a check-in");
  const logged = marks.commitments.find((d) => d.on === day)?.count ?? 0;
  if (logged > 0) words.push(plural(logged, "commitment logged", "commitments logged"));
  return words;
}

/** Whether the month has nothing to mark. */
export function monthIsEmpty(marks: MonthMarks): boolean {
  return marks.entries.length === 0 && marks.checkIns.length === 0 && marks.commitments.length === 0;
}
