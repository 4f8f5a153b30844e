// The decider's decision reviews: the ones saved so far, the form for a new
// one (its day, the choice, the reasons), saving it and deleting one.
//
// Invariants: loading goes through `Loader` (only the latest answer lands,
// nothing asked before a lock lands after it); every choice is handled the
// same way; the back end has the last word on what it accepts (its refusal
// is shown as it says it). After `dispose()` no answer lands.

import { today } from "../../../lib/days";
import { formatCalendarDay } from "../../../lib/format";
import * as progress from "../../../lib/ipc/progress";
import type { Decision, DecisionChoice } from "../../../lib/ipc/progress";
import { Loader } from "../../../lib/loader";
import { LOAD_WORDING, RELATIONSHIP_WORDING, describeError, describeRefusal } from "../../../lib/messages";
import { lockedOut } from "../../relationships/relationships";
import { decisionLabel } from "../progress";

/** Decisions by the day they were made, then in the order they were saved; `newestFirst` reverses it. */
export function decisionsByDay(list: readonly Decision[], newestFirst = false): Decision[] {
  const sign = newestFirst ? -1 : 1;
  return [...list].sort(
    (a, b) => sign * (a.decidedOn < b.decidedOn ? -1 : a.decidedOn > b.decidedOn ? 1 : a.id - b.id),
  );
}

export class DecisionStore {
  readonly relationshipId: number;

  decisions = $state<Decision[] | null>(null);
  loadError = $state<string | null>(null);
  todayDay = $state(today());
  date = $state(today());
  choice = $state<DecisionChoice | null>(null);
  reasons = $state("");
  busy = $state(false);
  error = $state<string | null>(null);
  /** What the last change did, in one sentence. */
  status = $state("");
  /** The review waiting for "Delete this review?". */
  deleting = $state<Decision | null>(null);

  readonly newest = $derived(decisionsByDay(this.decisions ?? [], true));

  #disposed = false;

  readonly #loader = new Loader<number, Decision[]>({
    run: progress.listDecisions,
    onAnswer: (list) => {
      this.todayDay = today();
      this.decisions = list;
    },
    onError: (reason) => {
      this.loadError = describeError(reason, LOAD_WORDING);
    },
  });

  constructor(relationshipId: number) {
    this.relationshipId = relationshipId;
  }

  load(): Promise<void> {
    this.loadError = null;
    return this.#loader.load(this.relationshipId);
  }

  dispose(): void {
    this.#disposed = true;
    this.#loader.dispose();
  }

  /**
   * Saves the form as a new review: true once saved. When something must be
   * fixed first, `error` says what and the id of the field to fix is returned.
   */
  async save(): Promise<true | string | null> {
    if (this.busy) return null;
    this.error = null;
    this.status = "";
    this.todayDay = today();
    const day = this.date.trim();
    if (day === "") {
      this.error = "Please choose the day of this review.";
      return "decision-date";
    }
    if (day > this.todayDay) {
      this.error = "That day hasn't come yet. Please choose today or an earlier day.";
      return "decision-date";
    }
    const choice = this.choice;
    if (choice === null) {
      this.error = "Please choose where you stand for now.";
      return "decision-extend";
    }
    this.busy = true;
    try {
      const saved = await progress.addDecision(this.relationshipId, {
        decidedOn: day,
        choice,
        reasons: this.reasons.trim(),
      });
      if (this.#disposed) return null;
      if (this.decisions !== null) this.decisions = [...this.decisions, saved];
      this.status = `Your review for ${formatCalendarDay(saved.decidedOn)} is saved: ${decisionLabel(saved.choice)}.`;
      this.choice = null;
      this.reasons = "";
      this.date = this.todayDay;
      return true;
    } catch (reason) {
      if (this.#disposed || lockedOut(reason)) return null;
      this.error = describeRefusal(reason, RELATIONSHIP_WORDING);
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** Deletes a review (run by the confirmation, which shows a failure itself). */
  remove(doomed: Decision): Promise<void> {
    return progress.deleteDecision(doomed.id);
  }

  /** A review was deleted: it leaves the list. */
  deleted(doomed: Decision): void {
    this.deleting = null;
    if (this.decisions !== null) this.decisions = this.decisions.filter((d) => d.id !== doomed.id);
    this.status = `The review from ${formatCalendarDay(doomed.decidedOn)} was deleted.`;
  }
}
