// Lock and Hide at the person's request: what is pending is saved first (for
// a few seconds at most), the journal is hidden even if the back end fails,
// and a second request waits for the lock under way.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend } = await import("../lib/ipc/fakeBackend");
const { clearJournalState, session } = await import("../lib/session.svelte");
const { navigation, showLocked } = await import("./navigation.svelte");
const { hideNow, lockNow } = await import("./locking");

let backend: InstanceType<typeof FakeBackend>;

beforeEach(() => {
  clearJournalState();
  navigation.screen = "journal";
  backend = new FakeBackend(vi.mocked(invoke));
  backend.returns("lock", null);
});

function locks(): number {
  return backend.argsOf("lock").length;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("locking", () => {
  it("saves the pending text before locking", async () => {
    const order: string[] = [];
    session.journal.registerEditor({
      flush: async () => {
        order.push("flush");
        return true;
      },
      leave: async () => true,
    });
    backend.on("lock", () => {
      order.push("lock");
      return null;
    });
    await lockNow();
    expect(order).toEqual(["flush", "lock"]);
    expect(navigation.screen).toBe("unlock");
    expect(navigation.lockNote).toBeNull();
  });

  it("locks anyway when the save hangs, after a short wait", async () => {
    vi.useFakeTimers();
    session.journal.registerEditor({ flush: () => new Promise<boolean>(() => {}), leave: async () => true });
    const locking = lockNow();
    await vi.advanceTimersByTimeAsync(3_000);
    await locking;
    expect(locks()).toBe(1);
    expect(navigation.screen).toBe("unlock");
  });

  it("hides the journal even when the back end fails to lock", async () => {
    session.journal.timeline.entries = [
      {
        id: 1,
        createdAt: "2025-11-01T09:00:00Z",
        updatedAt: "2025-11-01T09:00:00Z",
        body: "words",
        html: "<p>words</p>",
        meta: { relationshipId: null, frameworkId: null, stepId: null, mood: null, tags: [] },
      },
    ];
    backend.fails("lock", "internal");
    await lockNow();
    expect(navigation.screen).toBe("unlock");
    expect(session.journal.timeline.entries).toEqual([]);
  });

  it("forgets the view's pending work at a lock, so nothing is saved after it", async () => {
    const flush = vi.fn(async () => true);
    session.journal.registerViewWork(flush);
    showLocked("idle");
    await lockNow();
    expect(flush).not.toHaveBeenCalled();
  });
});

describe("hiding", () => {
  it("shows nothing of the journal at once, after starting every pending save", async () => {
    const order: string[] = [];
    let finishSave: (saved: boolean) => void = () => {};
    session.journal.registerEditor({
      flush: () => {
        order.push(`editor flush, hiding: ${navigation.hiding}`);
        return new Promise<boolean>((resolve) => (finishSave = resolve));
      },
      leave: async () => true,
    });
    const unregister = session.journal.registerViewWork(async () => {
      order.push(`view flush, hiding: ${navigation.hiding}`);
      return true;
    });
    backend.on("lock", () => {
      order.push("lock");
      return null;
    });
    const hiding = hideNow();
    expect(navigation.hiding).toBe(true);
    expect(order).toEqual(["editor flush, hiding: false", "view flush, hiding: false"]);
    finishSave(true);
    await hiding;
    expect(order).toEqual(["editor flush, hiding: false", "view flush, hiding: false", "lock"]);
    expect(navigation.hiding).toBe(false);
    expect(navigation.screen).toBe("unlock");
    unregister();
  });

  it("during a lock already under way locks only once", async () => {
    const first = lockNow();
    const second = hideNow();
    expect(navigation.hiding).toBe(true);
    await Promise.all([first, second]);
    expect(locks()).toBe(1);
    expect(navigation.hiding).toBe(false);
  });
});
