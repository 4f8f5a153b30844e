// Small pieces the dashboard charts share: days, numbers written for people,
// and the axes, tooltip and legend styled from the theme.
//
// Nothing here touches the DOM. Formatting never throws: Intl may refuse the
// locale (WebKitGTK under "C"), and then the plain ISO day is used instead.

import { isoDay } from "../../../lib/days";
import { parseDay } from "../../../lib/days";
import { formatCalendarDay } from "../../../lib/format";
import type { ChartData, ChartTheme } from "./types";

/** What a table cell says when there is no figure. */
export const NONE = "—";

/** "3.5", or the dash for a missing score. */
export function oneDecimal(value: number | null): string {
  return value === null || !Number.isFinite(value) ? NONE : value.toFixed(1);
}

/** A score rounded to one decimal for drawing, keeping gaps as null. */
export function roundOne(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : Math.round(value * 10) / 10;
}

/** The "YYYY-MM-DD" day `days` after (or before, when negative) the given one; the day itself if unreadable. */
export function addDays(day: string, days: number): string {
  const date = parseDay(day);
  if (date === null) return day;
  return isoDay(new Date(date.getFullYear(), date.getMonth(), date.getDate() + days));
}

/**
 * The same day `months` months later (or earlier), kept inside the month:
 * 31 March less one month is 28 or 29 February.
 */
export function addMonths(day: string, months: number): string {
  const date = parseDay(day);
  if (date === null) return day;
  const first = new Date(date.getFullYear(), date.getMonth() + months, 1);
  const last = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
  return isoDay(new Date(first.getFullYear(), first.getMonth(), Math.min(date.getDate(), last)));
}

/** A short day for axis labels, such as "3 Mar"; the ISO day if Intl refuses. */
export function shortDay(value: string | number, locale?: string): string {
  const date = typeof value === "number" ? new Date(value) : parseDay(value);
  if (date === null || Number.isNaN(date.getTime())) return String(value);
  try {
    return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short" }).format(date);
  } catch {
    return isoDay(date);
  }
}

/** A month for calendar labels, such as "Mar"; its number if Intl refuses. */
export function shortMonth(monthIndex: number, locale?: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { month: "short" }).format(new Date(2001, monthIndex, 1));
  } catch {
    return String(monthIndex + 1).padStart(2, "0");
  }
}

/** "1 breach", "2 breaches": counts read out in summaries. */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The axis lines, labels and grid lines all charts share, in the theme's quiet colours. */
export function axisStyle(theme: ChartTheme) {
  return {
    axisLine: { lineStyle: { color: theme.line } },
    axisTick: { lineStyle: { color: theme.line } },
    axisLabel: { color: theme.muted, fontFamily: theme.font, fontSize: theme.fontSize },
    splitLine: { lineStyle: { color: theme.line } },
    nameTextStyle: { color: theme.muted, fontFamily: theme.font, fontSize: theme.fontSize },
  };
}

/**
 * A time axis over the dashboard's range, labelled with short days. Fixing
 * min and max to the range keeps a point's place honest: a single check-in
 * late in the range sits late on the axis, not in the middle.
 */
export function timeAxis(theme: ChartTheme, from: string, to: string) {
  const style = axisStyle(theme);
  return {
    type: "time" as const,
    min: from,
    max: to,
    ...style,
    axisLabel: { ...style.axisLabel, hideOverlap: true, formatter: (value: number) => shortDay(value) },
    splitLine: { show: false },
  };
}

/** A value axis between fixed bounds, so a calm week never looks like a cliff. */
export function valueAxis(theme: ChartTheme, min: number, max: number, interval: number, suffix = "") {
  const style = axisStyle(theme);
  return {
    type: "value" as const,
    min,
    max,
    interval,
    ...style,
    axisLabel: { ...style.axisLabel, formatter: (value: number) => `${value}${suffix}` },
  };
}

/**
 * Tooltips drawn on the canvas itself (rich text), never as HTML: the app's
 * content security policy refuses inline styles, which HTML tooltips rely on.
 */
