// The safety check as the relationship page shows it: its support guidance,
// whether the person's answers suggest their own safety, and the person's own
// choice of mode (the repair steps, or their safety).
//
// Invariants:
// - the check is loaded through `Loader`: only the latest answer lands, none
//   from before a lock, and a lock goes to the unlock screen, not an error;
// - a change of mode refreshes the relationship's guide (its frameworks
//   follow the mode) and the step catalog, before `choose` reports success.
// - the safety check screen (SafetyCheckStore) asks nothing until the person
//   has ticked a sign or "none", and after recording the answers refreshes
//   the guide and catalog in the background.
// - after a repeat breach recorded since the check was last taken, Rust sets
//   `offerAgainSince`; the page offers the check again until it is taken or the
//   person says "Not now" (`notNow`), which lasts until the next repeat breach.
// A screen makes one store (`new SafetyModeStore(relationshipId)`, or
// `new SafetyCheckStore(relationshipId)` for the check itself), calls
// `load()` once mounted and `dispose()` when it goes.

import {
  chooseRelationshipMode,
  recordSafetyCheck,
  safetyCheck,
  safetyNotNow,
  type RelationshipMode,
  type SafetyView,
} from "../../lib/ipc/safety";
import { Loader } from "../../lib/loader";
import { RELATIONSHIP_WORDING, describeError } from "../../lib/messages";
import { lockedOut } from "../../lib/lockout";
import { refreshCatalog, refreshGuide } from "../relationships/relationships";
import { answered, initialAnswers, toggleNone, toggleSign, type SafetyAnswers } from "./safety";

export class SafetyModeStore {
  readonly relationshipId: number;

  /** The check as it stands, once loaded. */
  view = $state<SafetyView | null>(null);
  failed = $state<unknown>(null);
  /** A change of mode is on its way. */
  busy = $state(false);
  /** Why the last change of mode failed, in words. */
  error = $state<string | null>(null);
  /** "Not now" to the offer of the check is on its way. */
  offerBusy = $state(false);
  /** Why "Not now" failed, in words. */
  offerError = $state<string | null>(null);

  /** The day of the repeat breach after which Rust offers the check again; null when it doesn't. */
  readonly offerAgainSince = $derived(this.view?.offerAgainSince ?? null);

  readonly #loader: Loader<number, SafetyView>;

  constructor(relationshipId: number) {
    this.relationshipId = relationshipId;
    this.#loader = new Loader<number, SafetyView>({
      run: (id) => safetyCheck(id),
      onAnswer: (answer) => {
        this.shown(answer);
      },
      onError: (reason) => {
        this.failed = reason;
      },
    });
  }

  /** The check arrived. */
  protected shown(answer: SafetyView): void {
    this.view = answer;
  }

  load(): Promise<void> {
    this.failed = null;
    return this.#loader.load(this.relationshipId);
  }

  dispose(): void {
    this.#loader.dispose();
  }

  /** "Not now" to taking the check again: the offer waits for the next repeat breach. True once put away. */
  async notNow(): Promise<boolean> {
    if (this.offerBusy) return false;
    this.offerBusy = true;
    this.offerError = null;
    try {
      this.view = await safetyNotNow(this.relationshipId);
      return true;
    } catch (reason) {
      if (!lockedOut(reason)) this.offerError = describeError(reason, RELATIONSHIP_WORDING);
      return false;
    } finally {
      this.offerBusy = false;
    }
  }

  /** The person's own choice of mode; null follows what the check suggests. True once it is in force. */
  async choose(choice: RelationshipMode | null): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    try {
      this.view = await chooseRelationshipMode(this.relationshipId, choice);
      await refreshGuide(this.relationshipId);
      void refreshCatalog();
      return true;
    } catch (reason) {
      if (!lockedOut(reason)) this.error = describeError(reason, RELATIONSHIP_WORDING);
      return false;
    } finally {
      this.busy = false;
    }
  }
}

/** The safety check screen: the check, the person's answers, and recording them. */
export class SafetyCheckStore extends SafetyModeStore {
  answers = $state<SafetyAnswers>({ present: [], none: false });
  /** The answers are on their way, and what follows them (`save`'s `then`). */
  saving = $state(false);
  saveError = $state<string | null>(null);
  /** The person tried to save once: an unanswered check says so from then on. */
  asked = $state(false);
  /** Saved, and the answers suggest the person's own safety first. */
  result = $state<SafetyView | null>(null);

  readonly showUnanswered = $derived(this.asked && !answered(this.answers));

  protected override shown(answer: SafetyView): void {
    super.shown(answer);
    this.answers = initialAnswers(answer);
  }

  /** Ticks (or unticks) a sign, in the order the check lists them. */
  tickSign(signId: string, checked: boolean): void {
    const order = this.view?.signs.map((s) => s.id) ?? [];
    this.answers = toggleSign(this.answers, signId, checked, order);
  }

  tickNone(checked: boolean): void {
    this.answers = toggleNone(this.answers, checked);
  }

  /**
   * Records the answers, then runs `then` with what was recorded (still
   * `saving` meanwhile). Nothing is sent until something is ticked.
   */
  async save(then: (saved: SafetyView) => Promise<void>): Promise<void> {
    if (this.saving || this.view === null) return;
    this.asked = true;
    this.saveError = null;
    if (!answered(this.answers)) return;
    this.saving = true;
    try {
      const saved = await recordSafetyCheck(this.relationshipId, {
        present: this.answers.none ? [] : [...this.answers.present],
      });
      this.view = saved;
      // The relationship page shows the frameworks of the mode now in force.
      void refreshGuide(this.relationshipId);
      void refreshCatalog();
      if (saved.mode === "safety") this.result = saved;
      await then(saved);
    } catch (reason) {
      if (lockedOut(reason)) return;
      this.saveError = describeError(reason, RELATIONSHIP_WORDING);
    } finally {
      this.saving = false;
    }
  }
}
