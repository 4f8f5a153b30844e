// @vitest-environment jsdom
// The ledger's scores as a person reads them: one owner at a time, each headed by
// whose commitments they are, a percentage with its window, the counts behind it,
// and nothing to count before anything fell due.
import { render, screen, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import ScoreSummary from "./ScoreSummary.svelte";
import { consistency, ownerScore } from "./fixtures";

describe("ScoreSummary", () => {
  it("shows each score with the counts behind it", () => {
    render(ScoreSummary, {
      owners: [
        ownerScore("me", {
          last30: consistency(30, { kept: 3, missed: 1, score: 0.75 }),
          last90: consistency(90, { kept: 8, partly: 1, missed: 2, notLogged: 1, score: 0.77 }),
        }),
      ],
      relationshipName: "Sam",
      formula: "Kept counts 1, partly kept ½.",
    });
    expect(screen.getByRole("heading", { name: "Your commitments" })).toBeTruthy();
    expect(screen.getByText("75% over the last 30 days")).toBeTruthy();
    expect(screen.getByText("77% over the last 90 days")).toBeTruthy();
    const counts = within(screen.getByRole("list", { name: "Your commitments, over the last 30 days" }));
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

  it("keeps each owner's score apart, in the order given, each with its own label", () => {
    render(ScoreSummary, {
      owners: [
        ownerScore("them", { last30: consistency(30, { missed: 4, score: 0 }) }),
        ownerScore("me", { last30: consistency(30, { kept: 4, score: 1 }) }),
        ownerScore("both", { last30: consistency(30, { kept: 1, missed: 1, score: 0.5 }) }),
      ],
      relationshipName: "Sam",
      formula: "",
    });
    const headings = screen.getAllByRole("heading").map((h) => h.textContent);
    expect(headings).toEqual(["Sam's commitments", "Your commitments", "Shared commitments, you and Sam"]);
    const score = (name: string) =>
      within(screen.getByRole("region", { name })).getAllByText(/over the last 30 days/u)[0]!.textContent;
    expect(score("Sam's commitments")).toBe("0% over the last 30 days");
    expect(score("Your commitments")).toBe("100% over the last 30 days");
    expect(score("Shared commitments, you and Sam")).toBe("50% over the last 30 days");
    expect(screen.queryByText(/^(?!0%|100%|50%).*% over/u)).toBeNull();
    // The first owner listed keeps the ids other views and tests look for.
    expect(document.querySelector("#ledger-score-30")!.textContent).toBe("0% over the last 30 days");
    expect(document.querySelector("#ledger-score-30-me")!.textContent).toBe("100% over the last 30 days");
  });

  it("says nothing is logged yet, without counts, before anything fell due", () => {
    render(ScoreSummary, { owners: [], relationshipName: "Sam", formula: "" });
    expect(screen.getByText("Nothing logged yet in the last 30 days")).toBeTruthy();
    expect(screen.queryByRole("list")).toBeNull();
  });
});
