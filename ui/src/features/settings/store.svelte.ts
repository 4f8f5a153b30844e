// Settings as the screen shows them: locking when idle, discretion, the daily
// and weekly reminders, and starting Mend at login.
// - SettingsStore: the vault's settings (auto-lock minutes, whether a recovery
//   key exists) and the discretion setting;
// - ReminderStore: the reminder form and the start-at-login switch.
//
// Invariants:
// - loading goes through `Loader`: only the latest answer lands, and nothing
//   asked before a lock lands after it (the IPC layer drops it, `lockedOut`
//   swallows it); a save answered after a lock changes nothing either;
// - what is shown as saved is always the back end's answer, never what was sent;
// - after `dispose` (the screen is gone) no answer changes anything;
// - nothing here touches the page: components render this, forward what the
//   person does, and keep focus where the person is.
// The Settings screen makes one of each, calls `load()` once mounted and
// `dispose()` when it goes.

import * as ipc from "../../lib/ipc";
import type { Settings } from "../../lib/ipc";
import * as ledger from "../../lib/ipc/ledger";
import type { ReminderSettings } from "../../lib/ipc/ledger";
import { getDiscretion, setDiscretion, type DiscretionSettings } from "../../lib/ipc/safety";
import { Loader } from "../../lib/loader";
import { lockedOut } from "../../lib/lockout";
import { LOAD_WORDING, describeError, describeRefusal } from "../../lib/messages";
import { savedSentence, toReminderSettings } from "./reminderForm";

export const MIN_MINUTES = 1;
export const MAX_MINUTES = 240;

/** A sentence saying how something went: confirmed (ok) or refused. */
export interface Outcome {
  ok: boolean;
  text: string;
}

function minutesPhrase(value: number): string {
  return value === 1 ? "1 minute" : `${value} minutes`;
}

/** The vault's settings and the discretion setting. */
export class SettingsStore {
  /** As the back end last sent them; null until they arrive. */
  settings = $state<Settings | null>(null);
  loadError = $state<string | null>(null);

  /** The auto-lock minutes as typed (null while the box is empty). */
  minutes = $state<number | null>(null);
  minutesBusy = $state(false);
  minutesMessage = $state<Outcome | null>(null);
  readonly minutesValid = $derived(
    this.minutes !== null && Number.isInteger(this.minutes) && this.minutes >= MIN_MINUTES && this.minutes <= MAX_MINUTES,
  );

  discretion = $state<DiscretionSettings | null>(null);
  discretionBusy = $state(false);
  discretionStatus = $state("");
  discretionError = $state<string | null>(null);

  #disposed = false;
  readonly #settings: Loader<void, Settings>;
  readonly #discretion: Loader<void, DiscretionSettings>;

