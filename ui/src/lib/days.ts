// Calendar days typed in <input type="date"> ("YYYY-MM-DD", local time) and the
// instants the back end compares entry times with. Nothing here throws.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** The local date a "YYYY-MM-DD" string names, or null if it names no real day. */
export function parseDay(text: string): Date | null {
  const match = DAY.exec(text.trim());
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(year, month - 1, day);
  // new Date(2026, 1, 30) quietly becomes 2 March: refuse days that do not exist.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date;
}

/** The instant the chosen local day starts, as ISO text; null for an empty or impossible day. */
export function startOfDay(text: string): string | null {
  const date = parseDay(text);
  return date === null ? null : date.toISOString();
}

/** The instant the day after the chosen local day starts: the end of a range that includes that day. */
export function startOfNextDay(text: string): string | null {
  const date = parseDay(text);
  if (date === null) return null;
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).toISOString();
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** A local date as "YYYY-MM-DD" ("2025-11-22"). */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Today as "YYYY-MM-DD" in local time (the `max` of past-only date fields): the one "today". */
export function today(now: Date = new Date()): string {
  return isoDay(now);
}
