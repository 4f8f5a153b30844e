// The month grid's arithmetic: weeks from Monday, moving by key, and the words
// each day is read with.
import { describe, expect, it } from "vitest";
import { addDays, addMonths, dayAfterKey, marksOf, monthIsEmpty, monthWeeks } from "./grid";
import type { MonthMarks } from "../../lib/ipc/calendar";

describe("the month as weeks", () => {
  it("starts on Monday and pads with empty cells", () => {
    // 1 March 2026 is a Sunday: six blanks, then the 1st.
    const weeks = monthWeeks(2026, 3);
    expect(weeks[0]).toEqual([null, null, null, null, null, null, "2026-03-01"]);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks.flat().filter((d) => d !== null)).toHaveLength(31);
    expect(weeks.at(-1)?.[1]).toBe("2026-03-31");
  });

  it("knows leap years", () => {
    expect(monthWeeks(2028, 2).flat().filter((d) => d !== null).at(-1)).toBe("2028-02-29");
    expect(monthWeeks(2027, 2).flat().filter((d) => d !== null).at(-1)).toBe("2027-02-28");
  });
});

describe("moving by key", () => {
  it("moves a day, a week, to the week's ends, and a month or a year", () => {
    expect(dayAfterKey("2026-03-31", "ArrowRight")).toBe("2026-04-01");
    expect(dayAfterKey("2026-01-01", "ArrowLeft")).toBe("2025-12-31");
    expect(dayAfterKey("2026-03-05", "ArrowDown")).toBe("2026-03-12");
    expect(dayAfterKey("2026-03-05", "ArrowUp")).toBe("2026-02-26");
    expect(dayAfterKey("2026-03-05", "Home")).toBe("2026-03-02"); // Thursday -> Monday
    expect(dayAfterKey("2026-03-05", "End")).toBe("2026-03-08");
    expect(dayAfterKey("2026-01-31", "PageDown")).toBe("2026-02-28");
    expect(dayAfterKey("2026-03-31", "PageUp")).toBe("2026-02-28");
    expect(dayAfterKey("2028-02-29", "PageDown", true)).toBe("2029-02-28");
    expect(dayAfterKey("2026-03-05", "a")).toBeNull();
  });

  it("never loses a day over a clock change", () => {
    // Europe and America change their clocks in late March and early November.
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-11-01", 1)).toBe("2026-11-02");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
  });
});

describe("what a day is read as", () => {
  const marks: MonthMarks = {
    year: 2026,
    month: 11,
    today: "2026-11-20",
    entries: [{ on: "2026-11-02", count: 1 }, { on: "2026-11-03", count: 3 }],
    checkIns: ["2026-11-03"],
    commitments: [{ on: "2026-11-03", count: 2 }],
  };

  it("says each mark in words", () => {
    expect(marksOf("2026-11-02", marks)).toEqual(["1 entry"]);
    expect(marksOf("2026-11-03", marks)).toEqual(["3 entries", "a check-in", "2 commitments logged"]);
    expect(marksOf("2026-11-04", marks)).toEqual([]);
    expect(monthIsEmpty(marks)).toBe(false);
    expect(monthIsEmpty({ ...marks, entries: [], checkIns: [], commitments: [] })).toBe(true);
  });
});
