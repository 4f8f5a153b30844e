import { describe, expect, it } from "vitest";

import { formatCalendarDay } from "../../../lib/format";
import type { RatingPoint } from "../../../lib/ipc/progress";
import * as abcd from "./abcd";
import * as consistency from "./consistency";
import * as heatmap from "./heatmap";
import type { Decal } from "./patterns";
import { CHARTS, CHART_IDS, chartOrder } from "./index";
import * as steps from "./steps";
import * as trust from "./trust";
import type { ChartData, ChartOption, ChartTheme } from "./types";
import * as weekly from "./weekly";

const THEME: ChartTheme = {
  text: "#text",
  muted: "#muted",
  line: "#line",
  surface: "#surface",
  accent: "#accent",
  breach: "#breach",
  kept: "#kept",
  partly: "#partly",
  missed: "#missed",
  notLogged: "#notLogged",
  upcoming: "#upcoming",
  able: "#able",
  believable: "#believable",
  connected: "#connected",
  dependable: "#dependable",
  font: "sans-serif",
  fontSize: 12,
};

function dashboard(overrides: Partial<ChartData> = {}): ChartData {
  return {
    relationshipId: 1,
    role: "decider",
    from: "2026-03-01",
    to: "2026-05-31",
    today: "2026-05-20",
    earliest: "2025-01-01",
    trust: [],
    ratings: [],
    firstRating: null,
    latestRating: null,
    events: [],
    days: [],
    weeks: [],
    consistency: [],
    steps: [],
    decisions: [],
    formula: "Kept counts in full, partly kept counts half.",
    note: "Reflection, not diagnosis.",
    ...overrides,
  };
}

function rating(
  on: string,
  able: number | null,
  believable: number | null,
  connected: number | null,
  dependable: number | null,
): RatingPoint {
  return { on, scores: { able, believable, connected, dependable } };
}

/** The series of an option as a plain array of loose records, for looking inside. */
/** A series' data as plain values, whether each item is a value or `{ value, itemStyle }`. */
function valuesOf(data: unknown): unknown[] {
  return (data as unknown[]).map((item) =>
    item !== null && typeof item === "object" && "value" in item ? (item as { value: unknown }).value : item,
  );
}

function seriesOf(option: ChartOption): Record<string, unknown>[] {
  const series = option.series;
  return (Array.isArray(series) ? series : series === undefined ? [] : [series]) as Record<string, unknown>[];
}

describe("trust", () => {
  const d = dashboard({
    trust: [
      { on: "2026-04-10", level: 6 },
      { on: "2026-03-05", level: 3 },
      { on: "2026-05-01", level: 7 },
    ],
    events: [
      { id: 1, relationshipId: 1, kind: "repeatBreach", occurredOn: "2026-04-20", note: "" },
      { id: 2, relationshipId: 1, kind: "breach", occurredOn: "2026-03-05", note: "private" },
      { id: 3, relationshipId: 1, kind: "milestone", occurredOn: "2026-05-10", note: "" },
      { id: 4, relationshipId: 1, kind: "breach", occurredOn: "2025-12-01", note: "" },
    ],
  });

  it("draws the levels in date order on a 0 to 10 scale", () => {
    const option = trust.option(d, THEME);
    const [line] = seriesOf(option);
    expect(line?.data).toEqual([
      ["2026-03-05", 3],
      ["2026-04-10", 6],
      ["2026-05-01", 7],
    ]);
    expect(option.yAxis).toMatchObject({ min: 0, max: 10 });
    expect(option.xAxis).toMatchObject({ type: "time", min: "2026-03-01", max: "2026-05-31" });
  });

  it("marks the events inside the range on their days, with their names", () => {
    const [line] = seriesOf(trust.option(d, THEME));
    const marks = (line?.markLine as { data: { xAxis: string; name: string; lineStyle: { color: string } }[] }).data;
    expect(marks.map((m) => [m.xAxis, m.name])).toEqual([
      ["2026-03-05", "Breach"],
      ["2026-04-20", "It happened again"],
      ["2026-05-10", "Milestone"],
    ]);
    expect(marks[0]?.lineStyle.color).toBe("#breach");
    expect(marks[2]?.lineStyle.color).toBe("#muted");
  });

  it("has a row per trust level, with the day's events, and names every mark in the caption", () => {
    const t = trust.table(d);
    expect(t.columns).toEqual(["Date", "Trust level (0–10)", "What happened that day"]);
    expect(t.rows).toEqual([
      [formatCalendarDay("2026-03-05"), "3", "Breach"],
      [formatCalendarDay("2026-04-10"), "6", ""],
      [formatCalendarDay("2026-05-01"), "7", ""],
    ]);
    expect(t.keys).toEqual(["2026-03-05", "2026-04-10", "2026-05-01"]);
    expect(t.caption).toContain(`It happened again on ${formatCalendarDay("2026-04-20")}`);
    expect(t.caption).toContain(`Milestone on ${formatCalendarDay("2026-05-10")}`);
    expect(t.caption).not.toContain(formatCalendarDay("2025-12-01"));
  });

  it("is empty without trust levels, even with events", () => {
    expect(trust.isEmpty(dashboard({ events: d.events }))).toBe(true);
    expect(trust.isEmpty(d)).toBe(false);
    expect(trust.emptyText).toMatch(/check-in/u);
  });

  it("never puts an event's note into the chart or the table", () => {
    expect(JSON.stringify(trust.table(d))).not.toContain("private");
    expect(trust.summary(d)).not.toContain("private");
  });
});

