// The only module that talks to the Rust back end.
//
// One typed async function per command. Argument keys are camelCase; Tauri
// maps them to the Rust snake_case parameters. Every rejection is rethrown as
// a MendError, so no other module needs to know what `invoke` rejects with.
// Nothing here logs: arguments and results may contain journal text.

import { invoke, type InvokeArgs } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";

import type { Cursor } from "./bindings/Cursor";
import type { EntryView } from "./bindings/EntryView";
import type { PassphraseStrength } from "./bindings/PassphraseStrength";
import type { RecoveryKey } from "./bindings/RecoveryKey";
import type { Settings } from "./bindings/Settings";
import type { TimelinePage } from "./bindings/TimelinePage";
import type { VaultLocked } from "./bindings/VaultLocked";
import type { VaultStatus } from "./bindings/VaultStatus";
import { toMendError } from "./error";

export { MendError, errorCodeOf, type ErrorCode } from "./error";
export type { LockReason } from "./bindings/LockReason";
export type {
  Cursor,
  EntryView,
  PassphraseStrength,
  RecoveryKey,
  Settings,
  TimelinePage,
  VaultLocked,
  VaultStatus,
};

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toMendError(reason);
  }
}

// Vault

export function vaultStatus(): Promise<VaultStatus> {
  return call("vault_status");
}

export function assessPassphrase(passphrase: string): Promise<PassphraseStrength> {
  return call("assess_passphrase", { passphrase });
}

export function createVault(passphrase: string): Promise<void> {
  return call("create_vault", { passphrase });
}

export function unlock(passphrase: string): Promise<void> {
  return call("unlock", { passphrase });
}

export function unlockWithRecoveryKey(recoveryKey: string): Promise<void> {
  return call("unlock_with_recovery_key", { recoveryKey });
}

export function lock(): Promise<void> {
  return call("lock");
}

/** Activity heartbeat: postpones the idle auto-lock. */
export function touch(): Promise<void> {
  return call("touch");
}

export function changePassphrase(current: string, next: string): Promise<void> {
  return call("change_passphrase", { current, next });
}

/**
 * Sets a new passphrase without the current one. Only allowed after unlocking
 * with the recovery key in this session ("recoveryRequired" otherwise); the
 * recovery key keeps working afterwards.
 */
export function resetPassphrase(next: string): Promise<void> {
  return call("reset_passphrase", { next });
}

/** Replaces any previous recovery key. The key is returned once and never again. */
export function createRecoveryKey(): Promise<RecoveryKey> {
  return call("create_recovery_key");
}

export function removeRecoveryKey(): Promise<void> {
  return call("remove_recovery_key");
}

// Journal

/** Newest first. Pass the previous page's `next` to get older entries. */
export function listEntries(before: Cursor | null, limit: number): Promise<TimelinePage> {
  return call("list_entries", { before, limit });
}

export function getEntry(id: number): Promise<EntryView> {
  return call("get_entry", { id });
}

export function createEntry(body: string): Promise<EntryView> {
  return call("create_entry", { body });
}

export function updateEntry(id: number, body: string): Promise<EntryView> {
  return call("update_entry", { id, body });
}

export function deleteEntry(id: number): Promise<void> {
  return call("delete_entry", { id });
}

/** Sanitised HTML, safe for {@html}. */
export function renderMarkdown(body: string): Promise<string> {
  return call("render_markdown", { body });
}

// Settings

export function getSettings(): Promise<Settings> {
  return call("get_settings");
}

export function setAutoLockMinutes(minutes: number): Promise<Settings> {
  return call("set_auto_lock_minutes", { minutes });
}

// Events

/** Called whenever the vault locks, by the person or after the idle timeout. */
export function onVaultLocked(handler: (event: VaultLocked) => void): Promise<UnlistenFn> {
  return listen<VaultLocked>("vault-locked", (event) => handler(event.payload));
}
