// Backups, restore, exports and imports over IPC. Same rules as index.ts: typed
// functions, camelCase keys, MendError on failure, nothing logged.
//
// Every file or folder is chosen in a native dialog that the back end opens, so
// no path ever crosses IPC: the UI sees only names, sizes and counts. A result
// of `null` means the person closed that dialog without choosing anything.


import type { AutomaticBackupView } from "./bindings/AutomaticBackupView";
import type { BackupSettings } from "./bindings/BackupSettings";
import type { ChosenBackup } from "./bindings/ChosenBackup";
import type { ImportChosen } from "./bindings/ImportChosen";
import type { ImportFormat } from "./bindings/ImportFormat";
import type { ImportOutcome } from "./bindings/ImportOutcome";
import type { ImportPreview } from "./bindings/ImportPreview";
import type { ImportProgress } from "./bindings/ImportProgress";
import type { ImportSample } from "./bindings/ImportSample";
import type { SavedTo } from "./bindings/SavedTo";
import { call, callWithProgress } from "./call";

export type {
  AutomaticBackupView,
  BackupSettings,
  ChosenBackup,
  ImportChosen,
  ImportFormat,
  ImportOutcome,
  ImportPreview,
  ImportProgress,
  ImportSample,
  SavedTo,
};


// Backups

/**
 * After checking the vault's `current` passphrase ("wrongPassphrase"
 * otherwise), encrypts the whole journal to `passphrase` (which must be
 * strong: "weakPassphrase" otherwise) and writes it where the person chooses.
 * Takes a few seconds.
 */
export function backupNow(current: string, passphrase: string): Promise<SavedTo | null> {
  return call("backup_now", { current, passphrase });
}

/** How many automatic backups are kept, and those there are, newest first. */
export function backupSettings(): Promise<BackupSettings> {
  return call("backup_settings");
}

/** 0 to 30; 0 turns automatic backups off. */
export function setBackupsKept(kept: number): Promise<void> {
  return call("set_backups_kept", { kept });
}

// Restoring (only where no journal exists yet)

export function chooseBackup(): Promise<ChosenBackup | null> {
  return call("choose_backup");
}

/**
 * Restores the chosen backup into a new journal, which opens with the backup's
 * passphrase; the vault is unlocked afterwards.
 */
export function restoreBackup(passphrase: string): Promise<void> {
  return call("restore_backup", { passphrase });
}

// Exports: plain text, not encrypted (the UI says so before calling them).
// Both check the vault's current passphrase first ("wrongPassphrase").

export function exportJson(current: string): Promise<SavedTo | null> {
  return call("export_json", { current });
}

/** One Markdown file per entry, in a new folder inside the one chosen. */
export function exportMarkdown(current: string): Promise<SavedTo | null> {
  return call("export_markdown", { current });
}

// Imports: read and previewed first; nothing is written until confirmed.

export function chooseImport(format: ImportFormat): Promise<ImportChosen | null> {
  return call("choose_import", { format });
}

/**
 * Writes the previewed import, reporting how far it has got. `null` when it was
 * stopped (`stopImport`, or a lock): rolled back, nothing added.
 */
export function confirmImport(onProgress: (report: ImportProgress) => void): Promise<ImportOutcome | null> {
  return callWithProgress("confirm_import", {}, onProgress);
}

/** Stops the import being written; `confirmImport` then answers `null`. */
export function stopImport(): Promise<void> {
  return call("stop_import");
}

export function cancelImport(): Promise<void> {
  return call("cancel_import");
}
