// @vitest-environment jsdom
// Their shared record on the dashboard: drawn only when something shared has a
// record, marked as theirs in the title, the note and the figures, beside what
// the person observed of the same commitments and never added to it.
import { render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { Dashboard, OwnerSeries, TheirRecord } from "../../lib/ipc/progress";

vi.mock("./charts/EChart.svelte", () => ({ default: () => {} }));
const { default: TheirRecordCharts } = await import("./TheirRecordCharts.svelte");

const OBSERVED: OwnerSeries = {
  owner: "them",
  days: [],
  weeks: [{ weekOf: "2026-05-11", kept: 0, partly: 0, renegotiated: 0, missed: 2, notLogged: 1 }],
  consistency: [],
};

const THEIRS: TheirRecord = {
  sharedBy: "Alex",
  fingerprint: "12345 67890 12345 67890",
  owner: "them",
  promises: ["Home by seven"],
  days: [],
  weeks: [
    { weekOf: "2026-05-11", kept: 3, partly: 0, renegotiated: 0, missed: 0, notLogged: 0 },
    { weekOf: "2026-05-18", kept: 1, partly: 1, renegotiated: 0, missed: 1, notLogged: 0 },
  ],
};

function dashboard(theirRecord: TheirRecord[]): Dashboard {
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
    owners: [OBSERVED],
    theirRecord,
    steps: [],
    decisions: [],
    formula: "",
    note: "",
  };
}

function rows(tableId: string): string[][] {
  return [...document.querySelectorAll(`#${tableId} tbody tr`)].map((tr) =>
    [...tr.children].slice(1).map((cell) => cell.textContent?.trim() ?? ""),
  );
}

describe("TheirRecordCharts", () => {
  it("draws nothing when nothing shared has a record", () => {
    render(TheirRecordCharts, { dashboard: dashboard([]), relationshipName: "Alex" });
    expect(document.getElementById("dashboard-their-record")).toBeNull();
  });

  it("shows their record beside what was observed, marked as theirs, the two never added", () => {
    render(TheirRecordCharts, { dashboard: dashboard([THEIRS]), relationshipName: "Alex" });
    expect(document.getElementById("dashboard-their-record")).not.toBeNull();
    expect(screen.getByRole("heading", { level: 3 }).textContent).toBe("Their shared record: Alex's commitments");
    expect(document.querySelector("#chart-their-record .their-name")?.textContent).toBe("Alex");
    const heads = [...document.querySelectorAll("#table-their-record thead th")].map((th) => th.textContent?.trim());
    expect(heads).toEqual([
      "Week of",
      "What you observed: kept",
      "What you observed: partly or renegotiated",
      "What you observed: missed",
      "What you observed: not logged",
      "Their record (Alex): kept",
      "Their record (Alex): partly or renegotiated",
      "Their record (Alex): missed",
    ]);
    expect(rows("table-their-record")).toEqual([
      ["0", "0", "2", "1", "3", "0", "0"],
      ["0", "0", "0", "0", "1", "1", "1"],
    ]);
  });
});