describe("ABCD", () => {
  const ratings = [
    rating("2026-05-02", 4, 3.5, null, 4),
    rating("2026-03-10", 2, 2.25, 3, 1),
    rating("2026-04-01", 3, null, 3.5, 2),
  ];
  const d = dashboard({
    ratings,
    firstRating: rating("2026-01-15", 1, 1.5, 2, 1),
    latestRating: ratings[0] ?? null,
  });

  it("draws three points per element, in date order, with gaps kept", () => {
    const series = seriesOf(abcd.trendOption(d, THEME));
    expect(series.map((s) => s.name)).toEqual(["Able", "Believable", "Connected", "Dependable"]);
    expect(series.map((s) => s.connectNulls)).toEqual([false, false, false, false]);
    // Told apart by shape as well as colour.
    expect(new Set(series.map((s) => s.symbol)).size).toBe(4);
    expect(series[0]?.data).toEqual([
      ["2026-03-10", 2],
      ["2026-04-01", 3],
      ["2026-05-02", 4],
    ]);
    expect(series[1]?.data).toEqual([
      ["2026-03-10", 2.3],
      ["2026-04-01", null],
      ["2026-05-02", 3.5],
    ]);
    expect(series[2]?.data).toEqual([
      ["2026-03-10", 3],
      ["2026-04-01", 3.5],
      ["2026-05-02", null],
    ]);
    expect(abcd.trendOption(d, THEME).yAxis).toMatchObject({ min: 1, max: 5 });
  });

  it("writes the trend table with one decimal and a dash for gaps", () => {
    const t = abcd.trendTable(d);
    expect(t.columns).toEqual(["Date", "Able", "Believable", "Connected", "Dependable"]);
    expect(t.rows).toEqual([
      [formatCalendarDay("2026-03-10"), "2.0", "2.3", "3.0", "1.0"],
      [formatCalendarDay("2026-04-01"), "3.0", "—", "3.5", "2.0"],
      [formatCalendarDay("2026-05-02"), "4.0", "3.5", "—", "4.0"],
    ]);
    expect(t.keys).toEqual(["2026-03-10", "2026-04-01", "2026-05-02"]);
  });

  it("sets the first rating against the latest on the radar", () => {
    const option = abcd.radarOption(d, THEME);
    const [radar] = seriesOf(option);
    const data = radar?.data as { name: string; value: (number | null)[] }[];
    expect(data.map((x) => x.value)).toEqual([
      [1, 1.5, 2, 1],
      [4, 3.5, null, 4],
    ]);
    expect(data[0]?.name).toContain("First");
    expect(data[1]?.name).toContain("Latest");
    expect(option.radar).toMatchObject({
      indicator: [{ name: "Able", max: 5 }, { name: "Believable" }, { name: "Connected" }, { name: "Dependable" }],
    });
    const t = abcd.radarTable(d);
    expect(t.columns).toEqual([
      "Element",
      `First (${formatCalendarDay("2026-01-15")})`,
      `Latest (${formatCalendarDay("2026-05-02")})`,
    ]);
    expect(t.rows[2]).toEqual(["Connected", "2.0", "—"]);
  });

  it("shows just one shape when there is only one rating", () => {
    const only = rating("2026-04-01", 3, 3, 3, 3);
    const one = dashboard({ firstRating: only, latestRating: only, ratings: [only] });
    expect((seriesOf(abcd.radarOption(one, THEME))[0]?.data as unknown[]).length).toBe(1);
    const firstOnly = dashboard({ firstRating: only });
    expect((seriesOf(abcd.radarOption(firstOnly, THEME))[0]?.data as unknown[]).length).toBe(1);
    expect(abcd.radarIsEmpty(dashboard())).toBe(true);
    expect(abcd.radarTable(dashboard()).rows).toEqual([]);
  });

  it("counts the trend as empty when no element was ever rated", () => {
    expect(abcd.trendIsEmpty(dashboard({ ratings: [rating("2026-04-01", null, null, null, null)] }))).toBe(true);
    expect(abcd.trendIsEmpty(d)).toBe(false);
  });
});

