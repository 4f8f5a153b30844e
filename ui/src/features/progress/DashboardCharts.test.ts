// @vitest-environment jsdom
// The dashboard's commitment charts, one set per owner: each owner's figures
// alone, titled with whose they are, in the back end's order, with the first
// owner's keeping the plain ids.
import { render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { Dashboard, OwnerSeries } from "../../lib/ipc/progress";

// The drawing itself needs a canvas; the figures' tables are what is tested here.
vi.mock("./charts/EChart.svelte", () => ({ default: () => {} }));
const { default: DashboardCharts } = await import("./DashboardCharts.svelte");

function series(owner: OwnerSeries["owner"], kept: number, missed: number): OwnerSeries {
  const state = missed === 0 ? "kept" : "missed";
  return {
    owner,
    days: [{ on: "2026-05-18", kept, partly: 0, renegotiated: 0, missed, notLogged: 0, upcoming: 0, state }],
    weeks: [{ weekOf: "2026-05-18", kept, partly: 0, renegotiated: 0, missed, notLogged: 0 }],
    consistency: [{ on: "2026-05-20", score: kept / (kept + missed), logged: kept + missed }],
  };
}

function dashboard(owners: OwnerSeries[]): Dashboard {
  return {
    relationshipId: 1,
    role: "decider",
    from: "2026-05-01",
    to: "2026-05-20",
    today: "2026-05-20",
    earliest: "2026-05-01",
    trust: [],
    ratings: [],
    firstRating: null,
    latestRating: null,
    events: [],
    owners,
    theirRecord: [],
    steps: [],
    decisions: [],
    formula: "Kept counts in full.",
    note: "",
  };
}

/** The cells after the date, row by row. */
function rows(tableId: string): string[][] {
  return [...document.querySelectorAll(`#${tableId} tbody tr`)].map((tr) =>
    [...tr.children].slice(1).map((cell) => cell.textContent?.trim() ?? ""),
  );
}

describe("DashboardCharts", () => {
  it("draws each owner's commitments apart, titled with whose they are", () => {
    render(DashboardCharts, {
      dashboard: dashboard([series("them", 0, 2), series("me", 2, 0)]),
      relationshipName: "Sam",
      only: ["consistency", "weekly"],
    });
    const titles = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(titles).toEqual([
      "Consistency over time: Sam's commitments",
      "Consistency over time: Your commitments",
      "Week by week: Sam's commitments",
      "Week by week: Your commitments",
    ]);
    // The first owner listed (here the other person's) keeps the plain ids.
    expect(rows("table-consistency")).toEqual([["0", "2"]]);
    expect(rows("table-consistency-me")).toEqual([["100", "2"]]);
    expect(rows("table-weekly")).toEqual([["0", "0", "2", "0"]]);
    expect(rows("table-weekly-me")).toEqual([["2", "0", "0", "0"]]);
    expect(document.querySelector("#table-consistency-them")).toBeNull();
  });

  it("shows each chart once, empty, before there is any commitment", () => {
    render(DashboardCharts, { dashboard: dashboard([]), only: ["heatmap"] });
    expect(document.querySelectorAll("[data-chart]")).toHaveLength(1);
    expect(document.querySelector("#chart-heatmap [data-empty]")).not.toBeNull();
  });

  it("names a repeat breach under every chart of the repairer's, each owner's too, with no trust chart", () => {
    const base = dashboard([series("me", 2, 0), series("them", 1, 1)]);
    const steps = [
      { on: "2026-05-18", frameworkId: "five-as", frameworkName: "Five A's", stepId: "admit", title: "Admit", entries: 1 },
    ];
    const ratings = [{ on: "2026-05-18", scores: { able: 3, believable: 3, connected: 3, dependable: 3 } }];
    render(DashboardCharts, {
      dashboard: {
        ...base,
        role: "repairer",
        steps,
        ratings,
        events: [{ id: 4, relationshipId: 1, kind: "repeatBreach", occurredOn: "2026-05-18", note: "" }],
      },
      relationshipName: "Sam",
    });
    expect(document.querySelector("#chart-trust")).toBeNull();
    const said = [...document.querySelectorAll("caption")]
      .filter((c) => /It happened again on .*18/.test(c.textContent ?? ""))
      .map((c) => c.closest("[data-chart]")?.id);
    expect(said).toEqual([
      "chart-consistency",
      "chart-consistency-them",
      "chart-heatmap",
      "chart-heatmap-them",
      "chart-weekly",
      "chart-weekly-them",
      "chart-abcdTrend",
      "chart-steps",
    ]);
  });
});