export function tooltip(theme: ChartTheme, formatter: (params: unknown) => string) {
  return {
    trigger: "item" as const,
    renderMode: "richText" as const,
    backgroundColor: theme.surface,
    borderColor: theme.line,
    textStyle: { color: theme.text, fontFamily: theme.font, fontSize: theme.fontSize },
    formatter,
  };
}

export function legend(theme: ChartTheme) {
  return {
    top: 0,
    icon: "roundRect",
    itemWidth: 14,
    itemHeight: 10,
    textStyle: { color: theme.text, fontFamily: theme.font, fontSize: theme.fontSize },
    inactiveColor: theme.line,
  };
}

/** The shared top of every option: font and text colour, no background (the card shows through). */
export function base(theme: ChartTheme) {
  return {
    backgroundColor: "transparent",
    textStyle: { color: theme.text, fontFamily: theme.font, fontSize: theme.fontSize },
  };
}

/** What a tooltip callback receives for one item, narrowed from ECharts' loose parameters. */
export interface ItemParams {
  seriesName: string;
  name: string;
  value: unknown;
  data: unknown;
}

export function itemParams(params: unknown): ItemParams | null {
  if (typeof params !== "object" || params === null || Array.isArray(params)) return null;
  const p = params as Partial<ItemParams>;
  return { seriesName: String(p.seriesName ?? ""), name: String(p.name ?? ""), value: p.value, data: p.data };
}

/** The [day, value, …] pair a time-axis point carries. */
export function pointOf(params: unknown): { day: string; value: number | null; rest: unknown[] } | null {
  const item = itemParams(params);
  if (item === null || !Array.isArray(item.value)) return null;
  const [day, value, ...rest] = item.value as unknown[];
  return { day: String(day), value: typeof value === "number" ? value : null, rest };
}

// Repeat breaches, drawn on every chart with a time axis

/** What a repeat breach is called on the charts (the trust chart's word for it too). */
export const REPEAT_BREACH_LABEL = "It happened again";

/** The days of the repeat breaches between `from` and `to` (the range unless given), oldest first, each once. */
export function repeatBreachDays(
  dashboard: Pick<ChartData, "events" | "from" | "to">,
  from = dashboard.from,
  to = dashboard.to,
): string[] {
  const days = dashboard.events
    .filter((e) => e.kind === "repeatBreach" && e.occurredOn >= from && e.occurredOn <= to)
    .map((e) => e.occurredOn)
    .sort();
  return days.filter((day, i) => days[i - 1] !== day);
}

/**
 * A series that draws nothing itself but a labelled, dashed vertical line at
 * each repeat breach (`at` is where on the x axis: a day, or a week's
 * category). Its own series, so hiding another in the legend never hides it;
 * none at all when there is nothing to mark.
 */
export function repeatBreachSeries(at: string[], theme: ChartTheme) {
  if (at.length === 0) return [];
  const series = {
    id: "repeatBreaches",
    name: REPEAT_BREACH_LABEL,
    type: "line" as const,
    data: [] as never[],
    silent: true,
    markLine: {
      silent: true,
      symbol: ["none", "none"],
      data: at.map((x) => ({
        name: REPEAT_BREACH_LABEL,
        xAxis: x,
        lineStyle: { color: theme.breach, type: "dashed" as const, width: 1.5 },
        label: { formatter: REPEAT_BREACH_LABEL, color: theme.breach, fontFamily: theme.font, fontSize: theme.fontSize },
      })),
    },
  };
  return [series];
}

/** The words a table's caption ends with: " It happened again on 3 March 2026 and 20 April 2026." or nothing. */
export function repeatBreachCaption(days: string[]): string {
  if (days.length === 0) return "";
  const named = days.map((day) => formatCalendarDay(day));
  const last = named.pop();
  const list = named.length === 0 ? last : `${named.join(", ")} and ${last}`;
  return `. ${REPEAT_BREACH_LABEL} on ${list}.`;
}
