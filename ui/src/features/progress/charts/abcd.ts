// The four elements of trust (Able, Believable, Connected, Dependable), each
// a 1 to 5 mean of the check-in's answers: a radar of the first rating set
// against the latest, and a line per element over the range. A null score
// (nothing answered for that element) stays a gap, never a zero.

import { formatCalendarDay } from "../../../lib/format";
import type { ElementScores, RatingPoint } from "../../../lib/ipc/progress";
import {
  base,
  itemParams,
  legend,
  oneDecimal,
  plural,
  pointOf,
  repeatBreachCaption,
  repeatBreachDays,
  repeatBreachSeries,
  roundOne,
  timeAxis,
  tooltip,
  valueAxis,
} from "./common";
import { shapeAt } from "./patterns";
import type { ChartData, ChartDefinition, ChartOption, ChartTable, ChartTheme } from "./types";

export const ELEMENTS: readonly { key: keyof ElementScores; label: string }[] = [
  { key: "able", label: "Able" },
  { key: "believable", label: "Believable" },
  { key: "connected", label: "Connected" },
  { key: "dependable", label: "Dependable" },
];

function colourOf(key: keyof ElementScores, theme: ChartTheme): string {
  return theme[key];
}

// Radar: first against latest

export const radarEmptyText = "No ratings of the four elements yet. Rate them in a check-in to see them here.";

/** The ratings the radar draws: the first and the latest, or just one when they are the same check-in. */
export function radarRatings(dashboard: ChartData): { label: string; rating: RatingPoint; first: boolean }[] {
  const { firstRating: first, latestRating: latest } = dashboard;
  if (first !== null && latest !== null && first.on !== latest.on) {
    return [
      { label: `First, ${formatCalendarDay(first.on)}`, rating: first, first: true },
      { label: `Latest, ${formatCalendarDay(latest.on)}`, rating: latest, first: false },
    ];
  }
  if (latest !== null) return [{ label: `Latest, ${formatCalendarDay(latest.on)}`, rating: latest, first: false }];
  if (first !== null) return [{ label: `First, ${formatCalendarDay(first.on)}`, rating: first, first: true }];
  return [];
}

export function radarIsEmpty(dashboard: ChartData): boolean {
  return radarRatings(dashboard).length === 0;
}

export function radarOption(dashboard: ChartData, theme: ChartTheme): ChartOption {
  const shown = radarRatings(dashboard);
  return {
    ...base(theme),
    legend: { ...legend(theme), data: shown.map((s) => s.label) },
    tooltip: tooltip(theme, (params) => {
      const item = itemParams(params);
      if (item === null || !Array.isArray(item.value)) return "";
      const values = item.value as (number | null)[];
      const lines = ELEMENTS.map((e, i) => `${e.label}: ${oneDecimal(values[i] ?? null)} of 5`);
      return [item.name, ...lines].join("\n");
    }),
    radar: {
      center: ["50%", "57%"],
      radius: "66%",
      indicator: ELEMENTS.map((e) => ({ name: e.label, min: 0, max: 5 })),
      splitNumber: 5,
      axisName: { color: theme.text, fontFamily: theme.font, fontSize: theme.fontSize },
      axisLine: { lineStyle: { color: theme.line } },
      splitLine: { lineStyle: { color: theme.line } },
      splitArea: { show: false },
    },
    series: [
      {
        id: "abcdRadar",
        type: "radar",
        symbol: "circle",
        symbolSize: 6,
        data: shown.map((s) => {
          // The first rating is the quieter, dashed shape; the latest is the one to read.
          const quiet = s.first && shown.length > 1;
          const colour = quiet ? theme.muted : theme.accent;
          return {
            name: s.label,
            value: ELEMENTS.map((e) => roundOne(s.rating.scores[e.key])),
            lineStyle: { color: colour, width: 2, type: quiet ? ("dashed" as const) : ("solid" as const) },
            itemStyle: { color: colour },
            areaStyle: { color: colour, opacity: quiet ? 0.06 : 0.16 },
          };
        }),
      },
    ],
  };
}

export function radarTable(dashboard: ChartData): ChartTable {
  const { firstRating: first, latestRating: latest } = dashboard;
  const firstHead = first === null ? "First" : `First (${formatCalendarDay(first.on)})`;
  const latestHead = latest === null ? "Latest" : `Latest (${formatCalendarDay(latest.on)})`;
  return {
    caption: "The four elements, 1 to 5: the first rating and the latest",
    columns: ["Element", firstHead, latestHead],
    rows:
      first === null && latest === null
        ? []
        : ELEMENTS.map((e) => [
            e.label,
            oneDecimal(first?.scores[e.key] ?? null),
            oneDecimal(latest?.scores[e.key] ?? null),
          ]),
    keys: first === null && latest === null ? [] : ELEMENTS.map((e) => e.key),
  };
}

