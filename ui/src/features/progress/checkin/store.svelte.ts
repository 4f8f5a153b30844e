// The check-in section's data and changes: the ABCD questions as the role
// sees them, the past check-ins, the form being filled in (`CheckInFields`),
// saving it, loading a past one back to change it, and deleting one.
//
// Invariants: loading goes through `Loader` (only the latest answer lands,
// nothing asked before a lock lands after it); the form is checked by
// `toCheckInInput` in the view before `save` is asked, and the back end has
// the last word (its refusal is shown as it says it); a second check-in on
// the same day replaces the first. After `dispose()` no answer lands.

import { today } from "../../../lib/days";
import { formatCalendarDay } from "../../../lib/format";
import * as progress from "../../../lib/ipc/progress";
import { fieldOf } from "../../../lib/ipc/error";
import type { CheckIn, CheckInInput, RatingForm } from "../../../lib/ipc/progress";
import { Loader } from "../../../lib/loader";
import { LOAD_WORDING, RELATIONSHIP_WORDING, describeError, describeRefusal } from "../../../lib/messages";
import { lockedOut } from "../../relationships/relationships";
import { checkInFields, newCheckInFields, newestCheckInsFirst, type CheckInFields } from "../progress";

/** How many past check-ins show before "Show all". */
export const SHOWN_AT_FIRST = 10;

export class CheckInStore {
  readonly relationshipId: number;

  form = $state<RatingForm | null>(null);
  history = $state<CheckIn[] | null>(null);
  loadError = $state<string | null>(null);
  todayDay = $state(today());
  fields = $state<CheckInFields>(newCheckInFields(today()));
  busy = $state(false);
  error = $state<string | null>(null);
  /** The input field the back end named when it refused the last save; null when none. */
  errorField = $state<string | null>(null);
  /** What the last change did, in one sentence. */
  status = $state("");
  showAll = $state(false);
  /** The day of the past check-in loaded into the form, if any. */
  editingDay = $state<string | null>(null);
  /** The past check-in waiting for "Delete this check-in?". */
  deleting = $state<CheckIn | null>(null);

  readonly newest = $derived(newestCheckInsFirst(this.history ?? []));
  readonly shown = $derived(this.showAll ? this.newest : this.newest.slice(0, SHOWN_AT_FIRST));
  /** Saving would replace a check-in already saved for the form's day. */
  readonly replaces = $derived(this.history?.some((c) => c.on === this.fields.on.trim()) ?? false);
  readonly elementNames = $derived(new Map((this.form?.elements ?? []).map((e) => [e.id, e.name])));

  #disposed = false;

  readonly #all = new Loader<number, [RatingForm, CheckIn[]]>({
    run: (id) => Promise.all([progress.ratingForm(id), progress.listCheckIns(id)]),
    onAnswer: ([questions, list]) => {
      this.todayDay = today();
      this.form = questions;
      this.history = list;
    },
    onError: (reason) => {
      this.loadError = describeError(reason, LOAD_WORDING);
    },
  });

  readonly #history = new Loader<number, CheckIn[]>({
    run: progress.listCheckIns,
    onAnswer: (list) => {
      this.history = list;
    },
    onError: (reason) => {
      this.error = describeError(reason, LOAD_WORDING);
    },
  });

  constructor(relationshipId: number) {
    this.relationshipId = relationshipId;
  }

  /** The questions and the past check-ins. */
  load(): Promise<void> {
    this.loadError = null;
    return this.#all.load(this.relationshipId);
  }

  dispose(): void {
    this.#disposed = true;
    this.#all.dispose();
    this.#history.dispose();
  }

  /** Rates an item 1..5, or skips it (null). */
  rate(itemId: string, value: number | null): void {
    if (value === null) delete this.fields.answers[itemId];
    else this.fields.answers[itemId] = value;
  }

  /** The trust slider moved: it counts from now on. */
  moveTrust(value: number): void {
    this.fields.trust = Number.isFinite(value) ? value : this.fields.trust;
    this.fields.trustSkipped = false;
  }

  /** Loads a past check-in into the form; saving replaces it. */
  edit(checkIn: CheckIn): void {
    this.fields = checkInFields(checkIn);
    this.editingDay = checkIn.on;
    this.error = null;
    this.status = `Your check-in for ${formatCalendarDay(checkIn.on)} is in the form. Saving replaces it.`;
  }

  /** An empty form for today instead of the past check-in. */
  startAfresh(): void {
    this.fields = newCheckInFields(today());
    this.editingDay = null;
    this.error = null;
    this.status = "";
  }

  /** Before a save: forgets what the last attempt said; today's day (the form's next day). */
  beginSave(): string {
    this.error = null;
    this.errorField = null;
    this.status = "";
    this.todayDay = today();
    return this.todayDay;
  }

  /** Saves the form (the back end checks it): true once saved and the list reloaded. */
  async save(input: CheckInInput): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    try {
      const saved = await progress.saveCheckIn(this.relationshipId, input);
      if (this.#disposed) return false;
      this.fields = newCheckInFields(this.todayDay);
      this.editingDay = null;
      this.status = `Check-in saved for ${formatCalendarDay(saved.on)}.`;
      await this.#history.load(this.relationshipId);
      return !this.#disposed;
    } catch (reason) {
      if (this.#disposed || lockedOut(reason)) return false;
      this.error = describeRefusal(reason, RELATIONSHIP_WORDING);
      this.errorField = fieldOf(reason);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Deletes the check-in asked about (run by the confirmation, which shows a failure itself). */
  remove(doomed: CheckIn): Promise<void> {
    return progress.deleteCheckIn(this.relationshipId, doomed.on);
  }

  /** A check-in was deleted: it leaves the list at once; true once the list is reloaded. */
  async deleted(doomed: CheckIn): Promise<boolean> {
    this.deleting = null;
    if (this.history !== null) this.history = this.history.filter((c) => c.on !== doomed.on);
    if (this.editingDay === doomed.on) this.editingDay = null;
    this.status = `The check-in for ${formatCalendarDay(doomed.on)} was deleted.`;
    await this.#history.load(this.relationshipId);
    return !this.#disposed;
  }
}
