// Words for what the other person shared, shown as evidence on a step: what
// kind of thing it is, who shared it and when it arrived. Rust decides what is
// theirs, who shared it (a contact name, or a code's fingerprint) and whether a
// newer version came since; these only put it into sentences.

import { formatDayAndTime } from "../../../lib/format";
import type { TheirEvidence, TheirItemKind } from "../../../lib/ipc/progress";

const KIND_WORDS: Record<TheirItemKind, string> = {
  entry: "Journal entry",
  commitment: "Commitment and its record",
  checklistMark: "Checklist step",
  checkIn: "Check-in",
  decisionReview: "Decision review",
  note: "Note",
};

/** "Commitment and its record", "Journal entry", … */
export function theirKindLabel(kind: TheirItemKind): string {
  return KIND_WORDS[kind];
}

/** "Shared by Alex": the mark that says an item is theirs, not the person's own. */
export function sharedByLine(view: Pick<TheirEvidence, "sharedBy">): string {
  return `Shared by ${view.sharedBy}`;
}

/** "Received 3 March 2026, 18:00". */
export function receivedLine(view: Pick<TheirEvidence, "receivedAt">, locale?: string): string {
  return `Received ${formatDayAndTime(view.receivedAt, locale)}`;
}

/** Said of a linked item when a newer version of it has arrived since. */
export const REPLACED_LINE =
  "A newer version of this has been shared since. This link stays on the version you linked; the newer one can be linked too.";

/** What the picker says when nothing has been received in the relationship. */
export const NOTHING_SHARED_LINE =
  "Nothing has been shared with you in this relationship yet. Shares they send you are opened from this relationship's Sharing section; what you receive there can then be linked here.";

/** What the picker says when everything received is already linked to the step. */
export function allLinkedLine(stepTitle: string): string {
  return `Everything they have shared is already linked to “${stepTitle}”.`;
}

/** The message after linking. */
export function linkedMessage(view: TheirEvidence, stepTitle: string): string {
  return `${theirKindLabel(view.kind)} shared by ${view.sharedBy} is now linked to “${stepTitle}”.`;
}

/** The message after unlinking. */
export function unlinkedMessage(view: TheirEvidence, stepTitle: string): string {
  return `${theirKindLabel(view.kind)} shared by ${view.sharedBy} is no longer linked to “${stepTitle}”. It is still under Shared with me.`;
}
