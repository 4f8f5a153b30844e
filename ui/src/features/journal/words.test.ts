import { afterEach, describe, expect, it, vi } from "vitest";
import { countWords, wordsLabel } from "./words";

afterEach(() => vi.restoreAllMocks());

describe("countWords", () => {
  it("counts words, not spaces, punctuation or Markdown marks", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("   \n ")).toBe(0);
    expect(countWords("I'm sorry.  I was wrong — and I know it.")).toBe(9);
    expect(countWords("**Strong** and *soft*\n\n- one\n- two")).toBe(5);
  });

  it("counts the same without Intl.Segmenter", () => {
    vi.spyOn(Intl, "Segmenter").mockImplementation(() => {
      throw new RangeError("no locale");
    });
    expect(countWords("I'm sorry.  I was wrong — and I know it.")).toBe(9);
    expect(countWords("**Strong** and *soft*\n\n- one\n- two")).toBe(5);
  });
});

describe("wordsLabel", () => {
  it("says word or words", () => {
    expect(wordsLabel(0)).toBe("0 words");
    expect(wordsLabel(1)).toBe("1 word");
    expect(wordsLabel(2)).toBe("2 words");
  });
});
