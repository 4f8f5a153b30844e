import { describe, expect, it } from "vitest";
import { copiedText, fieldSelection, sha256Hex, toHex, withoutSelection } from "./clipboard";

describe("fieldSelection", () => {
  it("takes the selected part of the value", () => {
    expect(fieldSelection({ value: "one two three", selectionStart: 4, selectionEnd: 7 })).toBe("two");
  });

  it("is empty when nothing is selected", () => {
    expect(fieldSelection({ value: "one", selectionStart: 2, selectionEnd: 2 })).toBe("");
  });

  it("is empty for fields without a text selection", () => {
    expect(fieldSelection({ value: "12", selectionStart: null, selectionEnd: null, type: "number" })).toBe("");
  });

  it("never copies from a passphrase field", () => {
    expect(fieldSelection({ value: "secret words", selectionStart: 0, selectionEnd: 6, type: "password" })).toBe("");
  });
});

describe("copiedText", () => {
  it("prefers the focused field over the page selection", () => {
    expect(copiedText({ value: "abcdef", selectionStart: 1, selectionEnd: 3 }, "page text")).toBe("bc");
  });

  it("uses the page selection outside fields", () => {
    expect(copiedText(null, "page text")).toBe("page text");
    expect(copiedText(null, null)).toBe("");
    expect(copiedText(null, undefined)).toBe("");
  });
});

describe("withoutSelection", () => {
  it("takes the selection out and puts the caret where it began", () => {
    expect(withoutSelection({ value: "one two three", selectionStart: 3, selectionEnd: 7 })).toEqual({
      value: "one three",
      caret: 3,
    });
  });

  it("leaves the value alone without a selection", () => {
    expect(withoutSelection({ value: "one", selectionStart: 1, selectionEnd: 1 })).toEqual({ value: "one", caret: 1 });
  });
});

describe("toHex", () => {
  it("writes two lower-case digits a byte", () => {
    expect(toHex(new Uint8Array([0, 1, 15, 16, 171, 255]))).toBe("00010f10abff");
    expect(toHex(new Uint8Array([]).buffer)).toBe("");
  });
});

describe("sha256Hex", () => {
  it("matches known digests", async () => {
    expect(await sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("hashes the UTF-8 bytes", async () => {
    expect(await sha256Hex("é")).toHaveLength(64);
    expect(await sha256Hex("é")).not.toBe(await sha256Hex("e"));
  });
});
