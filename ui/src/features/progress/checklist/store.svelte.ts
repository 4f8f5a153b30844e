// The checklist section's data and everything the person does to it: the
// role's checklists, the one open panel (the marking form or the evidence
// picker, never both), a mark waiting to be cleared, and a removed piece of
// evidence that can be linked again for a few seconds.
//
// Invariants: loading goes through `Loader` (only the latest answer lands,
// nothing asked before a lock lands after it); anything new the person does
// ends the chance to undo a removal; a step counts as evidenced only when the
// back end says so (the list is reloaded after every change). After
// `dispose()` no answer lands and no timer runs. Focus stays with the
// components: a change that worked returns the step it was about.

import { today } from "../../../lib/days";
import { formatCalendarDay } from "../../../lib/format";
import type { Role } from "../../../lib/ipc";
import * as progress from "../../../lib/ipc/progress";
import type { Checklist, ChecklistStep, EvidenceTarget, EvidenceView } from "../../../lib/ipc/progress";
import { Loader } from "../../../lib/loader";
import { LOAD_WORDING, RELATIONSHIP_WORDING, describeError, describeRefusal } from "../../../lib/messages";
import { lockedOut } from "../../relationships/relationships";
import { StepPicker, type Picker as StepPickerState } from "./stepPicker.svelte";
import { evidenceKindLabel, stepKey, stepKeys, stepPath } from "../progress";

/** How long "Undo" stays after evidence is removed. */
export const UNDO_MS = 8_000;

/** Which step a change was about. */
export interface StepRef {
  frameworkId: string;
  stepId: string;
}

export interface MarkForm extends StepRef {
  path: string;
  title: string;
  date: string;
  note: string;
  busy: boolean;
  error: string | null;
}

/** The evidence picker open for a step. */
export type Picker = StepPickerState<EvidenceView>;

export interface Undo extends StepRef {
  title: string;
  target: EvidenceTarget;
  busy: boolean;
}

export class ChecklistStore {
  readonly relationshipId: number;
  readonly #role: () => Role;

  lists = $state<Checklist[] | null>(null);
  loadError = $state<string | null>(null);
  /** What the last change did, in one sentence. */
  message = $state("");
  actionError = $state<string | null>(null);
  todayDay = $state(today());

  marking = $state<MarkForm | null>(null);
  /** The evidence picker, open for one step at a time. */
  get picker(): Picker | null {
    return this.#picker.open;
  }
  set picker(value: Picker | null) {
    this.#picker.open = value;
  }
  undo = $state<Undo | null>(null);
  unmarking = $state<ChecklistStep | null>(null);
  unmarkBusy = $state(false);
  unmarkError = $state<string | null>(null);
  /** The step being said to still hold (its path), while it is. */
  reconfirming = $state<string | null>(null);
  /** Why saying a step still holds failed, with the step's path. */
  reconfirmError = $state<{ path: string; text: string } | null>(null);
  /** The link being removed, while it is. */
  removing = $state<number | null>(null);

  /** Each step's key for element ids (see `stepKeys`). */
  readonly keys = $derived(stepKeys(this.lists ?? []));

  #disposed = false;
  #undoTimer: ReturnType<typeof setTimeout> | null = null;

