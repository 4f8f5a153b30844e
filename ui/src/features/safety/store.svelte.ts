// The safety check as the relationship page shows it: its support guidance,
// whether the person's answers suggest their own safety, and the person's own
// choice of mode (the repair steps, or their safety).
//
// Invariants:
// - the check is loaded through `Loader`: only the latest answer lands, none
//   from before a lock, and a lock goes to the unlock screen, not an error;
// - a change of mode refreshes the relationship's guide (its frameworks
//   follow the mode) and the step catalog, before `choose` reports success.
// A screen makes one store (`new SafetyModeStore(relationshipId)`), calls
// `load()` once mounted and `dispose()` when it goes.

import { chooseRelationshipMode, safetyCheck, type RelationshipMode, type SafetyView } from "../../lib/ipc/safety";
import { Loader } from "../../lib/loader";
import { RELATIONSHIP_WORDING, describeError } from "../../lib/messages";
import { lockedOut } from "../../lib/lockout";
import { refreshCatalog, refreshGuide } from "../relationships/relationships";

export class SafetyModeStore {
  readonly relationshipId: number;

  /** The check as it stands, once loaded. */
  view = $state<SafetyView | null>(null);
  failed = $state<unknown>(null);
  /** A change of mode is on its way. */
  busy = $state(false);
  /** Why the last change of mode failed, in words. */
  error = $state<string | null>(null);

  readonly #loader: Loader<number, SafetyView>;

  constructor(relationshipId: number) {
    this.relationshipId = relationshipId;
    this.#loader = new Loader<number, SafetyView>({
      run: (id) => safetyCheck(id),
      onAnswer: (answer) => {
        this.view = answer;
      },
      onError: (reason) => {
        this.failed = reason;
      },
    });
  }

  load(): Promise<void> {
    this.failed = null;
    return this.#loader.load(this.relationshipId);
  }

  dispose(): void {
    this.#loader.dispose();
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
