// The ledger's store against a stand-in back end: `invoke` is mocked, and the
// real IPC layer (its lock rule included) runs over it.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RELATIONSHIP, TODAY, answering, atToday, commitment, consistency, deferred, due, item, ledgerOf, ownerScore } from "./fixtures";
import type { RelationshipLedger } from "../../lib/ipc/ledger";

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/core", () => ({ invoke }));

const { LedgerStore } = await import("./store.svelte");
const { forgetAnswersInFlight } = await import("../../lib/ipc/call");

const walk = commitment(1, { promise: "A walk on Sundays" });
const call = commitment(2, { promise: "Call when running late" });
const LEDGER = ledgerOf(
  [item(walk, [due("2026-03-08", "kept", "Round the park"), due(TODAY), due("2026-03-15")]), item(call, [])],
  { owners: [ownerScore("me", { last30: consistency(30, { kept: 1, notLogged: 1, score: 1 }) })] },
);

function copy(ledger: RelationshipLedger): RelationshipLedger {
  return structuredClone(ledger);
}

/** A store with the ledger loaded, and the back end answering `more` too. */
async function loaded(more: Parameters<typeof answering>[0] = {}) {
  invoke.mockImplementation(answering({ relationship_ledger: () => copy(LEDGER), ...more }));
  const store = new LedgerStore(RELATIONSHIP);
  await store.load();
  return store;
}

function asked(command: string): unknown[] {
  return invoke.mock.calls.filter(([name]) => name === command).map(([, args]) => args);
}

