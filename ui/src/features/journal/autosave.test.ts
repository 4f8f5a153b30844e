import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosave, type AutosaveStatus } from "./autosave";

interface Call {
  id: number | null;
  body: string;
  resolve: (id: number) => void;
  reject: (error: unknown) => void;
}

/** A fake back end whose saves finish only when the test says so. */
function fakeBackEnd() {
  const calls: Call[] = [];
  const save = vi.fn(
    (id: number | null, body: string) =>
      new Promise<number>((resolve, reject) => {
        calls.push({ id, body, resolve, reject });
      }),
  );
  return { calls, save };
}

function recorder() {
  const statuses: AutosaveStatus["kind"][] = [];
  return { statuses, onStatus: (s: AutosaveStatus) => statuses.push(s.kind) };
}

/** Let awaited promises settle. */
async function settle() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("Autosave", () => {
  it("debounces changes and saves only the latest text", async () => {
    const back = fakeBackEnd();
    const autosave = new Autosave({ id: 7, savedBody: "old", save: back.save });

    autosave.change("a");
    vi.advanceTimersByTime(300);
    autosave.change("ab");
    vi.advanceTimersByTime(300);
    autosave.change("abc");
    vi.advanceTimersByTime(599);
    expect(back.save).not.toHaveBeenCalled();

    vi.advanceTimersByTime(1);
    expect(back.save).toHaveBeenCalledTimes(1);
    expect(back.calls[0]).toMatchObject({ id: 7, body: "abc" });
  });

  it("creates a new entry on the first non-blank change, then updates it", async () => {
    const back = fakeBackEnd();
    const autosave = new Autosave({ id: null, savedBody: "", save: back.save });

    autosave.change("   ");
    vi.advanceTimersByTime(1000);
    expect(back.save).not.toHaveBeenCalled();

    autosave.change("Today");
    vi.advanceTimersByTime(600);
    expect(back.calls[0]).toMatchObject({ id: null, body: "Today" });
    back.calls[0]!.resolve(42);
    await settle();
    expect(autosave.id).toBe(42);

    autosave.change("Today I listened");
    vi.advanceTimersByTime(600);
    expect(back.calls[1]).toMatchObject({ id: 42, body: "Today I listened" });
  });

  it("never has two saves in flight and queues the latest text", async () => {
    const back = fakeBackEnd();
    const autosave = new Autosave({ id: null, savedBody: "", save: back.save });

    autosave.change("one");
    vi.advanceTimersByTime(600);
    expect(back.calls).toHaveLength(1);

    autosave.change("one two");
    vi.advanceTimersByTime(600);
    autosave.change("one two three");
    vi.advanceTimersByTime(600);
    // The first save (a create) has not finished: nothing else may start.
    expect(back.calls).toHaveLength(1);

    back.calls[0]!.resolve(5);
    await settle();
    expect(back.calls).toHaveLength(2);
    expect(back.calls[1]).toMatchObject({ id: 5, body: "one two three" });

    back.calls[1]!.resolve(5);
    await settle();
    expect(back.calls).toHaveLength(2);
    expect(autosave.settled).toBe(true);
  });

  it("waits for a pending debounce instead of saving early after a save completes", async () => {
    const back = fakeBackEnd();
    const autosave = new Autosave({ id: 1, savedBody: "", save: back.save });

    autosave.change("first");
    vi.advanceTimersByTime(600);
    autosave.change("first and more"); // debounce pending while "first" is saving
    back.calls[0]!.resolve(1);
    await settle();
    expect(back.calls).toHaveLength(1);

    vi.advanceTimersByTime(600);
    expect(back.calls).toHaveLength(2);
    expect(back.calls[1]!.body).toBe("first and more");
  });

  it("reports saving and saved", async () => {
    const back = fakeBackEnd();
    const rec = recorder();
    const autosave = new Autosave({ id: 3, savedBody: "x", save: back.save, onStatus: rec.onStatus });

    autosave.change("xy");
    vi.advanceTimersByTime(600);
    back.calls[0]!.resolve(3);
    await settle();
    expect(rec.statuses).toEqual(["pending", "saving", "saved"]);
  });

  it("keeps the text after a failure and retries on the next change", async () => {
    const back = fakeBackEnd();
    const rec = recorder();
    const autosave = new Autosave({ id: 3, savedBody: "", save: back.save, onStatus: rec.onStatus });

    autosave.change("hard words");
    vi.advanceTimersByTime(600);
    back.calls[0]!.reject(new Error("disk full"));
    await settle();
    expect(rec.statuses.at(-1)).toBe("failed");
    expect(autosave.settled).toBe(false);

    autosave.change("hard words, said");
    vi.advanceTimersByTime(600);
    expect(back.calls).toHaveLength(2);
    expect(back.calls[1]!.body).toBe("hard words, said");
    back.calls[1]!.resolve(3);
    await settle();
    expect(rec.statuses.at(-1)).toBe("saved");
  });

  it("flush saves at once, waits for it, and reports success", async () => {
    const back = fakeBackEnd();
    const autosave = new Autosave({ id: null, savedBody: "", save: back.save });

    autosave.change("before leaving");
    const flushed = autosave.flush();
    expect(back.calls).toHaveLength(1);
    back.calls[0]!.resolve(9);
    await expect(flushed).resolves.toBe(true);

    // The cancelled debounce must not save a second time.
    vi.advanceTimersByTime(1000);
    expect(back.calls).toHaveLength(1);
  });

  it("flush waits for a save in flight and then saves the queued text", async () => {
    const back = fakeBackEnd();
    const autosave = new Autosave({ id: 2, savedBody: "", save: back.save });

    autosave.change("a");
    vi.advanceTimersByTime(600);
    autosave.change("ab");
    const flushed = autosave.flush();
    expect(back.calls).toHaveLength(1);

    back.calls[0]!.resolve(2);
    await settle();
    expect(back.calls).toHaveLength(2);
    expect(back.calls[1]!.body).toBe("ab");
    back.calls[1]!.resolve(2);
    await expect(flushed).resolves.toBe(true);
  });

  it("flush reports false when the save fails, and retries", async () => {
    const back = fakeBackEnd();
    const autosave = new Autosave({ id: 2, savedBody: "", save: back.save });
    autosave.change("a");
    const first = autosave.flush();
    back.calls[0]!.reject(new Error("no"));
    await expect(first).resolves.toBe(false);

    const second = autosave.flush();
    expect(back.calls).toHaveLength(2);
    back.calls[1]!.resolve(2);
    await expect(second).resolves.toBe(true);
  });

  it("flush with nothing to save resolves true without calling the back end", async () => {
    const back = fakeBackEnd();
    const autosave = new Autosave({ id: null, savedBody: "", save: back.save });
    await expect(autosave.flush()).resolves.toBe(true);
    autosave.change("  \n ");
    await expect(autosave.flush()).resolves.toBe(true);
    expect(back.save).not.toHaveBeenCalled();
  });

  it("does not save text equal to what is stored", async () => {
    const back = fakeBackEnd();
    const rec = recorder();
    const autosave = new Autosave({ id: 4, savedBody: "same", save: back.save, onStatus: rec.onStatus });
    autosave.change("samer");
    autosave.change("same");
    vi.advanceTimersByTime(1000);
    expect(back.save).not.toHaveBeenCalled();
    expect(rec.statuses).toEqual(["pending", "saved"]);
  });

  it("reports blank text of an existing entry instead of saving it", async () => {
    const back = fakeBackEnd();
    const rec = recorder();
    const autosave = new Autosave({ id: 4, savedBody: "words", save: back.save, onStatus: rec.onStatus });
    autosave.change("");
    vi.advanceTimersByTime(1000);
    expect(back.save).not.toHaveBeenCalled();
    expect(rec.statuses).toEqual(["blank"]);
  });

  it("after dispose, saves nothing and reports nothing", async () => {
    const back = fakeBackEnd();
    const rec = recorder();
    const autosave = new Autosave({ id: 1, savedBody: "", save: back.save, onStatus: rec.onStatus });
    autosave.change("a");
    vi.advanceTimersByTime(600);
    autosave.change("ab");
    autosave.dispose();
    back.calls[0]!.resolve(1);
    await settle();
    vi.advanceTimersByTime(1000);
    expect(back.calls).toHaveLength(1);
    expect(rec.statuses).toEqual(["pending", "saving", "pending"]);
    await expect(autosave.flush()).resolves.toBe(false);
  });
});
