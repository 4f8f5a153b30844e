import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Latest } from "./latest";

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

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("Latest", () => {
  it("asks once after the person stops typing", () => {
    const run = vi.fn(async (q: string) => q.length);
    const latest = new Latest<string, number>({ run, onAnswer: vi.fn(), onError: vi.fn(), delayMs: 150 });
    latest.ask("h");
    vi.advanceTimersByTime(100);
    latest.ask("ho");
    vi.advanceTimersByTime(149);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledWith("ho");
  });

  it("drops an older answer that arrives after a newer one", async () => {
    const first = deferred<string>();
    const second = deferred<string>();
    const run = vi.fn().mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);
    const onAnswer = vi.fn();
    const busy: boolean[] = [];
    const latest = new Latest<string, string>({
      run,
      onAnswer,
      onError: vi.fn(),
      onBusy: (b) => busy.push(b),
      delayMs: 0,
    });
    void latest.askNow("old");
    void latest.askNow("new");
    second.resolve("new answer");
    await settle();
    first.resolve("old answer");
    await settle();
    expect(onAnswer).toHaveBeenCalledTimes(1);
    expect(onAnswer).toHaveBeenCalledWith("new answer", "new");
    expect(busy.at(-1)).toBe(false);
  });

  it("reports only the latest question's failure", async () => {
    const failing = deferred<string>();
    const run = vi.fn().mockReturnValueOnce(failing.promise).mockResolvedValueOnce("fine");
    const onError = vi.fn();
    const latest = new Latest<string, string>({ run, onAnswer: vi.fn(), onError, delayMs: 0 });
    void latest.askNow("a");
    await latest.askNow("b");
    failing.reject(new Error("late"));
    await settle();
    expect(onError).not.toHaveBeenCalled();
  });

  it("answers nothing after cancel or dispose", async () => {
    const pending = deferred<string>();
    const onAnswer = vi.fn();
    const latest = new Latest<string, string>({
      run: () => pending.promise,
      onAnswer,
      onError: vi.fn(),
      delayMs: 10,
    });
    latest.ask("x");
    latest.cancel();
    vi.advanceTimersByTime(100);
    void latest.askNow("y");
    latest.dispose();
    pending.resolve("z");
    await settle();
    expect(onAnswer).not.toHaveBeenCalled();
  });
});