beforeEach(() => {
  invoke.mockReset();
  atToday();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("loading", () => {
  it("shows the relationship's ledger as the back end sent it", async () => {
    const store = await loaded();
    expect(asked("relationship_ledger")).toEqual([{ relationshipId: RELATIONSHIP }]);
    expect(store.data?.commitments.map((c) => c.commitment.promise)).toEqual(["A walk on Sundays", "Call when running late"]);
    expect(store.today).toBe(TODAY);
    expect(store.loadError).toBeNull();
  });

  it("says why it could not load, and loads on trying again", async () => {
    invoke.mockImplementation(answering({ relationship_ledger: () => Promise.reject({ code: "internal", message: "x" }) }));
    const store = new LedgerStore(RELATIONSHIP);
    await store.load();
    expect(store.loadError).toBe("This couldn't be loaded just now. Please try again in a moment.");
    invoke.mockImplementation(answering({ relationship_ledger: () => copy(LEDGER) }));
    await store.load();
    expect(store.loadError).toBeNull();
    expect(store.data).not.toBeNull();
  });

  it("never lets an answer asked before a lock reach the store", async () => {
    const late = deferred<RelationshipLedger>();
    invoke.mockImplementation(answering({ relationship_ledger: () => late.promise }));
    const store = new LedgerStore(RELATIONSHIP);
    const loading = store.load();
    forgetAnswersInFlight();
    late.resolve(copy(LEDGER));
    await loading;
    expect(store.data).toBeNull();
    expect(store.loadError).toBeNull();
  });

  it("keeps only the latest answer when asked twice", async () => {
    const first = deferred<RelationshipLedger>();
    const second = deferred<RelationshipLedger>();
    const answers = [first, second];
    invoke.mockImplementation(answering({ relationship_ledger: () => answers.shift()!.promise }));
    const store = new LedgerStore(RELATIONSHIP);
    const one = store.load();
    const two = store.load();
    second.resolve(ledgerOf([]));
    first.resolve(copy(LEDGER));
    await Promise.all([one, two]);
    expect(store.data?.commitments).toEqual([]);
  });

  it("changes nothing once disposed", async () => {
    const late = deferred<RelationshipLedger>();
    invoke.mockImplementation(answering({ relationship_ledger: () => late.promise }));
    const store = new LedgerStore(RELATIONSHIP);
    const loading = store.load();
    store.dispose();
    late.resolve(copy(LEDGER));
    await loading;
    expect(store.data).toBeNull();
  });
});

describe("the log panel", () => {
  it("opens a day with what was logged before, and closes when the same day is chosen again", async () => {
    const store = await loaded();
    store.message = "Your changes were saved.";
    expect(store.toggleLog(walk.id, due("2026-03-08", "kept", "Round the park"))).toBe("opened");
    expect(store.target).toEqual({ commitmentId: walk.id, dueOn: "2026-03-08", future: false, existing: "kept" });
    expect(store.logStatus).toBe("kept");
    expect(store.logNote).toBe("Round the park");
    expect(store.message).toBe("");
    expect(store.toggleLog(walk.id, due("2026-03-08", "kept"))).toBe("closed");
    expect(store.target).toBeNull();
  });

  it("offers only renegotiated for a day still ahead", async () => {
    const store = await loaded();
    store.toggleLog(walk.id, due("2026-03-15"));
    expect(store.target?.future).toBe(true);
    expect(store.logStatus).toBe("renegotiated");
  });

  it("closes any open form when a day opens, and the panel when a form opens", async () => {
    const store = await loaded();
    store.startEdit(call.id);
    store.toggleLog(walk.id, due(TODAY));
    expect(store.editing).toBeNull();
    store.startNew();
    expect(store.target).toBeNull();
    expect(store.editing).toBe("new");
  });
});

describe("logging a day", () => {
  it("logs it with the note trimmed, says so, and reloads the scores", async () => {
    const store = await loaded({ log_occurrence: (args) => ({ ...(args["log"] as object), ahead: false }) });
    store.toggleLog(walk.id, due(TODAY));
    store.logStatus = "partly";
    store.logNote = "  Only half the way  ";
    await expect(store.saveLog()).resolves.toBe(true);
    expect(asked("log_occurrence")).toEqual([
      { commitmentId: walk.id, log: { dueOn: TODAY, status: "partly", note: "Only half the way" } },
    ]);
    expect(store.message).toBe("Today is logged as partly kept.");
    expect(store.target).toBeNull();
    expect(store.busy).toBe(false);
    expect(asked("relationship_ledger")).toHaveLength(2);
  });

  it("asks how it went before logging anything", async () => {
    const store = await loaded();
    store.toggleLog(walk.id, due(TODAY));
    await expect(store.saveLog()).resolves.toBe(false);
    expect(store.logError).toBe("Please choose how it went.");
    expect(asked("log_occurrence")).toEqual([]);
  });

  it("shows the back end's own sentence when it refuses, and keeps the panel open", async () => {
    const refusal = { code: "invalidInput", message: "That day isn't one of this commitment's due days." };
    const store = await loaded({ log_occurrence: () => Promise.reject(refusal) });
    store.toggleLog(walk.id, due(TODAY));
    store.logStatus = "kept";
    await expect(store.saveLog()).resolves.toBe(false);
    expect(store.logError).toBe(refusal.message);
    expect(store.target?.dueOn).toBe(TODAY);
    expect(store.busy).toBe(false);
  });

  it("opens no other day while a log is on its way", async () => {
    const held = deferred<unknown>();
    const store = await loaded({ log_occurrence: () => held.promise });
    store.toggleLog(walk.id, due(TODAY));
    store.logStatus = "kept";
    const saving = store.saveLog();
    expect(store.busy).toBe(true);
    expect(store.toggleLog(walk.id, due("2026-03-08", "kept"))).toBeNull();
    held.resolve({});
    await saving;
    expect(store.busy).toBe(false);
  });

  it("takes a log back and says which day", async () => {
    const store = await loaded({ unlog_occurrence: () => null });
    store.toggleLog(walk.id, due("2026-03-08", "kept"));
    await expect(store.clearLog()).resolves.toBe(true);
    expect(asked("unlog_occurrence")).toEqual([{ commitmentId: walk.id, dueOn: "2026-03-08" }]);
    expect(store.message).toMatch(/^The log for .+ was taken back\.$/u);
    expect(store.target).toBeNull();
  });
});

describe("adding, changing and deleting commitments", () => {
  it("says what the form saved and reloads", async () => {
    const store = await loaded();
    store.startNew();
    await store.saved();
    expect(store.message).toBe("The commitment was added.");
    expect(store.editing).toBeNull();
    store.startEdit(walk.id);
    await store.saved();
    expect(store.message).toBe("Your changes were saved.");
    expect(asked("relationship_ledger")).toHaveLength(3);
  });

  it("tells which form was cancelled", async () => {
    const store = await loaded();
    store.startEdit(walk.id);
    expect(store.cancelEdit()).toBe(walk.id);
    expect(store.editing).toBeNull();
  });

  it("deletes through the back end, takes the commitment off at once and reloads", async () => {
    const reload = deferred<RelationshipLedger>();
    const store = await loaded({ delete_commitment: () => null });
    store.toggleLog(walk.id, due(TODAY));
    store.askDelete(walk);
    expect(store.deleting).toEqual(walk);
    expect(store.target).toBeNull();
    await store.deleteCommitment(walk.id);
    expect(asked("delete_commitment")).toEqual([{ id: walk.id }]);
    invoke.mockImplementation(answering({ relationship_ledger: () => reload.promise }));
    const reloading = store.deleted(walk);
    expect(store.deleting).toBeNull();
    expect(store.data?.commitments.map((c) => c.commitment.id)).toEqual([call.id]);
    expect(store.message).toBe("The commitment and its logged days were deleted.");
    reload.resolve(ledgerOf([item(call, [])]));
    await reloading;
    expect(store.data?.commitments).toHaveLength(1);
  });

  it("keeps the commitment when the confirmation is cancelled", async () => {
    const store = await loaded();
    store.askDelete(walk);
    store.cancelDelete();
    expect(store.deleting).toBeNull();
    expect(store.data?.commitments).toHaveLength(2);
  });
});
