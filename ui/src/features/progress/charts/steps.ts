// Steps worked through: each framework step answered on a day, as a point on a
// timeline. Rows are the steps, grouped by framework; a bigger point means
// more entries answered the step that day.

import { formatCalendarDay } from "../../../lib/format";
import type { StepDone } from "../../../lib/ipc/progress";
import {
  axisStyle,
  base,
  itemParams,
  legend,
  plural,
  repeatBreachCaption,
  repeatBreachDays,
  repeatBreachSeries,
  timeAxis,
  tooltip,
} from "./common";
import { shapeAt } from "./patterns";
import { CHART_HEIGHT, type ChartData, type ChartDefinition, type ChartOption, type ChartTable, type ChartTheme } from "./types";

/** A step's row on the chart; two frameworks may share a step title, never this. */
export function stepKey(step: Pick<StepDone, "frameworkId" | "stepId">): string {
  return `${step.frameworkId}/${step.stepId}`;
}

function sortedSteps(dashboard: ChartData): StepDone[] {
  return [...dashboard.steps].sort(
    (a, b) =>
      a.on.localeCompare(b.on) || a.frameworkName.localeCompare(b.frameworkName) || a.title.localeCompare(b.title),
  );
}

/** The frameworks in the order they were first worked on, each with its steps in the same order. */
export function stepRows(dashboard: ChartData): { frameworkId: string; name: string; steps: StepDone[] }[] {
  const frameworks: { frameworkId: string; name: string; steps: StepDone[] }[] = [];
  for (const step of sortedSteps(dashboard)) {
    let framework = frameworks.find((f) => f.frameworkId === step.frameworkId);
    if (framework === undefined) {
      framework = { frameworkId: step.frameworkId, name: step.frameworkName, steps: [] };
      frameworks.push(framework);
    }
    if (!framework.steps.some((s) => s.stepId === step.stepId)) framework.steps.push(step);
  }
  return frameworks;
}

/** The point's size: bigger with more entries, within reason. */
export function symbolSize(entries: number): number {
  return 8 + 3 * Math.min(Math.max(entries, 0), 6);
}

export const emptyText = "No framework steps answered in this range yet.";

export function isEmpty(dashboard: ChartData): boolean {
  return dashboard.steps.length === 0;
}

export function height(dashboard: ChartData): number {
  const rows = stepRows(dashboard).reduce((n, f) => n + f.steps.length, 0);
  return Math.max(CHART_HEIGHT, rows * 26 + 90);
}

export function option(dashboard: ChartData, theme: ChartTheme): ChartOption {
  const frameworks = stepRows(dashboard);
  const categories = frameworks.flatMap((f) => f.steps.map((s) => stepKey(s)));
  const titles = new Map(frameworks.flatMap((f) => f.steps.map((s) => [stepKey(s), s.title] as const)));
  const colours = [theme.accent, theme.believable, theme.connected, theme.dependable, theme.able];
  const style = axisStyle(theme);
  return {
    ...base(theme),
    legend: { ...legend(theme), data: frameworks.map((f) => f.name) },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    tooltip: tooltip(theme, (params) => {
      const item = itemParams(params);
      if (item === null || !Array.isArray(item.value)) return "";
      const [day, key, entries] = item.value as unknown[];
      const count = typeof entries === "number" ? entries : 0;
      return `${formatCalendarDay(String(day))}\n${item.seriesName}: ${titles.get(String(key)) ?? ""}\n${plural(count, "entry", "entries")}`;
    }),
    xAxis: timeAxis(theme, dashboard.from, dashboard.to),
    yAxis: {
      type: "category",
      data: categories,
      // The first framework's first step at the top, reading down like a list.
      inverse: true,
      ...style,
      axisLabel: {
        ...style.axisLabel,
        width: 170,
        overflow: "truncate",
        formatter: (value: string) => titles.get(value) ?? value,
      },
      splitLine: { show: true, lineStyle: { color: theme.line, type: "dotted" } },
    },
    series: [
      ...frameworks.map((framework, index) => ({
        id: `steps-${framework.frameworkId}`,
        name: framework.name,
        type: "scatter" as const,
        // Each framework has its own marker shape as well as its colour.
        symbol: shapeAt(index),
        legendIcon: shapeAt(index),
        itemStyle: { color: colours[index % colours.length], opacity: 0.85 },
        symbolSize: (value: unknown) =>
          symbolSize(Array.isArray(value) && typeof value[2] === "number" ? value[2] : 0),
        data: sortedSteps(dashboard)
          .filter((s) => s.frameworkId === framework.frameworkId)
          .map((s) => [s.on, stepKey(s), s.entries]),
      })),
      ...repeatBreachSeries(repeatBreachDays(dashboard), theme),
    ],
  };
}

export function table(dashboard: ChartData): ChartTable {
  return {
    caption: `Framework steps answered, ${formatCalendarDay(dashboard.from)} to ${formatCalendarDay(dashboard.to)}${repeatBreachCaption(repeatBreachDays(dashboard))}`,
    columns: ["Date", "Framework", "Step", "Entries"],
    rows: sortedSteps(dashboard).map((s) => [formatCalendarDay(s.on), s.frameworkName, s.title, String(s.entries)]),
    keys: sortedSteps(dashboard).map((s) => s.on),
  };
}

export function summary(dashboard: ChartData): string {
  if (isEmpty(dashboard)) return emptyText;
  const frameworks = stepRows(dashboard);
  const steps = frameworks.reduce((n, f) => n + f.steps.length, 0);
  return `Steps worked through: ${plural(steps, "step", "steps")} in ${frameworks.map((f) => f.name).join(", ")}, on ${plural(dashboard.steps.length, "occasion", "occasions")}. The figures are in the table below.`;
}

export const chart: ChartDefinition = {
  id: "steps",
  title: "Steps worked through",
  description: "The framework steps answered in this range; a bigger point means more entries that day.",
  isEmpty,
  emptyText,
  summary,
  option,
  table,
  height,
};
