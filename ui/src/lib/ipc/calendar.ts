// Finding a day over IPC: a month's marks, the timeline around a chosen day, the
// walk back toward the present, and "on this day". Same rules as index.ts: typed
// functions, camelCase keys, MendError on failure, nothing logged.

import type { Cursor } from "./bindings/Cursor";
import type { DayCount } from "./bindings/DayCount";
import type { DayPage } from "./bindings/DayPage";
import type { Memory } from "./bindings/Memory";
import type { MonthMarks } from "./bindings/MonthMarks";
import type { NewerPage } from "./bindings/NewerPage";
import type { OnThisDay } from "./bindings/OnThisDay";
import type { TimelineFilter } from "./bindings/TimelineFilter";
import { call } from "./call";

export type { DayCount, DayPage, Memory, MonthMarks, NewerPage, OnThisDay };

/** What the calendar marks in a month (1 to 12): a relationship's, when the filter names one. */
export function calendarMonth(filter: TimelineFilter | null, year: number, month: number): Promise<MonthMarks> {
  return call("calendar_month", { filter, year, month });
}

/** The timeline page that ends with the day `on` (YYYY-MM-DD). */
export function jumpToDay(filter: TimelineFilter | null, on: string, limit: number): Promise<DayPage> {
  return call("jump_to_day", { filter, on, limit });
}

/** Entries strictly newer than `after`, oldest first. */
export function listNewerEntries(filter: TimelineFilter | null, after: Cursor, limit: number): Promise<NewerPage> {
  return call("list_newer_entries", { filter, after, limit });
}

/** Entries written on today's date in earlier years, when the person turned it on. */
export function onThisDay(filter: TimelineFilter | null): Promise<OnThisDay> {
  return call("on_this_day", { filter });
}

export function setOnThisDay(enabled: boolean): Promise<void> {
  return call("set_on_this_day", { enabled });
}

/** Turns "on this day" off (`hidden`) or back on for one relationship. */
export function setOnThisDayHidden(relationshipId: number, hidden: boolean): Promise<void> {
  return call("set_on_this_day_hidden", { relationshipId, hidden });
}
