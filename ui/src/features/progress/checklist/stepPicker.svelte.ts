// A picker of things a checklist step could link, open for one step at a time:
// the checklist's own evidence ("Link evidence…") and what the other person
// shared ("Link something they shared…") both use it, with their own lists and
// link calls.
//
// Invariants: candidates load through `Loader` (only the latest answer lands,
// nothing asked before a lock lands after it, none after `dispose()`); an answer
// or error lands only on the picker it was asked for; one link at a time; a
// refused link leaves the picker open with the reason, a lock says nothing.

import type { ChecklistStep } from "../../../lib/ipc/progress";
import { Loader } from "../../../lib/loader";
import { LOAD_WORDING, RELATIONSHIP_WORDING, describeError, describeRefusal } from "../../../lib/messages";
import { lockedOut } from "../../relationships/relationships";
import { stepPath } from "../progress";
import type { StepRef } from "./store.svelte";

export interface Picker<C> extends StepRef {
  path: string;
  title: string;
  candidates: C[] | null;
  error: string | null;
  busy: boolean;
}

export class StepPicker<C> {
  open = $state<Picker<C> | null>(null);

  #disposed = false;
  readonly #candidates: Loader<Picker<C>, C[]>;

  /** `find` lists what the step of an open picker could link. */
  constructor(find: (step: StepRef) => Promise<C[]>) {
    this.#candidates = new Loader<Picker<C>, C[]>({
      run: find,
      onAnswer: (found, asked) => {
        if (this.open?.path === asked.path) this.open.candidates = found;
      },
      onError: (reason, asked) => {
        if (this.open?.path === asked.path) this.open.error = describeError(reason, LOAD_WORDING);
      },
    });
  }

  dispose(): void {
    this.#disposed = true;
    this.#candidates.dispose();
  }

  /** Opens the picker for a step (and loads its candidates), or closes it: true when it opened. */
  toggle(step: ChecklistStep): boolean {
    const path = stepPath(step.frameworkId, step.stepId);
    if (this.open?.path === path) {
      this.open = null;
      return false;
    }
    this.open = {
      path,
      frameworkId: step.frameworkId,
      stepId: step.stepId,
      title: step.title,
      candidates: null,
      error: null,
      busy: false,
    };
    void this.load();
    return true;
  }

  /** Closes the picker: the step it was for, if it was open. */
  close(): StepRef | null {
    const was = this.open;
    this.open = null;
    return was;
  }

  load(): Promise<void> {
    const current = this.open;
    if (current === null) return Promise.resolve();
    current.error = null;
    current.candidates = null;
    return this.#candidates.load(current);
  }

  /**
   * Links the candidate at `index` with `run`, which returns the sentence saying so;
   * then closes the picker and runs `after` (the checklist's reload). The step once
   * linked, or null.
   */
  async link(
    index: number,
    run: (step: Picker<C>, chosen: C) => Promise<string>,
    after: (said: string) => Promise<void>,
  ): Promise<StepRef | null> {
    const current = this.open;
    const chosen = current?.candidates?.[index];
    if (current === null || chosen === undefined || current.busy) return null;
    current.busy = true;
    current.error = null;
    try {
      const said = await run(current, chosen);
      if (this.#disposed) return null;
      this.open = null;
      await after(said);
      return this.#disposed ? null : current;
    } catch (reason) {
      if (this.#disposed || lockedOut(reason)) return null;
      if (this.open?.path === current.path) this.open.error = describeRefusal(reason, RELATIONSHIP_WORDING);
      return null;
    } finally {
      current.busy = false;
    }
  }
}
