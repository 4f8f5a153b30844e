// The add/edit commitment form's fields, and turning them into what the back
// end accepts, with a plain sentence (and the field to return to) when
// something is still missing. The back end checks everything again.

import { parseDay } from "../../lib/days";
import type { Role } from "../../lib/ipc";
import type { Commitment, CommitmentInput, CommitmentOwner } from "../../lib/ipc/ledger";
import { defaultOwner } from "./consistency";
import { buildRule, defaultRepeat, readRule, repeatProblem, type Repeat } from "./recurrence";

export interface CommitmentFields {
  owner: CommitmentOwner;
  promise: string;
  keptLooksLike: string;
  repeat: Repeat;
  startsOn: string;
  /** "" for no end. */
  endsOn: string;
  /** "HH:MM", or "" for none. */
  dueTime: string;
  remind: boolean;
  showDetails: boolean;
}

export type FormResult =
  | { ok: true; input: CommitmentInput }
  | { ok: false; problem: string; field: string };

/** An empty form for a new commitment, starting today. */
export function newFields(role: Role, today: string): CommitmentFields {
  return {
    owner: defaultOwner(role),
    promise: "",
    keptLooksLike: "",
    repeat: defaultRepeat(today),
    startsOn: today,
    endsOn: "",
    dueTime: "",
    remind: false,
    showDetails: false,
  };
}

/** The form filled in from a saved commitment. */
export function fieldsOf(commitment: Commitment): CommitmentFields {
  return {
    owner: commitment.owner,
    promise: commitment.promise,
    keptLooksLike: commitment.keptLooksLike,
    repeat: readRule(commitment.rrule, commitment.startsOn),
    startsOn: commitment.startsOn,
    endsOn: commitment.endsOn ?? "",
    dueTime: commitment.dueTime ?? "",
    remind: commitment.remind,
    showDetails: commitment.showDetails,
  };
}

const TIME = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/u;

/** "HH:MM" from what a time field gives ("09:30", or "09:30:00" in some engines); null if unreadable. */
export function normaliseTime(text: string): string | null {
  const match = TIME.exec(text.trim());
  if (match === null) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${match[1]}:${match[2]}`;
}

/** Which field to return to when the repeat picker needs more. */
function repeatField(repeat: Repeat): string {
  switch (repeat.kind) {
    case "weekly":
      return "commitment-days";
    case "everyFewWeeks":
      return repeat.days.length === 0 ? "commitment-days" : "commitment-interval";
    case "monthlyOnDay":
      return "commitment-month-day";
    default:
      return "commitment-repeat";
  }
}

export function toInput(fields: CommitmentFields): FormResult {
  const promise = fields.promise.trim();
  if (promise === "") {
    return { ok: false, problem: "Please write a few words about what was promised.", field: "commitment-promise" };
  }
  const startsOn = fields.startsOn.trim();
  if (parseDay(startsOn) === null) {
    return { ok: false, problem: "Please choose the day it starts.", field: "commitment-starts" };
  }
  const problem = repeatProblem(fields.repeat);
  if (problem !== null) return { ok: false, problem, field: repeatField(fields.repeat) };
  const rrule = buildRule(fields.repeat);

  // A one-off has no end: it is due once, on its start day.
  const endsOn: string | null = rrule === null ? null : fields.endsOn.trim() || null;
  if (endsOn !== null) {
    if (parseDay(endsOn) === null) {
      return { ok: false, problem: "That end date isn't a day on the calendar.", field: "commitment-ends" };
    }
    // "YYYY-MM-DD" strings order as the dates do.
    if (endsOn < startsOn) {
      return { ok: false, problem: "The end date is before the start date.", field: "commitment-ends" };
    }
  }

  let dueTime: string | null = null;
  if (fields.dueTime.trim() !== "") {
    dueTime = normaliseTime(fields.dueTime);
    if (dueTime === null) {
      return { ok: false, problem: "That time couldn't be read. Please choose it again.", field: "commitment-time" };
    }
  }
  if (fields.remind && dueTime === null) {
    return { ok: false, problem: "Please choose a time for the reminder.", field: "commitment-time" };
  }

  return {
    ok: true,
    input: {
      owner: fields.owner,
      promise,
      rrule,
      startsOn,
      endsOn,
      keptLooksLike: fields.keptLooksLike.trim(),
      dueTime,
      remind: fields.remind,
      showDetails: fields.showDetails,
    },
  };
}
