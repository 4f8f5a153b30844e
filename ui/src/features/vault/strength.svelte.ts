// How hard a passphrase being chosen would be to guess, as the back end judges
// it (StrengthMeter.svelte shows it). Only the verdict on the latest text
// lands; `verdict` is null until the *current* text has been judged, so a form
// can never act on a stale one. The text is sent only to be judged: it is not
// kept here beyond the call, and never logged.

import * as ipc from "../../lib/ipc";
import type { PassphraseStrength } from "../../lib/ipc";

/** How long typing pauses before the passphrase is judged. */
export const STRENGTH_DELAY_MS = 250;

/** The verdict on what is typed, asked once typing pauses. */
export class StrengthStore {
  /** The last verdict, kept on screen while the next one is on its way. */
  shown = $state<PassphraseStrength | null>(null);
  /** The verdict on the current text; null while it is pending. */
  verdict = $state<PassphraseStrength | null>(null);
  failed = $state(false);
  #sequence = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** The text changed: judge it once typing pauses. */
  assess(text: string): void {
    this.cancel();
    this.verdict = null;
    const asked = this.#sequence;
    if (text === "") {
      this.shown = null;
      this.failed = false;
      return;
    }
    this.#timer = setTimeout(async () => {
      try {
        const verdict = await ipc.assessPassphrase(text);
        if (asked !== this.#sequence) return;
        this.shown = verdict;
        this.verdict = verdict;
        this.failed = false;
      } catch {
        if (asked === this.#sequence) this.failed = true;
      }
    }, STRENGTH_DELAY_MS);
  }

  /** Nothing asked so far lands. */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#sequence += 1;
  }
}
