// The commitments ledger of one relationship, as its screen shows it: the
// ledger the back end worked out (commitments, due days, scores, streaks),
// which commitment is being added or changed, which due day is being logged,
// which commitment is about to be deleted, and what was last done.
//
// Invariants:
// - loading goes through `Loader`: only the latest answer lands, and nothing
//   asked before a lock lands after it (the IPC layer drops it);
// - scores, streaks and due days are only ever the back end's answer; after
//   every change the ledger is loaded again rather than patched here (a
//   deleted commitment is taken off at once, then the ledger reloads);
// - one due day at most is open for logging; while a log or unlog is on its
//   way (`busy`) no other day opens;
// - nothing here touches the page: components render this, forward what the
//   person does, and keep focus where the person is.
// A screen makes one store per relationship (`new LedgerStore(id)`), calls
// `load()` once mounted and `dispose()` when it goes.

import { isFuture, loggedSentence, unloggedSentence } from "./consistency";
import { today } from "../../lib/days";
import * as ledger from "../../lib/ipc/ledger";
import type { Commitment, OccurrenceStatus, OccurrenceView, RelationshipLedger } from "../../lib/ipc/ledger";
import { LOAD_WORDING, RELATIONSHIP_WORDING, describeError, describeRefusal } from "../../lib/messages";
import { Loader } from "../../lib/loader";
import { lockedOut } from "../relationships/relationships";

/** The due day open in the log panel. */
export interface LogTarget {
  commitmentId: number;
  dueOn: string;
  /** Still ahead: it can only be marked as renegotiated. */
  future: boolean;
  /** What was logged before, if anything. */
  existing: OccurrenceStatus | null;
}

export class LedgerStore {
  readonly relationshipId: number;

  /** The ledger as the back end worked it out; null until it arrives. */
  data = $state<RelationshipLedger | null>(null);
  loadError = $state<string | null>(null);
  /** Today as the person's calendar sees it, refreshed with every load. */
  today = $state(today());
  /** What was last done, said once ("The commitment was added."); empty when nothing. */
  message = $state("");

  /** The commitment whose form is open: "new" for one being added. */
  editing = $state<"new" | number | null>(null);

  /** The due day being logged, and the log panel's answers. */
  target = $state<LogTarget | null>(null);
  logStatus = $state<OccurrenceStatus | null>(null);
  logNote = $state("");
  /** A log (or taking one back) is on its way, and the ledger reloading after it. */
  busy = $state(false);
  logError = $state<string | null>(null);

  /** The commitment the delete confirmation asks about. */
  deleting = $state<Commitment | null>(null);

  #disposed = false;
  readonly #loader: Loader<number, RelationshipLedger>;

  constructor(relationshipId: number) {
    this.relationshipId = relationshipId;
    this.#loader = new Loader<number, RelationshipLedger>({
      run: (id) => ledger.relationshipLedger(id),
      onAnswer: (answer) => {
        this.today = today();
        this.data = answer;
        this.loadError = null;
      },
      onError: (reason) => {
        this.loadError = describeError(reason, LOAD_WORDING);
      },
    });
  }

  /** Asks for the ledger (again); resolves once its answer (or failure) is shown. */
  load(): Promise<void> {
    return this.#loader.load(this.relationshipId);
  }

  /** The screen is gone: answers still on their way change nothing. */
  dispose(): void {
    this.#disposed = true;
    this.#loader.dispose();
  }

  // Adding, changing and deleting commitments

  startNew(): void {
    this.closeLog();
    this.message = "";
    this.editing = "new";
  }

  startEdit(commitmentId: number): void {
    this.closeLog();
    this.message = "";
    this.editing = commitmentId;
  }

  /** Closes the form; says which one was open. */
  cancelEdit(): "new" | number | null {
    const was = this.editing;
    this.editing = null;
    return was;
  }

  /** The form saved a commitment: say so and show the ledger with it. */
  saved(): Promise<void> {
    const added = this.editing === "new";
    this.editing = null;
    this.message = added ? "The commitment was added." : "Your changes were saved.";
    return this.load();
  }

  askDelete(commitment: Commitment): void {
    this.closeLog();
    this.deleting = commitment;
  }

  cancelDelete(): void {
    this.deleting = null;
  }

  /** Deletes the commitment and everything logged for it (run by the confirmation). */
  deleteCommitment(commitmentId: number): Promise<void> {
    return ledger.deleteCommitment(commitmentId);
  }

  /** The confirmation deleted it: take it off at once, then reload the scores. */
  deleted(doomed: Commitment): Promise<void> {
    this.deleting = null;
    if (this.data !== null) this.data.commitments = this.data.commitments.filter((c) => c.commitment.id !== doomed.id);
    this.message = "The commitment and its logged days were deleted.";
    return this.load();
  }

  // Logging a due day

  /**
   * Opens the log panel on a due day, with what was logged before; the same day
   * again closes it. Says which it did; null while a log is on its way.
   */
  toggleLog(commitmentId: number, occurrence: OccurrenceView): "opened" | "closed" | null {
    if (this.busy) return null;
    const open = this.target;
    if (open !== null && open.commitmentId === commitmentId && open.dueOn === occurrence.dueOn) {
      this.closeLog();
      return "closed";
    }
    const future = isFuture(occurrence.dueOn, this.today);
    this.editing = null;
    this.message = "";
    this.target = { commitmentId, dueOn: occurrence.dueOn, future, existing: occurrence.status };
    this.logStatus = occurrence.status ?? (future ? "renegotiated" : null);
    this.logNote = occurrence.note;
    this.logError = null;
    return "opened";
  }

  closeLog(): void {
    this.target = null;
    this.logError = null;
  }

  /** Logs the open day as chosen. True once it is logged and the ledger has reloaded. */
  async saveLog(): Promise<boolean> {
    const logging = this.target;
    const status = this.logStatus;
    if (logging === null || this.busy) return false;
    if (status === null) {
      this.logError = "Please choose how it went.";
      return false;
    }
    return this.#logChange(
      () => ledger.logOccurrence(logging.commitmentId, { dueOn: logging.dueOn, status, note: this.logNote.trim() }),
      () => loggedSentence(logging.dueOn, status, this.today),
    );
  }

  /** Takes the open day's log back. True once it is gone and the ledger has reloaded. */
  clearLog(): Promise<boolean> {
    const logging = this.target;
    if (logging === null || this.busy) return Promise.resolve(false);
    return this.#logChange(
      () => ledger.unlogOccurrence(logging.commitmentId, logging.dueOn),
      () => unloggedSentence(logging.dueOn, this.today),
    );
  }

  async #logChange(change: () => Promise<unknown>, done: () => string): Promise<boolean> {
    this.busy = true;
    this.logError = null;
    try {
      await change();
      if (this.#disposed) return false;
      this.message = done();
      this.closeLog();
      await this.load();
      return !this.#disposed;
    } catch (reason) {
      if (this.#disposed || lockedOut(reason)) return false;
      this.logError = describeRefusal(reason, RELATIONSHIP_WORDING);
      return false;
    } finally {
      this.busy = false;
    }
  }
}
