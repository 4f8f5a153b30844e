// The reminder settings form: checking what was chosen before it is sent, and
// the sentence that confirms what was saved.

import { normaliseTime } from "../ledger/commitmentForm";
import type { ReminderSettings } from "../../lib/ipc/ledger";
import { WEEKDAYS } from "../ledger/recurrence";

export type ReminderResult =
  | { ok: true; settings: ReminderSettings }
  | { ok: false; problem: string; field: string };

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
