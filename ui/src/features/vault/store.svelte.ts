// The vault's screens and its credentials, as the components show them: what
// is typed into each passphrase field, whether a call is on its way, what went
// wrong, and what a change did.
// - VaultStore: making the vault, opening it (passphrase or recovery key), and
//   choosing a new passphrase right after opening with the recovery key;
// - PassphraseChangeStore: changing the passphrase in Settings;
// - RecoveryKeyStore: making (or replacing, or removing) the recovery key,
//   offered after the vault is made and in Settings; `copyRecoveryKey` puts a
//   new key on the clipboard.
// (The verdict on a passphrase being chosen is strength.svelte.ts.)
//
// Invariants:
// - a passphrase or recovery key is held only in the field the person types
//   into; it is cleared as soon as a call that used it succeeds, and when the
//   screen goes (`dispose`). A failed call keeps it, so it can be corrected;
// - a freshly made recovery key is held only until the person says it is stored;
// - nothing here logs (secrets pass through every call);
// - an answer asked before a lock never lands: the IPC layer drops it, and
//   `lockedOut` sends a "locked" refusal to the unlock screen;
// - nothing here touches the page or moves between screens: methods say what
//   happened, and components navigate and keep focus where the person is.
// Each screen or section makes its own store, so their busy flags never mix.

import * as ipc from "../../lib/ipc";
import type { CredentialsChanged } from "../../lib/ipc";
import { noteCopied } from "../../lib/ipc/safety";
import { sha256Hex } from "../../lib/clipboard";
import { lockedOut } from "../../lib/lockout";
import {
  CHANGE_PASSPHRASE_WORDING,
  REAUTH_WORDING,
  RESET_PASSPHRASE_WORDING,
  describeError,
  type Overrides,
} from "../../lib/messages";
import { credentialsChangedNotes, type CredentialChange } from "./credentials";

export type UnlockMode = "passphrase" | "recoveryKey";

/**
 * A screen that takes secrets and may have to show a replaced recovery key once
 * (when an older kind of key could not follow a credential change). What was
 * typed is forgotten when the screen goes, and the key once it is stored.
 */
abstract class SecretsForm {
  /** A new recovery key, made because the older kind could not follow; shown once. */
  replacedKey = $state<string | null>(null);

  /** The person stored the replaced recovery key: forget it. */
  keyStored(): void {
    this.replacedKey = null;
  }

  /** The screen is gone: nothing typed is kept. */
  dispose(): void {
    this.forgetTyped();
    this.replacedKey = null;
  }

  /** Clears every field that holds a secret. */
  protected abstract forgetTyped(): void;
}

/** The vault is made, opened, or given a new passphrase after the recovery key. */
export class VaultStore extends SecretsForm {
  /** The passphrase typed (to make, open or reset the vault). */
  passphrase = $state("");
  /** The same passphrase again, when choosing one. */
  confirmation = $state("");
  /** The chosen pair may be used (NewPassphraseFields judges it). */
  acceptable = $state(false);
  recoveryKey = $state("");
  /** How the locked screen opens the vault. */
  mode = $state<UnlockMode>("passphrase");
  busy = $state(false);
  error = $state<string | null>(null);

  /** A new passphrase (to make the vault or reset it) may be sent. */
  readonly canChoose = $derived(!this.busy && this.acceptable);
  /** What was typed on the locked screen may be tried. */
  readonly canUnlock = $derived(
    !this.busy && (this.mode === "passphrase" ? this.passphrase !== "" : this.recoveryKey.trim() !== ""),
  );

