// The dashboard's charts, by id, and the order a person sees them in: the
// pictures that matter most for their side of the breach come first.

import { radarChart, trendChart } from "./abcd";
import { chart as consistencyChart } from "./consistency";
import { chart as heatmapChart } from "./heatmap";
import { chart as stepsChart } from "./steps";
import { chart as trustChart } from "./trust";
import type { ChartData, ChartDefinition, ChartId } from "./types";
import { chart as weeklyChart } from "./weekly";

export type { ChartData, ChartDefinition, ChartId, ChartOption, ChartTable, ChartTheme } from "./types";
export { CHART_HEIGHT } from "./types";

export const CHARTS: Record<ChartId, ChartDefinition> = {
  trust: trustChart,
  abcdRadar: radarChart,
  abcdTrend: trendChart,
  heatmap: heatmapChart,
  weekly: weeklyChart,
  consistency: consistencyChart,
  steps: stepsChart,
};

export const CHART_IDS = Object.keys(CHARTS) as ChartId[];

export function isChartId(value: string): value is ChartId {
  return Object.hasOwn(CHARTS, value);
}

const DECIDER_ORDER: readonly ChartId[] = [
  "trust",
  "consistency",
  "heatmap",
  "weekly",
  "abcdRadar",
  "abcdTrend",
  "steps",
];
const REPAIRER_ORDER: readonly ChartId[] = [
  "consistency",
  "heatmap",
  "weekly",
  "abcdRadar",
  "abcdTrend",
  "steps",
  "trust",
];

/**
 * The charts to show, in order. The decider sees trust first; the repairer
 * sees their own consistency first, and trust only if there are trust levels
 * to draw (a repairer does not usually record them). `only` keeps just the
 * listed ids, still in the role's order; unknown ids are ignored.
 */
export function chartOrder(dashboard: Pick<ChartData, "role" | "trust">, only?: readonly string[] | null): ChartId[] {
  const order = dashboard.role === "decider" ? DECIDER_ORDER : REPAIRER_ORDER;
  return order.filter((id) => {
    if (only != null && !only.includes(id)) return false;
    if (id === "trust" && dashboard.role === "repairer") return dashboard.trust.length > 0;
    return true;
  });
}

/** The charts that carry an ABCD score, under which the "reflection, not diagnosis" note sits. */
export function showsNote(id: ChartId): boolean {
  return id === "abcdRadar" || id === "abcdTrend";
}
