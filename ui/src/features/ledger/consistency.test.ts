import { describe, expect, it } from "vitest";
import {
  countParts,
  defaultOwner,
  isFuture,
  latestLoggable,
  LOG_CHOICES,
  logLatestLabel,
  loggedCount,
  loggedSentence,
  noDaysLine,
  ownerChoices,
  ownerHint,
  percent,
  scoreLine,
  statusLabel,
  streakLine,
  unloggedSentence,
  visibleOccurrences,
} from "./consistency";
import { formatCalendarDay } from "../../lib/format";
import type { Consistency, OccurrenceStatus, OccurrenceView } from "../../lib/ipc/ledger";

function window(score: number | null, change: Partial<Consistency> = {}): Consistency {
  return { windowDays: 30, kept: 0, partly: 0, renegotiated: 0, missed: 0, notLogged: 0, score, ...change };
}

function due(dueOn: string, status: OccurrenceStatus | null = null): OccurrenceView {
  return { dueOn, status, ahead: false, note: "" };
}

const TODAY = "2026-03-10";

describe("scores as percentages", () => {
  it("rounds to a whole percentage", () => {
    expect(percent(window(0.8))).toBe("80%");
    expect(percent(window(0.125))).toBe("13%");
    expect(percent(window(2 / 3))).toBe("67%");
    expect(percent(window(1))).toBe("100%");
    expect(percent(window(0))).toBe("0%");
  });

  it("never shows everything kept unless it was, nor nothing when something counted", () => {
    expect(percent(window(0.996))).toBe("99%");
    expect(percent(window(0.004))).toBe("1%");
  });

  it("has no number when nothing was logged", () => {
    expect(percent(window(null))).toBeNull();
    expect(percent(window(Number.NaN))).toBeNull();
  });

  it("keeps odd values inside 0 to 100", () => {
    expect(percent(window(1.2))).toBe("100%");
    expect(percent(window(-0.1))).toBe("0%");
  });

  it("says the score with its window, or that nothing is logged yet", () => {
    expect(scoreLine(window(0.8))).toBe("80% over the last 30 days");
    expect(scoreLine(window(0.5, { windowDays: 90 }))).toBe("50% over the last 90 days");
    expect(scoreLine(window(null))).toBe("Nothing logged yet in the last 30 days");
  });
});

describe("counts", () => {
  it("lists the five counts in a fixed order", () => {
    const parts = countParts(window(0.5, { kept: 3, partly: 1, renegotiated: 2, missed: 1, notLogged: 4 }));
    expect(parts.map((p) => [p.key, p.label, p.count])).toEqual([
      ["kept", "Kept", 3],
      ["partly", "Partly kept", 1],
      ["renegotiated", "Renegotiated", 2],
      ["missed", "Missed", 1],
      ["notLogged", "Not logged", 4],
    ]);
  });

  it("counts the logged times, leaving the unlogged apart", () => {
    expect(loggedCount(window(0.5, { kept: 3, partly: 1, renegotiated: 2, missed: 1, notLogged: 4 }))).toBe(7);
  });
});

describe("streaks, noted quietly", () => {
  it("notes a run of kept days", () => {
    expect(streakLine({ current: 3, best: 3 })).toBe("Kept 3 times in a row");
    expect(streakLine({ current: 1, best: 1 })).toBe("Kept the last time it was due");
  });

  it("mentions a longer earlier run without calling anything broken", () => {
    expect(streakLine({ current: 2, best: 5 })).toBe("Kept 2 times in a row (longest run so far: 5)");
    expect(streakLine({ current: 0, best: 4 })).toBe("Longest run so far: 4 kept in a row");
    expect(streakLine({ current: 0, best: 4 })).not.toMatch(/broke|lost|fail/iu);
  });

  it("says nothing when there is no run", () => {
    expect(streakLine({ current: 0, best: 0 })).toBeNull();
    expect(streakLine({ current: 0, best: 1 })).toBeNull();
  });
});

describe("a day's status in words", () => {
  it("names logged days", () => {
    expect(statusLabel("kept", "2026-03-01", TODAY)).toBe("Kept");
    expect(statusLabel("partly", "2026-03-01", TODAY)).toBe("Partly kept");
    expect(statusLabel("missed", "2026-03-01", TODAY)).toBe("Missed");
    expect(statusLabel("renegotiated", "2026-03-20", TODAY)).toBe("Renegotiated");
  });

  it("tells past, today and future apart when nothing is logged", () => {
    expect(statusLabel(null, "2026-03-09", TODAY)).toBe("Not logged");
    expect(statusLabel(null, TODAY, TODAY)).toBe("Due today");
    expect(statusLabel(null, "2026-03-11", TODAY)).toBe("Coming up");
  });

  it("orders days as dates, across months and years", () => {
    expect(isFuture("2026-03-11", TODAY)).toBe(true);
    expect(isFuture(TODAY, TODAY)).toBe(false);
    expect(isFuture("2026-02-28", TODAY)).toBe(false);
    expect(isFuture("2027-01-01", "2026-12-31")).toBe(true);
  });
});

