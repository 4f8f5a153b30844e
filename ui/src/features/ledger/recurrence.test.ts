import { describe as group, expect, it } from "vitest";
import type { Commitment } from "../../lib/ipc/ledger";
import { WEEKDAYS, defaultDraft, describe, draftOf, repeatLine, repeatOf, type RepeatDraft } from "./recurrence";

// Monday 2 March 2026.
const MONDAY = "2026-03-02";

function picker(change: Partial<RepeatDraft>): RepeatDraft {
  return { ...defaultDraft(MONDAY), ...change };
}

group("the picker's draft", () => {
  it("starts as a one-off, two weeks apart and on the start's date when switched", () => {
    expect(defaultDraft("2026-03-31")).toEqual({ kind: "once", days: [], weeksApart: 2, monthDay: 31, rule: null });
    expect(defaultDraft("").monthDay).toBe(1);
  });

  it("gives the typed repeat for each kind, keeping what other kinds hold aside", () => {
    const draft = picker({ days: ["TH", "MO"], weeksApart: 3, monthDay: 12 });
    expect(repeatOf({ ...draft, kind: "once" })).toEqual({ kind: "once" });
    expect(repeatOf({ ...draft, kind: "daily" })).toEqual({ kind: "daily" });
    expect(repeatOf({ ...draft, kind: "weekly" })).toEqual({ kind: "weekly", days: ["TH", "MO"] });
    expect(repeatOf({ ...draft, kind: "everyFewWeeks" })).toEqual({
      kind: "everyFewWeeks",
      weeksApart: 3,
      days: ["TH", "MO"],
    });
    expect(repeatOf({ ...draft, kind: "monthlyOnDay" })).toEqual({ kind: "monthlyOnDay", monthDay: 12 });
    expect(repeatOf({ ...draft, kind: "monthlyLastDay" })).toEqual({ kind: "monthlyLastDay" });
  });

  it("sends an empty number field as 0, for the back end to refuse", () => {
    expect(repeatOf(picker({ kind: "everyFewWeeks", weeksApart: null as unknown as number }))).toMatchObject({
      weeksApart: 0,
    });
    expect(repeatOf(picker({ kind: "monthlyOnDay", monthDay: 2.5 }))).toEqual({ kind: "monthlyOnDay", monthDay: 0 });
  });

  it("keeps a rule made elsewhere exactly", () => {
    const draft = draftOf({ kind: "custom", rule: "FREQ=YEARLY;BYMONTH=3" }, MONDAY);
    expect(draft.kind).toBe("custom");
    expect(repeatOf(draft)).toEqual({ kind: "custom", rule: "FREQ=YEARLY;BYMONTH=3" });
  });

  it("reads a saved repeat back into the picker", () => {
    expect(draftOf({ kind: "everyFewWeeks", weeksApart: 2, days: ["SU"] }, MONDAY)).toEqual(
      picker({ kind: "everyFewWeeks", weeksApart: 2, days: ["SU"] }),
    );
    expect(draftOf({ kind: "monthlyOnDay", monthDay: 31 }, MONDAY)).toMatchObject({ kind: "monthlyOnDay", monthDay: 31 });
  });
});

group("naming the days", () => {
  it("lists the week Monday first, by the back end's codes", () => {
    expect(WEEKDAYS.map((d) => d.code)).toEqual(["MO", "TU", "WE", "TH", "FR", "SA", "SU"]);
    expect(WEEKDAYS[3]).toEqual({ code: "TH", name: "Thursday", short: "Thu" });
  });
});

group("the line the ledger shows", () => {
  it("is the back end's description, with a one-off's day written out", () => {
    expect(repeatLine("Every Monday and Thursday", { kind: "weekly", days: ["MO", "TH"] }, MONDAY)).toBe(
      "Every Monday and Thursday",
    );
    const once = repeatLine("Once", { kind: "once" }, "2025-11-12");
    expect(once.startsWith("Once, on ")).toBe(true);
    expect(once).toContain("2025");
    expect(repeatLine("Once", { kind: "once" }, "not a day")).toBe("Once");
  });

  it("describes a saved commitment", () => {
    const commitment = {
      repeat: { kind: "monthlyLastDay" },
      repeatDescription: "On the last day of every month",
      startsOn: MONDAY,
    } as Commitment;
    expect(describe(commitment)).toBe("On the last day of every month");
  });
});