describe("heatmap", () => {
  type Day = ChartData["days"][number];
  const day = (on: string, state: Day["state"], counts: Partial<Day> = {}): Day => ({
    on,
    kept: 0,
    partly: 0,
    renegotiated: 0,
    missed: 0,
    notLogged: 0,
    upcoming: 0,
    state,
    ...counts,
  });
  const d = dashboard({
    days: [
      day("2026-03-03", "missed", { missed: 1 }),
      day("2026-03-02", "kept", { kept: 2 }),
      day("2026-03-04", "partly", { kept: 1, renegotiated: 1 }),
      day("2026-03-05", "notLogged", { notLogged: 1 }),
      day("2026-05-25", "upcoming", { upcoming: 1 }),
    ],
  });

  it("gives each state its own category and colour", () => {
    const option = heatmap.option(d, THEME);
    const [series] = seriesOf(option);
    expect(valuesOf(series?.data)).toEqual([
      ["2026-03-03", 2],
      ["2026-03-02", 0],
      ["2026-03-04", 1],
      ["2026-03-05", 3],
      ["2026-05-25", 4],
    ]);
    const pieces = (option.visualMap as { pieces: { value: number; label: string; color: string }[] }).pieces;
    expect(pieces).toEqual([
      { value: 0, label: "All kept", color: "#kept" },
      { value: 1, label: "Some kept", color: "#partly" },
      { value: 2, label: "Missed", color: "#missed" },
      { value: 3, label: "Not logged", color: "#notLogged" },
      { value: 4, label: "Still ahead", color: "#upcoming" },
    ]);
    expect(option.calendar).toMatchObject({ range: ["2026-03-01", "2026-05-31"] });
  });

  it("draws each state with its own pattern over its colour, named in the description", () => {
    const [series] = seriesOf(heatmap.option(d, THEME));
    const decals = (series?.data as { itemStyle: { decal: Decal } }[]).map((item) => item.itemStyle.decal);
    // missed, kept, partly, not logged, upcoming: kept and missed differ by more than colour.
    expect(decals[1]?.symbol).toBe("none");
    expect(decals[0]?.symbol).not.toBe("none");
    expect(new Set([decals[0], decals[2], decals[3]].map((x) => JSON.stringify(x))).size).toBe(3);
    expect(decals[0]?.color).toBe("#surface");
    expect(heatmap.chart.description).toContain("all kept plain");
    expect(heatmap.chart.description).toContain("missed with diamonds");
  });

  it("spells out every day's counts and state in the table", () => {
    const t = heatmap.table(d);
    expect(t.columns.slice(0, 7)).toEqual([
      "Date",
      "Kept",
      "Partly",
      "Renegotiated",
      "Missed",
      "Not logged",
      "Upcoming",
    ]);
    expect(t.rows[0]).toEqual([formatCalendarDay("2026-03-02"), "2", "0", "0", "0", "0", "0", "All kept"]);
    expect(t.rows[2]).toEqual([formatCalendarDay("2026-03-04"), "1", "0", "1", "0", "0", "0", "Some kept"]);
    expect(t.rows.map((r) => r[7])).toEqual(["All kept", "Missed", "Some kept", "Not logged", "Still ahead"]);
    expect(t.keys).toEqual(["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-05-25"]);
  });

  it("draws only the last twelve months of a longer range, but tables all of it", () => {
    const long = dashboard({
      from: "2024-01-01",
      to: "2026-05-31",
      days: [day("2024-02-01", "kept", { kept: 1 }), day("2026-01-10", "missed", { missed: 1 })],
    });
    expect(heatmap.calendarRange(long)).toEqual(["2025-06-01", "2026-05-31"]);
    expect(valuesOf(seriesOf(heatmap.option(long, THEME))[0]?.data)).toEqual([["2026-01-10", 2]]);
    expect(heatmap.table(long).rows).toHaveLength(2);
  });

  it("is empty when nothing fell due", () => {
    expect(heatmap.isEmpty(dashboard())).toBe(true);
    expect(heatmap.isEmpty(d)).toBe(false);
  });
});

