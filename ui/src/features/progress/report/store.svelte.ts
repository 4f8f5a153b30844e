// What a printed progress review shows: the relationship's checklists (as
// they stand today), the dashboard for the chosen range of days, and asking
// the system to print. Which parts go on the page is the view's choice, not
// the store's: the store loads everything a part could need.
//
// Invariants: loading goes through `Loader` (only the answer to the latest
// range lands, nothing asked before a lock lands after it); a failure to
// load or to print is a sentence, a lock leads to the unlock screen. After
// `dispose()` no answer lands.

import * as progress from "../../../lib/ipc/progress";
import type { Checklist, Dashboard, DashboardRange, Decision } from "../../../lib/ipc/progress";
import { Loader } from "../../../lib/loader";
import { LOAD_WORDING, describeError } from "../../../lib/messages";
import { lockedOut } from "../../relationships/relationships";
import { decisionsByDay } from "../decisions/store.svelte";

export class ReportStore {
  readonly relationshipId: number;

  lists = $state<Checklist[] | null>(null);
  listsError = $state<string | null>(null);
  dashboard = $state<Dashboard | null>(null);
  dashboardError = $state<string | null>(null);
  printError = $state<string | null>(null);
  /** The range of days the review covers; empty until it is known. */
  from = $state("");
  to = $state("");

  /** The decision reviews in the range, oldest first. */
  readonly decisions: Decision[] = $derived(decisionsByDay(this.dashboard?.decisions ?? []));

  readonly #lists = new Loader<number, Checklist[]>({
    run: progress.checklists,
    onAnswer: (answer) => {
      this.lists = answer;
    },
    onError: (reason) => {
      this.listsError = describeError(reason, LOAD_WORDING);
    },
  });

  readonly #dashboard = new Loader<DashboardRange, Dashboard>({
    run: (range) => progress.relationshipDashboard(this.relationshipId, range),
    onAnswer: (answer) => {
      this.dashboard = answer;
    },
    onError: (reason) => {
      this.dashboardError = describeError(reason, LOAD_WORDING);
    },
  });

  constructor(relationshipId: number) {
    this.relationshipId = relationshipId;
  }

  loadLists(): Promise<void> {
    this.listsError = null;
    return this.#lists.load(this.relationshipId);
  }

  loadDashboard(): Promise<void> {
    if (this.from === "" || this.to === "") return Promise.resolve();
    this.dashboardError = null;
    this.dashboard = null;
    return this.#dashboard.load({ from: this.from, to: this.to });
  }

  /** A new range of days: the dashboard is loaded for it (nothing is asked if it is the same). */
  changeRange(range: { from: string; to: string }): Promise<void> {
    if (range.from === this.from && range.to === this.to) return Promise.resolve();
    this.from = range.from;
    this.to = range.to;
    return this.loadDashboard();
  }

  /** Opens the system print dialog (printing, or saving as a PDF file). */
  async print(): Promise<void> {
    this.printError = null;
    try {
      await progress.printReview();
    } catch (reason) {
      if (!lockedOut(reason)) this.printError = describeError(reason);
    }
  }

  dispose(): void {
    this.#lists.dispose();
    this.#dashboard.dispose();
  }
}
