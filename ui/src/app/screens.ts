// The screens behind the unlock screen, each its own chunk, loaded on demand:
// the journal's shell (and every feature it shows) once the vault opens, and
// the screens only a few people reach (restoring a backup, resetting a
// passphrase, the recovery key offered after creating a vault).
import { lazy } from "../lib/lazy";

export const shellScreen = lazy(() => import("./Shell.svelte"));
export const restoreScreen = lazy(() => import("../features/transfer/RestoreBackup.svelte"));
export const recoveryOfferScreen = lazy(() => import("../features/vault/RecoveryKeyOffer.svelte"));
export const passphraseResetScreen = lazy(() => import("../features/vault/PassphraseReset.svelte"));
