// Trust over time: the trust level (0 to 10) given at each check-in, with the
// breaches and repeat breaches of the range drawn as vertical lines, so a dip
// can be read next to what happened. Milestones get a quieter dotted line.

import { formatCalendarDay } from "../../../lib/format";
import type { RelationshipEvent } from "../../../lib/ipc";
import { NONE, REPEAT_BREACH_LABEL, base, plural, pointOf, timeAxis, tooltip, valueAxis } from "./common";
import type { ChartData, ChartDefinition, ChartOption, ChartTable, ChartTheme } from "./types";

export const EVENT_LABELS: Record<RelationshipEvent["kind"], string> = {
  breach: "Breach",
  repeatBreach: REPEAT_BREACH_LABEL,
  milestone: "Milestone",
};

export const emptyText = "No trust levels in this range yet. Add one in a check-in.";

export function isEmpty(dashboard: ChartData): boolean {
  return dashboard.trust.length === 0;
}

/** The events inside the range, oldest first. */
function eventsInRange(dashboard: ChartData): RelationshipEvent[] {
  return dashboard.events
    .filter((e) => e.occurredOn >= dashboard.from && e.occurredOn <= dashboard.to)
    .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.id - b.id);
}

function markLines(events: RelationshipEvent[], theme: ChartTheme) {
  return events.map((event) => {
    const milestone = event.kind === "milestone";
    const color = milestone ? theme.muted : theme.breach;
    return {
      name: EVENT_LABELS[event.kind],
      xAxis: event.occurredOn,
      lineStyle: { color, type: milestone ? ("dotted" as const) : ("dashed" as const), width: milestone ? 1 : 1.5 },
      label: { formatter: EVENT_LABELS[event.kind], color, fontFamily: theme.font, fontSize: theme.fontSize },
    };
  });
}

export function option(dashboard: ChartData, theme: ChartTheme): ChartOption {
  const points = [...dashboard.trust].sort((a, b) => a.on.localeCompare(b.on));
  return {
    ...base(theme),
    grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
    tooltip: tooltip(theme, (params) => {
      const point = pointOf(params);
      if (point === null) return "";
      return `${formatCalendarDay(point.day)}\nTrust level: ${point.value ?? NONE} of 10`;
    }),
    xAxis: timeAxis(theme, dashboard.from, dashboard.to),
    yAxis: valueAxis(theme, 0, 10, 2),
    series: [
      {
        id: "trust",
        name: "Trust level",
        type: "line",
        data: points.map((p) => [p.on, p.level]),
        symbol: "circle",
        symbolSize: 8,
        lineStyle: { color: theme.accent, width: 2 },
        itemStyle: { color: theme.accent },
        markLine: {
          silent: true,
          symbol: ["none", "none"],
          data: markLines(eventsInRange(dashboard), theme),
        },
      },
    ],
  };
}

/** "Breach on 3 March 2026; It happened again on 20 April 2026": the marks, in words. */
function eventsInWords(events: RelationshipEvent[]): string {
  return events.map((e) => `${EVENT_LABELS[e.kind]} on ${formatCalendarDay(e.occurredOn)}`).join("; ");
}

export function table(dashboard: ChartData): ChartTable {
  // One row per trust level given. The marked events go in the row of their
  // day when there is one, and all of them are named in the caption, so none
  // is lost on a day without a check-in.
  const points = [...dashboard.trust].sort((a, b) => a.on.localeCompare(b.on));
  const events = eventsInRange(dashboard);
  const range = `${formatCalendarDay(dashboard.from)} to ${formatCalendarDay(dashboard.to)}`;
  return {
    caption:
      events.length === 0
        ? `Trust level at each check-in, ${range}`
        : `Trust level at each check-in, ${range}. Marked on the chart: ${eventsInWords(events)}.`,
    columns: ["Date", "Trust level (0–10)", "What happened that day"],
    rows: points.map((p) => [
      formatCalendarDay(p.on),
      String(p.level),
      events
        .filter((e) => e.occurredOn === p.on)
        .map((e) => EVENT_LABELS[e.kind])
        .join(", "),
    ]),
    keys: points.map((p) => p.on),
  };
}

export function summary(dashboard: ChartData): string {
  const points = [...dashboard.trust].sort((a, b) => a.on.localeCompare(b.on));
  const events = eventsInRange(dashboard);
  const breaches = events.filter((e) => e.kind !== "milestone").length;
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined) return emptyText;
  const span =
    points.length === 1
      ? `One trust level, ${last.level} of 10, on ${formatCalendarDay(last.on)}.`
      : `${points.length} trust levels, from ${first.level} on ${formatCalendarDay(first.on)} to ${last.level} on ${formatCalendarDay(last.on)}.`;
  const marks = breaches > 0 ? ` ${plural(breaches, "breach", "breaches")} marked.` : "";
  return `Trust over time. ${span}${marks} The figures are in the table below.`;
}

export const chart: ChartDefinition = {
  id: "trust",
  title: "Trust over time",
  description: "The trust level given at each check-in, from 0 to 10, with breaches marked where they happened.",
  isEmpty,
  emptyText,
  summary,
  option,
  table,
};
