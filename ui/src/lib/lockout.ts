// What a store or view does with a failure that means "the vault is locked":
// `lockedOut(error)` says so, and lets the app show the unlock screen.
//
// The app registers that reaction once (`app/navigation.svelte.ts`), so the
// stores that call `lockedOut` depend on nothing but the IPC layer. An answer
// dropped because it was asked before a lock (a StaleAnswer) counts as locked
// out too, without announcing a second lock.

import * as ipc from "./ipc";

let showUnlock: () => void = () => {};

/** How the app reacts to finding the vault locked (set once, by the navigation). */
export function onLockedOut(handler: () => void): void {
  showUnlock = handler;
}

/**
 * The vault locked under us: show the unlock screen. True when that happened,
 * and for an answer dropped because it was asked before a lock (the unlock
 * screen is already showing).
 */
export function lockedOut(error: unknown): boolean {
  if (error instanceof ipc.StaleAnswer) return true;
  if (ipc.errorCodeOf(error) !== "locked") return false;
  showUnlock();
  return true;
}
