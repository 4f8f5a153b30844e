// The Settings stores against a stand-in back end: `invoke` is mocked, and the
// real IPC layer (its lock rule included) runs over it. What is checked: what
// loads and what is saved is the back end's answer, a refusal says why and
// changes nothing, a field error names the field, and no answer asked before
// a lock (or after the screen went) lands.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Settings } from "../../lib/ipc";
import type { ReminderSettings } from "../../lib/ipc/ledger";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend, deferred } = await import("../../lib/ipc/fakeBackend");
const { forgetAnswersInFlight } = await import("../../lib/ipc/call");
const { onLockedOut } = await import("../../lib/lockout");
const { SettingsStore, ReminderStore } = await import("./store.svelte");

const SETTINGS: Settings = { autoLockMinutes: 15, hasRecoveryKey: false };
const REMINDERS: ReminderSettings = {
  dailyEnabled: false,
  dailyTime: "20:00",
  weeklyEnabled: false,
  weeklyDay: 6,
  weeklyTime: "18:00",
};

let backend: InstanceType<typeof FakeBackend>;
let lockedOut: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  backend = new FakeBackend(vi.mocked(invoke));
  lockedOut = vi.fn<() => void>();
  onLockedOut(lockedOut);
});

async function loadedSettings(): Promise<InstanceType<typeof SettingsStore>> {
  backend.on("get_settings", () => ({ ...SETTINGS })).returns("get_discretion", { neutralName: false });
  const store = new SettingsStore();
  await store.load();
  return store;
}

async function loadedReminders(): Promise<InstanceType<typeof ReminderStore>> {
  backend.on("get_reminder_settings", () => ({ ...REMINDERS })).returns("get_autostart", false);
  const store = new ReminderStore();
  await store.load();
  return store;
}

describe("settings", () => {
  it("loads the vault's settings and discretion", async () => {
    const store = await loadedSettings();
    expect(store.settings).toEqual(SETTINGS);
    expect(store.minutes).toBe(15);
    expect(store.discretion).toEqual({ neutralName: false });
    expect([store.loadError, store.discretionError]).toEqual([null, null]);
  });

  it("says why they couldn't load, and loads on trying again", async () => {
    backend.fails("get_settings", "storage").fails("get_discretion", "internal");
    const store = new SettingsStore();
    await store.load();
    expect(store.loadError).toBe(
      "Mend couldn't read or write its files. Check that the disk has free space, then try again.",
    );
    expect(store.discretionError).toBe("Something went wrong inside Mend. Please try again in a moment.");
    backend.returns("get_settings", SETTINGS).returns("get_discretion", { neutralName: true });
    await store.loadSettings();
    await store.loadDiscretion();
    expect(store.loadError).toBeNull();
    expect(store.discretionError).toBeNull();
    expect(store.discretion?.neutralName).toBe(true);
  });

  it("saves the minutes and says what the back end now does", async () => {
    const store = await loadedSettings();
    backend.on("set_auto_lock_minutes", (args) => ({ ...SETTINGS, autoLockMinutes: args.minutes }));
    store.minutes = 1;
    await store.saveMinutes();
    expect(backend.argsOf("set_auto_lock_minutes")).toEqual([{ minutes: 1 }]);
    expect(store.settings?.autoLockMinutes).toBe(1);
    expect(store.minutesMessage).toEqual({
      ok: true,
      text: "Saved. Mend will lock itself after 1 minute without activity.",
    });
    expect(store.minutesBusy).toBe(false);
  });

  it("refuses minutes outside 1 to 240 without asking", async () => {
    const store = await loadedSettings();
    for (const minutes of [0, 241, 2.5, null]) {
      store.minutes = minutes;
      await store.saveMinutes();
      expect(store.minutesMessage).toEqual({ ok: false, text: "Please choose a whole number from 1 to 240." });
    }
    expect(backend.argsOf("set_auto_lock_minutes")).toEqual([]);
    expect(store.settings?.autoLockMinutes).toBe(15);
  });

  it("says a save failed, and keeps the settings as they were", async () => {
    const store = await loadedSettings();
    backend.fails("set_auto_lock_minutes", "storage");
    store.minutes = 30;
    await store.saveMinutes();
    expect(store.minutesMessage?.ok).toBe(false);
    expect(store.settings?.autoLockMinutes).toBe(15);
  });

  it("saves the neutral name and says where it shows", async () => {
    const store = await loadedSettings();
    backend.on("set_discretion", (args) => args.settings);
    expect(await store.setNeutralName(true)).toBe(true);
    expect(backend.argsOf("set_discretion")).toEqual([{ settings: { neutralName: true } }]);
    expect(store.discretion?.neutralName).toBe(true);
    expect(store.discretionStatus).toBe("Saved. The tray and notifications now say “Notes”.");
  });

  it("says the neutral name couldn't be saved, and keeps the setting as it was", async () => {
    const store = await loadedSettings();
    backend.fails("set_discretion", "storage");
    expect(await store.setNeutralName(true)).toBe(false);
    expect(store.discretion?.neutralName).toBe(false);
    expect(store.discretionStatus).toBe("");
    expect(store.discretionError).toContain("Mend couldn't read or write its files.");
  });

  it("follows the recovery key section", async () => {
    const store = await loadedSettings();
    store.setHasRecoveryKey(true);
    expect(store.settings?.hasRecoveryKey).toBe(true);
  });

  it("lets no answer asked before a lock land", async () => {
    const settings = deferred<Settings>();
    backend.on("get_settings", () => settings.promise).returns("get_discretion", { neutralName: false });
    const store = new SettingsStore();
    const loading = store.load();
    forgetAnswersInFlight();
    settings.resolve({ ...SETTINGS, autoLockMinutes: 99 });
    await loading;
    expect(store.settings).toBeNull();
    expect(store.discretion).toBeNull();
    expect([store.loadError, store.discretionError]).toEqual([null, null]);
  });

  it("lets no save answered after a lock land", async () => {
    const store = await loadedSettings();
    const saved = deferred<Settings>();
    backend.on("set_auto_lock_minutes", () => saved.promise);
    store.minutes = 30;
    const saving = store.saveMinutes();
    forgetAnswersInFlight();
    saved.resolve({ ...SETTINGS, autoLockMinutes: 30 });
    await saving;
    expect(store.settings?.autoLockMinutes).toBe(15);
    expect(store.minutesMessage).toBeNull();
  });
});

