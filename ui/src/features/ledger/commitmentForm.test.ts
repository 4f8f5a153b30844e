import { describe, expect, it } from "vitest";
import { fieldsOf, newFields, normaliseTime, toInput, type CommitmentFields } from "./commitmentForm";
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
  it("sends a one-off with no rule and no end", () => {
    const result = toInput(filled({ keptLooksLike: "  A text before six  ", endsOn: "2026-04-01" }));
    expect(result).toEqual({
      ok: true,
      input: {
        owner: "me",
        promise: "Call before I'm late",
        rrule: null,
        startsOn: TODAY,
        endsOn: null,
        keptLooksLike: "A text before six",
        dueTime: null,
        remind: false,
        showDetails: false,
      },
    });
  });

  it("sends a repeating one with its rule, end and reminder", () => {
    const base = filled();
    const result = toInput({
      ...base,
      repeat: { ...base.repeat, kind: "weekly", days: ["TH", "MO"] },
      endsOn: "2026-06-30",
      dueTime: "18:30",
      remind: true,
      showDetails: true,
    });
    expect(result.ok && result.input).toMatchObject({
      rrule: "FREQ=WEEKLY;BYDAY=MO,TH",
      endsOn: "2026-06-30",
      dueTime: "18:30",
      remind: true,
      showDetails: true,
    });
  });

  it("keeps a time without a reminder", () => {
    const result = toInput(filled({ dueTime: "07:05:00" }));
    expect(result.ok && result.input.dueTime).toBe("07:05");
  });

  it("asks for what was promised first", () => {
    expect(toInput(filled({ promise: "   " }))).toMatchObject({ ok: false, field: "commitment-promise" });
  });

  it("asks for a real start day", () => {
    expect(toInput(filled({ startsOn: "" }))).toMatchObject({ ok: false, field: "commitment-starts" });
    expect(toInput(filled({ startsOn: "2026-02-30" }))).toMatchObject({ ok: false, field: "commitment-starts" });
  });

  it("points at the part of the repeat picker that needs more", () => {
    const base = filled();
    expect(toInput({ ...base, repeat: { ...base.repeat, kind: "weekly", days: [] } })).toMatchObject({
      ok: false,
      field: "commitment-days",
    });
    expect(
      toInput({ ...base, repeat: { ...base.repeat, kind: "everyFewWeeks", days: ["MO"], interval: 0 } }),
    ).toMatchObject({ ok: false, field: "commitment-interval" });
    expect(toInput({ ...base, repeat: { ...base.repeat, kind: "monthlyOnDay", monthDay: 40 } })).toMatchObject({
      ok: false,
      field: "commitment-month-day",
    });
  });

  it("refuses an end before the start", () => {
    const base = filled();
    const daily = { ...base.repeat, kind: "daily" as const };
    expect(toInput({ ...base, repeat: daily, endsOn: "2026-03-09" })).toMatchObject({
      ok: false,
      problem: "The end date is before the start date.",
      field: "commitment-ends",
    });
    expect(toInput({ ...base, repeat: daily, endsOn: TODAY }).ok).toBe(true);
  });

  it("needs a time for a reminder", () => {
    expect(toInput(filled({ remind: true }))).toMatchObject({ ok: false, field: "commitment-time" });
    expect(toInput(filled({ dueTime: "25:00" }))).toMatchObject({ ok: false, field: "commitment-time" });
  });
});

describe("editing a saved commitment", () => {
  const saved: Commitment = {
    id: 4,
    relationshipId: 1,
    owner: "both",
    promise: "Sunday walk",
    rrule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU",
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
    expect(fields.repeat).toMatchObject({ kind: "everyFewWeeks", interval: 2, days: ["SU"] });
    expect(fields.endsOn).toBe("");
    const result = toInput(fields);
    expect(result.ok && result.input).toEqual({
      owner: "both",
      promise: "Sunday walk",
      rrule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU",
      startsOn: "2026-03-01",
      endsOn: null,
      keptLooksLike: "",
      dueTime: "10:00",
      remind: true,
      showDetails: false,
    });
  });

  it("keeps a rule the picker can't show", () => {
    const result = toInput(fieldsOf({ ...saved, rrule: "FREQ=YEARLY;BYMONTH=3" }));
    expect(result.ok && result.input.rrule).toBe("FREQ=YEARLY;BYMONTH=3");
  });
});

describe("times from a time field", () => {
  it("reads hours and minutes", () => {
    expect(normaliseTime("09:30")).toBe("09:30");
    expect(normaliseTime(" 23:59:00 ")).toBe("23:59");
    expect(normaliseTime("9:30")).toBeNull();
    expect(normaliseTime("24:00")).toBeNull();
    expect(normaliseTime("")).toBeNull();
  });
});
