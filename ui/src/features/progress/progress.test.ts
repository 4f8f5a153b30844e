import { describe, expect, it } from "vitest";
import type { Checklist, ChecklistStep, EvidenceView, RatingForm } from "../../lib/ipc/progress";
import {
  DECISION_CHOICES,
  checkInFields,
  decisionLabel,
  defaultReportRange,
  defaultReportSelection,
  earliestDay,
  evidenceHint,
  evidenceKindLabel,
  formatScore,
  groupCandidates,
  includes,
  markButtonLabel,
  markedLine,
  newCheckInFields,
  newestCheckInsFirst,
  noCandidatesLine,
  reportControlId,
  reportEvidenceLabel,
  reportSectionsFor,
  reportStepLine,
  sameTarget,
  SCHEDULE_CHOICES,
  selectedCharts,
  stepKey,
  stepKeys,
  stepStateLabel,
  toCheckInInput,
  checkInFieldElement,
  withoutWords,
  writtenOnLine,
} from "./progress";
import type { Dashboard } from "../../lib/ipc/progress";

function entry(entryId: number, on: string, answersStep = false): EvidenceView {
  return {
    linkId: null,
    target: { kind: "entry", entryId, eventId: null, commitmentId: null, dueOn: null },
    on,
    text: `entry ${entryId}`,
    eventKind: null,
    occurrenceStatus: null,
    answersStep,
  };
}

function event(eventId: number, on: string, kind: "breach" | "repeatBreach" | "milestone"): EvidenceView {
  return {
    linkId: null,
    target: { kind: "event", entryId: null, eventId, commitmentId: null, dueOn: null },
    on,
    text: "",
    eventKind: kind,
    occurrenceStatus: null,
    answersStep: false,
  };
}

function occurrence(
  commitmentId: number,
  dueOn: string,
  status: "kept" | "partly" | "missed" | "renegotiated",
): EvidenceView {
  return {
    linkId: null,
    target: { kind: "occurrence", entryId: null, eventId: null, commitmentId, dueOn },
    on: dueOn,
    text: "call when late",
    eventKind: null,
    occurrenceStatus: status,
    answersStep: false,
  };
}

function step(frameworkId: string, stepId: string): ChecklistStep {
  return {
    frameworkId,
    stepId,
    title: stepId,
    summary: "",
    markedOn: null,
    note: "",
    evidence: [],
    theirs: [],
    writtenOn: [],
    state: "open",
    beforeRepeatBreach: null,
  };
}

const FORM: RatingForm = {
  scale: ["Not at all", "Rarely", "Sometimes", "Mostly", "Completely"],
  note: "A reflection, not a diagnosis.",
  elements: [
    { id: "able", name: "Able", summary: "", items: [{ id: "able-skills", text: "Skills" }] },
    { id: "believable", name: "Believable", summary: "", items: [{ id: "believable-truth", text: "Truth" }] },
  ],
};

