// Locking at the person's request ("Lock", Ctrl+L) and hiding ("Hide",
// Ctrl+H): what is pending is saved first, for a few seconds at most, then
// the vault locks and the unlock screen shows, even if the back end fails.

import * as ipc from "../lib/ipc";
import { session } from "../lib/session.svelte";
import { navigation, showLocked } from "./navigation.svelte";

const FLUSH_BEFORE_LOCK_MS = 3_000;

let locking: Promise<void> | null = null;

/**
 * Lock at the person's request: save what is pending (waiting at most a few
 * seconds), then lock. The screen is cleared even if the back end fails,
 * because the person asked for their journal to be hidden. Asked again while
 * locking, it waits for the lock already under way.
 */
export function lockNow(): Promise<void> {
  locking ??= lockAfterSaving().finally(() => {
    locking = null;
  });
  return locking;
}

async function lockAfterSaving(): Promise<void> {
  const timeout = new Promise<boolean>((resolve) =>
    setTimeout(() => resolve(false), FLUSH_BEFORE_LOCK_MS),
  );
  // The saves start here, synchronously, before anything else happens.
  await Promise.race([session.journal.flushPendingSave(), timeout]);
  try {
    await ipc.lock();
  } catch {
    // The screen is cleared regardless; the back end still locks when idle.
  }
  showLocked("user");
}

/**
 * "Hide": lock as `lockNow` does, but stop showing anything of the journal at
 * once. The pending saves are started first, so views that unmount while
 * hiding (see `navigation.hiding`) only have to let them finish.
 */
export function hideNow(): Promise<void> {
  const locked = lockNow();
  navigation.hiding = true;
  return locked;
}
