import { describe, expect, it } from "vitest";
import { cleanLabel, formatTags, parseMood, parseTags } from "./tags";

describe("tags as typed", () => {
  it("splits on commas, trims, drops empty ones and a leading #", () => {
    expect(parseTags(" work, #sleep ,, ##home ,")).toEqual(["work", "sleep", "home"]);
  });

  it("keeps the first spelling of a repeated tag, ignoring case", () => {
    expect(parseTags("Work, work, WORK, rest")).toEqual(["Work", "rest"]);
  });

  it("collapses inner white space", () => {
    expect(parseTags("long   walk,\tquiet\nday")).toEqual(["long walk", "quiet day"]);
    expect(cleanLabel("  a  b ")).toBe("a b");
  });

  it("is empty for blank text", () => {
    expect(parseTags("")).toEqual([]);
    expect(parseTags(" , ,")).toEqual([]);
  });

  it("formats back to what can be typed again", () => {
    const tags = ["work", "long walk"];
    expect(parseTags(formatTags(tags))).toEqual(tags);
  });
});

describe("mood as typed", () => {
  it("is null when blank and tidy otherwise", () => {
    expect(parseMood("   ")).toBeNull();
    expect(parseMood("  a bit   tired ")).toBe("a bit tired");
  });
});
