// The reminder settings form: checking what was chosen before it is sent, and
// the sentence that confirms what was saved.

import type { ReminderSettings } from "../../lib/ipc/ledger";
import { WEEKDAYS } from "../ledger/recurrence";

export type ReminderResult =
  | { ok: true; settings: ReminderSettings }
  | { ok: false; problem: string; field: string };

const TIME = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/u;

/** "HH:MM" from what a time field gives ("09:30", or "09:30:00" in some engines); null if unreadable. */
export function normaliseTime(text: string): string | null {
  const match = TIME.exec(text.trim());
  if (match === null) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${match[1]}:${match[2]}`;
}

/** "Sunday" for 6; the back end counts 0 = Monday … 6 = Sunday. */
export function weekdayName(day: number): string | null {
  return Number.isInteger(day) ? (WEEKDAYS[day]?.name ?? null) : null;
}

/**
 * What to send. A time that was cleared while its reminder is off falls back
 * to the saved one, so switching a reminder off never needs a time.
 */
export function toReminderSettings(fields: ReminderSettings, saved: ReminderSettings): ReminderResult {
  let dailyTime = normaliseTime(fields.dailyTime);
  if (dailyTime === null) {
    if (fields.dailyEnabled) {
      return { ok: false, problem: "Please choose a time for the daily reflection.", field: "reminder-daily-time" };
    }
    dailyTime = normaliseTime(saved.dailyTime) ?? saved.dailyTime;
  }
  let weeklyTime = normaliseTime(fields.weeklyTime);
  if (weeklyTime === null) {
    if (fields.weeklyEnabled) {
      return { ok: false, problem: "Please choose a time for the weekly review.", field: "reminder-weekly-time" };
    }
    weeklyTime = normaliseTime(saved.weeklyTime) ?? saved.weeklyTime;
  }
  const weeklyDay = weekdayName(fields.weeklyDay) === null ? saved.weeklyDay : fields.weeklyDay;
  return {
    ok: true,
    settings: {
      dailyEnabled: fields.dailyEnabled,
      dailyTime,
      weeklyEnabled: fields.weeklyEnabled,
      weeklyDay,
      weeklyTime,
    },
  };
}

/** The confirmation after saving, saying what is now on. */
export function savedSentence(settings: ReminderSettings): string {
  const parts: string[] = [];
  if (settings.dailyEnabled) parts.push(`a daily reflection at ${settings.dailyTime}`);
  if (settings.weeklyEnabled) {
    const day = weekdayName(settings.weeklyDay) ?? "the chosen day";
    parts.push(`a weekly review on ${day}s at ${settings.weeklyTime}`);
  }
  if (parts.length === 0) return "Saved. The daily and weekly reminders are off.";
  return `Saved. Mend will send ${parts.join(" and ")}.`;
}