describe("checklist words", () => {
  it("says each state in words for each role", () => {
    expect(stepStateLabel("decider", "open")).toBe("Not seen yet");
    expect(stepStateLabel("decider", "claimed")).toBe("Seen");
    expect(stepStateLabel("decider", "evidenced")).toBe("Seen, with evidence");
    expect(stepStateLabel("repairer", "open")).toBe("Not yet");
    expect(stepStateLabel("repairer", "claimed")).toBe("Done");
    expect(stepStateLabel("repairer", "evidenced")).toBe("Done, with evidence");
  });

  it("words the mark and its button by role", () => {
    expect(markedLine("decider", "2026-03-03", "en-GB")).toBe("Seen on 3 March 2026");
    expect(markedLine("repairer", "2026-03-03", "en-GB")).toBe("Done on 3 March 2026");
    expect(markButtonLabel("decider", false)).toBe("Mark as observed…");
    expect(markButtonLabel("repairer", false)).toBe("Mark as done…");
    expect(markButtonLabel("repairer", true)).not.toBe("Mark as done…");
  });

  it("gives a quiet hint only to a mark with no evidence", () => {
    expect(evidenceHint("claimed")).toBe("No evidence linked yet.");
    expect(evidenceHint("open")).toBeNull();
    expect(evidenceHint("evidenced")).toBeNull();
  });

  it("leaves the hint out of the printed review unless asked for", () => {
    expect(reportStepLine("decider", "open", null, true)).toBe("Not seen yet.");
    expect(reportStepLine("decider", "claimed", "2026-03-03", false, "en-GB")).toBe("Seen on 3 March 2026.");
    expect(reportStepLine("decider", "claimed", "2026-03-03", true, "en-GB")).toBe(
      "Seen on 3 March 2026. No evidence linked yet.",
    );
    expect(reportStepLine("decider", "evidenced", "2026-03-03", false, "en-GB")).toBe(
      "Seen on 3 March 2026, with evidence.",
    );
    expect(reportStepLine("repairer", "claimed", "2026-03-03", false, "en-GB")).toBe("Done on 3 March 2026.");
  });

  it("offers the hint as a review option, off by default", () => {
    expect(reportSectionsFor("decider").map((s) => s.id)).toContain("evidenceHints");
    expect(defaultReportSelection().evidenceHints).toBe(false);
  });

  it("keeps element ids apart when two checklists share a step id", () => {
    const lists: Checklist[] = [
      {
        frameworkId: "five-as",
        name: "",
        summary: "",
        steps: [step("five-as", "acknowledge"), step("five-as", "amend")],
      },
      {
        frameworkId: "acc",
        name: "",
        summary: "",
        steps: [step("acc", "acknowledge"), step("acc", "communicate")],
      },
    ];
    const keys = stepKeys(lists);
    expect(stepKey(keys, "five-as", "acknowledge")).toBe("acknowledge");
    expect(stepKey(keys, "acc", "acknowledge")).toBe("acc-acknowledge");
    expect(stepKey(keys, "acc", "communicate")).toBe("communicate");
    expect(stepKey(keys, "unknown", "step")).toBe("step");
  });

  it("lists the days written on quietly, or nothing", () => {
    expect(writtenOnLine([])).toBeNull();
    expect(writtenOnLine(["2026-03-03"], "en-GB")).toBe("You wrote about this on 3 March 2026.");
    expect(writtenOnLine(["2026-03-03", "2026-03-05"], "en-GB")).toBe(
      "You wrote about this on 3 March 2026, 5 March 2026.",
    );
  });
});

describe("evidence", () => {
  it("names each kind", () => {
    expect(evidenceKindLabel(entry(1, "2026-03-01"))).toBe("Entry");
    expect(evidenceKindLabel(event(1, "2026-03-01", "breach"))).toBe("Breach");
    expect(evidenceKindLabel(event(1, "2026-03-01", "repeatBreach"))).toBe("It happened again");
    expect(evidenceKindLabel(event(1, "2026-03-01", "milestone"))).toBe("Milestone");
    expect(evidenceKindLabel(occurrence(1, "2026-03-01", "kept"))).toBe("Commitment kept");
    expect(evidenceKindLabel(occurrence(1, "2026-03-01", "partly"))).toBe("Commitment partly kept");
    expect(evidenceKindLabel(occurrence(1, "2026-03-01", "missed"))).toBe("Commitment missed");
    expect(evidenceKindLabel(occurrence(1, "2026-03-01", "renegotiated"))).toBe("Commitment renegotiated");
  });

  it("names evidence in the review without its words", () => {
    expect(reportEvidenceLabel(entry(1, "2026-03-01"), "en-GB")).toBe("Journal entry, 1 March 2026");
    expect(reportEvidenceLabel(event(2, "2026-03-02", "repeatBreach"), "en-GB")).toBe(
      "Event: It happened again, 2 March 2026",
    );
    expect(reportEvidenceLabel(occurrence(3, "2026-03-03", "kept"), "en-GB")).toBe("Commitment kept, 3 March 2026");
    expect(reportEvidenceLabel(entry(1, "2026-03-01"), "en-GB")).not.toContain("entry 1");
  });

  it("groups candidates with the step's own answers first, keeping each one's index", () => {
    const candidates = [
      entry(1, "2026-03-05", true),
      entry(2, "2026-03-04"),
      event(3, "2026-03-03", "milestone"),
      occurrence(4, "2026-03-02", "kept"),
      entry(5, "2026-03-01", true),
    ];
    const groups = groupCandidates(candidates);
    expect(groups.map((g) => g.id)).toEqual(["answers", "entries", "events", "occurrences"]);
    expect(groups[0]?.title).toBe("Your writing about this step");
    expect(groups[0]?.items.map((i) => i.index)).toEqual([0, 4]);
    expect(groups[1]?.items.map((i) => i.index)).toEqual([1]);
    expect(groups[2]?.items.map((i) => i.index)).toEqual([2]);
    expect(groups[3]?.items.map((i) => i.index)).toEqual([3]);
  });

  it("leaves out empty groups", () => {
    expect(groupCandidates([])).toEqual([]);
    expect(groupCandidates([event(1, "2026-03-01", "breach")]).map((g) => g.id)).toEqual(["events"]);
  });

  it("says what to do when there is nothing to link", () => {
    expect(noCandidatesLine("Take ownership")).toBe(
      "Nothing to link yet: write an entry about “Take ownership”, record an event, or log a commitment first.",
    );
  });

  it("compares targets", () => {
    expect(sameTarget(entry(1, "2026-03-01").target, entry(1, "2026-03-02").target)).toBe(true);
    expect(sameTarget(entry(1, "2026-03-01").target, entry(2, "2026-03-01").target)).toBe(false);
    expect(sameTarget(occurrence(1, "2026-03-01", "kept").target, occurrence(1, "2026-03-02", "kept").target)).toBe(
      false,
    );
  });
});

