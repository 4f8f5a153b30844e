// Autosave for one entry being edited.
//
// Invariants:
// - at most one save is in flight; text typed meanwhile waits and the latest
//   text is saved next (intermediate versions are skipped);
// - saves are debounced: a change schedules a save `delayMs` after the last
//   change;
// - an entry that does not exist yet (id null) is created by the first save
//   of non-blank text; later saves update it;
// - blank text is never saved (the editor decides what blank means on close);
// - after a failure the text is kept and the next change (or flush) retries;
// - after dispose() nothing is saved and no status is reported.
// The class knows nothing of Tauri or Svelte: `save` and `onStatus` are given.

export type AutosaveStatus =
  | { kind: "idle" } // nothing to save and nothing saved yet
  | { kind: "pending" } // a change is waiting for the debounce
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "blank" } // the text is blank, so it is not being saved
  | { kind: "failed"; error: unknown };

/** Saves `body`; creates the entry when `id` is null. Resolves to the entry id. */
export type SaveFn = (id: number | null, body: string) => Promise<number>;

export interface AutosaveOptions {
  /** Existing entry id, or null for a new entry. */
  id: number | null;
  /** The text as it is stored now ("" for a new entry). */
  savedBody: string;
  save: SaveFn;
  onStatus?: (status: AutosaveStatus) => void;
  delayMs?: number;
}

export const AUTOSAVE_DELAY_MS = 600;

export function isBlank(body: string): boolean {
  return body.trim() === "";
}

export class Autosave {
  #id: number | null;
  #saved: string;
  #latest: string;
  readonly #save: SaveFn;
  readonly #onStatus: (status: AutosaveStatus) => void;
  readonly #delayMs: number;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #running: Promise<void> | null = null;
  #failed = false;
  #disposed = false;

  constructor(options: AutosaveOptions) {
    this.#id = options.id;
    this.#saved = options.savedBody;
    this.#latest = options.savedBody;
    this.#save = options.save;
    this.#onStatus = options.onStatus ?? (() => {});
    this.#delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
  }

  /** The entry id once it exists. */
  get id(): number | null {
    return this.#id;
  }

  /** True when the latest text is stored (or is blank and so never stored). */
  get settled(): boolean {
    return !this.#needsSave();
  }

  /** Record the latest text and schedule a save. */
  change(body: string): void {
    if (this.#disposed) return;
    this.#latest = body;
    this.#clearTimer();
    if (!this.#needsSave()) {
      if (this.#running === null) this.#report(this.#restingStatus());
      return;
    }
    this.#report({ kind: "pending" });
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#pump();
    }, this.#delayMs);
  }

  /**
   * Save now instead of waiting for the debounce, and wait for every save to
   * finish. Resolves true when the latest text is stored (or blank), false when
   * a save failed.
   */
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
    return this.#latest !== this.#saved && !isBlank(this.#latest);
  }

  #restingStatus(): AutosaveStatus {
    if (isBlank(this.#latest) && this.#latest !== this.#saved) return { kind: "blank" };
    return this.#id === null ? { kind: "idle" } : { kind: "saved" };
  }

  #clearTimer(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
  }

  #report(status: AutosaveStatus): void {
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
    // Keep going while there is unsaved text and no debounce is pending
    // (a pending debounce will start its own save when it fires).
    while (!this.#disposed && this.#needsSave() && this.#timer === null) {
      const body = this.#latest;
      this.#report({ kind: "saving" });
      try {
        const id = await this.#save(this.#id, body);
        if (this.#disposed) return;
        this.#id = id;
        this.#saved = body;
      } catch (error) {
        if (this.#disposed) return;
        this.#failed = true;
        this.#report({ kind: "failed", error });
        return;
      }
    }
    if (!this.#failed && this.#timer === null) this.#report(this.#restingStatus());
  }
}
