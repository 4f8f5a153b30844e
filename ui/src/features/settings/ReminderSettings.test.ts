// @vitest-environment jsdom
// The reminder settings as a person uses them: a reminder switched on without a
// time is named and focused, and a save says what is now on. The back end is a
// stand-in behind the real IPC layer.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend } = await import("../../lib/ipc/fakeBackend");
const { default: ReminderSettings } = await import("./ReminderSettings.svelte");

let backend: InstanceType<typeof FakeBackend>;

beforeEach(() => {
  backend = new FakeBackend(vi.mocked(invoke));
  backend
    .returns("get_reminder_settings", { dailyEnabled: false, dailyTime: "20:00", weeklyEnabled: false, weeklyDay: 6, weeklyTime: "" })
    .returns("get_autostart", false)
    .on("set_reminder_settings", (args) => args.settings);
});

describe("ReminderSettings", () => {
  it("names a reminder switched on without a time, and puts the cursor there", async () => {
    render(ReminderSettings);
    await fireEvent.click(await screen.findByLabelText("A weekly review"));
    await fireEvent.click(screen.getByRole("button", { name: "Save reminders" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Please choose a time for the weekly review.");
    const time = document.getElementById("reminder-weekly-time") as HTMLInputElement;
    await vi.waitFor(() => expect(document.activeElement).toBe(time));
    expect(time.getAttribute("aria-invalid")).toBe("true");
    expect(backend.argsOf("set_reminder_settings")).toEqual([]);
  });

  it("saves and says what is now on", async () => {
    render(ReminderSettings);
    await fireEvent.click(await screen.findByLabelText("A daily reflection"));
    await fireEvent.click(screen.getByRole("button", { name: "Save reminders" }));
    await vi.waitFor(() =>
      expect(document.getElementById("reminder-message")?.textContent).toBe(
        "Saved. Mend will send a daily reflection at 20:00.",
      ),
    );
    expect(backend.argsOf("set_reminder_settings")).toEqual([
      { settings: { dailyEnabled: true, dailyTime: "20:00", weeklyEnabled: false, weeklyDay: 6, weeklyTime: "" } },
    ]);
  });
});
