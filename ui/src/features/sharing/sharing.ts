// The Sharing section's plain rules: what is chosen (nothing, to begin with),
// how received items group into the shares they came in, and the words for a
// decision's choice. No IPC here.

import type { DecisionCandidate, ReceivedView, SenderView } from "../../lib/ipc/sharing";

/** What the person ticked to share; a decision review is one at most. */
export interface Choice {
  entries: ReadonlySet<number>;
  commitments: ReadonlySet<number>;
  /** Checklist steps, as `stepKey(frameworkId, stepId)`. */
  marks: ReadonlySet<string>;
  /** Check-ins, by day (YYYY-MM-DD). */
  checkIns: ReadonlySet<string>;
  decision: number | null;
}

export function emptySelection(): Choice {
  return { entries: new Set(), commitments: new Set(), marks: new Set(), checkIns: new Set(), decision: null };
}

export function isEmpty(c: Choice): boolean {
  return c.entries.size + c.commitments.size + c.marks.size + c.checkIns.size === 0 && c.decision === null;
}

/** One key for a checklist step (ids never hold the unit separator). */
export function stepKey(frameworkId: string, stepId: string): string {
  return `${frameworkId}\u001f${stepId}`;
}

export function decisionWords(choice: DecisionCandidate["choice"]): string {
  switch (choice) {
    case "extend":
      return "extend some trust";
    case "hold":
      return "keep things where they are";
    case "pause":
      return "take a pause";
    case "stepAway":
      return "step away";
  }
}

/** A sender's name as shown: their contact name, else their fingerprint. */
export function senderName(sender: Pick<SenderView, "contactName" | "fingerprint">): string {
  return sender.contactName ?? `Someone not in your contacts (fingerprint ${sender.fingerprint})`;
}

/** A received share and the current items that came in it. */
export interface ReceivedShare {
  shareId: number;
  sentAt: string;
  receivedAt: string;
  items: ReceivedView[];
}

/** A sender's current items, grouped by the share they came in, newest share first. */
export function byShare(items: readonly ReceivedView[]): ReceivedShare[] {
  const out: ReceivedShare[] = [];
  for (const item of items) {
    let share = out.find((s) => s.shareId === item.shareId);
    if (share === undefined) {
      share = { shareId: item.shareId, sentAt: item.sentAt, receivedAt: item.receivedAt, items: [] };
      out.push(share);
    }
    share.items.push(item);
  }
  return out.sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : b.shareId - a.shareId));
}
