import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EntryView, TimelinePage } from "./ipc";

// The IPC module is replaced: these tests are about what the UI keeps.
// The lock rule is the real one (./ipc/call), applied to the stand-in answers.
vi.mock("./ipc", async () => {
  const error = await import("./ipc/error");
  const call = await import("./ipc/call");
  return {
    MendError: error.MendError,
    errorCodeOf: error.errorCodeOf,
    StaleAnswer: call.StaleAnswer,
    forgetAnswersInFlight: call.forgetAnswersInFlight,
    lockMark: call.lockMark,
    lockedSince: call.lockedSince,
    listEntries: vi.fn(),
    lock: vi.fn(),
  };
});

const ipc = await import("./ipc");
const {
  PAGE_SIZE,
  clearJournalState,
  dismissPassphraseResetDone,
  dropPendingTarget,
  finishPassphraseReset,
  holdTarget,
  isUnlockedScreen,
  emptyFeed,
  entriesAddedElsewhere,
  loadOlder,
  loadOlderEntries,
  lockNow,
  hideNow,
  navigate,
  openEntry,
  openNewEntry,
  openSearch,
  closeSearch,
  registerEditor,
  registerViewWork,
  removeEntry,
  session,
  showJournal,
  showLocked,
  showPassphraseReset,
  takePendingTarget,
  upsertEntry,
} = await import("./session.svelte");
const { reminderAction, reminderTarget } = await import("../app/reminderTarget");
const { answered, lockMark, lockedSince } = await import("./ipc/call");

const listEntries = vi.mocked(ipc.listEntries);
const lock = vi.mocked(ipc.lock);

