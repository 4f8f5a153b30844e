import { afterEach, describe, expect, it, vi } from "vitest";
import { isoDay } from "./days";
import { formatDay, formatDayAndTime, formatTime, isoTime } from "./format";

// Built from local components so the expectations hold in any time zone.
const saturdayMorning = new Date(2025, 10, 22, 9, 4, 0);
const iso = saturdayMorning.toISOString();

afterEach(() => {
  vi.restoreAllMocks();
});

describe("format with a working Intl", () => {
  it("formats the day in words", () => {
    const day = formatDay(iso, "en-GB");
    expect(day).toContain("Saturday");
    expect(day).toContain("22");
    expect(day).toContain("November");
    expect(day).toContain("2025");
  });

  it("formats the time", () => {
    expect(formatTime(iso, "en-GB")).toBe("9:04");
  });

  it("joins day and time", () => {
    expect(formatDayAndTime(iso, "en-GB")).toMatch(/November 2025, 9:04$/);
  });
});

describe("format when Intl throws (WebKitGTK under the C locale)", () => {
  it("falls back to an ISO-like local date and time", () => {
    vi.spyOn(Intl, "DateTimeFormat").mockImplementation(function () {
      throw new RangeError("Incorrect locale information provided");
    });
    expect(formatDay(iso)).toBe("2025-11-22");
    expect(formatTime(iso)).toBe("09:04");
    expect(formatDayAndTime(iso)).toBe("2025-11-22, 09:04");
  });

  it("falls back when format itself throws", () => {
    vi.spyOn(Intl, "DateTimeFormat").mockImplementation(function () {
      return {
        format() {
          throw new RangeError("boom");
        },
      } as unknown as Intl.DateTimeFormat;
    });
    expect(formatDay(iso)).toBe("2025-11-22");
  });

  it("falls back for an invalid locale tag", () => {
    expect(formatTime(iso, "not a locale!")).toBe("09:04");
  });
});

describe("format never throws on bad input", () => {
  it("returns the input for an unparseable date", () => {
    expect(formatDay("yesterday-ish")).toBe("yesterday-ish");
    expect(formatTime("yesterday-ish")).toBe("");
    expect(formatDayAndTime("yesterday-ish")).toBe("yesterday-ish");
  });
});

describe("format accepts a space between date and time", () => {
  it("reads it as local time", () => {
    vi.spyOn(Intl, "DateTimeFormat").mockImplementation(function () {
      throw new RangeError("no Intl");
    });
    expect(formatDayAndTime("2025-11-22 09:04:00")).toBe("2025-11-22, 09:04");
  });
});

describe("iso helpers", () => {
  it("pads", () => {
    const d = new Date(2024, 0, 5, 7, 3);
    expect(isoDay(d)).toBe("2024-01-05");
    expect(isoTime(d)).toBe("07:03");
  });
});

describe("calendar days and dates", () => {
  it("reads a stored calendar day as a local day, never the day before", async () => {
    const { formatCalendarDay } = await import("./format");
    const text = formatCalendarDay("2025-11-01", "en-GB");
    expect(text).toContain("1");
    expect(text).toContain("November");
    expect(text).not.toContain("31");
  });

  it("leaves text that is not a day as it is", async () => {
    const { formatCalendarDay } = await import("./format");
    expect(formatCalendarDay("someday")).toBe("someday");
  });

  it("falls back to an ISO day when Intl throws", async () => {
    const { formatCalendarDay, formatDate } = await import("./format");
    vi.spyOn(Intl, "DateTimeFormat").mockImplementation(function () {
      throw new RangeError("Incorrect locale information provided");
    });
    expect(formatCalendarDay("2025-11-01")).toBe("2025-11-01");
    expect(formatDate(iso)).toBe("2025-11-22");
  });
});
