// Where the person is: the screens around the vault's states, moving between
// views (saving what is pending first), search remembering where it came
// from, and a reminder waiting for the journal across a lock.
import { beforeEach, describe, expect, it, vi } from "vitest";

// Nothing here asks the back end; `invoke` is replaced so that nothing could.
vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { MendError } = await import("../lib/ipc/error");
const { clearJournalState, session } = await import("../lib/session.svelte");
const {
  closeSearch,
  dismissPassphraseResetDone,
  dropPendingTarget,
  finishPassphraseReset,
  holdTarget,
  isUnlockedScreen,
  navigate,
  navigation,
  newEntryHere,
  openEntry,
  openSearch,
  openSettings,
  showJournal,
  showLocked,
  showPassphraseReset,
  takePendingTarget,
  viewRelationshipId,
} = await import("./navigation.svelte");
const { reminderAction, reminderTarget } = await import("./reminderTarget");
const { deferred } = await import("../lib/ipc/fakeBackend");
const { lockMark, lockedSince } = await import("../lib/ipc/call");
const { lockedOut } = await import("../lib/lockout");

beforeEach(() => {
  clearJournalState();
  navigation.view = { kind: "journal" };
  navigation.screen = "journal";
  navigation.lockNote = null;
  navigation.passphraseResetDone = false;
  navigation.pendingTarget = null;
});

describe("the unlock screen", () => {
  it("shows after a lock, notes an idle one, and resets the view", () => {
    navigation.view = { kind: "relationship", id: 1 };
    showLocked("idle");
    expect(navigation.screen).toBe("unlock");
    expect(navigation.lockNote).toBe("idle");
    expect(navigation.view).toEqual({ kind: "journal" });
  });

  it("has no note when the person locked it", () => {
    showLocked("user");
    expect(navigation.lockNote).toBeNull();
  });

  it("follows any failure that says the vault is locked", () => {
    expect(lockedOut(new MendError("storage", "x"))).toBe(false);
    expect(navigation.screen).toBe("journal");
    expect(lockedOut(new MendError("locked", "x"))).toBe(true);
    expect(navigation.screen).toBe("unlock");
    expect(navigation.lockNote).toBe("idle");
  });
});

describe("after unlocking with the recovery key", () => {
  it("offers a new passphrase first, on a screen that counts as unlocked", () => {
    showLocked("idle");
    showPassphraseReset();
    expect(navigation.screen).toBe("passphraseReset");
    expect(navigation.lockNote).toBeNull();
    expect(isUnlockedScreen("passphraseReset")).toBe(true);
    expect(isUnlockedScreen("unlock")).toBe(false);
  });

  it("goes to the journal and says so once the new passphrase is set", () => {
    showPassphraseReset();
    finishPassphraseReset();
    expect(navigation.screen).toBe("journal");
    expect(navigation.passphraseResetDone).toBe(true);
    dismissPassphraseResetDone();
    expect(navigation.passphraseResetDone).toBe(false);
  });

  it("goes to the journal quietly when the current passphrase is kept", () => {
    showPassphraseReset();
    showJournal();
    expect(navigation.screen).toBe("journal");
    expect(navigation.passphraseResetDone).toBe(false);
  });

  it("returns to the unlock screen on a lock, and forgets the confirmation", () => {
    showPassphraseReset();
    showLocked("idle");
    expect(navigation.screen).toBe("unlock");

    finishPassphraseReset();
    showLocked("user");
    expect(navigation.screen).toBe("unlock");
    expect(navigation.passphraseResetDone).toBe(false);
  });

  it("lets a reset that finishes after a lock be recognised as stale", () => {
    showPassphraseReset();
    const mark = lockMark();
    showLocked("idle");
    expect(lockedSince(mark)).toBe(true);
  });
});