function entry(id: number, createdAt = `2025-11-${String(id).padStart(2, "0")}T09:00:00Z`): EntryView {
  return {
    id,
    createdAt,
    updatedAt: createdAt,
    body: `body ${id}`,
    html: `<p>body ${id}</p>`,
    meta: { relationshipId: null, frameworkId: null, stepId: null, mood: null, tags: [] },
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

beforeEach(() => {
  clearJournalState();
  session.screen = "journal";
  session.lockNote = null;
  session.passphraseResetDone = false;
  session.pendingTarget = null;
  listEntries.mockReset();
  lock.mockReset();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("loading the timeline", () => {
  it("asks for the first page, then the next one with the cursor", async () => {
    const cursor = { createdAt: "2025-11-02T09:00:00Z", id: 2 };
    listEntries.mockResolvedValueOnce({ entries: [entry(3), entry(2)], next: cursor });
    await loadOlderEntries();
    expect(listEntries).toHaveBeenLastCalledWith(null, null, PAGE_SIZE);
    expect(session.journal.timeline.entries.map((e) => e.id)).toEqual([3, 2]);
    expect(session.journal.timeline.loaded).toBe(true);

    listEntries.mockResolvedValueOnce({ entries: [entry(2), entry(1)], next: null });
    await loadOlderEntries();
    expect(listEntries).toHaveBeenLastCalledWith(null, cursor, PAGE_SIZE);
    expect(session.journal.timeline.entries.map((e) => e.id)).toEqual([3, 2, 1]);
    expect(session.journal.timeline.next).toBeNull();

    await loadOlderEntries();
    expect(listEntries).toHaveBeenCalledTimes(2);
  });

  it("drops a page that arrives after the vault was locked", async () => {
    const page = deferred<TimelinePage>();
    listEntries.mockImplementationOnce(() => answered("list_entries", page.promise));
    const loading = loadOlderEntries();
    showLocked("idle");
    page.resolve({ entries: [entry(1)], next: null });
    await loading;
    expect(session.journal.timeline.entries).toEqual([]);
    expect(session.journal.timeline.loaded).toBe(false);
    expect(session.journal.timeline.loading).toBe(false);
  });

  it("keeps the failure to show, and goes to the unlock screen if the vault is locked", async () => {
    listEntries.mockRejectedValueOnce(new ipc.MendError("storage", "x"));
    await loadOlderEntries();
    expect(session.journal.timeline.loadFailed).toBeInstanceOf(ipc.MendError);

    listEntries.mockRejectedValueOnce(new ipc.MendError("locked", "x"));
    await loadOlderEntries();
    expect(session.screen).toBe("unlock");
  });
});

describe("keeping the timeline in step with the editor", () => {
  it("puts a new entry on top and replaces an edited one", () => {
    session.journal.timeline.entries = [entry(2), entry(1)];
    upsertEntry(entry(3));
    upsertEntry({ ...entry(1), body: "changed" });
    expect(session.journal.timeline.entries.map((e) => e.id)).toEqual([3, 2, 1]);
    expect(session.journal.timeline.entries[2]?.body).toBe("changed");
    removeEntry(2);
    expect(session.journal.timeline.entries.map((e) => e.id)).toEqual([3, 1]);
  });
});

describe("locking", () => {
  it("drops every piece of journal content and notes an idle lock", () => {
    session.journal.timeline.entries = [entry(1)];
    openNewEntry();
    session.journal.editor!.body = "private words";
    session.journal.preview = "<p>private words</p>";

    showLocked("idle");

    expect(session.screen).toBe("unlock");
    expect(session.lockNote).toBe("idle");
    expect(session.journal.timeline.entries).toEqual([]);
    expect(session.journal.editor).toBeNull();
    expect(session.journal.preview).toBeNull();
    expect(JSON.stringify(session)).not.toContain("private words");
  });

  it("has no note when the person locked it", () => {
    showLocked("user");
    expect(session.lockNote).toBeNull();
  });

  it("saves the pending text before locking", async () => {
    const order: string[] = [];
    registerEditor({
      flush: async () => {
        order.push("flush");
        return true;
      },
      leave: async () => true,
    });
    lock.mockImplementation(async () => {
      order.push("lock");
    });
    await lockNow();
    expect(order).toEqual(["flush", "lock"]);
    expect(session.screen).toBe("unlock");
  });

  it("locks anyway when the save hangs, after a short wait", async () => {
    vi.useFakeTimers();
    registerEditor({ flush: () => new Promise<boolean>(() => {}), leave: async () => true });
    lock.mockResolvedValue(undefined);
    const locking = lockNow();
    await vi.advanceTimersByTimeAsync(3_000);
    await locking;
    expect(lock).toHaveBeenCalledTimes(1);
    expect(session.screen).toBe("unlock");
  });

  it("hides the journal even when the back end fails to lock", async () => {
    session.journal.timeline.entries = [entry(1)];
    lock.mockRejectedValue(new ipc.MendError("internal", "x"));
    await lockNow();
    expect(session.screen).toBe("unlock");
    expect(session.journal.timeline.entries).toEqual([]);
  });

  it("hide shows nothing of the journal at once, after starting every pending save", async () => {
    const order: string[] = [];
    let finishSave: (saved: boolean) => void = () => {};
    registerEditor({
      flush: () => {
        order.push(`editor flush, hiding: ${session.hiding}`);
        return new Promise<boolean>((resolve) => (finishSave = resolve));
      },
      leave: async () => true,
    });
    const unregister = registerViewWork(async () => {
      order.push(`view flush, hiding: ${session.hiding}`);
      return true;
    });
    lock.mockImplementation(async () => {
      order.push("lock");
    });
    const hiding = hideNow();
    expect(session.hiding).toBe(true);
    expect(order).toEqual(["editor flush, hiding: false", "view flush, hiding: false"]);
    finishSave(true);
    await hiding;
    expect(order).toEqual(["editor flush, hiding: false", "view flush, hiding: false", "lock"]);
    expect(session.hiding).toBe(false);
    expect(session.screen).toBe("unlock");
    unregister();
  });

  it("hide during a lock already under way locks only once", async () => {
    lock.mockResolvedValue(undefined);
    const first = lockNow();
    const second = hideNow();
    expect(session.hiding).toBe(true);
    await Promise.all([first, second]);
    expect(lock).toHaveBeenCalledTimes(1);
    expect(session.hiding).toBe(false);
  });
});

describe("after unlocking with the recovery key", () => {
  it("offers a new passphrase first, on a screen that counts as unlocked", () => {
    showLocked("idle");
    showPassphraseReset();
    expect(session.screen).toBe("passphraseReset");
    expect(session.lockNote).toBeNull();
    expect(isUnlockedScreen("passphraseReset")).toBe(true);
    expect(isUnlockedScreen("unlock")).toBe(false);
  });

  it("goes to the journal and says so once the new passphrase is set", () => {
    showPassphraseReset();
    finishPassphraseReset();
    expect(session.screen).toBe("journal");
    expect(session.passphraseResetDone).toBe(true);
    dismissPassphraseResetDone();
    expect(session.passphraseResetDone).toBe(false);
  });

  it("goes to the journal quietly when the current passphrase is kept", () => {
    showPassphraseReset();
    showJournal();
    expect(session.screen).toBe("journal");
    expect(session.passphraseResetDone).toBe(false);
  });

  it("returns to the unlock screen on a lock, and forgets the confirmation", () => {
    showPassphraseReset();
    showLocked("idle");
    expect(session.screen).toBe("unlock");

    finishPassphraseReset();
    showLocked("user");
    expect(session.screen).toBe("unlock");
    expect(session.passphraseResetDone).toBe(false);
  });

  it("lets a reset that finishes after a lock be recognised as stale", () => {
    showPassphraseReset();
    const mark = lockMark();
    showLocked("idle");
    expect(lockedSince(mark)).toBe(true);
  });
});

function about(id: number, relationshipId: number | null): EntryView {
  const e = entry(id);
  return { ...e, meta: { ...e.meta, relationshipId } };
}

describe("a relationship's own entries", () => {
  it("asks for that relationship's entries only", async () => {
    session.journal.relationshipFeed = emptyFeed(4);
    listEntries.mockResolvedValueOnce({ entries: [about(2, 4)], next: null });
    await loadOlder(session.journal.relationshipFeed);
    expect(listEntries).toHaveBeenLastCalledWith({ relationshipId: 4 }, null, PAGE_SIZE);
    expect(session.journal.relationshipFeed.entries.map((e) => e.id)).toEqual([2]);
  });

  it("drops a page for a relationship page that was left meanwhile", async () => {
    session.journal.relationshipFeed = emptyFeed(4);
    const page = deferred<TimelinePage>();
    listEntries.mockReturnValueOnce(page.promise);
    const loading = loadOlder(session.journal.relationshipFeed);
    session.journal.relationshipFeed = emptyFeed(5);
    page.resolve({ entries: [about(2, 4)], next: null });
    await loading;
    expect(session.journal.relationshipFeed.entries).toEqual([]);
  });

  it("follows an entry when its relationship changes", () => {
    session.journal.relationshipFeed = emptyFeed(4);
    session.journal.relationshipFeed.loaded = true;
    upsertEntry(about(1, 4));
    upsertEntry(about(2, null));
    expect(session.journal.relationshipFeed.entries.map((e) => e.id)).toEqual([1]);
    expect(session.journal.timeline.entries.map((e) => e.id)).toEqual([2, 1]);

    upsertEntry(about(1, 9));
    expect(session.journal.relationshipFeed.entries).toEqual([]);
    expect(session.journal.timeline.entries.find((e) => e.id === 1)?.meta.relationshipId).toBe(9);
  });

  it("keeps search results in step with edits and deletions", () => {
    session.journal.search.hits = [{ entry: about(1, null), snippet: "old" }];
    upsertEntry({ ...about(1, 3), body: "new" });
    expect(session.journal.search.hits[0]?.entry.body).toBe("new");
    removeEntry(1);
    expect(session.journal.search.hits).toEqual([]);
  });
});

describe("after an import", () => {
  it("starts the feeds again so the new entries are loaded", async () => {
    session.journal.timeline.entries = [entry(2)];
    session.journal.timeline.loaded = true;
    session.journal.relationshipFeed = emptyFeed(4);
    session.journal.relationshipFeed.entries = [about(1, 4)];
    session.journal.relationshipFeed.loaded = true;
    entriesAddedElsewhere();
    expect(session.journal.timeline).toEqual(emptyFeed(null));
    expect(session.journal.relationshipFeed).toEqual(emptyFeed(4));

    listEntries.mockResolvedValueOnce({ entries: [entry(3), entry(2)], next: null });
    await loadOlderEntries();
    expect(session.journal.timeline.entries.map((e) => e.id)).toEqual([3, 2]);
  });

  it("leaves a missing relationship list missing", () => {
    entriesAddedElsewhere();
    expect(session.journal.relationshipFeed).toBeNull();
  });
});

describe("the editor's labels", () => {
  it("starts a new entry for the relationship it was started from", () => {
    openNewEntry(6);
    expect(session.journal.editor?.meta).toEqual({ relationshipId: 6, frameworkId: null, stepId: null, mood: null, tags: [] });
  });

  it("copies an entry's labels, so editing them changes nothing until saved", () => {
    const original = { ...about(1, 2), meta: { ...about(1, 2).meta, tags: ["a"] } };
    openEntry(original);
    session.journal.editor!.meta.tags.push("b");
    expect(original.meta.tags).toEqual(["a"]);
  });
});

describe("moving between views", () => {
  it("saves what the view has pending before leaving it", async () => {
    const flush = vi.fn(async () => true);
    const unregister = registerViewWork(flush);
    expect(await navigate({ kind: "relationship", id: 3 })).toBe(true);
    expect(flush).toHaveBeenCalledTimes(1);
    expect(session.journal.view).toEqual({ kind: "relationship", id: 3 });
    unregister();
  });

  it("stays when the pending save fails", async () => {
    const unregister = registerViewWork(async () => false);
    expect(await navigate({ kind: "journal" })).toBe(false);
    unregister();
  });

  it("only unregisters its own work", async () => {
    const first = vi.fn(async () => true);
    const second = vi.fn(async () => true);
    const unregisterFirst = registerViewWork(first);
    const unregisterSecond = registerViewWork(second);
    unregisterFirst();
    await navigate({ kind: "journal" });
    expect(second).toHaveBeenCalled();
    unregisterSecond();
  });

  it("goes back from search to where the person was", async () => {
    await navigate({ kind: "relationship", id: 8 });
    await openSearch();
    expect(session.journal.view).toEqual({ kind: "search" });
    await openSearch();
    await closeSearch();
    expect(session.journal.view).toEqual({ kind: "relationship", id: 8 });
  });
});

describe("locking with relationships open", () => {
  it("drops relationships, guides, answers, search results and drafts", () => {
    const journal = session.journal;
    journal.relationships = [
      {
        id: 1,
        name: "private name",
        role: "decider",
        whatHappened: "private words",
        happenedOn: null,
        breachKind: "care",
        createdAt: "2025-01-01T00:00:00Z",
      },
    ];
    journal.relationshipFeed = emptyFeed(1);
    journal.relationshipFeed.entries = [about(1, 1)];
    journal.step = {
      step: { relationshipId: 1, frameworkId: "f", stepId: "s" },
      answers: ["private words"],
      index: 0,
      loaded: true,
      failed: null,
      mood: "private words",
      tags: "",
    };
    journal.search.text = "private words";
    journal.search.hits = [{ entry: about(1, 1), snippet: "private words" }];
    journal.apology = { relationshipId: 1, text: "private words", review: null, reviewedText: "private words", reviewFailed: null, entryId: null };
    journal.view = { kind: "relationship", id: 1 };

    showLocked("idle");

    const after = JSON.stringify(session);
    expect(after).not.toContain("private");
    expect(session.journal.view).toEqual({ kind: "journal" });
    expect(session.journal.relationships).toEqual([]);
    expect(session.journal.step).toBeNull();
    expect(session.journal.search.hits).toBeNull();
  });

  it("forgets the view's pending work, so nothing is saved after the lock", async () => {
    const flush = vi.fn(async () => true);
    registerViewWork(flush);
    showLocked("idle");
    lock.mockResolvedValue(undefined);
    await lockNow();
    expect(flush).not.toHaveBeenCalled();
  });
});

describe("a reminder waiting for the journal", () => {
  it("is used once", () => {
    holdTarget({ kind: "newEntry" });
    expect(takePendingTarget()).toEqual({ kind: "newEntry" });
    expect(session.pendingTarget).toBeNull();
    expect(takePendingTarget()).toBeNull();
  });

  it("is replaced by a newer one", () => {
    holdTarget({ kind: "ledger", relationshipId: 3 });
    holdTarget({ kind: "timeline" });
    expect(takePendingTarget()).toEqual({ kind: "timeline" });
  });

  it("survives a lock, which drops only journal content", () => {
    openNewEntry();
    session.journal.editor!.body = "private words";
    holdTarget({ kind: "ledger", relationshipId: 5 });
    showLocked("idle");
    clearJournalState();
    expect(session.pendingTarget).toEqual({ kind: "ledger", relationshipId: 5 });
    expect(JSON.stringify(session)).not.toContain("private words");
  });

  it("waits on the unlock screen and is taken once the passphrase opens the journal", () => {
    showLocked("user");
    const action = reminderAction(session.screen);
    expect(action).toBe("hold");
    holdTarget(reminderTarget({ kind: "commitmentDue", relationshipId: 4 }));
    expect(session.screen).toBe("unlock");
    expect(reminderAction(session.screen)).toBe("hold");

    showJournal();
    expect(reminderAction(session.screen)).toBe("go");
    expect(takePendingTarget()).toEqual({ kind: "ledger", relationshipId: 4 });
  });

  it("waits through the recovery key unlock until the passphrase reset is done", () => {
    showLocked(null);
    holdTarget(reminderTarget({ kind: "dailyReflection", relationshipId: null }));
    showPassphraseReset();
    expect(reminderAction(session.screen)).toBe("hold");
    finishPassphraseReset();
    expect(reminderAction(session.screen)).toBe("go");
    expect(takePendingTarget()).toEqual({ kind: "newEntry" });
  });

  it("is ignored when there is no vault, and dropped if one is found missing", () => {
    expect(reminderAction("welcome")).toBe("ignore");
    holdTarget({ kind: "timeline" });
    dropPendingTarget();
    expect(session.pendingTarget).toBeNull();
  });
});

describe("moving while the vault locks", () => {
  it("stays on the unlock screen when a lock comes while the current view saves", async () => {
    const save = deferred<boolean>();
    const unregister = registerViewWork(() => save.promise);
    const moving = navigate({ kind: "relationship", id: 2 });
    showLocked("idle");
    save.resolve(true);
    expect(await moving).toBe(false);
    expect(session.screen).toBe("unlock");
    expect(session.journal.view).toEqual({ kind: "journal" });
    unregister();
  });
});
