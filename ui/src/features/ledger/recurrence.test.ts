import { describe as group, expect, it } from "vitest";
import {
  CUSTOM_LABEL,
  buildRule,
  defaultRepeat,
  describe,
  joinWords,
  monthDayHint,
  ordinal,
  readRule,
  repeatProblem,
  weekdayOf,
  type Repeat,
} from "./recurrence";

// Monday 2 March 2026.
const MONDAY = "2026-03-02";

function picker(change: Partial<Repeat>): Repeat {
  return { ...defaultRepeat(MONDAY), ...change };
}

group("building a rule from the picker", () => {
  it("makes no rule for a one-off", () => {
    expect(buildRule(picker({ kind: "once" }))).toBeNull();
  });

  it("makes a daily rule", () => {
    expect(buildRule(picker({ kind: "daily" }))).toBe("FREQ=DAILY");
  });

  it("lists chosen weekdays Monday first, whatever order they were ticked in", () => {
    expect(buildRule(picker({ kind: "weekly", days: ["TH", "MO"] }))).toBe("FREQ=WEEKLY;BYDAY=MO,TH");
    expect(buildRule(picker({ kind: "weekly", days: ["SU", "SA", "MO"] }))).toBe("FREQ=WEEKLY;BYDAY=MO,SA,SU");
  });

  it("makes every-few-weeks rules with an interval", () => {
    expect(buildRule(picker({ kind: "everyFewWeeks", interval: 2, days: ["SU"] }))).toBe(
      "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU",
    );
    expect(buildRule(picker({ kind: "everyFewWeeks", interval: 3, days: ["WE", "MO"] }))).toBe(
      "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,WE",
    );
  });

  it("makes monthly rules on a date and on the last day", () => {
    expect(buildRule(picker({ kind: "monthlyOnDay", monthDay: 15 }))).toBe("FREQ=MONTHLY;BYMONTHDAY=15");
    expect(buildRule(picker({ kind: "monthlyLastDay" }))).toBe("FREQ=MONTHLY;BYMONTHDAY=-1");
  });

  it("keeps a custom rule exactly as it was", () => {
    expect(buildRule(picker({ kind: "custom", custom: "FREQ=YEARLY;BYMONTH=3" }))).toBe("FREQ=YEARLY;BYMONTH=3");
  });
});

group("what the picker still needs", () => {
  it("is content with complete choices", () => {
    expect(repeatProblem(picker({ kind: "once" }))).toBeNull();
    expect(repeatProblem(picker({ kind: "daily" }))).toBeNull();
    expect(repeatProblem(picker({ kind: "weekly", days: ["MO"] }))).toBeNull();
    expect(repeatProblem(picker({ kind: "everyFewWeeks", interval: 2, days: ["SU"] }))).toBeNull();
    expect(repeatProblem(picker({ kind: "monthlyOnDay", monthDay: 31 }))).toBeNull();
    expect(repeatProblem(picker({ kind: "monthlyLastDay" }))).toBeNull();
  });

  it("asks for at least one weekday", () => {
    expect(repeatProblem(picker({ kind: "weekly", days: [] }))).toMatch(/at least one day/u);
    expect(repeatProblem(picker({ kind: "everyFewWeeks", interval: 2, days: [] }))).toMatch(/at least one day/u);
  });

  it("asks for a sensible number of weeks and day of the month", () => {
    expect(repeatProblem(picker({ kind: "everyFewWeeks", interval: 1, days: ["MO"] }))).toMatch(/weeks apart/u);
    expect(repeatProblem(picker({ kind: "everyFewWeeks", interval: 2.5, days: ["MO"] }))).toMatch(/weeks apart/u);
    expect(repeatProblem(picker({ kind: "everyFewWeeks", interval: 53, days: ["MO"] }))).toMatch(/weeks apart/u);
    expect(repeatProblem(picker({ kind: "monthlyOnDay", monthDay: 0 }))).toMatch(/1 to 31/u);
    expect(repeatProblem(picker({ kind: "monthlyOnDay", monthDay: 32 }))).toMatch(/1 to 31/u);
    // A cleared number field binds to null.
    expect(repeatProblem(picker({ kind: "monthlyOnDay", monthDay: null as unknown as number }))).toMatch(/1 to 31/u);
  });
});

