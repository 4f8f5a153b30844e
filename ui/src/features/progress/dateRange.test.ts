import { describe, expect, it } from "vitest";

import { checkRange, matchingPreset, presetRange } from "./dateRange";

describe("presets", () => {
  it("end today and reach back the right number of days", () => {
    expect(presetRange("30", "2026-05-20", "2025-01-01")).toEqual({ from: "2026-04-21", to: "2026-05-20" });
    expect(presetRange("90", "2026-05-20", "2025-01-01")).toEqual({ from: "2026-02-20", to: "2026-05-20" });
    expect(presetRange("365", "2026-05-20", "2025-01-01")).toEqual({ from: "2025-05-21", to: "2026-05-20" });
    expect(presetRange("all", "2026-05-20", "2025-01-01")).toEqual({ from: "2025-01-01", to: "2026-05-20" });
  });

  it("never start everything after today", () => {
    expect(presetRange("all", "2026-05-20", "2026-06-01")).toEqual({ from: "2026-05-20", to: "2026-05-20" });
  });

  it("are recognised, and anything else is custom", () => {
    expect(matchingPreset({ from: "2026-04-21", to: "2026-05-20" }, "2026-05-20", "2025-01-01")).toBe("30");
    expect(matchingPreset({ from: "2025-01-01", to: "2026-05-20" }, "2026-05-20", "2025-01-01")).toBe("all");
    expect(matchingPreset({ from: "2026-04-22", to: "2026-05-20" }, "2026-05-20", "2025-01-01")).toBe("custom");
  });
});

describe("custom ranges", () => {
  it("accept a start on or before the end", () => {
    expect(checkRange("2026-03-01", "2026-03-01", "2026-05-20")).toEqual({
      ok: true,
      range: { from: "2026-03-01", to: "2026-03-01" },
    });
  });

  it("refuse an end before the start", () => {
    expect(checkRange("2026-03-02", "2026-03-01", "2026-05-20")).toMatchObject({ ok: false, field: "to" });
  });

  it("refuse days that do not exist, and empty ones", () => {
    expect(checkRange("2026-02-30", "2026-03-01", "2026-05-20")).toMatchObject({ ok: false, field: "from" });
    expect(checkRange("2026-02-01", "2026-13-01", "2026-05-20")).toMatchObject({ ok: false, field: "to" });
    expect(checkRange("", "2026-03-01", "2026-05-20")).toMatchObject({ ok: false, field: "from" });
  });

  it("refuse a start after today", () => {
    expect(checkRange("2026-05-21", "2026-06-01", "2026-05-20")).toMatchObject({ ok: false, field: "from" });
  });
});
