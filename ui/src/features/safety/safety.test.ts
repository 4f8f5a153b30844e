import { describe, expect, it } from "vitest";
import {
  answered,
  initialAnswers,
  listedFrameworks,
  offerSafetyReturn,
  pageActions,
  toggleNone,
  toggleSign,
} from "./safety";

const sign = (id: string, present = false) => ({ id, text: `Sign ${id}`, present });

describe("initialAnswers", () => {
  it("starts with nothing ticked when never answered", () => {
    expect(initialAnswers({ signs: [sign("a"), sign("b")], checkedAt: null })).toEqual({ present: [], none: false });
  });

  it("ticks the signs answered before", () => {
    expect(initialAnswers({ signs: [sign("a", true), sign("b")], checkedAt: "2026-01-01T10:00:00Z" })).toEqual({
      present: ["a"],
      none: false,
    });
  });

  it("ticks none of these when answered with no signs", () => {
    expect(initialAnswers({ signs: [sign("a"), sign("b")], checkedAt: "2026-01-01T10:00:00Z" })).toEqual({
      present: [],
      none: true,
    });
  });
});

describe("toggleSign and toggleNone", () => {
  const order = ["a", "b", "c"];

  it("ticking a sign unticks none of these", () => {
    expect(toggleSign({ present: [], none: true }, "b", true, order)).toEqual({ present: ["b"], none: false });
  });

  it("keeps the signs in the order they are asked", () => {
    const one = toggleSign({ present: [], none: false }, "c", true, order);
    expect(toggleSign(one, "a", true, order).present).toEqual(["a", "c"]);
  });

  it("unticking a sign takes only that one out", () => {
    expect(toggleSign({ present: ["a", "b"], none: false }, "a", false, order)).toEqual({
      present: ["b"],
      none: false,
    });
  });

  it("does not add a sign twice", () => {
    expect(toggleSign({ present: ["a"], none: false }, "a", true, order).present).toEqual(["a"]);
  });

  it("ticking none of these unticks every sign", () => {
    expect(toggleNone({ present: ["a", "c"], none: false }, true)).toEqual({ present: [], none: true });
  });

  it("unticking none of these leaves nothing chosen", () => {
    const next = toggleNone({ present: [], none: true }, false);
    expect(next).toEqual({ present: [], none: false });
    expect(answered(next)).toBe(false);
  });

  it("counts a sign or none of these as an answer", () => {
    expect(answered({ present: ["a"], none: false })).toBe(true);
    expect(answered({ present: [], none: true })).toBe(true);
  });
});

describe("pageActions", () => {
  it("offers the repair actions in repair mode", () => {
    expect(pageActions("repair", "repairer")).toEqual({
      apology: true,
      planner: true,
      safetyCheck: true,
      safetySection: false,
    });
    expect(pageActions("repair", "decider").apology).toBe(false);
  });

  it("hides the repair-nudging actions in safety mode", () => {
    for (const role of ["repairer", "decider"] as const) {
      expect(pageActions("safety", role)).toEqual({
        apology: false,
        planner: false,
        safetyCheck: false,
        safetySection: true,
      });
    }
  });
});

describe("offerSafetyReturn", () => {
  it("offers the way back after choosing repair despite the signs", () => {
    expect(offerSafetyReturn({ chosen: true, suggested: "safety", mode: "repair" })).toBe(true);
  });

  it("does not offer it otherwise", () => {
    expect(offerSafetyReturn(null)).toBe(false);
    expect(offerSafetyReturn({ chosen: false, suggested: "safety", mode: "safety" })).toBe(false);
    expect(offerSafetyReturn({ chosen: true, suggested: "repair", mode: "repair" })).toBe(false);
    expect(offerSafetyReturn({ chosen: true, suggested: "safety", mode: "safety" })).toBe(false);
  });
});

describe("listedFrameworks", () => {
  it("lists the own-safety framework first, then the repair frameworks, and leaves out situations", () => {
    const listed = listedFrameworks([
      { id: "trust", kind: "framework" as const },
      { id: "situations", kind: "situations" as const },
      { id: "own-safety", kind: "safety" as const },
    ]);
    expect(listed.map((f) => f.id)).toEqual(["own-safety", "trust"]);
  });
});
