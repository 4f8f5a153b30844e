import { describe, expect, it } from "vitest";
import type { PassphraseStrength } from "../../lib/ipc";
import { pairAcceptable, showMismatch } from "./newPassphrase";

function verdict(acceptable: boolean): PassphraseStrength {
  return { score: acceptable ? 4 : 1, acceptable, warning: null, suggestions: [], crackTime: "centuries" };
}

describe("showMismatch", () => {
  it("stays quiet while the second field is empty or still being typed", () => {
    expect(showMismatch("river stone lantern", "", false)).toBe(false);
    expect(showMismatch("river stone lantern", "river st", false)).toBe(false);
  });

  it("speaks up once the second field is as long, or has been left", () => {
    expect(showMismatch("river stone lantern", "river stone lanterm", false)).toBe(true);
    expect(showMismatch("river stone lantern", "river", true)).toBe(true);
  });

  it("never complains about matching passphrases", () => {
    expect(showMismatch("river stone lantern", "river stone lantern", true)).toBe(false);
  });
});

describe("pairAcceptable", () => {
  const text = "river stone lantern";

  it("needs matching fields and a strong enough verdict", () => {
    expect(pairAcceptable(text, text, verdict(true))).toBe(true);
    expect(pairAcceptable(text, "river stone", verdict(true))).toBe(false);
    expect(pairAcceptable(text, text, verdict(false))).toBe(false);
    expect(pairAcceptable("", "", verdict(true))).toBe(false);
  });

  it("waits for a verdict on the current text", () => {
    expect(pairAcceptable(text, text, null)).toBe(false);
  });
});