group("describing a rule in words", () => {
  it("names a one-off by its day", () => {
    expect(describe(null, "2025-11-12", "en-GB")).toBe("Once, on 12 November 2025");
    expect(describe("  ", "2025-11-12", "en-GB")).toBe("Once, on 12 November 2025");
    expect(describe(null, "not a day")).toBe("Once");
  });

  it("names daily rules", () => {
    expect(describe("FREQ=DAILY", MONDAY)).toBe("Every day");
    expect(describe("FREQ=DAILY;INTERVAL=2", MONDAY)).toBe("Every other day");
    expect(describe("FREQ=DAILY;INTERVAL=3", MONDAY)).toBe("Every 3 days");
  });

  it("names weekly rules", () => {
    expect(describe("FREQ=WEEKLY;BYDAY=MO,TH", MONDAY)).toBe("Every Monday and Thursday");
    expect(describe("FREQ=WEEKLY;BYDAY=TH,MO", MONDAY)).toBe("Every Monday and Thursday");
    expect(describe("FREQ=WEEKLY;BYDAY=MO,WE,FR", MONDAY)).toBe("Every Monday, Wednesday and Friday");
    expect(describe("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", MONDAY)).toBe("Every weekday, Monday to Friday");
    expect(describe("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU", MONDAY)).toBe("Every day");
    expect(describe("FREQ=WEEKLY;INTERVAL=1;BYDAY=SU", MONDAY)).toBe("Every Sunday");
  });

  it("names every few weeks", () => {
    expect(describe("FREQ=WEEKLY;INTERVAL=2;BYDAY=SU", MONDAY)).toBe("Every other week on Sunday");
    expect(describe("FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH", MONDAY)).toBe("Every 3 weeks on Monday and Thursday");
  });

  it("takes the start day's weekday when a weekly rule names none", () => {
    expect(describe("FREQ=WEEKLY", MONDAY)).toBe("Every Monday");
    expect(describe("FREQ=WEEKLY", "2026-03-08")).toBe("Every Sunday");
    expect(describe("FREQ=WEEKLY;INTERVAL=2", "2026-03-04")).toBe("Every other week on Wednesday");
  });

  it("names monthly rules", () => {
    expect(describe("FREQ=MONTHLY;BYMONTHDAY=1", MONDAY)).toBe("On the 1st of every month");
    expect(describe("FREQ=MONTHLY;BYMONTHDAY=22", MONDAY)).toBe("On the 22nd of every month");
    expect(describe("FREQ=MONTHLY;BYMONTHDAY=-1", MONDAY)).toBe("On the last day of every month");
    expect(describe("FREQ=MONTHLY;BYMONTHDAY=1,15", MONDAY)).toBe("On the 1st and 15th of every month");
    expect(describe("FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=3", MONDAY)).toBe("On the 3rd of every other month");
    expect(describe("FREQ=MONTHLY", "2026-01-31")).toBe("On the 31st of every month");
  });

  it("accepts lower case, an RRULE: prefix, a trailing semicolon and WKST=MO", () => {
    expect(describe("freq=weekly;byday=mo,th", MONDAY)).toBe("Every Monday and Thursday");
    expect(describe("RRULE:FREQ=DAILY;", MONDAY)).toBe("Every day");
    expect(describe("FREQ=WEEKLY;WKST=MO;INTERVAL=2;BYDAY=SU", MONDAY)).toBe("Every other week on Sunday");
  });

  it("falls back to a custom repeat for anything else", () => {
    for (const rule of [
      "FREQ=YEARLY",
      "FREQ=DAILY;COUNT=5",
      "FREQ=WEEKLY;UNTIL=20261231T000000Z",
      "FREQ=MONTHLY;BYDAY=1MO",
      "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1",
      "FREQ=MONTHLY;BYMONTHDAY=-2",
      "FREQ=MONTHLY;BYMONTHDAY=0",
      "FREQ=DAILY;BYDAY=MO,TU",
      "FREQ=WEEKLY;BYDAY=MO,MO",
      "FREQ=WEEKLY;WKST=SU;INTERVAL=2;BYDAY=SU",
      "FREQ=WEEKLY;FREQ=DAILY",
      "FREQ=DAILY;INTERVAL=0",
      "INTERVAL=2",
      "nonsense",
    ]) {
      expect(describe(rule, MONDAY), rule).toBe(CUSTOM_LABEL);
    }
  });
});