describe("check-ins", () => {
  it("formats scores with one decimal", () => {
    expect(formatScore(3)).toBe("3.0");
    expect(formatScore(3.666)).toBe("3.7");
    expect(formatScore(null)).toBe("–");
  });

  it("leaves the trust level out until it is given", () => {
    const fields = newCheckInFields("2026-03-03");
    fields.answers["able-skills"] = 4;
    expect(toCheckInInput(fields, "decider", FORM)).toEqual({
      on: "2026-03-03",
      answers: { "able-skills": 4 },
      trustLevel: null,
      note: "",
    });
    fields.trustSkipped = false;
    fields.trust = 7;
    expect(toCheckInInput(fields, "decider", FORM).trustLevel).toBe(7);
  });

  it("never sends a trust level for the repairer", () => {
    const fields = newCheckInFields("2026-03-03");
    fields.trustSkipped = false;
    fields.answers["believable-truth"] = 2;
    expect(toCheckInInput(fields, "repairer", FORM).trustLevel).toBeNull();
  });

  it("leaves the checks to the back end, showing a refused day at the date field", () => {
    // Nothing answered, or a day still to come: sent as they are, refused there.
    expect(toCheckInInput(newCheckInFields(" 2026-03-04 "), "repairer", FORM)).toMatchObject({
      on: "2026-03-04",
      answers: {},
    });
    expect(checkInFieldElement("on")).toBe("checkin-date");
    expect(checkInFieldElement("answers")).toBeNull();
    expect(checkInFieldElement(null)).toBeNull();
  });

  it("sends only answers to the questions the form asks", () => {
    const fields = newCheckInFields("2026-03-03");
    fields.answers = { "able-skills": 5, gone: 3 };
    expect(toCheckInInput(fields, "repairer", FORM).answers).toEqual({ "able-skills": 5 });
  });

  it("loads a saved check-in back into the form", () => {
    const fields = checkInFields({
      on: "2026-03-01",
      answers: { "able-skills": 2 },
      scores: { able: 2, believable: null, connected: null, dependable: null },
      trustLevel: null,
      note: "quiet week",
    });
    expect(fields.trustSkipped).toBe(true);
    expect(fields.answers).toEqual({ "able-skills": 2 });
    expect(fields.note).toBe("quiet week");
  });

  it("lists newest first", () => {
    const base = { answers: {}, scores: { able: null, believable: null, connected: null, dependable: null } };
    const list = [
      { ...base, on: "2026-03-01", trustLevel: 3, note: "" },
      { ...base, on: "2026-03-05", trustLevel: 4, note: "" },
      { ...base, on: "2026-03-02", trustLevel: 5, note: "" },
    ];
    expect(newestCheckInsFirst(list).map((c) => c.on)).toEqual(["2026-03-05", "2026-03-02", "2026-03-01"]);
  });
});

