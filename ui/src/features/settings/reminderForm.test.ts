import { describe, expect, it } from "vitest";
import type { ReminderSettings } from "../../lib/ipc/ledger";
import { normaliseTime, savedSentence, toReminderSettings, weekdayName } from "./reminderForm";

const SAVED: ReminderSettings = {
  dailyEnabled: false,
  dailyTime: "21:00",
  weeklyEnabled: false,
  weeklyDay: 6,
  weeklyTime: "18:00",
};

describe("checking the reminder settings", () => {
  it("sends what was chosen", () => {
    const fields = { dailyEnabled: true, dailyTime: "08:15", weeklyEnabled: true, weeklyDay: 0, weeklyTime: "19:30:00" };
    expect(toReminderSettings(fields, SAVED)).toEqual({
      ok: true,
      settings: { dailyEnabled: true, dailyTime: "08:15", weeklyEnabled: true, weeklyDay: 0, weeklyTime: "19:30" },
    });
  });

  it("needs a time for each reminder that is on", () => {
    expect(toReminderSettings({ ...SAVED, dailyEnabled: true, dailyTime: "" }, SAVED)).toMatchObject({
      ok: false,
      field: "reminder-daily-time",
    });
    expect(toReminderSettings({ ...SAVED, weeklyEnabled: true, weeklyTime: "" }, SAVED)).toMatchObject({
      ok: false,
      field: "reminder-weekly-time",
    });
  });

  it("keeps the saved time when a reminder that is off has its time cleared", () => {
    const result = toReminderSettings({ ...SAVED, dailyTime: "", weeklyTime: "" }, SAVED);
    expect(result.ok && result.settings).toMatchObject({ dailyTime: "21:00", weeklyTime: "18:00" });
  });

  it("keeps the saved day when the chosen one is not a weekday", () => {
    const result = toReminderSettings({ ...SAVED, weeklyDay: 9 }, SAVED);
    expect(result.ok && result.settings.weeklyDay).toBe(6);
  });
});

describe("saying what was saved", () => {
  it("names the weekday the way the back end counts it", () => {
    expect(weekdayName(0)).toBe("Monday");
    expect(weekdayName(6)).toBe("Sunday");
    expect(weekdayName(7)).toBeNull();
    expect(weekdayName(1.5)).toBeNull();
  });

  it("confirms each reminder that is on", () => {
    expect(savedSentence({ ...SAVED, dailyEnabled: true })).toBe("Saved. Mend will send a daily reflection at 21:00.");
    expect(savedSentence({ ...SAVED, weeklyEnabled: true })).toBe(
      "Saved. Mend will send a weekly review on Sundays at 18:00.",
    );
    expect(savedSentence({ ...SAVED, dailyEnabled: true, weeklyEnabled: true })).toBe(
      "Saved. Mend will send a daily reflection at 21:00 and a weekly review on Sundays at 18:00.",
    );
  });

  it("says plainly when both are off", () => {
    expect(savedSentence(SAVED)).toBe("Saved. The daily and weekly reminders are off.");
  });
});

describe("times from a time field", () => {
  it("reads hours and minutes", () => {
    expect(normaliseTime("09:30")).toBe("09:30");
    expect(normaliseTime(" 23:59:00 ")).toBe("23:59");
    expect(normaliseTime("9:30")).toBeNull();
    expect(normaliseTime("24:00")).toBeNull();
    expect(normaliseTime("")).toBeNull();
  });
});