  readonly #lists = new Loader<number, Checklist[]>({
    run: progress.checklists,
    onAnswer: (answer) => {
      this.todayDay = today();
      this.lists = answer;
    },
    onError: (reason) => {
      this.loadError = describeError(reason, LOAD_WORDING);
    },
  });

  readonly #picker = new StepPicker<EvidenceView>((step) =>
    progress.evidenceCandidates(this.relationshipId, step.frameworkId, step.stepId),
  );

  /** `role` is read when a sentence needs it (the relationship's role can be shown before it is known). */
  constructor(relationshipId: number, role: () => Role) {
    this.relationshipId = relationshipId;
    this.#role = role;
  }

  /** The key of a step's element ids. */
  keyOf(step: StepRef): string {
    return stepKey(this.keys, step.frameworkId, step.stepId);
  }

  load(): Promise<void> {
    this.loadError = null;
    return this.#lists.load(this.relationshipId);
  }

  dispose(): void {
    this.#disposed = true;
    this.#clearUndoTimer();
    this.#lists.dispose();
    this.#picker.dispose();
  }

  // Marking

  /** Opens the marking form for a step, or closes it if it is open: true when it opened. */
  toggleMark(step: ChecklistStep): boolean {
    this.#beginAction();
    this.picker = null;
    const path = stepPath(step.frameworkId, step.stepId);
    if (this.marking?.path === path) {
      this.marking = null;
      return false;
    }
    this.marking = {
      path,
      frameworkId: step.frameworkId,
      stepId: step.stepId,
      title: step.title,
      date: step.markedOn ?? today(),
      note: step.note,
      busy: false,
      error: null,
    };
    return true;
  }

  /** Closes the marking form: the step it was for, if it was open. */
  closeMark(): StepRef | null {
    const was = this.marking;
    this.marking = null;
    return was;
  }

  /** Saves the open marking form; the step once saved and reloaded, or null. */
  async saveMark(): Promise<StepRef | null> {
    const form = this.marking;
    if (form === null || form.busy) return null;
    const decider = this.#role() === "decider";
    const date = form.date.trim();
    if (date === "") {
      form.error = decider ? "Please choose the day you saw it." : "Please choose the day you did it.";
      return null;
    }
    if (date > today()) {
      form.error = "That day hasn't come yet. Please choose today or an earlier day.";
      return null;
    }
    form.busy = true;
    form.error = null;
    try {
      await progress.markStep(this.relationshipId, {
        frameworkId: form.frameworkId,
        stepId: form.stepId,
        markedOn: date,
        note: form.note.trim(),
      });
      if (this.#disposed) return null;
      const day = formatCalendarDay(date);
      this.message = decider
        ? `“${form.title}” is marked as observed on ${day}.`
        : `“${form.title}” is marked as done on ${day}.`;
      this.marking = null;
      await this.load();
      return this.#disposed ? null : form;
    } catch (reason) {
      if (this.#disposed || lockedOut(reason)) return null;
      form.error = describeRefusal(reason, RELATIONSHIP_WORDING);
      return null;
    } finally {
      form.busy = false;
    }
  }

  /**
   * After a repeat breach, the person says a step marked before it still holds:
   * the back end marks it again today, keeping its note and evidence. The step
   * once reloaded, or null.
   */
  async reconfirm(step: ChecklistStep): Promise<StepRef | null> {
    if (this.reconfirming !== null) return null;
    this.#beginAction();
    const path = stepPath(step.frameworkId, step.stepId);
    this.reconfirming = path;
    this.reconfirmError = null;
    try {
      await progress.reconfirmStep(this.relationshipId, step.frameworkId, step.stepId);
      if (this.#disposed) return null;
      this.message = `“${step.title}” still holds. It is marked again today, with its note and evidence.`;
      await this.load();
      return this.#disposed ? null : step;
    } catch (reason) {
      if (this.#disposed || lockedOut(reason)) return null;
      this.reconfirmError = { path, text: describeError(reason, RELATIONSHIP_WORDING) };
      return null;
    } finally {
      this.reconfirming = null;
    }
  }

  /** Asks before a mark is cleared. */
  askUnmark(step: ChecklistStep): void {
    this.#beginAction();
    this.unmarkError = null;
    this.unmarking = step;
  }

  cancelUnmark(): void {
    this.unmarking = null;
    this.unmarkError = null;
  }

  /** Clears the mark asked about; the step once cleared and reloaded, or null. */
  async confirmUnmark(): Promise<StepRef | null> {
    const step = this.unmarking;
    if (step === null || this.unmarkBusy) return null;
    this.unmarkBusy = true;
    this.unmarkError = null;
    try {
      await progress.unmarkStep(this.relationshipId, step.frameworkId, step.stepId);
      if (this.#disposed) return null;
      this.unmarking = null;
      if (this.marking?.path === stepPath(step.frameworkId, step.stepId)) this.marking = null;
      this.message = `The mark on “${step.title}” was cleared. Any linked evidence is still there.`;
      await this.load();
      return this.#disposed ? null : step;
    } catch (reason) {
      if (this.#disposed || lockedOut(reason)) return null;
      this.unmarkError = describeError(reason, RELATIONSHIP_WORDING);
      return null;
    } finally {
      this.unmarkBusy = false;
    }
  }

  // Evidence

  /** Opens the evidence picker for a step (and loads what could be linked), or closes it: true when it opened. */
  togglePicker(step: ChecklistStep): boolean {
    this.#beginAction();
    this.marking = null;
    return this.#picker.toggle(step);
  }

  /** Closes the picker: the step it was for, if it was open. */
  closePicker(): StepRef | null {
    return this.#picker.close();
  }

  loadCandidates(): Promise<void> {
    return this.#picker.load();
  }

  /** Links the picker's candidate at `index`; the step once linked and reloaded, or null. */
  link(index: number): Promise<StepRef | null> {
    return this.#picker.link(
      index,
      async (step, view) => {
        await progress.linkEvidence(this.relationshipId, step.frameworkId, step.stepId, view.target);
        return `${evidenceWords(view)} is now linked to “${step.title}”.`;
      },
      async (said) => {
        this.message = said;
        await this.load();
      },
    );
  }

  /** Unlinks a piece of evidence and offers to undo it for `UNDO_MS`: true once removed and reloaded. */
  async remove(step: ChecklistStep, view: EvidenceView): Promise<boolean> {
    if (view.linkId === null || this.removing !== null) return false;
    this.#beginAction();
    const linkId = view.linkId;
    this.removing = linkId;
    try {
      await progress.unlinkEvidence(linkId);
      if (this.#disposed) return false;
      this.message = `${evidenceWords(view)} is no longer linked to “${step.title}”.`;
      this.undo = {
        frameworkId: step.frameworkId,
        stepId: step.stepId,
        title: step.title,
        target: { ...view.target },
        busy: false,
      };
      this.#undoTimer = setTimeout(() => {
        this.#undoTimer = null;
        if (this.undo !== null && !this.undo.busy) this.undo = null;
      }, UNDO_MS);
      await this.load();
      return !this.#disposed;
    } catch (reason) {
      if (this.#disposed || lockedOut(reason)) return false;
      this.actionError = describeError(reason, RELATIONSHIP_WORDING);
      return false;
    } finally {
      this.removing = null;
    }
  }

  /** Links the removed evidence again; the step once linked and reloaded, or null. */
  async undoRemove(): Promise<StepRef | null> {
    const taken = this.undo;
    if (taken === null || taken.busy) return null;
    this.#clearUndoTimer();
    taken.busy = true;
    try {
      await progress.linkEvidence(this.relationshipId, taken.frameworkId, taken.stepId, taken.target);
      if (this.#disposed) return null;
      this.undo = null;
      this.message = `The evidence is linked to “${taken.title}” again.`;
      await this.load();
      return this.#disposed ? null : taken;
    } catch (reason) {
      if (this.#disposed || lockedOut(reason)) return null;
      this.undo = null;
      this.actionError = describeRefusal(reason, RELATIONSHIP_WORDING);
      return null;
    }
  }

  /** Anything new the person does ends the chance to undo a removal. */
  #beginAction(): void {
    this.#clearUndoTimer();
    this.undo = null;
    this.actionError = null;
    this.message = "";
  }

  #clearUndoTimer(): void {
    if (this.#undoTimer !== null) clearTimeout(this.#undoTimer);
    this.#undoTimer = null;
  }
}

/** "Entry from 3 March 2026". */
function evidenceWords(view: EvidenceView): string {
  return `${evidenceKindLabel(view)} from ${formatCalendarDay(view.on)}`;
}
