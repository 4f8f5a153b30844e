// Ledgers as the back end sends them, for the ledger's tests (never imported
// by the app). Days are fixed: a test sets the clock to TODAY (see `atToday`).

import { vi } from "vitest";
import type { Command } from "../../lib/ipc/call";
import type {
  Commitment,
  CommitmentLedger,
  CommitmentOwner,
  Consistency,
  OccurrenceStatus,
  OccurrenceView,
  OwnerScore,
  RelationshipLedger,
} from "../../lib/ipc/ledger";

export const TODAY = "2026-03-10";
export const RELATIONSHIP = 7;

/** Only the clock is faked, at noon on TODAY: promises and timers run as usual. */
export function atToday(): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(2026, 2, 10, 12, 0, 0));
}

export function consistency(windowDays: number, change: Partial<Consistency> = {}): Consistency {
  return { windowDays, kept: 0, partly: 0, renegotiated: 0, missed: 0, notLogged: 0, score: null, ...change };
}

export function due(dueOn: string, status: OccurrenceStatus | null = null, note = ""): OccurrenceView {
  return { dueOn, status, ahead: dueOn > TODAY, note };
}

export function commitment(id: number, change: Partial<Commitment> = {}): Commitment {
  return {
    id,
    relationshipId: RELATIONSHIP,
    owner: "me",
    promise: `Promise ${id}`,
    repeat: { kind: "daily" },
    repeatDescription: "Every day",
    startsOn: "2026-03-01",
    endsOn: null,
    keptLooksLike: "",
    conversationId: null,
    dueTime: null,
    remind: false,
    showDetails: false,
    ...change,
  };
}

export function item(of: Commitment, occurrences: OccurrenceView[], change: Partial<CommitmentLedger> = {}): CommitmentLedger {
  return {
    commitment: of,
    occurrences,
    last30: consistency(30),
    last90: consistency(90),
    streak: { current: 0, best: 0 },
    ...change,
  };
}

/** One owner's scores, nothing logged unless changed. */
export function ownerScore(owner: CommitmentOwner, change: Partial<OwnerScore> = {}): OwnerScore {
  return { owner, last30: consistency(30), last90: consistency(90), ...change };
}

export function ledgerOf(commitments: CommitmentLedger[], change: Partial<RelationshipLedger> = {}): RelationshipLedger {
  return {
    commitments,
    owners: commitments.length === 0 ? [] : [ownerScore("me")],
    formula: "Kept counts 1, partly kept ½, missed 0; renegotiated days are left out.",
    ...change,
  };
}

/** A promise settled by hand, to hold an answer back. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

type Handler = (args: Record<string, unknown>) => unknown;

/**
 * A stand-in back end for a mocked `invoke`: each command answers through its
 * handler (a value, a promise, or a thrown `{ code, message }`); a command
 * with no handler fails, so a test notices what it did not expect.
 */
export function answering(handlers: Partial<Record<Command, Handler>>) {
  return async (command: string, args?: unknown): Promise<unknown> => {
    const handler = handlers[command as Command];
    if (handler === undefined) throw { code: "internal", message: `nothing stands in for ${command}` };
    return handler((args ?? {}) as Record<string, unknown>);
  };
}