group("reading a saved rule back into the picker", () => {
  it("reads the rules the picker makes", () => {
    expect(readRule(null, MONDAY).kind).toBe("once");
    expect(readRule("FREQ=DAILY", MONDAY).kind).toBe("daily");
    expect(readRule("FREQ=WEEKLY;BYDAY=MO,TH", MONDAY)).toMatchObject({ kind: "weekly", days: ["MO", "TH"] });
    expect(readRule("FREQ=WEEKLY;INTERVAL=2;BYDAY=SU", MONDAY)).toMatchObject({
      kind: "everyFewWeeks",
      interval: 2,
      days: ["SU"],
    });
    expect(readRule("FREQ=MONTHLY;BYMONTHDAY=15", MONDAY)).toMatchObject({ kind: "monthlyOnDay", monthDay: 15 });
    expect(readRule("FREQ=MONTHLY;BYMONTHDAY=-1", MONDAY).kind).toBe("monthlyLastDay");
  });

  it("round-trips every rule it builds", () => {
    for (const rule of [
      "FREQ=DAILY",
      "FREQ=WEEKLY;BYDAY=MO,TH",
      "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU",
      "FREQ=MONTHLY;BYMONTHDAY=31",
      "FREQ=MONTHLY;BYMONTHDAY=-1",
    ]) {
      expect(buildRule(readRule(rule, MONDAY))).toBe(rule);
    }
  });

  it("fills in the start day where the rule leaves it out", () => {
    expect(readRule("FREQ=WEEKLY", "2026-03-05")).toMatchObject({ kind: "weekly", days: ["TH"] });
    expect(readRule("FREQ=MONTHLY", "2026-03-05")).toMatchObject({ kind: "monthlyOnDay", monthDay: 5 });
  });

  it("keeps anything else as a custom rule, unchanged", () => {
    const repeat = readRule("FREQ=DAILY;INTERVAL=3", MONDAY);
    expect(repeat.kind).toBe("custom");
    expect(buildRule(repeat)).toBe("FREQ=DAILY;INTERVAL=3");
    expect(readRule("FREQ=MONTHLY;BYMONTHDAY=1,15", MONDAY).kind).toBe("custom");
    expect(readRule("FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1", MONDAY).kind).toBe("custom");
    expect(readRule("FREQ=YEARLY", MONDAY).kind).toBe("custom");
  });
});

group("small pieces", () => {
  it("finds the weekday of a calendar day", () => {
    expect(weekdayOf("2026-03-02")).toBe("MO");
    expect(weekdayOf("2026-03-08")).toBe("SU");
    expect(weekdayOf("2024-02-29")).toBe("TH");
    expect(weekdayOf("2026-02-30")).toBeNull();
  });

  it("starts a new picker at once, on the start day's date", () => {
    expect(defaultRepeat("2026-03-17")).toMatchObject({ kind: "once", days: [], monthDay: 17 });
    expect(defaultRepeat("").monthDay).toBe(1);
  });

  it("writes ordinals", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "23rd",
      "31st",
    ]);
  });

  it("joins words the way people write lists", () => {
    expect(joinWords([])).toBe("");
    expect(joinWords(["Monday"])).toBe("Monday");
    expect(joinWords(["Monday", "Friday"])).toBe("Monday and Friday");
    expect(joinWords(["Monday", "Wednesday", "Friday"])).toBe("Monday, Wednesday and Friday");
  });

  it("mentions skipped months only for dates some months lack", () => {
    expect(monthDayHint(28)).toBeNull();
    expect(monthDayHint(29)).toMatch(/29th are skipped/u);
    expect(monthDayHint(31)).toMatch(/31st are skipped/u);
  });
});
