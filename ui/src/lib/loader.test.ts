import { describe, expect, it, vi } from "vitest";

// The IPC module is replaced: the error type and the real lock rule (./ipc/call).
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
  };
});

const ipc = await import("./ipc");
const { Loader } = await import("./loader");
const { clearJournalState } = await import("./session.svelte");
const { navigation, showJournal } = await import("../app/navigation.svelte");
const { answered } = await import("./ipc/call");

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function settle() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe("Loader", () => {
  it("reports the answer to the question asked", async () => {
    const onAnswer = vi.fn();
    const loader = new Loader<number, string>({ run: async (n) => `answer ${n}`, onAnswer, onError: vi.fn() });
    await loader.load(7);
    expect(onAnswer).toHaveBeenCalledWith("answer 7", 7);
  });

  it("drops an older answer that arrives after a newer one", async () => {
    const first = deferred<string>();
    const second = deferred<string>();
    const run = vi.fn().mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);
    const onAnswer = vi.fn();
    const busy: boolean[] = [];
    const loader = new Loader<string, string>({ run, onAnswer, onError: vi.fn(), onBusy: (b) => busy.push(b) });
    void loader.load("old");
    void loader.load("new");
    second.resolve("new answer");
    await settle();
    first.resolve("old answer");
    await settle();
    expect(onAnswer).toHaveBeenCalledTimes(1);
    expect(onAnswer).toHaveBeenCalledWith("new answer", "new");
    expect(busy).toEqual([true, true, false]);
  });

  it("drops answers and failures asked for before a lock, even after unlocking again", async () => {
    const answer = deferred<string>();
    const failure = deferred<string>();
    const onAnswer = vi.fn();
    const onError = vi.fn();
    // Asked through the IPC layer's lock rule, as the app's loaders are.
    const first = new Loader<void, string>({ run: () => answered("get_entry", answer.promise), onAnswer, onError });
    const second = new Loader<void, string>({ run: () => answered("get_entry", failure.promise), onAnswer, onError });
    void first.load();
    void second.load();
    clearJournalState();
    answer.resolve("late");
    failure.reject(new Error("late"));
    await settle();
    expect(onAnswer).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });

  it("reports the latest failure, but goes to the unlock screen for a locked vault", async () => {
    showJournal();
    const onError = vi.fn();
    const run = vi
      .fn()
      .mockRejectedValueOnce(new ipc.MendError("storage", "disk"))
      .mockRejectedValueOnce(new ipc.MendError("locked", "locked"));
    const loader = new Loader<void, string>({ run, onAnswer: vi.fn(), onError });
    await loader.load();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(ipc.errorCodeOf(onError.mock.calls[0][0])).toBe("storage");
    expect(navigation.screen).toBe("journal");
    await loader.load();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(navigation.screen).toBe("unlock");
  });

  it("neither reports nor locks for a stale failure", async () => {
    showJournal();
    const stale = deferred<string>();
    const run = vi.fn().mockReturnValueOnce(stale.promise).mockResolvedValueOnce("fine");
    const onError = vi.fn();
    const loader = new Loader<void, string>({ run, onAnswer: vi.fn(), onError });
    void loader.load();
    await loader.load();
    stale.reject(new ipc.MendError("locked", "locked"));
    await settle();
    expect(onError).not.toHaveBeenCalled();
    expect(navigation.screen).toBe("journal");
  });

  it("answers nothing once disposed", async () => {
    const pending = deferred<string>();
    const onAnswer = vi.fn();
    const loader = new Loader<void, string>({ run: () => pending.promise, onAnswer, onError: vi.fn() });
    void loader.load();
    loader.dispose();
    pending.resolve("late");
    await settle();
    expect(onAnswer).not.toHaveBeenCalled();
    await loader.load();
    expect(onAnswer).not.toHaveBeenCalled();
  });
});
