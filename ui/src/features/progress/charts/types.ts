// What every chart of the dashboard is made of: an ECharts option for the
// picture and a table of the very same figures, for people who would rather
// read numbers, use a screen reader or cannot see the colours.
//
// Only types are imported from ECharts here, so the chart modules stay pure
// (no DOM, no canvas) and run under vitest in plain Node.

import type { ComposeOption } from "echarts/core";
import type {
  BarSeriesOption,
  HeatmapSeriesOption,
  LineSeriesOption,
  RadarSeriesOption,
  ScatterSeriesOption,
} from "echarts/charts";
import type {
  CalendarComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  RadarComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from "echarts/components";

import type { Dashboard, OwnerSeries } from "../../../lib/ipc/progress";

/** Only the series and components the dashboard uses, so the option is checked against them. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | RadarSeriesOption
  | ScatterSeriesOption
  | CalendarComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | RadarComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/**
 * The colours and font a chart is drawn with. The app reads them from the CSS
 * variables of the current theme (light or dark); tests pass a fixed one.
 */
export interface ChartTheme {
  text: string;
  muted: string;
  line: string;
  surface: string;
  accent: string;
  /** Breaches and repeat breaches on the trust chart. */
  breach: string;
  kept: string;
  partly: string;
  missed: string;
  notLogged: string;
  upcoming: string;
  able: string;
  believable: string;
  connected: string;
  dependable: string;
  font: string;
  /** Text size in pixels: 12 at the standard text size, more or less as chosen in Settings. */
  fontSize: number;
}

/**
 * What a chart draws from: the dashboard, with one owner's commitments (never
 * several owners' summed) in `days`, `weeks` and `consistency`. The other
 * person's shared record is drawn apart (see `theirs.ts`).
 */
export type ChartData = Omit<Dashboard, "owners" | "theirRecord"> & Pick<OwnerSeries, "days" | "weeks" | "consistency">;

/** The figures behind a chart, as text ready for a `<table>`. */
export interface ChartTable {
  caption: string;
  columns: string[];
  rows: string[][];
  /** What each row stands for, in the same order: its ISO day ("YYYY-MM-DD"), or the element on the radar. */
  keys: string[];
}

export type ChartId = "trust" | "abcdRadar" | "abcdTrend" | "heatmap" | "weekly" | "consistency" | "steps";

/** Everything a card needs to show one chart. */
export interface ChartDefinition {
  id: ChartId;
  title: string;
  /** One plain sentence on what the picture shows. */
  description: string;
  /** True when there is nothing to draw; the card then shows `emptyText` instead. */
  isEmpty: (dashboard: ChartData) => boolean;
  emptyText: string;
  /** A short summary of the picture, read out in place of the canvas. */
  summary: (dashboard: ChartData) => string;
  option: (dashboard: ChartData, theme: ChartTheme) => ChartOption;
  table: (dashboard: ChartData) => ChartTable;
  /** Height of the drawing in pixels; most charts use the default. */
  height?: (dashboard: ChartData) => number;
}

/** The usual height of a chart's drawing, in pixels. */
export const CHART_HEIGHT = 260;
