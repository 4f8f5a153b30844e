import { describe, expect, it } from "vitest";
import { fieldElement, fieldsOf, newFields, toInput, type CommitmentFields } from "./commitmentForm";
import type { Commitment } from "../../lib/ipc/ledger";

const TODAY = "2026-03-10";

function filled(change: Partial<CommitmentFields> = {}): CommitmentFields {
  return { ...newFields("repairer", TODAY), promise: "Call before I'm late", ...change };
}

describe("a new commitment form", () => {
  it("starts today, once, with no reminder, owned by the right person", () => {
    const fields = newFields("repairer", TODAY);
    expect(fields).toMatchObject({ owner: "me", startsOn: TODAY, endsOn: "", remind: false, showDetails: false });
    expect(fields.repeat.kind).toBe("once");
    expect(newFields("decider", TODAY).owner).toBe("them");
  });
});

describe("turning the form into a commitment", () => {
  it("sends a one-off as it is, trimmed; the back end ignores a one-off's end", () => {
    const input = toInput(filled({ keptLooksLike: "  A text before six  ", endsOn: "2026-04-01" }));
    expect(input).toEqual({
      owner: "me",
      promise: "Call before I'm late",
      repeat: { kind: "once" },
      startsOn: TODAY,
      endsOn: "2026-04-01",
      keptLooksLike: "A text before six",
      dueTime: null,
      remind: false,
      showDetails: false,
    });
  });

  it("sends a repeating one with its typed repeat, end and reminder", () => {
    const base = filled();
    const input = toInput({
      ...base,
      repeat: { ...base.repeat, kind: "weekly", days: ["TH", "MO"] },
      endsOn: "2026-06-30",
      dueTime: "18:30",
      remind: true,
      showDetails: true,
    });
    expect(input).toMatchObject({
      repeat: { kind: "weekly", days: ["TH", "MO"] },
      endsOn: "2026-06-30",
      dueTime: "18:30",
      remind: true,
      showDetails: true,
    });
  });

  it("checks nothing itself: an empty promise or a reminder without a time goes to the back end", () => {
    const input = toInput(filled({ promise: "  ", remind: true }));
    expect(input).toMatchObject({ promise: "", remind: true, dueTime: null });
  });

  it("shows each field the back end names at its element", () => {
    expect(fieldElement("promise")).toBe("commitment-promise");
    expect(fieldElement("startsOn")).toBe("commitment-starts");
    expect(fieldElement("endsOn")).toBe("commitment-ends");
    expect(fieldElement("dueTime")).toBe("commitment-time");
    expect(fieldElement("repeat")).toBe("commitment-repeat");
    expect(fieldElement("days")).toBe("commitment-days");
    expect(fieldElement("weeksApart")).toBe("commitment-interval");
    expect(fieldElement("monthDay")).toBe("commitment-month-day");
    expect(fieldElement("somethingElse")).toBeNull();
    expect(fieldElement(null)).toBeNull();
  });
});

describe("editing a saved commitment", () => {
  const saved: Commitment = {
    id: 4,
    relationshipId: 1,
    owner: "both",
    promise: "Sunday walk",
    repeat: { kind: "everyFewWeeks", weeksApart: 2, days: ["SU"] },
    repeatDescription: "Every other week on Sunday",
    startsOn: "2026-03-01",
    endsOn: null,
    keptLooksLike: "",
    conversationId: null,
    dueTime: "10:00",
    remind: true,
    showDetails: false,
  };

  it("fills the form and gives back the same commitment", () => {
    const fields = fieldsOf(saved);
    expect(fields.repeat).toMatchObject({ kind: "everyFewWeeks", weeksApart: 2, days: ["SU"] });
    expect(fields.endsOn).toBe("");
    expect(toInput(fields)).toEqual({
      owner: "both",
      promise: "Sunday walk",
      repeat: { kind: "everyFewWeeks", weeksApart: 2, days: ["SU"] },
      startsOn: "2026-03-01",
      endsOn: null,
      keptLooksLike: "",
      dueTime: "10:00",
      remind: true,
      showDetails: false,
    });
  });

  it("keeps a rule the picker can't show", () => {
    const input = toInput(fieldsOf({ ...saved, repeat: { kind: "custom", rule: "FREQ=YEARLY;BYMONTH=3" } }));
    expect(input.repeat).toEqual({ kind: "custom", rule: "FREQ=YEARLY;BYMONTH=3" });
  });
});