describe("the latest loggable day", () => {
  it("offers today when it is due and not logged", () => {
    const list = [due("2026-03-03"), due("2026-03-06", "kept"), due(TODAY), due("2026-03-13")];
    expect(latestLoggable(list, TODAY)?.dueOn).toBe(TODAY);
  });

  it("otherwise offers the most recent past day never logged", () => {
    const list = [due("2026-03-02"), due("2026-03-05"), due("2026-03-09", "missed"), due("2026-03-12")];
    expect(latestLoggable(list, TODAY)?.dueOn).toBe("2026-03-05");
  });

  it("looks past today when today is already logged", () => {
    const list = [due("2026-03-08"), due("2026-03-09", "kept"), due(TODAY, "kept")];
    expect(latestLoggable(list, TODAY)?.dueOn).toBe("2026-03-08");
  });

  it("never offers a day still ahead, nor anything when all is logged", () => {
    expect(latestLoggable([due("2026-03-11"), due("2026-03-20")], TODAY)).toBeNull();
    expect(latestLoggable([due("2026-03-01", "kept"), due("2026-03-08", "partly")], TODAY)).toBeNull();
    expect(latestLoggable([], TODAY)).toBeNull();
  });

  it("does not depend on the order the days arrive in", () => {
    expect(latestLoggable([due("2026-03-09"), due("2026-03-02")], TODAY)?.dueOn).toBe("2026-03-09");
  });

  it("labels the button with the day", () => {
    expect(logLatestLabel(TODAY, TODAY)).toBe("Log today");
    expect(logLatestLabel("2025-11-12", TODAY, "en-GB")).toBe("Log 12 November 2025");
  });
});

describe("what is said once a day is logged", () => {
  it("offers the four ways to log a day, each with its status", () => {
    expect(LOG_CHOICES.map((c) => c.status)).toEqual(["kept", "partly", "missed", "renegotiated"]);
  });

  it("names today as today, and any other day by its date", () => {
    expect(loggedSentence(TODAY, "partly", TODAY)).toBe("Today is logged as partly kept.");
    expect(loggedSentence("2026-03-02", "missed", TODAY)).toBe(`${formatCalendarDay("2026-03-02")} is logged as missed.`);
    expect(unloggedSentence(TODAY, TODAY)).toBe("Today's log was taken back.");
    expect(unloggedSentence("2026-03-02", TODAY)).toBe(`The log for ${formatCalendarDay("2026-03-02")} was taken back.`);
  });
});

describe("a card with no due days in the window", () => {
  const day = (d: string) => formatCalendarDay(d);

  it("says when a one-off falls or fell due", () => {
    expect(noDaysLine({ repeat: { kind: "once" }, startsOn: "2026-04-01", endsOn: null }, TODAY)).toBe(`It falls due on ${day("2026-04-01")}.`);
    expect(noDaysLine({ repeat: { kind: "once" }, startsOn: "2025-10-01", endsOn: null }, TODAY)).toBe(`It fell due on ${day("2025-10-01")}.`);
  });

  it("says when a repeating one starts or ended, or that nothing fell due lately", () => {
    const weekly = { kind: "weekly", days: ["MO"] } as const;
    expect(noDaysLine({ repeat: { ...weekly, days: [...weekly.days] }, startsOn: "2026-04-01", endsOn: null }, TODAY)).toBe(`It starts on ${day("2026-04-01")}.`);
    expect(noDaysLine({ repeat: { ...weekly, days: [...weekly.days] }, startsOn: "2025-01-01", endsOn: "2025-06-01" }, TODAY)).toBe(`It ended on ${day("2025-06-01")}.`);
    expect(noDaysLine({ repeat: { ...weekly, days: [...weekly.days] }, startsOn: "2025-01-01", endsOn: null }, TODAY)).toBe("Nothing fell due in the last 90 days.");
  });
});

describe("the due days a card shows", () => {
  const daily = Array.from({ length: 20 }, (_, i) => due(`2026-03-${String(i + 1).padStart(2, "0")}`));

  it("shows the latest few up to today and the next few ahead", () => {
    const shown = visibleOccurrences(daily, TODAY, false, 3, 2).map((o) => o.dueOn);
    expect(shown).toEqual(["2026-03-08", "2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12"]);
  });

  it("shows everything when expanded, oldest first", () => {
    const shuffled = [...daily].reverse();
    const shown = visibleOccurrences(shuffled, TODAY, true);
    expect(shown).toHaveLength(20);
    expect(shown[0]?.dueOn).toBe("2026-03-01");
    expect(shown[19]?.dueOn).toBe("2026-03-20");
  });

  it("copes with fewer days than the limits", () => {
    expect(visibleOccurrences([due("2026-03-12")], TODAY, false).map((o) => o.dueOn)).toEqual(["2026-03-12"]);
    expect(visibleOccurrences([], TODAY, false)).toEqual([]);
  });
});

describe("whose commitment", () => {
  it("words the choices with the other person's name", () => {
    expect(ownerChoices("Sam").map((c) => [c.owner, c.label])).toEqual([
      ["me", "Mine: something I promised"],
      ["them", "Sam's: something Sam promised"],
      ["both", "Both of ours: something we agreed together"],
    ]);
    expect(ownerChoices("  ")[1]?.label).toBe("Theirs: something they promised");
  });

  it("explains what each side logs, and starts from it", () => {
    expect(ownerHint("repairer", "Sam")).toMatch(/your own/u);
    expect(ownerHint("decider", "Sam")).toMatch(/what you actually saw of Sam's/u);
    expect(defaultOwner("repairer")).toBe("me");
    expect(defaultOwner("decider")).toBe("them");
  });
});
