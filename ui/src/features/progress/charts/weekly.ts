// Week by week: each week's commitments stacked as kept, partly kept or
// renegotiated, missed and not logged, so a steady stretch and a hard week can
// both be seen for what they were.

import { formatCalendarDay } from "../../../lib/format";
import type { WeekTally } from "../../../lib/ipc/progress";
import {
  addDays,
  axisStyle,
  base,
  itemParams,
  legend,
  plural,
  repeatBreachCaption,
  repeatBreachDays,
  repeatBreachSeries,
  shortDay,
  tooltip,
} from "./common";
import { decalFor, patternKey, type PatternState } from "./patterns";
import type { ChartData, ChartDefinition, ChartOption, ChartTable, ChartTheme } from "./types";

/** The stacked parts of a week, bottom up. */
export const WEEK_PARTS: readonly { id: PatternState; label: string; count: (w: WeekTally) => number }[] = [
  { id: "kept", label: "Kept", count: (w) => w.kept },
  { id: "partly", label: "Partly or renegotiated", count: (w) => w.partly + w.renegotiated },
  { id: "missed", label: "Missed", count: (w) => w.missed },
  { id: "notLogged", label: "Not logged", count: (w) => w.notLogged },
];

function total(week: WeekTally): number {
  return WEEK_PARTS.reduce((sum, part) => sum + part.count(week), 0);
}

function sortedWeeks(dashboard: ChartData): WeekTally[] {
  return [...dashboard.weeks].sort((a, b) => a.weekOf.localeCompare(b.weekOf));
}

/** The weeks (their `weekOf`) in which a repeat breach happened, each once, in order. */
export function repeatBreachWeeks(dashboard: ChartData): string[] {
  const weeks = sortedWeeks(dashboard).map((w) => w.weekOf);
  const hit = repeatBreachDays(dashboard).map((day) => weeks.find((w) => w <= day && day < addDays(w, 7)));
  return weeks.filter((w) => hit.includes(w));
}

export const emptyText = "No commitments fell due in this range yet. Weeks show here once they do.";

export function isEmpty(dashboard: ChartData): boolean {
  return !dashboard.weeks.some((w) => total(w) > 0);
}

export function option(dashboard: ChartData, theme: ChartTheme): ChartOption {
  const weeks = sortedWeeks(dashboard);
  const colours: Record<string, string> = {
    kept: theme.kept,
    partly: theme.partly,
    missed: theme.missed,
    notLogged: theme.notLogged,
  };
  const style = axisStyle(theme);
  return {
    ...base(theme),
    legend: { ...legend(theme), data: WEEK_PARTS.map((p) => p.label) },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    tooltip: tooltip(theme, (params) => {
      const item = itemParams(params);
      if (item === null) return "";
      const week = weeks.find((w) => w.weekOf === item.name);
      const when = week === undefined ? item.name : `Week of ${formatCalendarDay(week.weekOf)}`;
      return `${when}\n${item.seriesName}: ${typeof item.value === "number" ? item.value : 0}`;
    }),
    xAxis: {
      type: "category",
      data: weeks.map((w) => w.weekOf),
      ...style,
      axisLabel: { ...style.axisLabel, hideOverlap: true, formatter: (value: string) => shortDay(value) },
      splitLine: { show: false },
    },
    yAxis: { type: "value", minInterval: 1, ...style },
    series: [
      ...WEEK_PARTS.map((part) => ({
        id: part.id,
        name: part.label,
        type: "bar" as const,
        stack: "week",
        barMaxWidth: 28,
        itemStyle: { color: colours[part.id], decal: decalFor(part.id, theme) },
        data: weeks.map((w) => part.count(w)),
      })),
      ...repeatBreachSeries(repeatBreachWeeks(dashboard), theme),
    ],
  };
}

export function table(dashboard: ChartData): ChartTable {
  return {
    caption: `Commitments each week, ${formatCalendarDay(dashboard.from)} to ${formatCalendarDay(dashboard.to)}${repeatBreachCaption(repeatBreachDays(dashboard))}`,
    columns: ["Week of", ...WEEK_PARTS.map((p) => p.label)],
    rows: sortedWeeks(dashboard).map((w) => [
      formatCalendarDay(w.weekOf),
      ...WEEK_PARTS.map((p) => String(p.count(w))),
    ]),
    keys: sortedWeeks(dashboard).map((w) => w.weekOf),
  };
}

export function summary(dashboard: ChartData): string {
  if (isEmpty(dashboard)) return emptyText;
  const weeks = sortedWeeks(dashboard);
  const sums = WEEK_PARTS.map((p) => `${p.label.toLowerCase()}: ${weeks.reduce((s, w) => s + p.count(w), 0)}`);
  return `Commitments over ${plural(weeks.length, "week", "weeks")}. In all, ${sums.join(", ")}. The figures are in the table below.`;
}

export const chart: ChartDefinition = {
  id: "weekly",
  title: "Week by week",
  description: `Each week's commitments: kept, partly kept or renegotiated, missed, and not logged. ${patternKey(WEEK_PARTS.map((p) => ({ state: p.id, label: p.label })))}`,
  isEmpty,
  emptyText,
  summary,
  option,
  table,
};
