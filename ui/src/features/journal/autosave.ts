// Autosave for one entry being edited: a SaveQueue (saveQueue.ts) of the
// entry's text, which does the debouncing, keeps one save in flight, saves
// only the latest text and retries after a failure. On top of that:
// - an entry that does not exist yet (id null) is created by the first save
//   of non-blank text; later saves update it;
// - blank text is never saved (the editor decides what blank means on close)
//   and is reported as "blank";
// - after dispose() nothing is saved and no status is reported.
// The class knows nothing of Tauri or Svelte: `save` and `onStatus` are given.

import { SAVE_DELAY_MS, SaveQueue, type SaveStatus } from "./saveQueue";

/**
 * SaveStatus, plus "blank": the text is blank, so it is not being saved.
 * "idle" means nothing to save and no entry yet; an existing entry with
 * nothing to save is "saved".
 */
export type AutosaveStatus = SaveStatus | { kind: "blank" };

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

export const AUTOSAVE_DELAY_MS = SAVE_DELAY_MS;

export function isBlank(body: string): boolean {
  return body.trim() === "";
}

export class Autosave {
  #id: number | null;
  #saved: string;
  #latest: string;
  #disposed = false;
  readonly #queue: SaveQueue<string>;

  constructor(options: AutosaveOptions) {
    this.#id = options.id;
    this.#saved = options.savedBody;
    this.#latest = options.savedBody;
    const save = options.save;
    const onStatus = options.onStatus ?? (() => {});
    this.#queue = new SaveQueue<string>({
      saved: options.savedBody,
      same: (a, b) => a === b,
      skip: isBlank,
      delayMs: options.delayMs ?? AUTOSAVE_DELAY_MS,
      save: async (body) => {
        const id = await save(this.#id, body);
        if (this.#disposed) return;
        this.#id = id;
        this.#saved = body;
      },
      // The queue only reports while not disposed. Its resting states
      // ("idle", "saved") become this entry's: blank, no entry yet, or saved.
      onStatus: (status) => {
        onStatus(status.kind === "idle" || status.kind === "saved" ? this.#restingStatus() : status);
      },
    });
  }

  /** The entry id once it exists. */
  get id(): number | null {
    return this.#id;
  }

  /** True when the latest text is stored (or is blank and so never stored). */
  get settled(): boolean {
    return this.#queue.settled;
  }

  /** Record the latest text and schedule a save. */
  change(body: string): void {
    if (this.#disposed) return;
    this.#latest = body;
    this.#queue.change(body);
  }

  /**
   * Save now instead of waiting for the debounce, and wait for every save to
   * finish. Resolves true when the latest text is stored (or blank), false when
   * a save failed.
   */
  flush(): Promise<boolean> {
    return this.#queue.flush();
  }

  /** Stop for good: cancel the pending save and ignore any result in flight. */
  dispose(): void {
    this.#disposed = true;
    this.#queue.dispose();
  }

  #restingStatus(): AutosaveStatus {
    if (isBlank(this.#latest) && this.#latest !== this.#saved) return { kind: "blank" };
    return this.#id === null ? { kind: "idle" } : { kind: "saved" };
  }
}
