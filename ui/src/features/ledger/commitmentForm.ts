// The add/edit commitment form's fields, turned into what the back end takes,
// and which element shows a refusal. Nothing is checked here: the back end
// checks every field and names the one at fault (`MendError.field`).

import type { Role } from "../../lib/ipc";
import type { Commitment, CommitmentInput, CommitmentOwner } from "../../lib/ipc/ledger";
import { defaultOwner } from "./consistency";
import { defaultDraft, draftOf, repeatOf, type RepeatDraft } from "./recurrence";

export interface CommitmentFields {
  owner: CommitmentOwner;
  promise: string;
  keptLooksLike: string;
  repeat: RepeatDraft;
  startsOn: string;
  /** "" for no end. */
  endsOn: string;
  /** "HH:MM", or "" for none. */
  dueTime: string;
  remind: boolean;
  showDetails: boolean;
}

/** An empty form for a new commitment, starting today. */
export function newFields(role: Role, today: string): CommitmentFields {
  return {
    owner: defaultOwner(role),
    promise: "",
    keptLooksLike: "",
    repeat: defaultDraft(today),
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
    repeat: draftOf(commitment.repeat, commitment.startsOn),
    startsOn: commitment.startsOn,
    endsOn: commitment.endsOn ?? "",
    dueTime: commitment.dueTime ?? "",
    remind: commitment.remind,
    showDetails: commitment.showDetails,
  };
}

/** The form as the back end takes it (a one-off's end is ignored there). */
export function toInput(fields: CommitmentFields): CommitmentInput {
  return {
    owner: fields.owner,
    promise: fields.promise.trim(),
    repeat: repeatOf(fields.repeat),
    startsOn: fields.startsOn.trim(),
    endsOn: fields.endsOn.trim() || null,
    keptLooksLike: fields.keptLooksLike.trim(),
    dueTime: fields.dueTime.trim() || null,
    remind: fields.remind,
    showDetails: fields.showDetails,
  };
}

/** The element each input field the back end may name is shown in. */
const FIELD_ELEMENTS: Record<string, string> = {
  promise: "commitment-promise",
  keptLooksLike: "commitment-kept-looks-like",
  startsOn: "commitment-starts",
  endsOn: "commitment-ends",
  dueTime: "commitment-time",
  repeat: "commitment-repeat",
  days: "commitment-days",
  weeksApart: "commitment-interval",
  monthDay: "commitment-month-day",
};

/** The element to mark and return to for a refused field; null when there is none. */
export function fieldElement(field: string | null): string | null {
  return field === null ? null : (FIELD_ELEMENTS[field] ?? null);
}
