import { describe, expect, it } from "vitest";
import { buildCatalog, humanizeId, parseStepOption, stepOption, stepTitle } from "./catalog";
import type { FrameworkView, RelationshipGuide, StepView } from "../../lib/ipc";

function step(id: string, title: string): StepView {
  return { id, title, summary: "", prompts: [], guidance: null, notes: [], status: "untouched", entries: 0, lastDoneAt: null };
}

function framework(id: string, steps: StepView[]): FrameworkView {
  return { id, kind: "framework", name: `Framework ${id}`, summary: "", closingPrompt: null, steps };
}

function guide(frameworks: FrameworkView[], templates: StepView[] = []): RelationshipGuide {
  return {
    relationship: {
      id: 1,
      name: "A",
      role: "repairer",
      whatHappened: "",
      happenedOn: null,
      breachKind: "care",
      createdAt: "2025-01-01T00:00:00Z",
      setting: null,
      power: null,
      contexts: [],
    },
    mode: "repair",
    frameworks,
    templates,
  };
}

describe("the step catalog", () => {
  const repairer = guide([framework("talk", [step("first", "First"), step("second", "Second")])], [step("7", "Mine")]);
  const decider = guide([framework("talk", [step("first", "First"), step("check", "Check")]), framework("only", [])]);
  const catalog = buildCatalog([repairer, decider]);

  it("merges the guides of both roles without repeating steps", () => {
    expect(catalog.frameworks.map((f) => f.id)).toEqual(["talk", "only"]);
    expect(catalog.frameworks[0]!.steps.map((s) => s.id)).toEqual(["first", "second", "check"]);
    expect(catalog.templates).toEqual([{ id: "7", title: "Mine" }]);
  });

  it("names the step an entry answers", () => {
    expect(stepTitle(catalog, "talk", "check")).toBe("Check");
    expect(stepTitle(catalog, "template", "7")).toBe("Mine");
    expect(stepTitle(catalog, null, null)).toBeNull();
  });

  it("falls back to a readable id for steps no guide knows", () => {
    expect(stepTitle(catalog, "gone", "misdiagnosis-check")).toBe("Misdiagnosis check");
    expect(stepTitle(catalog, "template", "99")).toBe("Your own questions");
    expect(humanizeId("")).toBe("");
  });

  it("encodes steps for a select and reads them back", () => {
    expect(parseStepOption(stepOption("five-as", "apologise"))).toEqual({ frameworkId: "five-as", stepId: "apologise" });
    expect(parseStepOption("")).toBeNull();
    expect(parseStepOption("five-as/")).toBeNull();
    expect(parseStepOption("/x")).toBeNull();
  });
});
