// @vitest-environment jsdom
// The ledger's scores as a person reads them: a percentage with its window,
// the counts behind it, and nothing to count before anything fell due.
import { render, screen, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import ScoreSummary from "./ScoreSummary.svelte";
import { consistency } from "./fixtures";

describe("ScoreSummary", () => {
  it("shows each score with the counts behind it", () => {
    render(ScoreSummary, {
      last30: consistency(30, { kept: 3, missed: 1, score: 0.75 }),
      last90: consistency(90, { kept: 8, partly: 1, missed: 2, notLogged: 1, score: 0.77 }),
      formula: "Kept counts 1, partly kept ½.",
    });
    expect(screen.getByText("75% over the last 30 days")).toBeTruthy();
    expect(screen.getByText("77% over the last 90 days")).toBeTruthy();
    const counts = within(screen.getByRole("list", { name: "Over the last 30 days" }));
    expect(counts.getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Kept: 3",
      "Partly kept: 0",
      "Renegotiated: 0",
      "Missed: 1",
      "Not logged: 0",
    ]);
    expect(screen.getByText("How this is worked out")).toBeTruthy();
    expect(screen.getByText("Kept counts 1, partly kept ½.")).toBeTruthy();
  });

  it("says nothing is logged yet, without counts, before anything fell due", () => {
    render(ScoreSummary, { last30: consistency(30), last90: consistency(90), formula: "" });
    expect(screen.getByText("Nothing logged yet in the last 30 days")).toBeTruthy();
    expect(screen.queryByRole("list")).toBeNull();
  });
});
