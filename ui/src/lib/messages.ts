// Every sentence the UI shows for a failure lives here, one per ErrorCode.
// Screens may override a code where the context makes a better sentence
// (for example "wrongPassphrase" while changing the passphrase).
// Sentences are calm, plain and never blame the person.

import { MendError, errorCodeOf, type ErrorCode } from "./ipc/error";

const SENTENCES: Record<ErrorCode, string> = {
  noVault: "There is no vault on this computer yet.",
  vaultExists: "A vault already exists on this computer.",
  locked: "Mend is locked. Unlock it to carry on.",
  wrongPassphrase: "That passphrase didn't open the vault. Nothing was changed.",
  wrongRecoveryKey:
    "That recovery key didn't open the vault. Check it for a mistyped character. Nothing was changed.",
  recoveryRequired:
    "A new passphrase can only be chosen this way right after opening Mend with the recovery key. Nothing was changed.",
  weakPassphrase:
    "That passphrase would be too easy to guess. A few more unrelated words will make it stronger.",
  corruptVault:
    "Mend couldn't read the vault file. It may be damaged, so Mend has not tried to change it.",
  unsupportedVault:
    "This vault was made by a newer version of Mend. Updating Mend will let you open it.",
  notFound: "That entry couldn't be found. It may already have been deleted.",
  invalidInput: "Mend couldn't accept that. Please check what was entered and try again.",
  storage:
    "Mend couldn't read or write its files. Check that the disk has free space, then try again.",
  internal: "Something went wrong inside Mend. Please try again in a moment.",
};

export type Overrides = Partial<Record<ErrorCode, string>>;

/** A readable sentence for anything thrown by the IPC layer. */
export function describeError(reason: unknown, overrides: Overrides = {}): string {
  const code = errorCodeOf(reason);
  return overrides[code] ?? SENTENCES[code];
}

/**
 * Like describeError, but when the back end refused what was typed
 * ("invalidInput") its own sentence says exactly what to change (a date in
 * the future, a name that is too long), so that sentence is shown.
 */
export function describeRefusal(reason: unknown, overrides: Overrides = {}): string {
  if (reason instanceof MendError && reason.code === "invalidInput" && reason.message.trim() !== "") {
    return reason.message;
  }
  return describeError(reason, overrides);
}

/** Context-specific wording, kept here so all failure text stays in one file. */
export const CHANGE_PASSPHRASE_WORDING: Overrides = {
  wrongPassphrase: "The current passphrase isn't right. Nothing was changed.",
  weakPassphrase:
    "The new passphrase would be too easy to guess. A few more unrelated words will make it stronger.",
};

/** Choosing a new passphrase after opening Mend with the recovery key. */
/** Asking for the current passphrase again before something lasting or outward. */
export const REAUTH_WORDING: Overrides = {
  wrongPassphrase: "That isn't your current passphrase. Nothing was changed.",
};

export const RESET_PASSPHRASE_WORDING: Overrides = {
  weakPassphrase:
    "The new passphrase would be too easy to guess. A few more unrelated words will make it stronger.",
};

export const SAVE_WORDING: Overrides = {
  locked: "Mend is locked, so this couldn't be saved.",
  internal:
    "This couldn't be saved just now. Your text is still here, and Mend will try again as you keep writing.",
  storage:
    "This couldn't be saved because Mend couldn't write to the disk. Your text is still here.",
};

/** Anything done to a relationship or its events, plans and steps. */
export const RELATIONSHIP_WORDING: Overrides = {
  notFound: "That couldn't be found. It may have been deleted a moment ago.",
};

/** Loading something to show (a relationship page, search results). */
export const LOAD_WORDING: Overrides = {
  notFound: "That couldn't be found. It may have been deleted.",
  internal: "This couldn't be loaded just now. Please try again in a moment.",
};

/** Saving a step's answers, a plan or an entry's labels as they are typed. */
export const DRAFT_WORDING: Overrides = {
  locked: "Mend is locked, so this couldn't be saved.",
  internal:
    "This couldn't be saved just now. What you wrote is still here, and Mend will try again as you keep writing.",
  storage:
    "This couldn't be saved because Mend couldn't write to the disk. What you wrote is still here.",
};

/** Making an encrypted backup in Settings. */
export const BACKUP_WORDING: Overrides = {
  wrongPassphrase: "That isn't your current passphrase. Nothing was saved.",
  weakPassphrase:
    "That passphrase would be too easy to guess. A few more unrelated words will make it stronger. Nothing was saved.",
  storage:
    "The backup couldn't be written. Check that there is room where you chose to save it, then try again.",
};

/** Restoring a backup from the welcome screen. */
export const RESTORE_WORDING: Overrides = {
  wrongPassphrase: "That passphrase didn't open this backup. Nothing was changed.",
  vaultExists: "There is already a journal on this computer, so nothing was restored.",
  storage:
    "Mend couldn't read the backup or write the new journal. Check that the disk has free space, then try again.",
};

/** Exporting the journal as plain files. */
export const EXPORT_WORDING: Overrides = {
  wrongPassphrase: "That isn't your current passphrase. Nothing was exported.",
  storage:
    "The export couldn't be written. Check that there is room where you chose to save it, then try again.",
};

/** Reading and writing an import. */
export const IMPORT_WORDING: Overrides = {
  storage: "Mend couldn't read that, or couldn't write to the disk. Nothing was imported.",
};
