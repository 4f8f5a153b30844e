import { describe, expect, it } from "vitest";
import { commitmentOwnerLabel, eventKindLabel, roleLabel, stepStatusLabel } from "./labels";

describe("labels", () => {
  it("says a step's progress in words", () => {
    expect(stepStatusLabel("untouched", null)).toBe("Not started");
    expect(stepStatusLabel("inProgress", null)).toBe("In progress");
    expect(stepStatusLabel("done", null)).toBe("Done");
    const done = stepStatusLabel("done", new Date(2025, 10, 22, 12).toISOString(), "en-GB");
    expect(done).toMatch(/^Done /);
    expect(done).toContain("22");
    expect(done).toContain("November");
  });

  it("names roles, events and whose commitment it is", () => {
    expect(roleLabel("repairer")).toBe("you're repairing");
    expect(roleLabel("decider")).toBe("you're deciding");
    expect(eventKindLabel("repeatBreach")).toBe("It happened again");
    expect(commitmentOwnerLabel("me", "Sam")).toBe("You");
    expect(commitmentOwnerLabel("them", "Sam")).toBe("Sam");
    expect(commitmentOwnerLabel("both", "Sam")).toBe("You and Sam");
  });
});

describe("apology checks", () => {
  it("say where a check stands in words", async () => {
    const { checkStatusLabel } = await import("./labels");
    expect(checkStatusLabel("met")).toBe("There");
    expect(checkStatusLabel("missing")).toBe("Not there yet");
    expect(checkStatusLabel("problem")).toBe("Worth a second look");
  });
});
