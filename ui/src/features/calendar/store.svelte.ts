// The calendar's state: the month shown, what it marks, the day that has
// focus in the grid, and jumping the timeline to a day; and the opt-in "on
// this day" card. What counts as a day with entries, a check-in or a logged
// commitment, which entries an anniversary shows and whether it is on, is
// Rust's to decide; this only asks and shows.
//
// Invariants:
// - only the latest month asked for lands (Loader);
// - a jump replaces the feed's entries through the journal store, which
//   keeps the bounded window (MAX_SHOWN) and "Show newer entries";
// - all of it is journal content: the calendar lives with its view, the card
//   is dismissed only until the view goes.

import { Loader } from "../../lib/loader";
import {
  calendarMonth,
  onThisDay,
  setOnThisDay,
  setOnThisDayHidden,
  type MonthMarks,
  type OnThisDay,
} from "../../lib/ipc/calendar";
import { lockedOut } from "../../lib/lockout";
import { session } from "../../lib/session.svelte";
import type { Feed } from "../journal/store.svelte";
import { addMonths, dayOf, monthOf } from "./grid";

export class CalendarStore {
  readonly relationshipId: number | null;
  year = $state(1970);
  /** 1 to 12. */
  month = $state(1);
  /** The day that holds focus in the grid (the one reachable by Tab). */
  focused = $state("1970-01-01");
  marks = $state<MonthMarks | null>(null);
  loading = $state(false);
  failed = $state<unknown>(null);
  /** A refused jump (an impossible date), shown beside the date field. */
  jumpFailed = $state<unknown>(null);
  jumping = $state(false);

  readonly #loader: Loader<{ year: number; month: number }, MonthMarks>;

  /** `today` opens the calendar on this month until Rust says what today is. */
  constructor(relationshipId: number | null, today: string) {
    this.relationshipId = relationshipId;
    this.focused = today;
    ({ year: this.year, month: this.month } = monthOf(today));
    this.#loader = new Loader({
      run: ({ year, month }) => calendarMonth(this.#filter(), year, month),
      onAnswer: (marks) => {
        this.marks = marks;
        this.failed = null;
      },
      onError: (reason) => {
        this.failed = reason;
      },
      onBusy: (busy) => {
        this.loading = busy;
      },
    });
  }

  #filter() {
    return this.relationshipId === null ? null : { relationshipId: this.relationshipId };
  }

  /** The marks of the month shown (again, after something changed). */
  load(): Promise<void> {
    return this.#loader.load({ year: this.year, month: this.month });
  }

  /** Show the month `count` months on (back, when negative), focus on the same day of it. */
  changeMonth(count: number): Promise<void> {
    return this.focus(addMonths(this.focused, count));
  }

  /** Put focus on `day`, showing its month if it is another. */
  focus(day: string): Promise<void> {
    this.focused = day;
    const { year, month } = monthOf(day);
    if (year === this.year && month === this.month && this.marks !== null) return Promise.resolve();
    this.year = year;
    this.month = month;
    this.marks = null;
    return this.load();
  }

  /** Show the month of `year`/`month` with focus on its first day (or today, if it is in it). */
  showMonth(year: number, month: number): Promise<void> {
    const today = this.marks?.today;
    const inIt = today !== undefined && monthOf(today).year === year && monthOf(today).month === month;
    return this.focus(inIt ? today : dayOf(year, month, 1));
  }

  /** Show `day`'s page of the timeline `feed`. True when it landed. */
  async jump(feed: Feed, day: string): Promise<boolean> {
    this.jumping = true;
    this.jumpFailed = null;
    try {
      await session.journal.jumpTo(feed, day);
      return true;
    } catch (reason) {
      if (!lockedOut(reason)) this.jumpFailed = reason;
      return false;
    } finally {
      this.jumping = false;
    }
  }

  dispose(): void {
    this.#loader.dispose();
  }
}

/** The "on this day" card of the journal, or of one relationship's page. */
export class OnThisDayStore {
  readonly relationshipId: number | null;
  answer = $state<OnThisDay | null>(null);
  /** Put away for now; it comes back the next time the view opens. */
  dismissed = $state(false);
  failed = $state<unknown>(null);

  readonly #loader: Loader<void, OnThisDay>;

  constructor(relationshipId: number | null) {
    this.relationshipId = relationshipId;
    this.#loader = new Loader({
      run: () => onThisDay(relationshipId === null ? null : { relationshipId }),
      onAnswer: (answer) => {
        this.answer = answer;
      },
      onError: (reason) => {
        this.failed = reason;
      },
    });
  }

  load(): Promise<void> {
    return this.#loader.load();
  }

  /** Whether the card has anything to show. */
  get shown(): boolean {
    return !this.dismissed && (this.answer?.memories.length ?? 0) > 0;
  }

  dismiss(): void {
    this.dismissed = true;
  }

  /** Turn it off for this relationship (or back on); the card reloads. */
  async setHiddenHere(hidden: boolean): Promise<void> {
    if (this.relationshipId === null) return;
    try {
      await setOnThisDayHidden(this.relationshipId, hidden);
      this.failed = null;
      await this.load();
    } catch (reason) {
      if (!lockedOut(reason)) this.failed = reason;
    }
  }

  dispose(): void {
    this.#loader.dispose();
  }
}

/** The Settings switch: whether "on this day" is on at all (off unless chosen). */
export class OnThisDaySetting {
  enabled = $state<boolean | null>(null);
  saving = $state(false);
  failed = $state<unknown>(null);

  async load(): Promise<void> {
    try {
      this.enabled = (await onThisDay(null)).enabled;
      this.failed = null;
    } catch (reason) {
      if (!lockedOut(reason)) this.failed = reason;
    }
  }

  async set(enabled: boolean): Promise<void> {
    this.saving = true;
    try {
      await setOnThisDay(enabled);
      this.enabled = enabled;
      this.failed = null;
    } catch (reason) {
      if (!lockedOut(reason)) this.failed = reason;
    } finally {
      this.saving = false;
    }
  }
}
