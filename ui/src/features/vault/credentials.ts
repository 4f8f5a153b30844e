// What Mend says after a credential changed. Every change (passphrase changed
// or reset, recovery key made, replaced or removed) moves the journal to a new
// key in the back end; these sentences tell the person, plainly, what that did
// and what Mend cannot reach.

import type { CredentialsChanged } from "../../lib/ipc";

export type CredentialChange = "passphraseChanged" | "passphraseReset" | "recoveryKeyMade" | "recoveryKeyRemoved";

const FIRST: Record<CredentialChange, string> = {
  passphraseChanged: "Your passphrase has been changed.",
  passphraseReset: "Your new passphrase is set.",
  recoveryKeyMade: "Your new recovery key is in place. Any earlier key no longer works.",
  recoveryKeyRemoved: "The recovery key has been removed. Only your passphrase opens the vault now.",
};

const REKEYED: Record<CredentialChange, string> = {
  passphraseChanged:
    "Mend has locked your journal with a new key, so the old passphrase no longer opens it, even with an old copy of Mend's files.",
  passphraseReset:
    "Mend has locked your journal with a new key, so the old passphrase no longer opens it, even with an old copy of Mend's files.",
  recoveryKeyMade:
    "Mend has locked your journal with a new key, so an earlier copy of Mend's files opens nothing you write from now on.",
  recoveryKeyRemoved:
    "Mend has locked your journal with a new key, so the removed key opens nothing, even with an old copy of Mend's files.",
};

/** "The automatic backup … was erased" / "The 3 automatic backups … were erased". */
function backupsErased(n: number): string {
  return n === 1
    ? "The automatic backup made before this was erased"
    : `The ${n} automatic backups made before this were erased`;
}

/** The paragraphs to show after a change, in order. */
export function credentialsChangedNotes(change: CredentialChange, result: CredentialsChanged): string[] {
  const notes = [`${FIRST[change]} ${REKEYED[change]}`];
  if (result.removedBackups > 0) {
    notes.push(
      result.newBackup
        ? `${backupsErased(result.removedBackups)}; a new one is being made now.`
        : `${backupsErased(result.removedBackups)}. Automatic backups are off, so no new one was made.`,
    );
  } else if (result.newBackup) {
    notes.push("A new automatic backup is being made now.");
  }
  notes.push(
    "Mend can't reach copies made elsewhere: a backup file you saved yourself, or a copy of Mend's folder in a sync service or a system backup, still opens the way it did. Delete those, or replace them with a new backup.",
  );
  return notes;
}

/** Shown with the key when a change had to replace an older kind of recovery key. */
export const RECOVERY_KEY_REPLACED =
  "Your recovery key was an older kind that couldn't move to the new key, so Mend made a new one. Store it now: the old one no longer works.";
