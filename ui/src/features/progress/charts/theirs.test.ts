// Their record beside what was observed, as a chart: two stacks per week that
// are never added together, theirs outlined with dashes as well as named, each
// state with its pattern; the table and the summary carry the same figures.
import { describe, expect, it } from "vitest";
import type { TheirRecord } from "../../../lib/ipc/progress";
import { decalFor } from "./patterns";
import { description, isEmpty, option, summary, table, type TheirRecordData } from "./theirs";
import type { ChartTheme } from "./types";

const THEME: ChartTheme = {
  text: "#111",
  muted: "#666",
  line: "#ccc",
  surface: "#fff",
  accent: "#036",
  breach: "#a00",
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

const THEIRS: TheirRecord = {
  sharedBy: "Alex",
  fingerprint: "12345 67890 12345 67890",
  owner: "them",
  promises: ["Home by seven", "Call on Sundays"],
  days: [],
  weeks: [{ weekOf: "2026-05-18", kept: 2, partly: 0, renegotiated: 1, missed: 1, notLogged: 0 }],
};

function data(theirs: TheirRecord = THEIRS): TheirRecordData {
  return {
    theirs,
    observed: [{ weekOf: "2026-05-11", kept: 1, partly: 0, renegotiated: 0, missed: 0, notLogged: 2 }],
    from: "2026-05-01",
    to: "2026-05-24",
  };
}

type Bar = { id: string; name: string; stack: string; data: number[]; itemStyle: Record<string, unknown> };

describe("their record chart", () => {
  it("stacks theirs apart from what was observed, outlined with dashes and named as theirs", () => {
    const chart = option(data(), THEME);
    const series = chart.series as Bar[];
    expect((chart.xAxis as { data: string[] }).data).toEqual(["2026-05-11", "2026-05-18"]);
    const observed = series.filter((s) => s.stack === "observed");
    const theirs = series.filter((s) => s.stack === "theirs");
    expect(observed.map((s) => s.data)).toEqual([[1, 0], [0, 0], [0, 0], [2, 0]]);
    expect(theirs.map((s) => [s.name, s.data])).toEqual([
      ["Their record (Alex): Kept", [0, 2]],
      ["Their record (Alex): Partly or renegotiated", [0, 1]],
      ["Their record (Alex): Missed", [0, 1]],
    ]);
    expect(theirs.every((s) => s.itemStyle.borderType === "dashed")).toBe(true);
    expect(observed.every((s) => s.itemStyle.borderType === undefined)).toBe(true);
    expect(theirs.find((s) => s.id === "theirs-missed")?.itemStyle.decal).toEqual(decalFor("missed", THEME));
    expect((chart.legend as { data: string[] }).data).toContain("Their record (Alex): Missed");
    expect(description).toMatch(/outlined with dashes/);
  });

  it("puts both sides in the table, each in its own columns, and names their promises", () => {
    const t = table(data());
    expect(t.keys).toEqual(["2026-05-11", "2026-05-18"]);
    expect(t.rows.map((r) => r.slice(1))).toEqual([
      ["1", "0", "0", "2", "0", "0", "0"],
      ["0", "0", "0", "0", "2", "1", "1"],
    ]);
    expect(t.caption).toMatch(/Their promises: Home by seven; Call on Sundays\.$/);
  });

  it("sums each side alone in the summary, and is empty with no shared day in range", () => {
    expect(summary(data())).toBe(
      "Their record (Alex), over 1 week: kept 2, partly or renegotiated 1, missed 1. What you observed: kept 1, partly or renegotiated 0, missed 0, not logged 2. The two are kept apart. The figures are in the table below.",
    );
    const none = data({ ...THEIRS, weeks: [] });
    expect(isEmpty(none)).toBe(true);
    expect(isEmpty(data())).toBe(false);
  });
});