describe("weekly", () => {
  const d = dashboard({
    weeks: [
      { weekOf: "2026-03-09", kept: 1, partly: 1, renegotiated: 2, missed: 0, notLogged: 1 },
      { weekOf: "2026-03-02", kept: 3, partly: 0, renegotiated: 0, missed: 2, notLogged: 0 },
    ],
  });

  it("stacks kept, partly or renegotiated, missed and not logged per week", () => {
    const option = weekly.option(d, THEME);
    expect(option.xAxis).toMatchObject({ type: "category", data: ["2026-03-02", "2026-03-09"] });
    const series = seriesOf(option);
    expect(series.map((s) => [s.name, s.stack, s.data])).toEqual([
      ["Kept", "week", [3, 1]],
      ["Partly or renegotiated", "week", [0, 3]],
      ["Missed", "week", [2, 0]],
      ["Not logged", "week", [0, 1]],
    ]);
  });

  it("gives each part of a week its own pattern, named in the description", () => {
    const decals = seriesOf(weekly.option(d, THEME))
      .filter((s) => s.type === "bar")
      .map((s) => JSON.stringify((s.itemStyle as { decal: Decal }).decal));
    expect(new Set(decals).size).toBe(4);
    expect(weekly.chart.description).toContain("missed with diamonds");
    expect(weekly.chart.description).toContain("not logged dotted");
  });

  it("tables each week", () => {
    const t = weekly.table(d);
    expect(t.columns).toEqual(["Week of", "Kept", "Partly or renegotiated", "Missed", "Not logged"]);
    expect(t.rows).toEqual([
      [formatCalendarDay("2026-03-02"), "3", "0", "2", "0"],
      [formatCalendarDay("2026-03-09"), "1", "3", "0", "1"],
    ]);
  });

  it("is empty when no week has anything due", () => {
    const quiet = { weekOf: "2026-03-02", kept: 0, partly: 0, renegotiated: 0, missed: 0, notLogged: 0 };
    expect(weekly.isEmpty(dashboard({ weeks: [quiet] }))).toBe(true);
    expect(weekly.isEmpty(d)).toBe(false);
  });
});

describe("consistency", () => {
  const d = dashboard({
    consistency: [
      { on: "2026-03-08", score: 0.5, logged: 2 },
      { on: "2026-03-15", score: null, logged: 0 },
      { on: "2026-03-22", score: 0.833, logged: 6 },
    ],
  });

  it("draws percentages with gaps where nothing was logged", () => {
    const option = consistency.option(d, THEME);
    const [line] = seriesOf(option);
    expect(line?.connectNulls).toBe(false);
    expect(line?.data).toEqual([
      ["2026-03-08", 50, 2],
      ["2026-03-15", null, 0],
      ["2026-03-22", 83, 6],
    ]);
    expect(option.yAxis).toMatchObject({ min: 0, max: 100 });
  });

  it("tables the score and how many times it is over", () => {
    expect(consistency.table(d).rows).toEqual([
      [formatCalendarDay("2026-03-08"), "50", "2"],
      [formatCalendarDay("2026-03-15"), "—", "0"],
      [formatCalendarDay("2026-03-22"), "83", "6"],
    ]);
  });

  it("is empty when no point has a score", () => {
    expect(consistency.isEmpty(dashboard({ consistency: [{ on: "2026-03-08", score: null, logged: 0 }] }))).toBe(true);
    expect(consistency.isEmpty(d)).toBe(false);
  });
});

