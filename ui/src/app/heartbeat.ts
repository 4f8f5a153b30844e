// Throttled activity heartbeat.
//
// While the vault is unlocked, key presses, pointer presses and wheel turns
// count as activity; the back end is told at most once per interval so its
// idle auto-lock is postponed without flooding the IPC channel.

export const HEARTBEAT_INTERVAL_MS = 20_000;

export class Heartbeat {
  readonly #send: () => void;
  readonly #intervalMs: number;
  readonly #now: () => number;
  #last: number | null = null;

  constructor(send: () => void, intervalMs = HEARTBEAT_INTERVAL_MS, now: () => number = Date.now) {
    this.#send = send;
    this.#intervalMs = intervalMs;
    this.#now = now;
  }

  /** Note activity; sends at once unless a beat went out within the interval. */
  activity(): void {
    const now = this.#now();
    if (this.#last !== null && now - this.#last < this.#intervalMs) return;
    this.#last = now;
    this.#send();
  }

  /** Forget the last beat, so the next activity sends at once (after unlocking). */
  reset(): void {
    this.#last = null;
  }
}
