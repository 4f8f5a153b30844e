import { describe, expect, it } from "vitest";
import { runs } from "./highlight";

const span = (start: number, end: number, name = "x") => ({ start, end, name });

function joined(list: { text: string }[]): string {
  return list.map((r) => r.text).join("");
}

describe("marking findings in a draft", () => {
  it("splits the text into plain and marked runs that join back exactly", () => {
    const text = "I am sorry, but you also shouted.";
    const result = runs(text, [span(0, 12, "own"), span(12, 15, "but")]);
    expect(result.map((r) => [r.text, r.span?.name ?? null])).toEqual([
      ["I am sorry, ", "own"],
      ["but", "but"],
      [" you also shouted.", null],
    ]);
    expect(joined(result)).toBe(text);
  });

  it("uses UTF-16 offsets, as JavaScript strings do", () => {
    const text = "😔 I'm sorry";
    // "😔" is two UTF-16 code units, so "I'm" starts at 3.
    const result = runs(text, [span(3, 6)]);
    expect(result.map((r) => r.text)).toEqual(["😔 ", "I'm", " sorry"]);
  });

  it("never splits a surrogate pair", () => {
    const text = "a😔b";
    const result = runs(text, [span(2, 4)]);
    expect(result.map((r) => r.text)).toEqual(["a", "😔b"]);
    expect(joined(result)).toBe(text);
  });

  it("leaves out spans that overlap an earlier one", () => {
    const text = "abcdefgh";
    const result = runs(text, [span(4, 7, "late"), span(1, 5, "early")]);
    expect(result.map((r) => [r.text, r.span?.name ?? null])).toEqual([
      ["a", null],
      ["bcde", "early"],
      ["fgh", null],
    ]);
  });

  it("clamps spans to the text and ignores empty, reversed or broken ones", () => {
    const text = "short";
    const result = runs(text, [span(3, 99), span(2, 2), span(4, 1), span(Number.NaN, 2)]);
    expect(result.map((r) => [r.text, r.span === null])).toEqual([
      ["sho", true],
      ["rt", false],
    ]);
  });

  it("keeps markup in the draft as text, to be shown as text", () => {
    const text = "<b>sorry</b> & more";
    const result = runs(text, [span(3, 8)]);
    expect(result.map((r) => r.text)).toEqual(["<b>", "sorry", "</b> & more"]);
  });

  it("returns nothing for an empty text", () => {
    expect(runs("", [span(0, 3)])).toEqual([]);
  });
});