describe("steps", () => {
  const step = (on: string, frameworkId: string, stepId: string, title: string, entries: number) => ({
    on,
    frameworkId,
    frameworkName: frameworkId === "gottman" ? "Atone, attune, attach" : "Five A's",
    stepId,
    title,
    entries,
  });
  const d = dashboard({
    steps: [
      step("2026-04-02", "fiveAs", "apologise", "Apologise", 1),
      step("2026-03-10", "gottman", "atone", "Atone", 3),
      step("2026-03-20", "fiveAs", "admit", "Admit", 0),
      step("2026-04-15", "gottman", "atone", "Atone", 10),
    ],
  });

  it("puts each step on its own row, grouped by framework, sized by entries", () => {
    const option = steps.option(d, THEME);
    expect(option.yAxis).toMatchObject({
      type: "category",
      data: ["gottman/atone", "fiveAs/admit", "fiveAs/apologise"],
    });
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(["Atone, attune, attach", "Five A's"]);
    expect(series[0]?.symbol).not.toBe(series[1]?.symbol);
    expect(series[0]?.data).toEqual([
      ["2026-03-10", "gottman/atone", 3],
      ["2026-04-15", "gottman/atone", 10],
    ]);
    expect(series[1]?.data).toEqual([
      ["2026-03-20", "fiveAs/admit", 0],
      ["2026-04-02", "fiveAs/apologise", 1],
    ]);
    expect(steps.symbolSize(0)).toBeLessThan(steps.symbolSize(3));
    expect(steps.symbolSize(10)).toBe(steps.symbolSize(6));
  });

  it("tables each step answered", () => {
    expect(steps.table(d).rows).toEqual([
      [formatCalendarDay("2026-03-10"), "Atone, attune, attach", "Atone", "3"],
      [formatCalendarDay("2026-03-20"), "Five A's", "Admit", "0"],
      [formatCalendarDay("2026-04-02"), "Five A's", "Apologise", "1"],
      [formatCalendarDay("2026-04-15"), "Atone, attune, attach", "Atone", "10"],
    ]);
    expect(steps.isEmpty(dashboard())).toBe(true);
  });
});

describe("repeat breaches on every chart with a time axis", () => {
  const event = (id: number, kind: "breach" | "repeatBreach" | "milestone", occurredOn: string) => ({
    id,
    relationshipId: 1,
    kind,
    occurredOn,
    note: "private words",
  });
  // Inside the range (1 March to 31 May): a repeat breach on 4 March and the
  // original breach and a milestone (not drawn here); outside it, one in February.
  const events = [
    event(1, "repeatBreach", "2026-03-04"),
    event(2, "repeatBreach", "2026-02-10"),
    event(3, "breach", "2026-03-20"),
    event(4, "milestone", "2026-03-21"),
  ];
  const full = dashboard({
    role: "repairer",
    events,
    consistency: [{ on: "2026-03-08", score: 0.5, logged: 2 }],
    ratings: [rating("2026-03-10", 2, 2, 3, 1)],
    steps: [{ on: "2026-03-10", frameworkId: "fiveAs", frameworkName: "Five A's", stepId: "admit", title: "Admit", entries: 1 }],
    weeks: [
      { weekOf: "2026-03-02", kept: 1, partly: 0, renegotiated: 0, missed: 0, notLogged: 0 },
      { weekOf: "2026-03-09", kept: 1, partly: 0, renegotiated: 0, missed: 0, notLogged: 0 },
    ],
    days: [
      { on: "2026-03-04", kept: 1, partly: 0, renegotiated: 0, missed: 0, notLogged: 0, upcoming: 0, state: "kept" },
    ],
  });
  const none = dashboard({ ...full, events: events.filter((e) => e.occurredOn < "2026-03-01" || e.kind !== "repeatBreach") });

  /** Where the chart marks a repeat breach: the x of each mark line, or the day of each ring. */
  function marks(option: ChartOption): unknown[] {
    const series = seriesOf(option).find((s) => s.id === "repeatBreaches");
    if (series === undefined) return [];
    const markLine = series.markLine as { data: { xAxis: unknown; name: unknown; label: { formatter: unknown } }[] } | undefined;
    if (markLine !== undefined) {
      for (const m of markLine.data) expect([m.name, m.label.formatter]).toEqual(["It happened again", "It happened again"]);
      return markLine.data.map((m) => m.xAxis);
    }
    return (series.data as unknown[][]).map((d) => d[0]);
  }

  const timeCharts = [
    { name: "consistency", chart: CHARTS.consistency, at: "2026-03-04" },
    { name: "the four elements over time", chart: CHARTS.abcdTrend, at: "2026-03-04" },
    { name: "steps", chart: CHARTS.steps, at: "2026-03-04" },
    { name: "week by week (its week)", chart: CHARTS.weekly, at: "2026-03-02" },
    { name: "day by day (a ring on the day)", chart: CHARTS.heatmap, at: "2026-03-04" },
  ];

  for (const { name, chart, at } of timeCharts) {
    it(`${name}: marks one inside the range, labelled, and names it under the table`, () => {
      expect(marks(chart.option(full, THEME))).toEqual([at]);
      const caption = chart.table(full).caption;
      expect(caption).toContain(`It happened again on ${formatCalendarDay("2026-03-04")}.`);
      expect(caption).not.toContain(formatCalendarDay("2026-02-10"));
      expect(JSON.stringify(chart.option(full, THEME))).not.toContain("private words");
    });

    it(`${name}: marks none outside the range, and says nothing of one`, () => {
      expect(marks(chart.option(none, THEME))).toEqual([]);
      expect(chart.table(none).caption).not.toContain("happened again");
    });
  }

  it("draws its lines in the breach colour, dashed, so the shape says it and not the colour alone", () => {
    const series = seriesOf(consistency.option(full, THEME)).find((s) => s.id === "repeatBreaches");
    expect(series?.markLine).toMatchObject({
      data: [{ lineStyle: { color: "#breach", type: "dashed" }, label: { color: "#breach" } }],
    });
    const ring = seriesOf(heatmap.option(full, THEME)).find((s) => s.id === "repeatBreaches");
    expect(ring).toMatchObject({ type: "scatter", coordinateSystem: "calendar", itemStyle: { borderColor: "#breach" } });
  });

  it("names several in order, each once", () => {
    const two = dashboard({
      ...full,
      events: [event(5, "repeatBreach", "2026-04-20"), ...events, event(6, "repeatBreach", "2026-03-04")],
    });
    expect(consistency.table(two).caption).toContain(
      `It happened again on ${formatCalendarDay("2026-03-04")} and ${formatCalendarDay("2026-04-20")}.`,
    );
    expect(marks(consistency.option(two, THEME))).toEqual(["2026-03-04", "2026-04-20"]);
  });

  it("shows the repairer every chart that marks them, the trust chart still hidden", () => {
    expect(chartOrder(full)).toEqual(["consistency", "heatmap", "weekly", "abcdRadar", "abcdTrend", "steps"]);
  });
});

