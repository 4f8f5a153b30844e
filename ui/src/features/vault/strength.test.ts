// The verdict on a passphrase being chosen, against a stand-in back end: it
// waits for typing to pause, and only the verdict on the latest text lands.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PassphraseStrength } from "../../lib/ipc";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend, deferred } = await import("../../lib/ipc/fakeBackend");
const { StrengthStore, STRENGTH_DELAY_MS } = await import("./strength.svelte");

const CHOSEN = "seven herons crossing a grey estuary";

let backend: InstanceType<typeof FakeBackend>;

beforeEach(() => {
  vi.useFakeTimers();
  backend = new FakeBackend(vi.mocked(invoke));
});

afterEach(() => {
  vi.useRealTimers();
});

describe("judging a passphrase being chosen", () => {
  function verdict(score: number, acceptable: boolean): PassphraseStrength {
    return { score, acceptable, warning: null, suggestions: [], crackTime: "centuries" };
  }

  it("waits for typing to pause, and judges only the latest text", async () => {
    backend.on("assess_passphrase", (args) => verdict(String(args.passphrase).length > 5 ? 4 : 1, String(args.passphrase).length > 5));
    const store = new StrengthStore();
    store.assess("short");
    await vi.advanceTimersByTimeAsync(STRENGTH_DELAY_MS - 10);
    store.assess(CHOSEN);
    expect(store.verdict).toBeNull();
    await vi.advanceTimersByTimeAsync(STRENGTH_DELAY_MS);
    expect(backend.argsOf("assess_passphrase")).toEqual([{ passphrase: CHOSEN }]);
    expect(store.verdict?.acceptable).toBe(true);
    expect(store.shown?.score).toBe(4);
  });

  it("keeps the last verdict on screen but none for the form while the next is pending", async () => {
    backend.returns("assess_passphrase", verdict(4, true));
    const store = new StrengthStore();
    store.assess(CHOSEN);
    await vi.advanceTimersByTimeAsync(STRENGTH_DELAY_MS);
    store.assess(`${CHOSEN}!`);
    expect(store.verdict).toBeNull();
    expect(store.shown?.score).toBe(4);
  });

  it("drops a verdict that arrives after the text changed", async () => {
    const late = deferred<PassphraseStrength>();
    backend.on("assess_passphrase", () => late.promise);
    const store = new StrengthStore();
    store.assess(CHOSEN);
    await vi.advanceTimersByTimeAsync(STRENGTH_DELAY_MS);
    store.assess("");
    late.resolve(verdict(4, true));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.verdict).toBeNull();
    expect(store.shown).toBeNull();
  });

  it("says when it couldn't judge", async () => {
    backend.fails("assess_passphrase", "internal");
    const store = new StrengthStore();
    store.assess(CHOSEN);
    await vi.advanceTimersByTimeAsync(STRENGTH_DELAY_MS);
    expect(store.failed).toBe(true);
    expect(store.verdict).toBeNull();
  });
});

