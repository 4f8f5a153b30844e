import { describe, expect, it } from "vitest";
import { parseDay, startOfDay, startOfNextDay, today } from "./days";

describe("calendar days from date fields", () => {
  it("reads a day as local midnight", () => {
    expect(startOfDay("2025-01-31")).toBe(new Date(2025, 0, 31).toISOString());
  });

  it("ends a range at the start of the following local day", () => {
    expect(startOfNextDay("2025-01-31")).toBe(new Date(2025, 1, 1).toISOString());
    expect(startOfNextDay("2024-12-31")).toBe(new Date(2025, 0, 1).toISOString());
    expect(startOfNextDay("2024-02-28")).toBe(new Date(2024, 1, 29).toISOString());
  });

  it("covers a whole day even across a daylight-saving change", () => {
    // Whatever the zone, the range is from one local midnight to the next.
    const from = new Date(startOfDay("2025-03-30")!);
    const to = new Date(startOfNextDay("2025-03-30")!);
    expect(from.getDate()).toBe(30);
    expect(to.getDate()).toBe(31);
    expect(to.getHours()).toBe(0);
  });

  it("refuses empty, malformed and impossible days", () => {
    expect(startOfDay("")).toBeNull();
    expect(startOfDay("2025-2-3")).toBeNull();
    expect(startOfDay("2026-02-30")).toBeNull();
    expect(startOfNextDay("2025-13-01")).toBeNull();
    expect(parseDay("yesterday")).toBeNull();
  });

  it("names today in local time", () => {
    expect(today(new Date(2025, 10, 2, 23, 59))).toBe("2025-11-02");
  });
});
