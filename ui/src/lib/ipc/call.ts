// The one place that calls `invoke`, and the one place that keeps the lock
// rule: nothing asked before the vault locked reaches the page afterwards.
//
// - Every IPC module goes through `call`, whose command name must be one the
//   back end declares (`Command` is generated from the Rust command list, so a
//   wrong name does not compile). Every rejection becomes a MendError.
// - When the vault locks, the session calls `forgetAnswersInFlight()`. An
//   answer (or failure) to a question asked before that arrives as a
//   `StaleAnswer` rejection instead, whatever it was: no journal text asked for
//   before a lock can land in what the page shows after it. Stores and views
//   treat it like "locked" (see `lockedOut`), without announcing a second lock.
// - Commands about the vault itself (its status, unlocking, locking, the
//   heartbeat, restoring on the welcome screen) and the window's appearance
//   are answered across a lock.
// - `lockMark()` / `lockedSince(mark)` are for code that acts later without
//   asking anything (a view closing while "Hide" locks).
//
// Nothing here logs: arguments and results may contain journal text.

import { Channel, invoke, type InvokeArgs } from "@tauri-apps/api/core";

import type { Command } from "./bindings/Command";
import { MendError, toMendError } from "./error";

export type { Command };

/** The answer to a question asked before the vault locked: dropped. */
export class StaleAnswer extends MendError {
  constructor() {
    super("internal", "This was asked before Mend locked, so its answer was dropped.");
    this.name = "StaleAnswer";
  }
}

const ACROSS_LOCKS: ReadonlySet<Command> = new Set<Command>([
  "vault_status",
  "assess_passphrase",
  "create_vault",
  "unlock",
  "unlock_with_recovery_key",
  "lock",
  "touch",
  "choose_backup",
  "restore_backup",
  "note_copied",
  "get_appearance",
  "set_appearance",
]);

let epoch = 0;

/** The vault locked: every answer still on its way becomes a `StaleAnswer`. */
export function forgetAnswersInFlight(): void {
  epoch += 1;
}

/** A mark to compare with `lockedSince` later. */
export function lockMark(): number {
  return epoch;
}

/** Whether the vault has locked since `mark` was taken. */
export function lockedSince(mark: number): boolean {
  return mark !== epoch;
}

export function call<T>(command: Command, args?: InvokeArgs): Promise<T> {
  return answered(command, invoke<T>(command, args));
}

/**
 * `call`, for a command that reports how far it has got through a Tauri
 * channel passed as its `progress` argument. Reports are given to `onProgress`
 * until the answer arrives, and none after a lock (the lock rule again).
 */
export function callWithProgress<T, P>(command: Command, args: Record<string, unknown>, onProgress: (report: P) => void): Promise<T> {
  const askedIn = epoch;
  const channel = new Channel<P>();
  channel.onmessage = (report) => {
    if (askedIn === epoch) onProgress(report);
  };
  return call<T>(command, { ...args, progress: channel });
}

/**
 * The lock rule applied to the answer of `command`, asked now: rejections become
 * MendErrors, and anything that arrives after a lock becomes a StaleAnswer.
 * (Exported for tests that stand in for the back end.)
 */
export async function answered<T>(command: Command, answer: Promise<T>): Promise<T> {
  const askedIn = epoch;
  const stale = (): boolean => askedIn !== epoch && !ACROSS_LOCKS.has(command);
  let value: T;
  try {
    value = await answer;
  } catch (reason) {
    throw stale() ? new StaleAnswer() : toMendError(reason);
  }
  if (stale()) throw new StaleAnswer();
  return value;
}