export function radarSummary(dashboard: ChartData): string {
  const shown = radarRatings(dashboard);
  if (shown.length === 0) return radarEmptyText;
  const parts = shown.map(
    (s) => `${s.label}: ${ELEMENTS.map((e) => `${e.label} ${oneDecimal(s.rating.scores[e.key])}`).join(", ")}.`,
  );
  return `The four elements, 1 to 5. ${parts.join(" ")} The figures are in the table below.`;
}

export const radarChart: ChartDefinition = {
  id: "abcdRadar",
  title: "The four elements: first and latest",
  description: "Able, Believable, Connected and Dependable, from 1 to 5: the first rating set against the latest.",
  isEmpty: radarIsEmpty,
  emptyText: radarEmptyText,
  summary: radarSummary,
  option: radarOption,
  table: radarTable,
};

// Trend: one line per element

export const trendEmptyText = "No ratings of the four elements in this range yet. Rate them in a check-in.";

function sortedRatings(dashboard: ChartData): RatingPoint[] {
  return [...dashboard.ratings].sort((a, b) => a.on.localeCompare(b.on));
}

export function trendIsEmpty(dashboard: ChartData): boolean {
  return !dashboard.ratings.some((r) => ELEMENTS.some((e) => r.scores[e.key] !== null));
}

export function trendOption(dashboard: ChartData, theme: ChartTheme): ChartOption {
  const ratings = sortedRatings(dashboard);
  return {
    ...base(theme),
    legend: { ...legend(theme), data: ELEMENTS.map((e) => e.label) },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    tooltip: tooltip(theme, (params) => {
      const point = pointOf(params);
      const item = itemParams(params);
      if (point === null || item === null) return "";
      return `${formatCalendarDay(point.day)}\n${item.seriesName}: ${oneDecimal(point.value)} of 5`;
    }),
    xAxis: timeAxis(theme, dashboard.from, dashboard.to),
    yAxis: valueAxis(theme, 1, 5, 1),
    series: [
      ...ELEMENTS.map((e, index) => ({
        id: e.key,
        name: e.label,
        type: "line" as const,
        // A missing score is a gap in its line, not a fall to the bottom.
        connectNulls: false,
        // Each element has its own marker shape as well as its colour.
        symbol: shapeAt(index),
        symbolSize: 8,
        legendIcon: shapeAt(index),
        lineStyle: { color: colourOf(e.key, theme), width: 2 },
        itemStyle: { color: colourOf(e.key, theme) },
        data: ratings.map((r) => [r.on, roundOne(r.scores[e.key])]),
      })),
      ...repeatBreachSeries(repeatBreachDays(dashboard), theme),
    ],
  };
}

export function trendTable(dashboard: ChartData): ChartTable {
  return {
    caption: `The four elements at each check-in, 1 to 5, ${formatCalendarDay(dashboard.from)} to ${formatCalendarDay(dashboard.to)}${repeatBreachCaption(repeatBreachDays(dashboard))}`,
    columns: ["Date", ...ELEMENTS.map((e) => e.label)],
    rows: sortedRatings(dashboard).map((r) => [
      formatCalendarDay(r.on),
      ...ELEMENTS.map((e) => oneDecimal(r.scores[e.key])),
    ]),
    keys: sortedRatings(dashboard).map((r) => r.on),
  };
}

export function trendSummary(dashboard: ChartData): string {
  const ratings = sortedRatings(dashboard);
  const first = ratings[0];
  const last = ratings[ratings.length - 1];
  if (first === undefined || last === undefined) return trendEmptyText;
  const latest = ELEMENTS.map((e) => `${e.label} ${oneDecimal(last.scores[e.key])}`).join(", ");
  return `The four elements over time: ${plural(ratings.length, "rating", "ratings")} from ${formatCalendarDay(first.on)} to ${formatCalendarDay(last.on)}. Latest: ${latest}. The figures are in the table below.`;
}

export const trendChart: ChartDefinition = {
  id: "abcdTrend",
  title: "The four elements over time",
  description: "Each element's rating at every check-in in this range, from 1 to 5.",
  isEmpty: trendIsEmpty,
  emptyText: trendEmptyText,
  summary: trendSummary,
  option: trendOption,
  table: trendTable,
};