describe("order", () => {
  it("puts trust first for the decider", () => {
    expect(chartOrder(dashboard())).toEqual([
      "trust",
      "consistency",
      "heatmap",
      "weekly",
      "abcdRadar",
      "abcdTrend",
      "steps",
    ]);
  });

  it("shows the repairer trust only when there are trust levels, and last", () => {
    expect(chartOrder(dashboard({ role: "repairer" }))).toEqual([
      "consistency",
      "heatmap",
      "weekly",
      "abcdRadar",
      "abcdTrend",
      "steps",
    ]);
    expect(chartOrder(dashboard({ role: "repairer", trust: [{ on: "2026-04-01", level: 5 }] })).at(-1)).toBe("trust");
  });

  it("keeps only the listed charts, in the role's order", () => {
    expect(chartOrder(dashboard(), ["steps", "trust", "nonsense"])).toEqual(["trust", "steps"]);
    expect(chartOrder(dashboard(), null)).toHaveLength(7);
  });

  it("gives every chart an empty state and a table on an empty dashboard", () => {
    for (const id of CHART_IDS) {
      const chart = CHARTS[id];
      expect(chart.id).toBe(id);
      expect(chart.isEmpty(dashboard())).toBe(true);
      expect(chart.emptyText.length).toBeGreaterThan(10);
      expect(chart.table(dashboard()).rows).toEqual([]);
      expect(chart.table(dashboard()).keys).toEqual([]);
      expect(chart.summary(dashboard())).toBe(chart.emptyText);
      expect(() => chart.option(dashboard(), THEME)).not.toThrow();
    }
  });
});

describe("theme", () => {
  it("reads the CSS variables and falls back when one is missing", async () => {
    const { themeFrom } = await import("./theme");
    const theme = themeFrom((name) => (name === "--chart-kept" ? "  #123456 " : name === "--text" ? "#eee" : ""));
    expect(theme.kept).toBe("#123456");
    expect(theme.text).toBe("#eee");
    expect(theme.missed).toBe("#b5553f");
  });
});