  /** Makes the vault with the chosen passphrase; true once it exists. */
  async create(): Promise<boolean> {
    if (!this.canChoose) return false;
    this.busy = true;
    this.error = null;
    try {
      await ipc.createVault(this.passphrase);
      this.forgetTyped();
      return true;
    } catch (reason) {
      this.error = describeError(reason);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** The other way of opening the vault; whatever was typed is forgotten. */
  switchMode(): void {
    this.mode = this.mode === "passphrase" ? "recoveryKey" : "passphrase";
    this.error = null;
    this.forgetTyped();
  }

  /**
   * Opens the vault; says how it opened, or null when it did not (the error
   * says why, and what was typed stays to be corrected). Stays busy on
   * success: the screen is about to go.
   */
  async unlock(): Promise<UnlockMode | null> {
    if (!this.canUnlock) return null;
    const mode = this.mode;
    this.busy = true;
    this.error = null;
    try {
      if (mode === "passphrase") {
        await ipc.unlock(this.passphrase);
      } else {
        await ipc.unlockWithRecoveryKey(this.recoveryKey.trim());
      }
      this.forgetTyped();
      return mode;
    } catch (reason) {
      this.error = describeError(reason);
      this.busy = false;
      return null;
    }
  }

  /**
   * Sets the chosen passphrase after opening with the recovery key. "done" when
   * it is in place; "newKey" when a new recovery key (in `replacedKey`) must be
   * stored first; null when it failed or Mend locked meanwhile.
   */
  async reset(): Promise<"done" | "newKey" | null> {
    if (!this.canChoose) return null;
    this.busy = true;
    this.error = null;
    try {
      const result = await ipc.resetPassphrase(this.passphrase);
      this.forgetTyped();
      if (result.recoveryKey !== null) {
        this.replacedKey = result.recoveryKey;
        return "newKey";
      }
      return "done";
    } catch (reason) {
      // Locked while the key was being prepared: the unlock screen is showing now.
      if (lockedOut(reason)) return null;
      this.error = describeError(reason, RESET_PASSPHRASE_WORDING);
      this.busy = false;
      return null;
    }
  }

  protected forgetTyped(): void {
    this.passphrase = "";
    this.confirmation = "";
    this.recoveryKey = "";
  }
}

/** Changing the passphrase in Settings. */
export class PassphraseChangeStore extends SecretsForm {
  current = $state("");
  next = $state("");
  confirmation = $state("");
  /** The new pair may be used (NewPassphraseFields judges it). */
  nextAcceptable = $state(false);
  busy = $state(false);
  error = $state<string | null>(null);
  /** What the change did, paragraph by paragraph. */
  notes = $state<string[]>([]);

  readonly ready = $derived(this.current !== "" && this.nextAcceptable && !this.busy);

  /** Changes the passphrase; on a refusal nothing typed is lost. */
  async change(): Promise<void> {
    if (!this.ready) return;
    this.busy = true;
    this.notes = [];
    this.error = null;
    try {
      const result = await ipc.changePassphrase(this.current, this.next);
      this.forgetTyped();
      this.notes = credentialsChangedNotes("passphraseChanged", result);
      this.replacedKey = result.recoveryKey;
    } catch (reason) {
      if (lockedOut(reason)) return;
      this.error = describeError(reason, CHANGE_PASSPHRASE_WORDING);
    } finally {
      this.busy = false;
    }
  }

  protected forgetTyped(): void {
    this.current = "";
    this.next = "";
    this.confirmation = "";
  }
}

/** What making or removing the recovery key did, for the section to show. */
export interface RecoveryKeyDone {
  /** Whether a recovery key exists now. */
  hasKey: boolean;
  change: CredentialChange;
  result: CredentialsChanged;
}

/** The offer after the vault is made: the passphrase just chosen proves it is known. */
const OFFER_WORDING: Overrides = {
  ...REAUTH_WORDING,
  wrongPassphrase: "That isn't the passphrase you just chose. Please try again.",
};

/** Making, replacing or removing the recovery key (after the passphrase once more). */
export class RecoveryKeyStore {
  /** The current passphrase, typed to confirm. */
  current = $state("");
  /** What Settings is asking to confirm; null when no dialog is open. */
  asking = $state<"make" | "remove" | null>(null);
  busy = $state(false);
  error = $state<string | null>(null);
  /** The new key, held only while it is on screen. */
  key = $state<string | null>(null);
  /** What the change did, said once the key (if any) is stored. */
  notes = $state<string[]>([]);
  #pendingNotes: string[] = [];

  /** Makes the key offered after the vault was made; it shows in `key`. */
  async makeOffered(): Promise<void> {
    if (this.current === "") {
      this.error = "Please type your passphrase once more first.";
      return;
    }
    this.busy = true;
    this.error = null;
    try {
      this.key = (await ipc.createRecoveryKey(this.current)).recoveryKey;
      this.current = "";
    } catch (reason) {
      if (lockedOut(reason)) return;
      this.error = describeError(reason, OFFER_WORDING);
    } finally {
      this.busy = false;
    }
  }

  /** Opens the confirmation for making (or replacing) or removing the key. */
  ask(what: "make" | "remove"): void {
    this.notes = [];
    this.error = null;
    this.current = "";
    this.asking = what;
  }

  /** Closes the confirmation; the passphrase typed into it goes. */
  close(): void {
    this.asking = null;
    this.current = "";
    this.error = null;
  }

  /**
   * Does what the confirmation asked, and closes it. Says what was done (for
   * `show` once the dialog has gone), or null when nothing was.
   */
  async confirm(): Promise<RecoveryKeyDone | null> {
    const what = this.asking;
    if (what === null || this.busy) return null;
    if (this.current === "") {
      this.error = "Please type your current passphrase first.";
      return null;
    }
    this.busy = true;
    this.error = null;
    try {
      const result =
        what === "make" ? await ipc.createRecoveryKey(this.current) : await ipc.removeRecoveryKey(this.current);
      this.close();
      return { hasKey: what === "make", change: what === "make" ? "recoveryKeyMade" : "recoveryKeyRemoved", result };
    } catch (reason) {
      if (lockedOut(reason)) return null;
      this.error = describeError(reason, REAUTH_WORDING);
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** Shows what was done: a new key first (its notes wait until it is stored), or the notes. */
  show(done: RecoveryKeyDone): void {
    const notes = credentialsChangedNotes(done.change, done.result);
    if (done.result.recoveryKey !== null) {
      this.#pendingNotes = notes;
      this.key = done.result.recoveryKey;
    } else {
      this.notes = notes;
    }
  }

  /** The person stored the key: forget it, and say what the change did. */
  stored(): void {
    this.key = null;
    this.notes = this.#pendingNotes;
    this.#pendingNotes = [];
  }

  dispose(): void {
    this.current = "";
    this.key = null;
  }
}

/**
 * Copies a new recovery key, registered like any text copied from Mend (so the
 * lock clears it from the clipboard). Says how it went.
 */
export async function copyRecoveryKey(key: string): Promise<string> {
  try {
    await navigator.clipboard.writeText(key);
    await noteCopied(await sha256Hex(key)).catch(() => undefined);
    return "Copied. Mend clears it from the clipboard when it locks or quits, so paste it where it belongs soon.";
  } catch {
    return "Copying didn't work here. Please select the key and copy it by hand, or write it down.";
  }
}