describe("reminders", () => {
  it("loads the reminders into a form of its own, and whether Mend starts at login", async () => {
    const store = await loadedReminders();
    expect(store.saved).toEqual(REMINDERS);
    expect(store.fields).toEqual(REMINDERS);
    expect(store.fields).not.toBe(store.saved);
    expect(store.autostart).toBe(false);
  });

  it("saves what was chosen and says what is now on", async () => {
    const store = await loadedReminders();
    backend.on("set_reminder_settings", (args) => args.settings);
    store.fields!.dailyEnabled = true;
    store.fields!.dailyTime = "08:30";
    expect(await store.save()).toBeNull();
    expect(backend.argsOf("set_reminder_settings")).toEqual([{ settings: { ...REMINDERS, dailyEnabled: true, dailyTime: "08:30" } }]);
    expect(store.saved?.dailyEnabled).toBe(true);
    expect(store.result).toEqual({ ok: true, text: "Saved. Mend will send a daily reflection at 08:30." });
    expect(store.busy).toBe(false);
  });

  it("names the field that needs a time, and sends nothing", async () => {
    const store = await loadedReminders();
    store.fields!.weeklyEnabled = true;
    store.fields!.weeklyTime = "";
    expect(await store.save()).toBe("reminder-weekly-time");
    expect(store.invalidField).toBe("reminder-weekly-time");
    expect(store.result).toEqual({ ok: false, text: "Please choose a time for the weekly review." });
    expect(backend.argsOf("set_reminder_settings")).toEqual([]);
    expect(store.saved).toEqual(REMINDERS);
  });

  it("shows the back end's own sentence when it refuses what was chosen", async () => {
    const store = await loadedReminders();
    backend.fails("set_reminder_settings", "invalidInput", "That time isn't one Mend can use.");
    await store.save();
    expect(store.result).toEqual({ ok: false, text: "That time isn't one Mend can use." });
    expect(store.saved).toEqual(REMINDERS);
  });

  it("says why the reminders couldn't load", async () => {
    backend.fails("get_reminder_settings", "internal").returns("get_autostart", true);
    const store = new ReminderStore();
    await store.load();
    expect(store.loadError).toBe("This couldn't be loaded just now. Please try again in a moment.");
    expect(store.fields).toBeNull();
    expect(store.autostart).toBe(true);
  });

  it("switches starting at login, and says so", async () => {
    const store = await loadedReminders();
    backend.on("set_autostart", (args) => args.enabled);
    await store.setAutostart(true);
    expect(store.autostart).toBe(true);
    expect(store.autostartResult).toEqual({ ok: true, text: "Mend will start quietly in the tray when you log in." });
  });

  it("puts the switch back when starting at login couldn't be changed", async () => {
    const store = await loadedReminders();
    backend.fails("set_autostart", "storage");
    await store.setAutostart(true);
    expect(store.autostart).toBe(false);
    expect(store.autostartResult?.ok).toBe(false);
  });

  it("lets no save answered after a lock land", async () => {
    const store = await loadedReminders();
    const saved = deferred<ReminderSettings>();
    backend.on("set_reminder_settings", () => saved.promise);
    store.fields!.dailyEnabled = true;
    const saving = store.save();
    forgetAnswersInFlight();
    saved.resolve({ ...REMINDERS, dailyEnabled: true });
    await saving;
    expect(store.saved).toEqual(REMINDERS);
    expect(store.result).toBeNull();
    expect(store.busy).toBe(false);
  });

  it("goes to the unlock screen when the back end says it is locked", async () => {
    const store = await loadedReminders();
    backend.fails("set_autostart", "locked");
    await store.setAutostart(true);
    expect(lockedOut).toHaveBeenCalledOnce();
    expect(store.autostartResult).toBeNull();
  });

  it("changes nothing once the screen has gone", async () => {
    const reminders = deferred<ReminderSettings>();
    backend.on("get_reminder_settings", () => reminders.promise).returns("get_autostart", true);
    const store = new ReminderStore();
    const loading = store.load();
    store.dispose();
    reminders.resolve(REMINDERS);
    await loading;
    expect(store.fields).toBeNull();
    expect(store.autostart).toBeNull();
  });
});
