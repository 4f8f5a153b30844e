// What the other person shared, as evidence on the decider's checklist: the
// picker listing the received items a step could link ("Link something they
// shared"), linking one, and unlinking one after asking. The linked items
// themselves come back with the checklists (each step's `theirs`), so after
// every change the checklist is reloaded and says what happened.
//
// Invariants: loading goes through `Loader` (only the latest answer lands,
// nothing asked before a lock lands after it); this picker and the checklist's
// own panels are never open together; a step counts as evidenced only when the
// back end says so. After `dispose()` no answer lands.

import type { ChecklistStep, TheirEvidence } from "../../../lib/ipc/progress";
import * as progress from "../../../lib/ipc/progress";
import { Loader } from "../../../lib/loader";
import { LOAD_WORDING, RELATIONSHIP_WORDING, describeError, describeRefusal } from "../../../lib/messages";
import { lockedOut } from "../../relationships/relationships";
import { stepPath } from "../progress";
import type { ChecklistStore, StepRef } from "./store.svelte";
import { linkedMessage, unlinkedMessage } from "./theirs";

export interface TheirPicker extends StepRef {
  path: string;
  title: string;
  candidates: TheirEvidence[] | null;
  error: string | null;
  busy: boolean;
}

export interface TheirUnlink extends StepRef {
  title: string;
  view: TheirEvidence;
}

export class TheirEvidenceStore {
  readonly #checklist: ChecklistStore;

  picker = $state<TheirPicker | null>(null);
  unlinking = $state<TheirUnlink | null>(null);
  unlinkBusy = $state(false);
  unlinkError = $state<string | null>(null);

  #disposed = false;

  readonly #candidates = new Loader<TheirPicker, TheirEvidence[]>({
    run: (asked) =>
      progress.theirEvidenceCandidates(this.#checklist.relationshipId, asked.frameworkId, asked.stepId),
    onAnswer: (found, asked) => {
      if (this.picker?.path === asked.path) this.picker.candidates = found;
    },
    onError: (reason, asked) => {
      if (this.picker?.path === asked.path) this.picker.error = describeError(reason, LOAD_WORDING);
    },
  });

  constructor(checklist: ChecklistStore) {
    this.#checklist = checklist;
  }

  dispose(): void {
    this.#disposed = true;
    this.#candidates.dispose();
  }

  /** Opens the picker for a step (closing the checklist's own panels), or closes it: true when it opened. */
  toggle(step: ChecklistStep): boolean {
    const path = stepPath(step.frameworkId, step.stepId);
    this.#checklist.closeMark();
    this.#checklist.closePicker();
    this.#checklist.message = "";
    this.#checklist.actionError = null;
    if (this.picker?.path === path) {
      this.picker = null;
      return false;
    }
    this.picker = {
      path,
      frameworkId: step.frameworkId,
      stepId: step.stepId,
      title: step.title,
      candidates: null,
      error: null,
      busy: false,
    };
    void this.loadCandidates();
    return true;
  }

  /** Closes the picker: the step it was for, if it was open. */
  close(): StepRef | null {
    const was = this.picker;
    this.picker = null;
    return was;
  }

  loadCandidates(): Promise<void> {
    const current = this.picker;
    if (current === null) return Promise.resolve();
    current.error = null;
    current.candidates = null;
    return this.#candidates.load(current);
  }

  /** Links the picker's item at `index`; the step once linked and reloaded, or null. */
  async link(index: number): Promise<StepRef | null> {
    const current = this.picker;
    const view = current?.candidates?.[index];
    if (current === null || view === undefined || current.busy) return null;
    current.busy = true;
    current.error = null;
    try {
      const checklist = this.#checklist;
      await progress.linkTheirEvidence(checklist.relationshipId, current.frameworkId, current.stepId, view.itemId);
      if (this.#disposed) return null;
      checklist.message = linkedMessage(view, current.title);
      this.picker = null;
      await checklist.load();
      return this.#disposed ? null : current;
    } catch (reason) {
      if (this.#disposed || lockedOut(reason)) return null;
      if (this.picker?.path === current.path) this.picker.error = describeRefusal(reason, RELATIONSHIP_WORDING);
      return null;
    } finally {
      current.busy = false;
    }
  }

  /** Asks before a shared item is taken off a step. */
  askUnlink(step: ChecklistStep, view: TheirEvidence): void {
    if (view.linkId === null) return;
    this.#checklist.message = "";
    this.#checklist.actionError = null;
    this.unlinkError = null;
    this.unlinking = { frameworkId: step.frameworkId, stepId: step.stepId, title: step.title, view };
  }

  cancelUnlink(): void {
    this.unlinking = null;
    this.unlinkError = null;
  }

  /** Unlinks the item asked about; the step once unlinked and reloaded, or null. */
  async confirmUnlink(): Promise<StepRef | null> {
    const asked = this.unlinking;
    if (asked === null || asked.view.linkId === null || this.unlinkBusy) return null;
    this.unlinkBusy = true;
    this.unlinkError = null;
    try {
      await progress.unlinkTheirEvidence(asked.view.linkId);
      if (this.#disposed) return null;
      this.unlinking = null;
      this.#checklist.message = unlinkedMessage(asked.view, asked.title);
      await this.#checklist.load();
      return this.#disposed ? null : asked;
    } catch (reason) {
      if (this.#disposed || lockedOut(reason)) return null;
      this.unlinkError = describeError(reason, RELATIONSHIP_WORDING);
      return null;
    } finally {
      this.unlinkBusy = false;
    }
  }
}
