// A debounced save queue for one value that changes as the person types
// (a step's answers, an entry's labels, a conversation plan).
//
// Invariants:
// - at most one save is in flight; values changed meanwhile wait, and only the
//   latest value is saved next;
// - a change schedules a save `delayMs` after the last change;
// - a value equal to the last saved one is not saved again, nor is a value
//   `skip` rejects (a change to one cancels the pending save);
// - after a failure the value is kept and the next change (or flush) retries;
// - after dispose() nothing is saved and no status is reported.
// autosave.ts builds an entry's autosave (create, then update) on this.

export type SaveStatus =
  | { kind: "idle" } // nothing has changed since the queue was made
  | { kind: "pending" } // a change is waiting for the debounce
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "failed"; error: unknown };

export interface SaveQueueOptions<T> {
  /** The value as it is stored now. */
  saved: T;
  save: (value: T) => Promise<void>;
  /** Whether two values would store the same thing. Defaults to comparing their JSON. */
  same?: (a: T, b: T) => boolean;
  /**
   * Values never to be saved (an entry's blank text, say). They count as
   * settled: a change to one cancels the pending save and reports "saved".
   */
  skip?: (value: T) => boolean;
  onStatus?: (status: SaveStatus) => void;
  delayMs?: number;
}

export const SAVE_DELAY_MS = 600;

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class SaveQueue<T> {
  #saved: T;
  #latest: T;
  #changed = false;
  readonly #save: (value: T) => Promise<void>;
  readonly #same: (a: T, b: T) => boolean;
  readonly #skip: (value: T) => boolean;
  readonly #onStatus: (status: SaveStatus) => void;
  readonly #delayMs: number;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #running: Promise<void> | null = null;
  #failed = false;
  #disposed = false;

  constructor(options: SaveQueueOptions<T>) {
    this.#saved = options.saved;
    this.#latest = options.saved;
    this.#save = options.save;
    this.#same = options.same ?? sameJson;
    this.#skip = options.skip ?? (() => false);
    this.#onStatus = options.onStatus ?? (() => {});
    this.#delayMs = options.delayMs ?? SAVE_DELAY_MS;
  }

  /** True when the latest value is stored (or is one `skip` rejects). */
  get settled(): boolean {
    return !this.#needsSave();
  }

  /** Record the latest value and schedule a save. */
  change(value: T): void {
    if (this.#disposed) return;
    this.#latest = value;
    this.#changed = true;
    this.#clearTimer();
    if (!this.#needsSave()) {
      if (this.#running === null) this.#report({ kind: "saved" });
      return;
    }
    this.#report({ kind: "pending" });
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#pump();
    }, this.#delayMs);
  }

  /** Save now and wait for every save to finish. True when the latest value is stored. */
  async flush(): Promise<boolean> {
    if (this.#disposed) return false;
    this.#clearTimer();
    await this.#pump();
    return !this.#needsSave();
  }

  /** Stop for good: cancel the pending save and ignore any result in flight. */
  dispose(): void {
    this.#disposed = true;
    this.#clearTimer();
  }

  #needsSave(): boolean {
    return !this.#same(this.#latest, this.#saved) && !this.#skip(this.#latest);
  }

  #clearTimer(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
  }

  #report(status: SaveStatus): void {
    if (!this.#disposed) this.#onStatus(status);
  }

  #pump(): Promise<void> {
    if (this.#running === null) {
      this.#running = this.#run().finally(() => {
        this.#running = null;
      });
    }
    return this.#running;
  }

  async #run(): Promise<void> {
    this.#failed = false;
    while (!this.#disposed && this.#needsSave() && this.#timer === null) {
      const value = this.#latest;
      this.#report({ kind: "saving" });
      try {
        await this.#save(value);
        if (this.#disposed) return;
        this.#saved = value;
      } catch (error) {
        if (this.#disposed) return;
        this.#failed = true;
        this.#report({ kind: "failed", error });
        return;
      }
    }
    if (!this.#failed && this.#timer === null) {
      this.#report(this.#changed ? { kind: "saved" } : { kind: "idle" });
    }
  }
}
