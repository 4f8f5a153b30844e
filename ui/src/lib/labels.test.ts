import { describe, expect, it } from "vitest";
import { commitmentOwnerLabel, eventKindLabel, impliedPower, isWorkSetting, otherSideName, roleLabel, settingLine, stepStatusLabel } from "./labels";
import { ownerChoices, ownerHint, ownerScoresHeading } from "../features/ledger/consistency";

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

  it("calls a team 'the team' where commitments are labelled by owner", () => {
    const team = otherSideName("Design crew", "team");
    expect(team).toBe("the team");
    expect(otherSideName("Sam", "myManager")).toBe("Sam");
    expect(otherSideName("Sam", null)).toBe("Sam");
    expect(commitmentOwnerLabel("them", team)).toBe("The team");
    expect(commitmentOwnerLabel("both", team)).toBe("You and the team");
    expect(ownerScoresHeading("them", team)).toBe("The team's commitments");
    expect(ownerScoresHeading("both", team)).toBe("Shared commitments, you and the team");
    expect(ownerChoices(team)[1]?.label).toBe("The team's: something the team promised");
    expect(ownerHint("decider", team)).toBe("You log what you actually saw of the team's commitments, not what was said about them.");
    // A name that merely starts with "the" is the person's own word and stays as typed.
    expect(commitmentOwnerLabel("them", "theo")).toBe("theo");
  });

  it("words the setting in a quiet line, with power only at work", () => {
    expect(settingLine(null, null)).toBeNull();
    expect(settingLine("partner", null)).toBe("Personal: a partner.");
    expect(settingLine("myManager", "them")).toBe("At work: my manager. They hold more power.");
    expect(settingLine("team", "me")).toBe("At work: a team or group. You hold more power.");
    expect(settingLine("colleague", null)).toBe("At work: a colleague.");
    expect(isWorkSetting("client")).toBe(true);
    expect(isWorkSetting("family")).toBe(false);
    expect([impliedPower("myManager"), impliedPower("someoneIManage"), impliedPower("client")]).toEqual(["them", "me", null]);
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
