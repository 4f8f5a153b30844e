// The rules of a "choose a passphrase, then type it again" form, shared by
// vault creation, the reset after opening with the recovery key, and changing
// the passphrase in Settings (all through NewPassphraseFields.svelte).
// Pure: no Svelte, no IPC.

import type { PassphraseStrength } from "../../lib/ipc/bindings/PassphraseStrength";

/**
 * Whether to say the two passphrases differ. Only once the second field has
 * been left, or is at least as long as the first: not while it is being typed.
 */
export function showMismatch(passphrase: string, confirmation: string, confirmTouched: boolean): boolean {
  return (
    confirmation !== "" &&
    passphrase !== confirmation &&
    (confirmTouched || confirmation.length >= passphrase.length)
  );
}

/**
 * The pair may be used: both fields agree and the back end judged the *current*
 * text strong enough (`strength` is null while a fresh verdict is pending).
 * A form adds its own conditions, such as no earlier attempt still running.
 */
export function pairAcceptable(
  passphrase: string,
  confirmation: string,
  strength: PassphraseStrength | null,
): boolean {
  return passphrase !== "" && passphrase === confirmation && strength?.acceptable === true;
}
