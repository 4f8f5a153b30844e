import { describe, expect, it } from "vitest";
import type { ReminderOpened } from "../lib/ipc";
import { reminderAction, reminderTarget, resolveTarget } from "./reminderTarget";
import type { Screen } from "./navigation.svelte";

describe("where a reminder leads", () => {
  it("takes a due commitment to its relationship's ledger", () => {
    expect(reminderTarget({ kind: "commitmentDue", relationshipId: 7 })).toEqual({ kind: "ledger", relationshipId: 7 });
  });

  it("takes a due commitment without a relationship to the journal", () => {
    expect(reminderTarget({ kind: "commitmentDue", relationshipId: null })).toEqual({ kind: "timeline" });
  });

  it("takes a due check-in to its relationship's progress, or the journal without one", () => {
    expect(reminderTarget({ kind: "checkIn", relationshipId: 5 })).toEqual({ kind: "progress", relationshipId: 5 });
    expect(reminderTarget({ kind: "checkIn", relationshipId: null })).toEqual({ kind: "timeline" });
  });

  it("opens a new entry for the daily reflection, whatever relationship comes with it", () => {
    expect(reminderTarget({ kind: "dailyReflection", relationshipId: null })).toEqual({ kind: "newEntry" });
    expect(reminderTarget({ kind: "dailyReflection", relationshipId: 3 })).toEqual({ kind: "newEntry" });
  });

  it("opens the checklist for the weekly look back when Rust names a relationship", () => {
    expect(reminderTarget({ kind: "weeklyReview", relationshipId: 6 })).toEqual({ kind: "checklist", relationshipId: 6 });
    expect(resolveTarget({ kind: "checklist", relationshipId: 6 }, [{ id: 6 }])).toEqual({
      kind: "checklist",
      relationshipId: 6,
    });
    expect(resolveTarget({ kind: "checklist", relationshipId: 6 }, [{ id: 1 }])).toEqual({ kind: "timeline" });
  });

  it("shows the journal for the weekly review and for the summary of missed reminders", () => {
    expect(reminderTarget({ kind: "weeklyReview", relationshipId: null })).toEqual({ kind: "timeline" });
    expect(reminderTarget({ kind: null, relationshipId: null })).toEqual({ kind: "timeline" });
    expect(reminderTarget({ kind: null, relationshipId: 4 })).toEqual({ kind: "timeline" });
  });

  it("shows the journal for a kind it does not know", () => {
    const future = { kind: "somethingNew", relationshipId: 2 } as unknown as ReminderOpened;
    expect(reminderTarget(future)).toEqual({ kind: "timeline" });
  });

  it("holds nothing but a kind and a number", () => {
    const target = reminderTarget({ kind: "commitmentDue", relationshipId: 12 });
    expect(Object.keys(target).sort()).toEqual(["kind", "relationshipId"]);
  });
});

describe("a relationship that is gone", () => {
  const relationships = [{ id: 1 }, { id: 2 }];

  it("sends a check-in for a deleted relationship to the journal", () => {
    expect(resolveTarget({ kind: "progress", relationshipId: 2 }, relationships)).toEqual({
      kind: "progress",
      relationshipId: 2,
    });
    expect(resolveTarget({ kind: "progress", relationshipId: 9 }, relationships)).toEqual({ kind: "timeline" });
  });

  it("keeps a ledger target whose relationship exists", () => {
    expect(resolveTarget({ kind: "ledger", relationshipId: 2 }, relationships)).toEqual({ kind: "ledger", relationshipId: 2 });
  });

  it("falls back to the journal when the relationship no longer exists", () => {
    expect(resolveTarget({ kind: "ledger", relationshipId: 9 }, relationships)).toEqual({ kind: "timeline" });
    expect(resolveTarget({ kind: "ledger", relationshipId: 1 }, [])).toEqual({ kind: "timeline" });
  });

  it("leaves other targets alone", () => {
    expect(resolveTarget({ kind: "newEntry" }, [])).toEqual({ kind: "newEntry" });
    expect(resolveTarget({ kind: "timeline" }, [])).toEqual({ kind: "timeline" });
  });
});

describe("what to do with a reminder on each screen", () => {
  const cases: [Screen, string][] = [
    ["journal", "go"],
    ["settings", "go"],
    ["unlock", "hold"],
    ["loading", "hold"],
    ["unavailable", "hold"],
    ["recoveryOffer", "hold"],
    ["passphraseReset", "hold"],
    ["welcome", "ignore"],
    ["restore", "ignore"],
  ];
  it.each(cases)("on %s: %s", (screen, action) => {
    expect(reminderAction(screen)).toBe(action);
  });
});
