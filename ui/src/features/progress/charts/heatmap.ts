// Day by day: a calendar of the days on which a commitment fell due, each
// coloured by how the day went. Colour is never the only carrier: each state
// has its own pattern too (patterns.ts), named in the description, the legend
// names each colour, the tooltip says it in words, and the table has the
// counts and the day's state spelt out.

import { formatCalendarDay } from "../../../lib/format";
import type { DayState, DayTally } from "../../../lib/ipc/progress";
import {
  REPEAT_BREACH_LABEL,
  addDays,
  addMonths,
  base,
  itemParams,
  plural,
  repeatBreachCaption,
  repeatBreachDays,
  shortMonth,
  tooltip,
} from "./common";
import { decalFor, patternKey } from "./patterns";
import type { ChartData, ChartDefinition, ChartOption, ChartTable, ChartTheme } from "./types";

/** The day states in legend order, each with the number the heatmap draws and its words. */
export const DAY_STATES: readonly { state: DayState; value: number; label: string }[] = [
  { state: "kept", value: 0, label: "All kept" },
  { state: "partly", value: 1, label: "Some kept" },
  { state: "missed", value: 2, label: "Missed" },
  { state: "notLogged", value: 3, label: "Not logged" },
  { state: "upcoming", value: 4, label: "Still ahead" },
];

export function stateValue(state: DayState): number {
  return DAY_STATES.find((s) => s.state === state)?.value ?? 4;
}

export function stateLabel(state: DayState): string {
  return DAY_STATES.find((s) => s.state === state)?.label ?? "";
}

export const emptyText = "Nothing fell due in this range yet. Days show here once a commitment is due.";

export function isEmpty(dashboard: ChartData): boolean {
  return dashboard.days.length === 0;
}

/**
 * The days the calendar shows: the whole range, or its last twelve months
 * when it is longer, since a longer calendar would shrink each day to a dot.
 * The table always has every day.
 */
export function calendarRange(dashboard: ChartData): [string, string] {
  const yearBefore = addDays(addMonths(dashboard.to, -12), 1);
  return [dashboard.from > yearBefore ? dashboard.from : yearBefore, dashboard.to];
}

function weekdayNames(): string[] {
  // Sunday first, as ECharts' calendar expects, whatever day the week starts on.
  try {
    const format = new Intl.DateTimeFormat(undefined, { weekday: "narrow" });
    return Array.from({ length: 7 }, (_, i) => format.format(new Date(2001, 0, 7 + i)));
  } catch {
    return ["S", "M", "T", "W", "T", "F", "S"];
  }
}

/** Whole weeks the range covers, to size the cells. */
function weeksIn(from: string, to: string): number {
  const start = new Date(`${from}T00:00:00`).getTime();
  const end = new Date(`${to}T00:00:00`).getTime();
  if (!Number.isFinite(start) || !Number.isFinite(end)) return 53;
  return Math.ceil((end - start) / (7 * 86_400_000)) + 1;
}

