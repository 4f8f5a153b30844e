import { describe, expect, it } from "vitest";
import { buildQuery, rangeIsBackwards, type SearchCriteria } from "./searchQuery";

const none: SearchCriteria = { text: "", relationship: "", step: "", tag: "", mood: "", from: "", to: "" };

describe("building a search query", () => {
  it("asks nothing until there are words or a filter", () => {
    expect(buildQuery(none)).toBeNull();
    expect(buildQuery({ ...none, text: "   " })).toBeNull();
  });

  it("sends the words as typed, trimmed", () => {
    expect(buildQuery({ ...none, text: " kept promise " })).toEqual({
      text: "kept promise",
      relationshipId: null,
      frameworkId: null,
      stepId: null,
      tag: null,
      mood: null,
      from: null,
      to: null,
      limit: 50,
    });
  });

  it("lists filtered entries when only filters are chosen", () => {
    const query = buildQuery({ ...none, relationship: "3", step: "five-as/apologise", tag: "#work", mood: " hurt " });
    expect(query).toMatchObject({
      text: "",
      relationshipId: 3,
      frameworkId: "five-as",
      stepId: "apologise",
      tag: "work",
      mood: "hurt",
    });
  });

  it("covers whole local days", () => {
    const query = buildQuery({ ...none, from: "2025-03-01", to: "2025-03-31" });
    expect(query?.from).toBe(new Date(2025, 2, 1).toISOString());
    expect(query?.to).toBe(new Date(2025, 3, 1).toISOString());
  });

  it("ignores impossible dates", () => {
    expect(buildQuery({ ...none, from: "2025-02-30" })).toBeNull();
  });

  it("notices a range that runs backwards", () => {
    expect(rangeIsBackwards({ from: "2025-03-02", to: "2025-03-01" })).toBe(true);
    expect(rangeIsBackwards({ from: "2025-03-01", to: "2025-03-01" })).toBe(false);
    expect(rangeIsBackwards({ from: "", to: "2025-03-01" })).toBe(false);
  });
});
