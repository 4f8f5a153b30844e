// The apology workshop's draft: its text, the live reading of it, and saving
// it to the journal.
//
// Invariants:
// - the draft lives in `session.apology`, so it stays while Mend is
//   unlocked (even when the person looks elsewhere) and goes with the lock;
//   one relationship's draft at a time;
// - the reading is asked for a moment after typing stops (`Latest`): only
//   the answer for the latest text lands, and a reading always says which
//   text it read (`reviewedText`), so a stale one can be shown as stale;
// - the first save makes a journal entry tied to the apology step; later
//   saves update that same entry.
// A screen makes one store (`new ApologyStore(relationshipId)`), calls
// `open()` once mounted and `dispose()` when it goes.

import { APOLOGY_STEP } from "../guide/catalog";
import { runs } from "../search/highlight";
import * as ipc from "../../lib/ipc";
import type { ApologyReview, Finding } from "../../lib/ipc";
import { Latest } from "../../lib/latest";
import { SAVE_WORDING, describeRefusal } from "../../lib/messages";
import { lockedOut } from "../../lib/lockout";
import { ensurePage, refreshGuide, relationshipById } from "../relationships/relationships";
import { session, upsertEntry, type ApologyState } from "../../lib/session.svelte";

/** How long typing must pause before the draft is read. */
export const REVIEW_DELAY_MS = 300;

export class ApologyStore {
  readonly relationshipId: number;

  /** A reading is on its way (or waiting for typing to pause). */
  reviewing = $state(false);
  saving = $state(false);
  /** What the last save (or attempt) said. */
  saveMessage = $state<{ ok: boolean; text: string } | null>(null);
  /** The text as last saved from this screen. */
  savedText = $state<string | null>(null);

  readonly draft = $derived.by(() => {
    const apology: ApologyState | null = session.apology;
    return apology !== null && apology.relationshipId === this.relationshipId ? apology : null;
  });
  readonly relationship = $derived.by(() => relationshipById(this.relationshipId));
  /** The reading, when it is of the text as it stands. */
  readonly freshReview = $derived(
    this.draft !== null && this.draft.reviewedText === this.draft.text ? this.draft.review : null,
  );
  /** The text that was read, in runs, with the words it noticed marked. */
  readonly marked = $derived(
    this.draft?.review != null ? runs<Finding>(this.draft.reviewedText, this.draft.review.findings) : [],
  );
  readonly unsaved = $derived(
    this.draft !== null && this.draft.text.trim() !== "" && this.draft.text !== this.savedText,
  );

  readonly #latest: Latest<string, ApologyReview>;

  constructor(relationshipId: number) {
    this.relationshipId = relationshipId;
    if (session.apology === null || session.apology.relationshipId !== relationshipId) {
      session.apology = { relationshipId, text: "", review: null, reviewedText: "", reviewFailed: null, entryId: null };
    }
    this.#latest = new Latest<string, ApologyReview>({
      delayMs: REVIEW_DELAY_MS,
      run: (text) => ipc.reviewApology(text),
      onBusy: (busy) => (this.reviewing = busy),
      onAnswer: (answer, text) => {
        const current = this.draft;
        if (current === null) return;
        current.review = answer;
        current.reviewedText = text;
        current.reviewFailed = null;
      },
      onError: (error) => {
        const current = session.apology;
        if (lockedOut(error) || current === null) return;
        current.reviewFailed = error;
      },
    });
  }

  /** The screen is up: load the page (for the name) and read a draft kept from before. */
  open(): void {
    ensurePage(this.relationshipId);
    const current = this.draft;
    if (current !== null && current.text.trim() !== "" && current.reviewedText !== current.text) {
      void this.#latest.askNow(current.text);
    }
  }

  dispose(): void {
    this.#latest.dispose();
  }

  /** The person typed: keep the text and read it again once they pause. */
  write(text: string): void {
    const current = session.apology;
    if (current === null) return;
    current.text = text;
    this.saveMessage = null;
    if (text.trim() === "") {
      this.#latest.cancel();
      current.review = null;
      current.reviewedText = text;
      return;
    }
    this.#latest.ask(text);
  }

  /** Save the draft to the journal: a new entry the first time, the same one after. */
  async save(): Promise<void> {
    const current = session.apology;
    if (current === null || this.saving) return;
    if (current.text.trim() === "") {
      this.saveMessage = { ok: false, text: "Write something first; there is nothing to save yet." };
      return;
    }
    this.saving = true;
    this.saveMessage = null;
    const text = current.text;
    const id = this.relationshipId;
    try {
      const entry =
        current.entryId === null
          ? await ipc.createEntry(text, {
              relationshipId: id,
              frameworkId: APOLOGY_STEP.frameworkId,
              stepId: APOLOGY_STEP.stepId,
              mood: null,
              tags: [],
            })
          : await ipc.updateEntry(current.entryId, text);
      upsertEntry(entry);
      const now = this.draft;
      if (now !== null) now.entryId = entry.id;
      this.savedText = text;
      this.saveMessage = { ok: true, text: "Saved in your journal. Saving again updates the same entry." };
      void refreshGuide(id);
    } catch (reason) {
      if (lockedOut(reason)) return;
      this.saveMessage = { ok: false, text: describeRefusal(reason, SAVE_WORDING) };
    } finally {
      this.saving = false;
    }
  }
}