describe("moving between views", () => {
  it("saves what the view has pending before leaving it", async () => {
    const flush = vi.fn(async () => true);
    const unregister = session.journal.registerViewWork(flush);
    expect(await navigate({ kind: "relationship", id: 3 })).toBe(true);
    expect(flush).toHaveBeenCalledTimes(1);
    expect(navigation.view).toEqual({ kind: "relationship", id: 3 });
    unregister();
  });

  it("stays when the pending save fails", async () => {
    const unregister = session.journal.registerViewWork(async () => false);
    expect(await navigate({ kind: "relationship", id: 3 })).toBe(false);
    expect(navigation.view).toEqual({ kind: "journal" });
    unregister();
  });

  it("closes the editor the way Done does, and stays when it has to stay open", async () => {
    openEntry({
      id: 1,
      createdAt: "2025-11-01T09:00:00Z",
      updatedAt: "2025-11-01T09:00:00Z",
      body: "words",
      html: "<p>words</p>",
      meta: { relationshipId: null, frameworkId: null, stepId: null, mood: null, tags: [] },
    });
    session.journal.registerEditor({ flush: async () => true, leave: async () => false });
    expect(await navigate({ kind: "search" })).toBe(false);
    expect(navigation.view).toEqual({ kind: "journal" });
    session.journal.registerEditor({
      flush: async () => true,
      leave: async () => {
        session.journal.closeEditor();
        return true;
      },
    });
    expect(await navigate({ kind: "search" })).toBe(true);
  });

  it("goes back from search to where the person was", async () => {
    await navigate({ kind: "relationship", id: 8 });
    await openSearch();
    expect(navigation.view).toEqual({ kind: "search" });
    await openSearch();
    await closeSearch();
    expect(navigation.view).toEqual({ kind: "relationship", id: 8 });
  });

  it("stays on the unlock screen when a lock comes while the current view saves", async () => {
    const save = deferred<boolean>();
    const unregister = session.journal.registerViewWork(() => save.promise);
    const moving = navigate({ kind: "relationship", id: 2 });
    showLocked("idle");
    save.resolve(true);
    expect(await moving).toBe(false);
    expect(navigation.screen).toBe("unlock");
    expect(navigation.view).toEqual({ kind: "journal" });
    unregister();
  });

  it("knows which relationship a view is about", () => {
    expect(viewRelationshipId({ kind: "journal" })).toBeNull();
    expect(viewRelationshipId({ kind: "step", step: { relationshipId: 4, frameworkId: "f", stepId: "s" } })).toBe(4);
    expect(viewRelationshipId({ kind: "report", relationshipId: 5 })).toBe(5);
  });
});

describe("a new entry and the settings", () => {
  it("starts a new entry for the relationship shown, if it is known", async () => {
    session.relationships.list = [
      { id: 4, name: "a", role: "repairer", whatHappened: "", happenedOn: null, breachKind: "care", createdAt: "2025-01-01T00:00:00Z", setting: null, power: null, contexts: [] },
    ];
    navigation.view = { kind: "progress", relationshipId: 4 };
    await newEntryHere();
    expect(session.journal.editor?.meta.relationshipId).toBe(4);

    session.journal.closeEditor();
    navigation.view = { kind: "relationship", id: 9 };
    await newEntryHere();
    expect(session.journal.editor?.meta.relationshipId).toBeNull();
  });

  it("opens the settings once the editor has closed", async () => {
    await openSettings();
    expect(navigation.screen).toBe("settings");
    await newEntryHere();
    expect(navigation.screen).toBe("journal");
    expect(session.journal.editor?.meta.relationshipId).toBeNull();
  });
});

describe("a reminder waiting for the journal", () => {
  it("is used once", () => {
    holdTarget({ kind: "newEntry" });
    expect(takePendingTarget()).toEqual({ kind: "newEntry" });
    expect(navigation.pendingTarget).toBeNull();
    expect(takePendingTarget()).toBeNull();
  });

  it("is replaced by a newer one", () => {
    holdTarget({ kind: "ledger", relationshipId: 3 });
    holdTarget({ kind: "timeline" });
    expect(takePendingTarget()).toEqual({ kind: "timeline" });
  });

  it("survives a lock, which drops only journal content", () => {
    session.journal.startNew();
    session.journal.editor!.body = "private words";
    holdTarget({ kind: "ledger", relationshipId: 5 });
    showLocked("idle");
    expect(navigation.pendingTarget).toEqual({ kind: "ledger", relationshipId: 5 });
    expect(session.journal.editor).toBeNull();
  });

  it("waits on the unlock screen and is taken once the passphrase opens the journal", () => {
    showLocked("user");
    expect(reminderAction(navigation.screen)).toBe("hold");
    holdTarget(reminderTarget({ kind: "commitmentDue", relationshipId: 4 }));
    expect(navigation.screen).toBe("unlock");
    expect(reminderAction(navigation.screen)).toBe("hold");

    showJournal();
    expect(reminderAction(navigation.screen)).toBe("go");
    expect(takePendingTarget()).toEqual({ kind: "ledger", relationshipId: 4 });
  });

  it("waits through the recovery key unlock until the passphrase reset is done", () => {
    showLocked(null);
    holdTarget(reminderTarget({ kind: "dailyReflection", relationshipId: null }));
    showPassphraseReset();
    expect(reminderAction(navigation.screen)).toBe("hold");
    finishPassphraseReset();
    expect(reminderAction(navigation.screen)).toBe("go");
    expect(takePendingTarget()).toEqual({ kind: "newEntry" });
  });

  it("is ignored when there is no vault, and dropped if one is found missing", () => {
    expect(reminderAction("welcome")).toBe("ignore");
    holdTarget({ kind: "timeline" });
    dropPendingTarget();
    expect(navigation.pendingTarget).toBeNull();
  });
});
