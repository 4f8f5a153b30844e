import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Relationship } from "../lib/ipc";

vi.mock("../lib/ipc", async () => {
  const error = await import("../lib/ipc/error");
  const call = await import("../lib/ipc/call");
  return {
    MendError: error.MendError,
    errorCodeOf: error.errorCodeOf,
    StaleAnswer: call.StaleAnswer,
    forgetAnswersInFlight: call.forgetAnswersInFlight,
    lockMark: call.lockMark,
    lockedSince: call.lockedSince,
    listEntries: vi.fn(),
    listRelationships: vi.fn(),
    lock: vi.fn(),
    relationshipGuide: vi.fn(),
  };
});

const ipc = await import("../lib/ipc");
const { openReminderTarget } = await import("./reminderNavigation");
const { clearJournalState, session } = await import("../lib/session.svelte");
const { navigate, navigation, openNewEntry, showLocked } = await import("./navigation.svelte");
const registerEditor = (hooks: Parameters<typeof session.journal.registerEditor>[0]) => session.journal.registerEditor(hooks);

const listRelationships = vi.mocked(ipc.listRelationships);
const { answered } = await import("../lib/ipc/call");

function relationship(id: number): Relationship {
  return {
    id,
    name: `person ${id}`,
    role: "repairer",
    whatHappened: "",
    happenedOn: null,
    breachKind: "care",
    createdAt: "2025-01-01T00:00:00Z",
    setting: null,
    power: null,
    contexts: [],
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => {
    resolve = res;
  });
  return { promise, resolve };
}

beforeEach(() => {
  clearJournalState();
  navigation.view = { kind: "journal" };
  navigation.screen = "journal";
  navigation.pendingTarget = null;
  listRelationships.mockReset();
});

describe("going where a reminder leads", () => {
  it("opens the relationship page of a due commitment", async () => {
    listRelationships.mockResolvedValue([relationship(3)]);
    await openReminderTarget({ kind: "ledger", relationshipId: 3 });
    expect(navigation.view).toEqual({ kind: "relationship", id: 3 });
    expect(navigation.screen).toBe("journal");
  });

  it("opens the relationship's progress for the weekly look back's checklist", async () => {
    listRelationships.mockResolvedValue([relationship(3)]);
    await openReminderTarget({ kind: "checklist", relationshipId: 3 });
    expect(navigation.view).toEqual({ kind: "progress", relationshipId: 3 });
    listRelationships.mockResolvedValue([]);
    await openReminderTarget({ kind: "checklist", relationshipId: 3 });
    expect(navigation.view).toEqual({ kind: "journal" });
  });

  it("uses the relationships already loaded", async () => {
    session.relationships.list = [relationship(5)];
    session.relationships.loaded = true;
    await openReminderTarget({ kind: "ledger", relationshipId: 5 });
    expect(listRelationships).not.toHaveBeenCalled();
    expect(navigation.view).toEqual({ kind: "relationship", id: 5 });
  });

  it("shows the journal when the relationship is gone", async () => {
    await navigate({ kind: "search" });
    listRelationships.mockResolvedValue([relationship(1)]);
    await openReminderTarget({ kind: "ledger", relationshipId: 9 });
    expect(navigation.view).toEqual({ kind: "journal" });
  });

  it("shows the journal when the relationships can't be read", async () => {
    listRelationships.mockRejectedValue(new ipc.MendError("storage", "x"));
    await openReminderTarget({ kind: "ledger", relationshipId: 3 });
    expect(navigation.view).toEqual({ kind: "journal" });
    expect(navigation.screen).toBe("journal");
  });

  it("opens a new entry over the journal for the daily reflection", async () => {
    await navigate({ kind: "relationship", id: 2 });
    await openReminderTarget({ kind: "newEntry" });
    expect(navigation.view).toEqual({ kind: "journal" });
    expect(session.journal.editor).toMatchObject({ id: null, body: "", createdHere: true });
    expect(session.journal.editor?.meta.relationshipId).toBeNull();
  });

  it("comes out of settings to the journal", async () => {
    navigation.screen = "settings";
    await openReminderTarget({ kind: "timeline" });
    expect(navigation.screen).toBe("journal");
    expect(navigation.view).toEqual({ kind: "journal" });
  });

  it("closes an open editor the way Done does, and stays when it has to stay open", async () => {
    openNewEntry();
    session.journal.editor!.body = "unsaved words";
    const leave = vi.fn(async () => false);
    registerEditor({ flush: async () => false, leave });
    await openReminderTarget({ kind: "timeline" });
    expect(leave).toHaveBeenCalledTimes(1);
    expect(session.journal.editor?.body).toBe("unsaved words");

    const leaveNow = vi.fn(async () => {
      session.journal.editor = null;
      return true;
    });
    registerEditor({ flush: async () => true, leave: leaveNow });
    await openReminderTarget({ kind: "newEntry" });
    expect(leaveNow).toHaveBeenCalledTimes(1);
    expect(session.journal.editor?.body).toBe("");
    registerEditor(null);
  });

  it("keeps the target for after the next unlock when the vault locks on the way", async () => {
    const list = deferred<Relationship[]>();
    listRelationships.mockImplementation(() => answered("list_relationships", list.promise));
    const going = openReminderTarget({ kind: "ledger", relationshipId: 3 });
    await Promise.resolve();
    showLocked("idle");
    list.resolve([relationship(3)]);
    await going;
    expect(navigation.screen).toBe("unlock");
    expect(navigation.pendingTarget).toEqual({ kind: "ledger", relationshipId: 3 });
  });

  it("goes to the unlock screen when the vault turns out to be locked", async () => {
    listRelationships.mockRejectedValue(new ipc.MendError("locked", "x"));
    await openReminderTarget({ kind: "ledger", relationshipId: 3 });
    expect(navigation.screen).toBe("unlock");
    expect(navigation.pendingTarget).toEqual({ kind: "ledger", relationshipId: 3 });
  });

  it("lets a newer reminder win over one still on its way", async () => {
    const list = deferred<Relationship[]>();
    listRelationships.mockReturnValue(list.promise);
    const first = openReminderTarget({ kind: "ledger", relationshipId: 3 });
    await Promise.resolve();
    const second = openReminderTarget({ kind: "newEntry" });
    list.resolve([relationship(3)]);
    await Promise.all([first, second]);
    expect(navigation.view).toEqual({ kind: "journal" });
    expect(session.journal.editor).not.toBeNull();
  });
});
