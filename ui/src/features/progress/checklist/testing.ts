// A stand-in back end for the checklist's tests: one decider's checklist of
// two steps, one entry that could be linked and (when `shared` is set) items
// the other person shared, answering the six checklist commands, reconfirm_step
// and the three shared-evidence ones the way the Rust side does (a step is
// claimed once marked, evidenced once something, its own or theirs, is
// linked). Tests only: nothing in the app imports it.

import type { InvokeArgs } from "@tauri-apps/api/core";
import type {
  Checklist,
  EvidenceTarget,
  EvidenceView,
  StepMarkInput,
  TheirEvidence,
} from "../../../lib/ipc/progress";

export const ENTRY: EvidenceView = {
  linkId: null,
  target: { kind: "entry", entryId: 7, eventId: null, commitmentId: null, dueOn: null },
  on: "2026-03-03",
  text: "They said it was wrong, no excuses.",
  eventKind: null,
  occurrenceStatus: null,
  answersStep: true,
};

/** A commitment the other person shared, as the picker offers it. */
export const THEIR_COMMITMENT: TheirEvidence = {
  linkId: null,
  itemId: 41,
  sharedBy: "Alex",
  fingerprint: "12345 67890 12345 67890",
  kind: "commitment",
  heading: "Commitment: Home by seven on weekdays",
  lines: ["Promised by: the person sharing this", "2026-03-02: kept", "2026-03-03: missed"],
  sentAt: "2026-03-10T18:00:00Z",
  receivedAt: "2026-03-11T09:30:00Z",
  replaced: false,
};

const STEPS = [
  { stepId: "take-ownership", title: "Take ownership" },
  { stepId: "show-compassion", title: "Show compassion" },
];

export class ChecklistBackEnd {
  marks = new Map<string, { markedOn: string; note: string }>();
  /** The latest repeat breach's day: marks on or before it are flagged (the same-day rule is Rust's). */
  repeatBreachOn: string | null = null;
  /** The day "reconfirm_step" marks a step again. */
  today = "2026-03-20";
  links: { linkId: number; stepId: string; target: EvidenceTarget }[] = [];
  /** What the other person shared into the relationship (nothing unless a test adds some). */
  shared: TheirEvidence[] = [];
  theirLinks: { linkId: number; stepId: string; itemId: number }[] = [];
  /** Commands received, in order. */
  calls: { command: string; args: InvokeArgs | undefined }[] = [];
  /** A command to refuse, with the error the back end would send. */
  refuse: { command: string; error: { code: string; message: string } } | null = null;
  #nextLink = 1;

  answer = async (command: string, args?: InvokeArgs): Promise<unknown> => {
    this.calls.push({ command, args });
    if (this.refuse?.command === command) throw this.refuse.error;
    const a = (args ?? {}) as Record<string, unknown>;
    switch (command) {
      case "checklists":
        return [this.#list()];
      case "mark_step": {
        const input = a.input as StepMarkInput;
        this.marks.set(input.stepId, { markedOn: input.markedOn, note: input.note });
        return null;
      }
      case "reconfirm_step": {
        const mark = this.marks.get(a.stepId as string);
        if (mark === undefined) throw { code: "notFound", message: "not marked" };
        mark.markedOn = this.today;
        return null;
      }
      case "unmark_step":
        this.marks.delete(a.stepId as string);
        return null;
      case "evidence_candidates":
        return this.links.some((l) => l.target.entryId === ENTRY.target.entryId) ? [] : [ENTRY];
      case "link_evidence":
        this.links.push({ linkId: this.#nextLink++, stepId: a.stepId as string, target: a.target as EvidenceTarget });
        return null;
      case "unlink_evidence":
        this.links = this.links.filter((l) => l.linkId !== a.linkId);
        return null;
      case "their_evidence_candidates":
        return this.shared.filter(
          (s) => !this.theirLinks.some((l) => l.stepId === a.stepId && l.itemId === s.itemId),
        );
      case "link_their_evidence": {
        const linkId = this.#nextLink++;
        this.theirLinks.push({ linkId, stepId: a.stepId as string, itemId: a.itemId as number });
        return linkId;
      }
      case "unlink_their_evidence":
        if (!this.theirLinks.some((l) => l.linkId === a.linkId)) throw { code: "notFound", message: "gone" };
        this.theirLinks = this.theirLinks.filter((l) => l.linkId !== a.linkId);
        return null;
      default:
        throw { code: "internal", message: `no stand-in for ${command}` };
    }
  };

  /** How many times a command was asked. */
  count(command: string): number {
    return this.calls.filter((c) => c.command === command).length;
  }

  #list(): Checklist {
    return {
      frameworkId: "four-steps",
      name: "Four signs of real repair",
      summary: "",
      steps: STEPS.map(({ stepId, title }) => {
        const mark = this.marks.get(stepId);
        const evidence = this.links
          .filter((l) => l.stepId === stepId)
          .map((l) => ({ ...ENTRY, linkId: l.linkId, target: l.target }));
        const theirs = this.theirLinks
          .filter((l) => l.stepId === stepId)
          .flatMap((l) => this.shared.filter((s) => s.itemId === l.itemId).map((s) => ({ ...s, linkId: l.linkId })));
        return {
          frameworkId: "four-steps",
          stepId,
          title,
          summary: "",
          markedOn: mark?.markedOn ?? null,
          note: mark?.note ?? "",
          evidence,
          theirs,
          writtenOn: [],
          beforeRepeatBreach:
            mark !== undefined && this.repeatBreachOn !== null && mark.markedOn < this.repeatBreachOn
              ? this.repeatBreachOn
              : null,
          state: evidence.length + theirs.length > 0 ? "evidenced" : mark ? "claimed" : "open",
        };
      }),
    };
  }
}
