// The guided step's store with a stand-in back end (lib/ipc/fakeBackend.ts, through guide/guideFixture.ts):
// the draft as it loads, saves and ends; the real IPC layer, lock rule included.
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { clearJournalState, session } = await import("../../lib/session.svelte");
const { navigation } = await import("../../app/navigation.svelte");
const { STEP, answer, asked, entry, freshJournal } = await import("./guideFixture");
const { StepStore } = await import("./store.svelte");

const SAVED_AT = "2026-12-04T09:00:00Z";

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

/** A store opened on STEP, with its page and draft loaded and the question picked. */
async function opened(answers: string[] = []): Promise<InstanceType<typeof StepStore>> {
  answer("get_draft", () => (answers.length === 0 ? null : { answers, updatedAt: SAVED_AT }));
  const store = new StepStore(STEP);
  await store.open();
  await vi.waitFor(() => expect(store.view).not.toBeNull());
  store.resume();
  return store;
}

beforeEach(() => {
  freshJournal();
  answer("save_draft", (args) => ({ answers: args.answers, updatedAt: SAVED_AT }));
});

describe("StepStore", () => {
  it("starts from the stored draft, at its first unanswered question", async () => {
    const store = await opened(["one", "", "three"]);
    expect(store.state?.loaded).toBe(true);
    expect(store.index).toBe(1);
    expect(store.answers).toEqual(["one", "", "three"]);
    expect(store.prompt?.text).toBe("Who was hurt, and how?");
    expect(store.framework?.name).toBe("The five As");
    store.close();
  });

  it("goes to the review when every question has an answer, and never past it", async () => {
    const store = await opened(["one", "two", "three"]);
    expect(store.reviewing).toBe(true);
    store.go(99);
    expect(store.index).toBe(3);
    store.go(-4);
    expect(store.index).toBe(0);
    store.close();
  });

  it("saves the latest answers once typing pauses, and says so", async () => {
    const store = await opened();
    expect(store.statusText).toBe("Your answers are kept as a draft as you write.");
    store.write("I forgot");
    store.write("I forgot the day.");
    expect(store.statusText).toBe("Saving…");
    await vi.waitFor(() => expect(store.statusText).toBe("Saved"), { timeout: 2000 });
    expect(asked("save_draft")).toEqual([{ step: STEP, answers: ["I forgot the day.", "", ""] }]);
    store.close();
  });

  it("tells a failed save in words, keeping what was written", async () => {
    answer("save_draft", () => {
      throw { code: "storage", message: "disk" };
    });
    const store = await opened();
    store.write("I forgot the day.");
    await vi.waitFor(() => expect(store.status.kind).toBe("failed"), { timeout: 2000 });
    expect(store.statusText).toBe("This couldn't be saved because Mend couldn't write to the disk. What you wrote is still here.");
    expect(store.answers[0]).toBe("I forgot the day.");
    store.close();
  });

  it("lets the pending save land before the entry is made, then goes back to the relationship", async () => {
    answer("complete_step", () => entry(41, "I forgot the day."));
    const store = await opened();
    store.write("I forgot the day.");
    session.step!.tags = "work";
    await store.finish();
    expect(asked("save_draft")).toHaveLength(1);
    expect(asked("complete_step")).toEqual([
      { step: STEP, answers: ["I forgot the day.", "", ""], mood: null, tags: ["work"] },
    ]);
    expect(session.step).toBeNull();
    expect(session.journal.timeline.entries.map((e) => e.id)).toEqual([41]);
    expect(navigation.view).toEqual({ kind: "relationship", id: STEP.relationshipId });
    store.close();
  });

  it("refuses to finish a step with no answer at all", async () => {
    const store = await opened();
    await store.finish();
    expect(store.finishError).toBe("Answer at least one question first. The others can stay blank.");
    expect(asked("complete_step")).toEqual([]);
    store.close();
  });

  it("moves answers up with their questions when one of the person's own is removed", async () => {
    const store = await opened(["one", "two", ""]);
    store.go(2);
    store.promptRemoved(1);
    expect(session.step?.answers).toEqual(["one", ""]);
    expect(store.index).toBe(1);
    store.close();
  });

  it("keeps saving the draft when discarding it fails", async () => {
    answer("discard_draft", () => {
      throw { code: "storage", message: "disk" };
    });
    const store = await opened(["one"]);
    await expect(store.discard()).rejects.toMatchObject({ code: "storage" });
    expect(session.step).not.toBeNull();
    store.write("one, and more");
    await vi.waitFor(() => expect(asked("save_draft")).toHaveLength(1), { timeout: 2000 });
    store.close();
  });

  it("forgets the draft once discarded", async () => {
    answer("discard_draft", () => null);
    const store = await opened(["one"]);
    await store.discard();
    expect(asked("discard_draft")).toEqual([{ step: STEP }]);
    expect(session.step).toBeNull();
    store.close();
  });

  it("never shows a draft that was asked for before a lock", async () => {
    const late = deferred<unknown>();
    answer("get_draft", () => late.promise);
    const store = new StepStore(STEP);
    const loading = store.open();
    clearJournalState();
    late.resolve({ answers: ["asked before the lock"], updatedAt: SAVED_AT });
    await loading;
    expect(session.step).toBeNull();
    expect(store.answers).toEqual([]);
    store.close();
  });
});
