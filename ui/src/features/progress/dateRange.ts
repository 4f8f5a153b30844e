// The dashboard's range of days: the presets ("Last 30 days" and so on) and
// the check of a custom range, kept apart from the picker so they can be tested.

import { parseDay } from "../../lib/days";
import { addDays } from "./charts/common";

export type RangePreset = "30" | "90" | "365" | "all";

export interface DayRange {
  from: string;
  to: string;
}

export const PRESETS: readonly { preset: RangePreset; label: string }[] = [
  { preset: "30", label: "Last 30 days" },
  { preset: "90", label: "Last 3 months" },
  { preset: "365", label: "Last year" },
  { preset: "all", label: "Everything" },
];

/** The days a preset covers, ending today. "Everything" starts at the earliest day there is anything. */
export function presetRange(preset: RangePreset, today: string, earliest: string): DayRange {
  if (preset === "all") return { from: earliest < today ? earliest : today, to: today };
  return { from: addDays(today, 1 - Number(preset)), to: today };
}

/** The preset a range is, or "custom" when it matches none. */
export function matchingPreset(range: DayRange, today: string, earliest: string): RangePreset | "custom" {
  for (const { preset } of PRESETS) {
    const candidate = presetRange(preset, today, earliest);
    if (candidate.from === range.from && candidate.to === range.to) return preset;
  }
  return "custom";
}

export type RangeCheck =
  | { ok: true; range: DayRange }
  | { ok: false; field: "from" | "to"; message: string };

/** Checks a custom range typed by hand, with a message that says how to put it right. */
export function checkRange(from: string, to: string, today: string): RangeCheck {
  if (from.trim() === "") return { ok: false, field: "from", message: "Choose the day the range starts." };
  if (parseDay(from) === null) {
    return { ok: false, field: "from", message: "The start isn't a real day. Try another date." };
  }
  if (to.trim() === "") return { ok: false, field: "to", message: "Choose the day the range ends." };
  if (parseDay(to) === null) return { ok: false, field: "to", message: "The end isn't a real day. Try another date." };
  const start = from.trim();
  const end = to.trim();
  if (start > today) return { ok: false, field: "from", message: "The range can't start after today." };
  if (end < start) {
    return { ok: false, field: "to", message: "The end comes before the start. Choose an end on or after the start." };
  }
  return { ok: true, range: { from: start, to: end } };
}
