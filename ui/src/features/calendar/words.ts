// The calendar's names for months and weekdays, in the person's language
// where Intl can give it, in English otherwise (under the "C" locale every
// Intl call throws). Nothing here throws.

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** "March 2026". */
export function monthName(year: number, month: number, locale?: string): string {
  try {
    const date = new Date(Date.UTC(2000, month - 1, 15));
    date.setUTCFullYear(year);
    return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(date);
  } catch {
    return `${MONTHS[month - 1] ?? month} ${year}`;
  }
}

/** Monday to Sunday, long and short. */
export function weekdayNames(locale?: string): { long: string; short: string }[] {
  try {
    const long = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
    const short = new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" });
    // 1 January 2024 was a Monday.
    return WEEKDAYS.map((_, i) => {
      const date = new Date(Date.UTC(2024, 0, 1 + i));
      return { long: long.format(date), short: short.format(date) };
    });
  } catch {
    return WEEKDAYS.map((name) => ({ long: name, short: name.slice(0, 3) }));
  }
}
