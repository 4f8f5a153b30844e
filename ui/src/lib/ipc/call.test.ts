import { beforeEach, describe, expect, it, vi } from "vitest";

// The real `invoke`, replaced by one whose answers the test releases by hand.
const pending: { resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
vi.mock("@tauri-apps/api/core", () => ({
  invoke: vi.fn(
    () =>
      new Promise((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
  ),
}));

const { StaleAnswer, call, forgetAnswersInFlight, lockMark, lockedSince } = await import("./call");
const { MendError } = await import("./error");

beforeEach(() => {
  pending.length = 0;
});

describe("the lock rule", () => {
  it("delivers an answer asked and answered while unlocked", async () => {
    const asked = call<string>("get_entry", { id: 1 });
    pending[0]!.resolve("the entry");
    await expect(asked).resolves.toBe("the entry");
  });

  it("drops an answer that arrives after a lock, so it never reaches a store", async () => {
    const store = { text: "" };
    const asked = call<string>("get_entry", { id: 1 }).then((text) => {
      store.text = text;
    });
    forgetAnswersInFlight();
    pending[0]!.resolve("journal text asked for before the lock");
    await expect(asked).rejects.toBeInstanceOf(StaleAnswer);
    expect(store.text).toBe("");
  });

  it("drops a failure after a lock too, as a StaleAnswer, not the back end's error", async () => {
    const asked = call("update_entry", { id: 1, body: "x" });
    forgetAnswersInFlight();
    pending[0]!.reject({ code: "locked", message: "The vault is locked." });
    const error = await asked.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleAnswer);
    expect(error).toBeInstanceOf(MendError);
  });

  it("answers what is asked after the lock, and commands about the vault across it", async () => {
    const unlock = call("unlock", { passphrase: "p" });
    forgetAnswersInFlight();
    const later = call<string>("list_tags");
    pending[0]!.resolve(null);
    pending[1]!.resolve("tags");
    await expect(unlock).resolves.toBeNull();
    await expect(later).resolves.toBe("tags");
  });

  it("turns the back end's failures into MendErrors with their code", async () => {
    const asked = call("get_entry", { id: 9 });
    pending[0]!.reject({ code: "notFound", message: "That entry could not be found." });
    await expect(asked).rejects.toMatchObject({ code: "notFound" });
  });

  it("tells code that acts later whether a lock came in between", () => {
    const mark = lockMark();
    expect(lockedSince(mark)).toBe(false);
    forgetAnswersInFlight();
    expect(lockedSince(mark)).toBe(true);
  });
});
