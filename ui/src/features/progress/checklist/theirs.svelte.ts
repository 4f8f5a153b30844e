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
import { RELATIONSHIP_WORDING, describeError } from "../../../lib/messages";
import { lockedOut } from "../../relationships/relationships";
import type { ChecklistStore, StepRef } from "./store.svelte";
import { linkedMessage, unlinkedMessage } from "./theirs";
import { StepPicker, type Picker } from "./stepPicker.svelte";

/** The picker of shared items, open for a step. */
export type TheirPicker = Picker<TheirEvidence>;

export interface TheirUnlink extends StepRef {
  title: string;
  view: TheirEvidence;
}

export class TheirEvidenceStore {
  readonly #checklist: ChecklistStore;

  /** The picker of shared items, open for one step at a time. */
  get picker(): TheirPicker | null {
    return this.#picker.open;
  }
  set picker(value: TheirPicker | null) {
    this.#picker.open = value;
  }
  unlinking = $state<TheirUnlink | null>(null);
  unlinkBusy = $state(false);
  unlinkError = $state<string | null>(null);

  #disposed = false;

  readonly #picker = new StepPicker<TheirEvidence>((step) =>
    progress.theirEvidenceCandidates(this.#checklist.relationshipId, step.frameworkId, step.stepId),
  );

  constructor(checklist: ChecklistStore) {
    this.#checklist = checklist;
  }

  dispose(): void {
    this.#disposed = true;
    this.#picker.dispose();
  }

  /** Opens the picker for a step (closing the checklist's own panels), or closes it: true when it opened. */
  toggle(step: ChecklistStep): boolean {
    this.#checklist.closeMark();
    this.#checklist.closePicker();
    this.#checklist.message = "";
    this.#checklist.actionError = null;
    return this.#picker.toggle(step);
  }

  /** Closes the picker: the step it was for, if it was open. */
  close(): StepRef | null {
    return this.#picker.close();
  }

  loadCandidates(): Promise<void> {
    return this.#picker.load();
  }

  /** Links the picker's item at `index`; the step once linked and reloaded, or null. */
  link(index: number): Promise<StepRef | null> {
    const checklist = this.#checklist;
    return this.#picker.link(
      index,
      async (step, view) => {
        await progress.linkTheirEvidence(checklist.relationshipId, step.frameworkId, step.stepId, view.itemId);
        return linkedMessage(view, step.title);
      },
      async (said) => {
        checklist.message = said;
        await checklist.load();
      },
    );
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