describe("decisions", () => {
  it("offers the four choices with neutral words, stepping away among them", () => {
    expect(DECISION_CHOICES.map((c) => c.choice)).toEqual(["extend", "hold", "pause", "stepAway"]);
    expect(decisionLabel("extend")).toBe("Extend some trust");
    expect(decisionLabel("hold")).toBe("Hold where things are");
    expect(decisionLabel("pause")).toBe("Pause and take some space");
    expect(decisionLabel("stepAway")).toBe("Step away");
    expect(DECISION_CHOICES.find((c) => c.choice === "stepAway")?.detail).toContain("legitimate");
  });
});

describe("check-in schedule", () => {
  it("offers no schedule and the back end's three kinds, in order", () => {
    expect(SCHEDULE_CHOICES.map((c) => c.every)).toEqual(["none", "weekly", "fortnightly", "monthly"]);
    expect(SCHEDULE_CHOICES.map((c) => c.label)).toEqual([
      "No regular check-in",
      "Every week",
      "Every two weeks",
      "Every month",
    ]);
  });
});

describe("the printed review", () => {
  it("starts with the checklist and the charts, without decisions or the words written", () => {
    const selection = defaultReportSelection();
    expect(selection.checklist).toBe(true);
    expect(selection.decisions).toBe(false);
    expect(selection.journalText).toBe(false);
    expect(selectedCharts(selection, "decider")).toEqual([
      "trust",
      "consistency",
      "heatmap",
      "weekly",
      "abcdRadar",
      "abcdTrend",
      "steps",
    ]);
    expect(selectedCharts(selection, "repairer")).not.toContain("trust");
  });

  it("draws only the ticked charts, the ABCD choice as radar and trend", () => {
    const selection = defaultReportSelection();
    selection.consistency = false;
    selection.heatmap = false;
    selection.weekly = false;
    selection.trust = true;
    selection.abcd = true;
    selection.steps = true;
    expect(selectedCharts(selection, "decider")).toEqual(["trust", "abcdRadar", "abcdTrend", "steps"]);
  });

  it("offers the trust chart and decisions to the decider only", () => {
    const selection = defaultReportSelection();
    selection.trust = true;
    selection.decisions = true;
    expect(selectedCharts(selection, "repairer")).not.toContain("trust");
    expect(includes(selection, "repairer", "decisions")).toBe(false);
    expect(includes(selection, "decider", "decisions")).toBe(true);
    expect(reportSectionsFor("repairer").map((s) => s.id)).not.toContain("trust");
    expect(reportSectionsFor("decider").map((s) => s.id)).toContain("journalText");
  });

  it("names the checkboxes the way the tests find them", () => {
    expect(reportControlId("checklist")).toBe("report-checklist");
    expect(reportControlId("abcd")).toBe("report-abcd");
    expect(reportControlId("journalText")).toBe("report-journal-text");
  });

  it("covers the story from its earliest day, or the last 90 days", () => {
    expect(defaultReportRange("2026-03-31", "2025-12-01")).toEqual({ from: "2025-12-01", to: "2026-03-31" });
    expect(defaultReportRange("2026-03-31", null)).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(defaultReportRange("2026-03-31", "2026-04-05")).toEqual({ from: "2026-01-01", to: "2026-03-31" });
  });

  it("starts at the earlier of the day it happened and the day it was added", () => {
    expect(earliestDay("2025-10-01", new Date(2026, 0, 5, 12).toISOString())).toBe("2025-10-01");
    expect(earliestDay(null, new Date(2026, 0, 5, 12).toISOString())).toBe("2026-01-05");
    expect(earliestDay("2026-02-01", new Date(2026, 0, 5, 12).toISOString())).toBe("2026-01-05");
  });
});

describe("charts in a review without the words written", () => {
  it("drop event notes and decision reasons, keeping everything else", () => {
    const dashboard = {
      relationshipId: 1,
      events: [{ id: 1, relationshipId: 1, kind: "repeatBreach", occurredOn: "2026-03-01", note: "private" }],
      decisions: [{ id: 2, decidedOn: "2026-03-02", choice: "hold", reasons: "private too" }],
      note: "Reflection, not diagnosis.",
    } as unknown as Dashboard;
    const bare = withoutWords(dashboard);
    expect(bare.events[0]?.note).toBe("");
    expect(bare.events[0]?.kind).toBe("repeatBreach");
    expect(bare.decisions[0]?.reasons).toBe("");
    expect(bare.decisions[0]?.choice).toBe("hold");
    expect(bare.note).toBe("Reflection, not diagnosis.");
    expect(dashboard.events[0]?.note).toBe("private");
  });
});
