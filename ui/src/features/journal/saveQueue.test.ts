import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SaveQueue, type SaveStatus } from "./saveQueue";

interface Call {
  value: string[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

function fakeBackEnd() {
  const calls: Call[] = [];
  const save = vi.fn(
    (value: string[]) =>
      new Promise<void>((resolve, reject) => {
        calls.push({ value, resolve, reject });
      }),
  );
  return { calls, save };
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

describe("SaveQueue", () => {
  it("debounces changes and saves only the latest value", () => {
    const back = fakeBackEnd();
    const queue = new SaveQueue<string[]>({ saved: [], save: back.save });
    queue.change(["a"]);
    vi.advanceTimersByTime(300);
    queue.change(["ab"]);
    vi.advanceTimersByTime(599);
    expect(back.save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(back.calls.map((c) => c.value)).toEqual([["ab"]]);
  });

  it("never has two saves in flight, and then saves the latest value", async () => {
    const back = fakeBackEnd();
    const queue = new SaveQueue<string[]>({ saved: [], save: back.save, delayMs: 10 });
    queue.change(["one"]);
    vi.advanceTimersByTime(10);
    expect(back.calls).toHaveLength(1);

    queue.change(["two"]);
    vi.advanceTimersByTime(10);
    queue.change(["three"]);
    vi.advanceTimersByTime(10);
    expect(back.calls).toHaveLength(1);

    back.calls[0]!.resolve();
    await settle();
    expect(back.calls).toHaveLength(2);
    expect(back.calls[1]!.value).toEqual(["three"]);
    back.calls[1]!.resolve();
    await settle();
    expect(queue.settled).toBe(true);
  });

  it("does not save a value equal to the stored one", () => {
    const back = fakeBackEnd();
    const statuses: SaveStatus["kind"][] = [];
    const queue = new SaveQueue<string[]>({ saved: ["x"], save: back.save, onStatus: (s) => statuses.push(s.kind) });
    queue.change(["x"]);
    vi.advanceTimersByTime(1_000);
    expect(back.save).not.toHaveBeenCalled();
    expect(statuses).toEqual(["saved"]);
  });

  it("never saves a value that skip rejects, and cancels the pending save for it", async () => {
    const back = fakeBackEnd();
    const statuses: SaveStatus["kind"][] = [];
    const queue = new SaveQueue<string[]>({
      saved: ["x"],
      save: back.save,
      skip: (value) => value.length === 0,
      onStatus: (s) => statuses.push(s.kind),
    });
    queue.change(["y"]);
    queue.change([]);
    vi.advanceTimersByTime(1_000);
    expect(back.save).not.toHaveBeenCalled();
    expect(queue.settled).toBe(true);
    expect(await queue.flush()).toBe(true);
    expect(back.save).not.toHaveBeenCalled();
    expect(statuses).toEqual(["pending", "saved", "saved"]);
  });

  it("keeps the value after a failure and retries on flush", async () => {
    const back = fakeBackEnd();
    const statuses: SaveStatus["kind"][] = [];
    const queue = new SaveQueue<string[]>({ saved: [], save: back.save, onStatus: (s) => statuses.push(s.kind) });
    queue.change(["kept"]);
    vi.advanceTimersByTime(600);
    back.calls[0]!.reject(new Error("disk"));
    await settle();
    expect(statuses.at(-1)).toBe("failed");
    expect(queue.settled).toBe(false);

    const flushed = queue.flush();
    await settle();
    expect(back.calls[1]!.value).toEqual(["kept"]);
    back.calls[1]!.resolve();
    expect(await flushed).toBe(true);
    expect(statuses.at(-1)).toBe("saved");
  });

  it("flush saves at once and waits for the save in flight", async () => {
    const back = fakeBackEnd();
    const queue = new SaveQueue<string[]>({ saved: [], save: back.save });
    queue.change(["now"]);
    const flushed = queue.flush();
    expect(back.calls).toHaveLength(1);
    back.calls[0]!.resolve();
    expect(await flushed).toBe(true);
  });

  it("saves and reports nothing after dispose", async () => {
    const back = fakeBackEnd();
    const onStatus = vi.fn();
    const queue = new SaveQueue<string[]>({ saved: [], save: back.save, onStatus });
    queue.change(["a"]);
    onStatus.mockClear();
    queue.dispose();
    vi.advanceTimersByTime(1_000);
    expect(back.save).not.toHaveBeenCalled();
    expect(onStatus).not.toHaveBeenCalled();
    expect(await queue.flush()).toBe(false);
  });
});