  constructor() {
    this.#settings = new Loader<void, Settings>({
      run: () => ipc.getSettings(),
      onAnswer: (answer) => {
        this.settings = answer;
        this.minutes = answer.autoLockMinutes;
        this.loadError = null;
      },
      onError: (reason) => {
        this.loadError = describeError(reason);
      },
    });
    this.#discretion = new Loader<void, DiscretionSettings>({
      run: () => getDiscretion(),
      onAnswer: (answer) => {
        this.discretion = answer;
        this.discretionError = null;
      },
      onError: (reason) => {
        this.discretionError = describeError(reason);
      },
    });
  }

  /** Asks for both; resolves once their answers (or failures) are shown. */
  async load(): Promise<void> {
    await Promise.all([this.loadSettings(), this.loadDiscretion()]);
  }

  loadSettings(): Promise<void> {
    this.loadError = null;
    return this.#settings.load();
  }

  loadDiscretion(): Promise<void> {
    this.discretionError = null;
    return this.#discretion.load();
  }

  /** Saves the auto-lock minutes, or says which numbers are allowed. */
  async saveMinutes(): Promise<void> {
    const minutes = this.minutes;
    if (!this.minutesValid || minutes === null) {
      this.minutesMessage = { ok: false, text: `Please choose a whole number from ${MIN_MINUTES} to ${MAX_MINUTES}.` };
      return;
    }
    this.minutesBusy = true;
    this.minutesMessage = null;
    try {
      const answer = await ipc.setAutoLockMinutes(minutes);
      if (this.#disposed) return;
      this.settings = answer;
      this.minutes = answer.autoLockMinutes;
      this.minutesMessage = {
        ok: true,
        text: `Saved. Mend will lock itself after ${minutesPhrase(answer.autoLockMinutes)} without activity.`,
      };
    } catch (reason) {
      if (this.#disposed || lockedOut(reason)) return;
      this.minutesMessage = { ok: false, text: describeError(reason) };
    } finally {
      this.minutesBusy = false;
    }
  }

  /** Shows the neutral name, or not. False when it could not be saved (the setting stays as it was). */
  async setNeutralName(wanted: boolean): Promise<boolean> {
    this.discretionBusy = true;
    this.discretionStatus = "";
    this.discretionError = null;
    try {
      const answer = await setDiscretion({ neutralName: wanted });
      if (this.#disposed) return true;
      this.discretion = answer;
      this.discretionStatus = answer.neutralName
        ? "Saved. The tray and notifications now say “Notes”."
        : "Saved. The tray and notifications now say “Mend”.";
      return true;
    } catch (reason) {
      if (this.#disposed || lockedOut(reason)) return true;
      this.discretionError = describeError(reason);
      return false;
    } finally {
      this.discretionBusy = false;
    }
  }

  /** The recovery key section made or removed the key. */
  setHasRecoveryKey(hasKey: boolean): void {
    if (this.settings) this.settings.hasRecoveryKey = hasKey;
  }

  dispose(): void {
    this.#disposed = true;
    this.#settings.dispose();
    this.#discretion.dispose();
  }
}

/** The reminder form and the start-at-login switch. */
export class ReminderStore {
  /** As the back end last saved them; null until they arrive. */
  saved = $state<ReminderSettings | null>(null);
  /** The form, as the person is changing it. */
  fields = $state<ReminderSettings | null>(null);
  loadError = $state<string | null>(null);
  busy = $state(false);
  result = $state<Outcome | null>(null);
  /** The id of the field a refusal is about, shown as invalid. */
  invalidField = $state<string | null>(null);

  /** Whether Mend starts at login; null until known. */
  autostart = $state<boolean | null>(null);
  autostartBusy = $state(false);
  autostartResult = $state<Outcome | null>(null);

  #disposed = false;
  readonly #reminders: Loader<void, ReminderSettings>;
  readonly #autostart: Loader<void, boolean>;

  constructor() {
    this.#reminders = new Loader<void, ReminderSettings>({
      run: () => ledger.getReminderSettings(),
      onAnswer: (answer) => {
        this.saved = answer;
        this.fields = { ...answer };
        this.loadError = null;
      },
      onError: (reason) => {
        this.loadError = describeError(reason, LOAD_WORDING);
      },
    });
    this.#autostart = new Loader<void, boolean>({
      run: () => ledger.getAutostart(),
      onAnswer: (answer) => {
        this.autostart = answer;
      },
      onError: (reason) => {
        this.autostartResult = { ok: false, text: describeRefusal(reason) };
      },
    });
  }

  /** Asks for both; resolves once their answers (or failures) are shown. */
  async load(): Promise<void> {
    await Promise.all([this.loadReminders(), this.#autostart.load()]);
  }

  loadReminders(): Promise<void> {
    this.loadError = null;
    return this.#reminders.load();
  }

  /**
   * Saves the form. When a field needs changing first, says which (its id),
   * for the form to move focus there; otherwise null.
   */
  async save(): Promise<string | null> {
    const fields = this.fields;
    const saved = this.saved;
    if (this.busy || fields === null || saved === null) return null;
    this.result = null;
    this.invalidField = null;
    const checked = toReminderSettings(fields, saved);
    if (!checked.ok) {
      this.result = { ok: false, text: checked.problem };
      this.invalidField = checked.field;
      return checked.field;
    }
    this.busy = true;
    try {
      const answer = await ledger.setReminderSettings(checked.settings);
      if (this.#disposed) return null;
      this.saved = answer;
      this.fields = { ...answer };
      this.result = { ok: true, text: savedSentence(answer) };
    } catch (reason) {
      if (this.#disposed || lockedOut(reason)) return null;
      this.result = { ok: false, text: describeRefusal(reason) };
    } finally {
      this.busy = false;
    }
    return null;
  }

  /** Starts Mend at login, or not; shows the switch as wanted while it is on its way. */
  async setAutostart(wanted: boolean): Promise<void> {
    const before = this.autostart;
    this.autostart = wanted;
    this.autostartBusy = true;
    this.autostartResult = null;
    try {
      const answer = await ledger.setAutostart(wanted);
      if (this.#disposed) return;
      this.autostart = answer;
      this.autostartResult = {
        ok: true,
        text: answer
          ? "Mend will start quietly in the tray when you log in."
          : "Mend will no longer start when you log in.",
      };
    } catch (reason) {
      if (this.#disposed || lockedOut(reason)) return;
      this.autostart = before;
      this.autostartResult = { ok: false, text: describeRefusal(reason) };
    } finally {
      this.autostartBusy = false;
    }
  }

  dispose(): void {
    this.#disposed = true;
    this.#reminders.dispose();
    this.#autostart.dispose();
  }
}
