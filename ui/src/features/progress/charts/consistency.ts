// Consistency over time: the consistency score (the same one the ledger
// shows, over the 30 days before each point) drawn as a percentage. A point
// where nothing was logged has no score, and stays a gap rather than a zero.

import { formatCalendarDay } from "../../../lib/format";
import type { ScorePoint } from "../../../lib/ipc/progress";
import {
  NONE,
  base,
  plural,
  pointOf,
  repeatBreachCaption,
  repeatBreachDays,
  repeatBreachSeries,
  timeAxis,
  tooltip,
  valueAxis,
} from "./common";
import type { ChartData, ChartDefinition, ChartOption, ChartTable, ChartTheme } from "./types";

/** A 0..1 score as a whole percentage, or null when there is none. */
export function percent(score: number | null): number | null {
  return score === null || !Number.isFinite(score) ? null : Math.round(score * 100);
}

function sortedPoints(dashboard: ChartData): ScorePoint[] {
  return [...dashboard.consistency].sort((a, b) => a.on.localeCompare(b.on));
}

export const emptyText = "No consistency score in this range yet. It shows once commitments fall due and are logged.";

export function isEmpty(dashboard: ChartData): boolean {
  return !dashboard.consistency.some((p) => p.score !== null);
}

export function option(dashboard: ChartData, theme: ChartTheme): ChartOption {
  const points = sortedPoints(dashboard);
  return {
    ...base(theme),
    grid: { left: 8, right: 24, top: 20, bottom: 8, containLabel: true },
    tooltip: tooltip(theme, (params) => {
      const point = pointOf(params);
      if (point === null) return "";
      const logged = typeof point.rest[0] === "number" ? point.rest[0] : 0;
      return `${formatCalendarDay(point.day)}\nConsistency: ${point.value ?? NONE}%\nOver ${plural(logged, "logged time", "logged times")}`;
    }),
    xAxis: timeAxis(theme, dashboard.from, dashboard.to),
    yAxis: valueAxis(theme, 0, 100, 25, "%"),
    series: [
      {
        id: "consistency",
        name: "Consistency",
        type: "line",
        connectNulls: false,
        symbol: "circle",
        symbolSize: 7,
        lineStyle: { color: theme.accent, width: 2 },
        itemStyle: { color: theme.accent },
        areaStyle: { color: theme.accent, opacity: 0.08 },
        data: points.map((p) => [p.on, percent(p.score), p.logged]),
      },
      ...repeatBreachSeries(repeatBreachDays(dashboard), theme),
    ],
  };
}

export function table(dashboard: ChartData): ChartTable {
  return {
    caption: `Consistency score, ${formatCalendarDay(dashboard.from)} to ${formatCalendarDay(dashboard.to)}${repeatBreachCaption(repeatBreachDays(dashboard))}`,
    columns: ["Date", "Score (%)", "Times logged in the 30 days before"],
    rows: sortedPoints(dashboard).map((p) => {
      const score = percent(p.score);
      return [formatCalendarDay(p.on), score === null ? NONE : String(score), String(p.logged)];
    }),
    keys: sortedPoints(dashboard).map((p) => p.on),
  };
}

export function summary(dashboard: ChartData): string {
  const scored = sortedPoints(dashboard).filter((p) => p.score !== null);
  const first = scored[0];
  const last = scored[scored.length - 1];
  if (first === undefined || last === undefined) return emptyText;
  const span =
    scored.length === 1
      ? `${percent(last.score)}% on ${formatCalendarDay(last.on)}.`
      : `From ${percent(first.score)}% on ${formatCalendarDay(first.on)} to ${percent(last.score)}% on ${formatCalendarDay(last.on)}.`;
  return `Consistency over time. ${span} The figures are in the table below.`;
}

export const chart: ChartDefinition = {
  id: "consistency",
  title: "Consistency over time",
  description: "How much of what fell due in the 30 days before each point was kept, as a percentage.",
  isEmpty,
  emptyText,
  summary,
  option,
  table,
};
