// Dates for people, with a fallback that never throws.
//
// Under some locales (navigator.language === "C" in WebKitGTK) every Intl call
// throws a RangeError. Formatting is therefore always attempted inside
// try/catch, falling back to a plain ISO-like local date ("2025-11-22",
// "09:04"). Nothing here may throw, whatever string it is given.

import { isoDay, parseDay } from "./days";

const DAY_OPTIONS: Intl.DateTimeFormatOptions = {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
};

const DATE_OPTIONS: Intl.DateTimeFormatOptions = {
  day: "numeric",
  month: "long",
  year: "numeric",
};

const TIME_OPTIONS: Intl.DateTimeFormatOptions = {
  hour: "numeric",
  minute: "2-digit",
};

function parse(iso: string): Date | null {
  let date = new Date(iso);
  // JavaScriptCore rejects "2025-11-22 09:04:00" (a space instead of "T").
  if (Number.isNaN(date.getTime())) date = new Date(iso.replace(" ", "T"));
  return Number.isNaN(date.getTime()) ? null : date;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** "09:04" in local time. */
export function isoTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function withIntl(
  date: Date,
  options: Intl.DateTimeFormatOptions,
  locale: string | undefined,
  fallback: (date: Date) => string,
): string {
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return fallback(date);
  }
}

/** A readable day, such as "Saturday 22 November 2025". */
export function formatDay(iso: string, locale?: string): string {
  const date = parse(iso);
  if (date === null) return iso;
  return withIntl(date, DAY_OPTIONS, locale, isoDay);
}

/** A readable time of day, such as "09:04" or "9:04 AM". */
export function formatTime(iso: string, locale?: string): string {
  const date = parse(iso);
  if (date === null) return "";
  return withIntl(date, TIME_OPTIONS, locale, isoTime);
}

/** Day and time together, for headings and labels. */
export function formatDayAndTime(iso: string, locale?: string): string {
  const time = formatTime(iso, locale);
  const day = formatDay(iso, locale);
  return time === "" ? day : `${day}, ${time}`;
}

/** A date without the weekday, such as "22 November 2025", for an instant. */
export function formatDate(iso: string, locale?: string): string {
  const date = parse(iso);
  if (date === null) return iso;
  return withIntl(date, DATE_OPTIONS, locale, isoDay);
}

/**
 * A calendar day stored as "YYYY-MM-DD" (when something happened), read as a
 * local day, so it never shifts by a day in time zones behind UTC.
 */
export function formatCalendarDay(day: string, locale?: string): string {
  const date = parseDay(day);
  if (date === null) return day;
  return withIntl(date, DATE_OPTIONS, locale, isoDay);
}
