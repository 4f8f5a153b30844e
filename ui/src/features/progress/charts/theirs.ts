// Their record beside what you observed: the commitments the other person
// shared, as they logged them, week by week, drawn next to the person's own
// observations of the same commitments. Two stacks per week, never added
// together: what you observed (plain bars) and their record (bars outlined with
// dashes, and named "Their record" in the legend and the table), each part
// with its state's pattern as on the other charts, so nothing rests on colour.
// Rust tallies both (progress/theirs.rs); this only draws them.

import { formatCalendarDay } from "../../../lib/format";
import type { TheirRecord, WeekTally } from "../../../lib/ipc/progress";
import { axisStyle, base, itemParams, legend, plural, shortDay, tooltip } from "./common";
import { decalFor, patternKey } from "./patterns";
import type { ChartOption, ChartTable, ChartTheme } from "./types";
import { WEEK_PARTS } from "./weekly";

/** One of their series and what the person observed of the same owner's commitments. */
export interface TheirRecordData {
  theirs: TheirRecord;
  /** The person's own weeks for the same owner; empty when they log none. */
  observed: WeekTally[];
  from: string;
  to: string;
}

/** The parts of their record: only logged days are shared, so never "not logged". */
export const THEIR_PARTS = WEEK_PARTS.filter((p) => p.id !== "notLogged");

export const OBSERVED_LABEL = "What you observed";

/** "Their record (Alex)". */
export function theirLabel(theirs: Pick<TheirRecord, "sharedBy">): string {
  return `Their record (${theirs.sharedBy})`;
}

/** How their bars are told from the person's own, in words. */
export const THEIRS_SHAPE_WORDS = "Their record is outlined with dashes; what you observed has no outline.";

export const description = `Each week, what you observed beside the record they shared of the same commitments, as they logged it. The two are never added together. ${THEIRS_SHAPE_WORDS} ${patternKey(WEEK_PARTS.map((p) => ({ state: p.id, label: p.label })))}`;

export const emptyText = "Nothing in their shared record falls in this range.";

function weeksOf(data: TheirRecordData): string[] {
  const all = new Set([...data.observed.map((w) => w.weekOf), ...data.theirs.weeks.map((w) => w.weekOf)]);
  return [...all].sort();
}

function weekAt(weeks: readonly WeekTally[], weekOf: string): WeekTally | undefined {
  return weeks.find((w) => w.weekOf === weekOf);
}

export function isEmpty(data: TheirRecordData): boolean {
  return !data.theirs.weeks.some((w) => THEIR_PARTS.some((p) => p.count(w) > 0));
}

export function option(data: TheirRecordData, theme: ChartTheme): ChartOption {
  const weeks = weeksOf(data);
  const colours: Record<string, string> = {
    kept: theme.kept,
    partly: theme.partly,
    missed: theme.missed,
    notLogged: theme.notLogged,
  };
  const style = axisStyle(theme);
  const theirs = theirLabel(data.theirs);
  const observed = WEEK_PARTS.map((part) => ({
    id: `observed-${part.id}`,
    name: `${OBSERVED_LABEL}: ${part.label}`,
    type: "bar" as const,
    stack: "observed",
    barMaxWidth: 22,
    itemStyle: { color: colours[part.id], decal: decalFor(part.id, theme) },
    data: weeks.map((w) => {
      const week = weekAt(data.observed, w);
      return week === undefined ? 0 : part.count(week);
    }),
  }));
  const shared = THEIR_PARTS.map((part) => ({
    id: `theirs-${part.id}`,
    name: `${theirs}: ${part.label}`,
    type: "bar" as const,
    stack: "theirs",
    barMaxWidth: 22,
    itemStyle: {
      color: colours[part.id],
      decal: decalFor(part.id, theme),
      borderColor: theme.text,
      borderWidth: 1.5,
      borderType: "dashed" as const,
    },
    data: weeks.map((w) => {
      const week = weekAt(data.theirs.weeks, w);
      return week === undefined ? 0 : part.count(week);
    }),
  }));
  return {
    ...base(theme),
    legend: { ...legend(theme), data: [...observed, ...shared].map((s) => s.name) },
    grid: { left: 8, right: 16, top: 72, bottom: 8, containLabel: true },
    tooltip: tooltip(theme, (params) => {
      const item = itemParams(params);
      if (item === null) return "";
      return `Week of ${formatCalendarDay(item.name)}\n${item.seriesName}: ${typeof item.value === "number" ? item.value : 0}`;
    }),
    xAxis: {
      type: "category",
      data: weeks,
      ...style,
      axisLabel: { ...style.axisLabel, hideOverlap: true, formatter: (value: string) => shortDay(value) },
      splitLine: { show: false },
    },
    yAxis: { type: "value", minInterval: 1, ...style },
    series: [...observed, ...shared],
  };
}

export function table(data: TheirRecordData): ChartTable {
  const weeks = weeksOf(data);
  const theirs = theirLabel(data.theirs);
  const cell = (weeksOfSide: readonly WeekTally[], weekOf: string, count: (w: WeekTally) => number) => {
    const week = weekAt(weeksOfSide, weekOf);
    return String(week === undefined ? 0 : count(week));
  };
  return {
    caption: `${theirs} beside ${OBSERVED_LABEL.toLowerCase()}, each week, ${formatCalendarDay(data.from)} to ${formatCalendarDay(data.to)}. Their promises: ${data.theirs.promises.join("; ")}.`,
    columns: [
      "Week of",
      ...WEEK_PARTS.map((p) => `${OBSERVED_LABEL}: ${p.label.toLowerCase()}`),
      ...THEIR_PARTS.map((p) => `${theirs}: ${p.label.toLowerCase()}`),
    ],
    rows: weeks.map((w) => [
      formatCalendarDay(w),
      ...WEEK_PARTS.map((p) => cell(data.observed, w, p.count)),
      ...THEIR_PARTS.map((p) => cell(data.theirs.weeks, w, p.count)),
    ]),
    keys: weeks,
  };
}

function sums(weeks: readonly WeekTally[], parts: typeof WEEK_PARTS): string {
  return parts.map((p) => `${p.label.toLowerCase()} ${weeks.reduce((s, w) => s + p.count(w), 0)}`).join(", ");
}

export function summary(data: TheirRecordData): string {
  if (isEmpty(data)) return emptyText;
  const theirs = `${theirLabel(data.theirs)}, over ${plural(data.theirs.weeks.length, "week", "weeks")}: ${sums(data.theirs.weeks, THEIR_PARTS)}.`;
  const observed =
    data.observed.length === 0
      ? "You logged none of these weeks yourself."
      : `${OBSERVED_LABEL}: ${sums(data.observed, WEEK_PARTS)}.`;
  return `${theirs} ${observed} The two are kept apart. The figures are in the table below.`;
}