export function option(dashboard: ChartData, theme: ChartTheme): ChartOption {
  const [from, to] = calendarRange(dashboard);
  const shown = dashboard.days.filter((d) => d.on >= from && d.on <= to);
  const byDay = new Map(shown.map((d) => [d.on, d]));
  const colours: Record<DayState, string> = {
    kept: theme.kept,
    partly: theme.partly,
    missed: theme.missed,
    notLogged: theme.notLogged,
    upcoming: theme.upcoming,
  };
  // Short ranges get square cells; a long one stretches the cells across the width.
  const short = weeksIn(from, to) <= 26;
  return {
    ...base(theme),
    tooltip: tooltip(theme, (params) => {
      const item = itemParams(params);
      if (item === null || !Array.isArray(item.value)) return "";
      if (item.seriesName === REPEAT_BREACH_LABEL) return `${formatCalendarDay(String(item.value[0]))}\n${REPEAT_BREACH_LABEL}`;
      const day = byDay.get(String(item.value[0]));
      return day === undefined ? "" : `${formatCalendarDay(day.on)}\n${stateLabel(day.state)}\n${countsLine(day)}`;
    }),
    visualMap: {
      type: "piecewise",
      dimension: 1,
      seriesIndex: 0,
      orient: "horizontal",
      left: "center",
      bottom: 0,
      selectedMode: false,
      itemWidth: 14,
      itemHeight: 14,
      itemGap: 14,
      textStyle: { color: theme.text, fontFamily: theme.font, fontSize: theme.fontSize },
      pieces: DAY_STATES.map((s) => ({ value: s.value, label: s.label, color: colours[s.state] })),
    },
    calendar: {
      range: [from, to],
      top: 28,
      left: 36,
      ...(short ? {} : { right: 12 }),
      cellSize: short ? [22, 22] : ["auto", 16],
      orient: "horizontal",
      splitLine: { lineStyle: { color: theme.line, width: 1 } },
      itemStyle: { color: "transparent", borderColor: theme.line, borderWidth: 1 },
      dayLabel: { firstDay: 1, nameMap: weekdayNames(), color: theme.muted, fontFamily: theme.font, fontSize: theme.fontSize },
      monthLabel: {
        nameMap: Array.from({ length: 12 }, (_, i) => shortMonth(i)),
        color: theme.muted,
        fontFamily: theme.font,
        fontSize: theme.fontSize,
      },
      yearLabel: { show: false },
    },
    series: [
      {
        id: "heatmap",
        name: "Days",
        type: "heatmap",
        coordinateSystem: "calendar",
        itemStyle: { borderColor: theme.surface, borderWidth: 2 },
        data: shown.map((d) => ({ value: [d.on, stateValue(d.state)], itemStyle: { decal: decalFor(d.state, theme) } })),
      },
      ...repeatBreachRings(repeatBreachDays(dashboard, from, to), short, theme),
    ],
  };
}

/**
 * A ring in the breach colour around each day it happened again, over
 * whatever colour the day has: a shape, not a colour alone. None when there
 * is nothing to mark.
 */
function repeatBreachRings(days: string[], short: boolean, theme: ChartTheme) {
  if (days.length === 0) return [];
  return [
    {
      id: "repeatBreaches",
      name: REPEAT_BREACH_LABEL,
      type: "scatter" as const,
      coordinateSystem: "calendar",
      symbol: "circle",
      symbolSize: short ? 16 : 11,
      itemStyle: { color: "transparent", borderColor: theme.breach, borderWidth: 2 },
      data: days.map((day) => [day, 1]),
    },
  ];
}

function countsLine(day: DayTally): string {
  const parts = [
    [day.kept, "kept"],
    [day.partly, "partly kept"],
    [day.renegotiated, "renegotiated"],
    [day.missed, "missed"],
    [day.notLogged, "not logged"],
    [day.upcoming, "still ahead"],
  ] as const;
  return parts
    .filter(([count]) => count > 0)
    .map(([count, words]) => `${count} ${words}`)
    .join(", ");
}

export function table(dashboard: ChartData): ChartTable {
  const days = [...dashboard.days].sort((a, b) => a.on.localeCompare(b.on));
  return {
    caption: `Commitments due each day, ${formatCalendarDay(dashboard.from)} to ${formatCalendarDay(dashboard.to)}${repeatBreachCaption(repeatBreachDays(dashboard))}`,
    columns: ["Date", "Kept", "Partly", "Renegotiated", "Missed", "Not logged", "Upcoming", "How the day went"],
    rows: days.map((d) => [
      formatCalendarDay(d.on),
      String(d.kept),
      String(d.partly),
      String(d.renegotiated),
      String(d.missed),
      String(d.notLogged),
      String(d.upcoming),
      stateLabel(d.state),
    ]),
    keys: days.map((d) => d.on),
  };
}

export function summary(dashboard: ChartData): string {
  if (isEmpty(dashboard)) return emptyText;
  const counts = DAY_STATES.map((s) => ({ ...s, count: dashboard.days.filter((d) => d.state === s.state).length }))
    .filter((s) => s.count > 0)
    .map((s) => `${s.label.toLowerCase()}: ${s.count}`);
  const [from] = calendarRange(dashboard);
  const since = from === dashboard.from ? "" : ` The calendar shows the last twelve months, from ${formatCalendarDay(from)}.`;
  return `A calendar of ${plural(dashboard.days.length, "day", "days")} with something due. ${counts.join(", ")}.${since} The figures are in the table below.`;
}

export const chart: ChartDefinition = {
  id: "heatmap",
  title: "Day by day",
  description: `Each day something fell due, coloured by how it went; a ring marks a day it happened again. ${patternKey(DAY_STATES)}`,
  isEmpty,
  emptyText,
  summary,
  option,
  table,
};
