import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EntryView, TimelinePage } from "./ipc";

// The IPC module is replaced: these tests are about what the UI keeps.
vi.mock("./ipc", async () => {
  const error = await import("./ipc/error");
  return {
    MendError: error.MendError,
    errorCodeOf: error.errorCodeOf,
    listEntries: vi.fn(),
    lock: vi.fn(),
  };
});

const ipc = await import("./ipc");
const {
  PAGE_SIZE,
  clearJournalState,
  currentGeneration,
  dismissPassphraseResetDone,
  finishPassphraseReset,
  isCurrent,
  isUnlockedScreen,
  loadOlderEntries,
  lockNow,
  openNewEntry,
  registerEditor,
  removeEntry,
  session,
  showJournal,
  showLocked,
  showPassphraseReset,
  upsertEntry,
} = await import("./session.svelte");

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
    expect(listEntries).toHaveBeenLastCalledWith(null, PAGE_SIZE);
    expect(session.journal.entries.map((e) => e.id)).toEqual([3, 2]);
    expect(session.journal.loaded).toBe(true);

    listEntries.mockResolvedValueOnce({ entries: [entry(2), entry(1)], next: null });
    await loadOlderEntries();
    expect(listEntries).toHaveBeenLastCalledWith(cursor, PAGE_SIZE);
    expect(session.journal.entries.map((e) => e.id)).toEqual([3, 2, 1]);
    expect(session.journal.next).toBeNull();

    await loadOlderEntries();
    expect(listEntries).toHaveBeenCalledTimes(2);
  });

  it("drops a page that arrives after the vault was locked", async () => {
    const page = deferred<TimelinePage>();
    listEntries.mockReturnValueOnce(page.promise);
    const loading = loadOlderEntries();
    showLocked("idle");
    page.resolve({ entries: [entry(1)], next: null });
    await loading;
    expect(session.journal.entries).toEqual([]);
    expect(session.journal.loaded).toBe(false);
    expect(session.journal.loading).toBe(false);
  });

  it("keeps the failure to show, and goes to the unlock screen if the vault is locked", async () => {
    listEntries.mockRejectedValueOnce(new ipc.MendError("storage", "x"));
    await loadOlderEntries();
    expect(session.journal.loadFailed).toBeInstanceOf(ipc.MendError);

    listEntries.mockRejectedValueOnce(new ipc.MendError("locked", "x"));
    await loadOlderEntries();
    expect(session.screen).toBe("unlock");
  });
});

describe("keeping the timeline in step with the editor", () => {
  it("puts a new entry on top and replaces an edited one", () => {
    session.journal.entries = [entry(2), entry(1)];
    upsertEntry(entry(3));
    upsertEntry({ ...entry(1), body: "changed" });
    expect(session.journal.entries.map((e) => e.id)).toEqual([3, 2, 1]);
    expect(session.journal.entries[2]?.body).toBe("changed");
    removeEntry(2);
    expect(session.journal.entries.map((e) => e.id)).toEqual([3, 1]);
  });
});

describe("locking", () => {
  it("drops every piece of journal content and notes an idle lock", () => {
    session.journal.entries = [entry(1)];
    openNewEntry();
    session.journal.editor!.body = "private words";
    session.journal.preview = "<p>private words</p>";

    showLocked("idle");

    expect(session.screen).toBe("unlock");
    expect(session.lockNote).toBe("idle");
    expect(session.journal.entries).toEqual([]);
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
    session.journal.entries = [entry(1)];
    lock.mockRejectedValue(new ipc.MendError("internal", "x"));
    await lockNow();
    expect(session.screen).toBe("unlock");
    expect(session.journal.entries).toEqual([]);
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
    const requestedIn = currentGeneration();
    showLocked("idle");
    expect(isCurrent(requestedIn)).toBe(false);
  });
});
