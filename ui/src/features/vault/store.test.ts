// The vault's stores against a stand-in back end: `invoke` is mocked, and the
// real IPC layer (its lock rule included) runs over it. What is checked: each
// refusal says the right sentence and changes nothing, typed secrets are
// forgotten once used, a new recovery key is held until stored, and an answer
// asked before a lock never lands.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CredentialsChanged } from "../../lib/ipc";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend, deferred } = await import("../../lib/ipc/fakeBackend");
const { forgetAnswersInFlight } = await import("../../lib/ipc/call");
const { onLockedOut } = await import("../../lib/lockout");
const { VaultStore, PassphraseChangeStore, RecoveryKeyStore, copyRecoveryKey } = await import("./store.svelte");

const CHOSEN = "seven herons crossing a grey estuary";
const CURRENT = "quiet lantern over the harbour wall";
const KEY = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567";

function changed(over: Partial<CredentialsChanged> = {}): CredentialsChanged {
  return { recoveryKey: null, recoveryKeyReplaced: false, removedBackups: 0, newBackup: false, ...over };
}

let backend: InstanceType<typeof FakeBackend>;
let lockedOut: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  backend = new FakeBackend(vi.mocked(invoke));
  lockedOut = vi.fn<() => void>();
  onLockedOut(lockedOut);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A store with a new passphrase chosen (and judged strong enough). */
function choosing(): InstanceType<typeof VaultStore> {
  const store = new VaultStore();
  store.passphrase = CHOSEN;
  store.confirmation = CHOSEN;
  store.acceptable = true;
  return store;
}

describe("making the vault", () => {
  it("makes it with the chosen passphrase, then forgets what was typed", async () => {
    backend.returns("create_vault", null);
    const store = choosing();
    expect(await store.create()).toBe(true);
    expect(backend.argsOf("create_vault")).toEqual([{ passphrase: CHOSEN }]);
    expect([store.passphrase, store.confirmation]).toEqual(["", ""]);
    expect(store.busy).toBe(false);
    expect(store.error).toBeNull();
  });

  it("sends nothing until the pair is acceptable", async () => {
    const store = choosing();
    store.acceptable = false;
    expect(await store.create()).toBe(false);
    expect(backend.calls).toEqual([]);
  });

  it("says a weak passphrase was refused, and keeps it to be changed", async () => {
    backend.fails("create_vault", "weakPassphrase");
    const store = choosing();
    expect(await store.create()).toBe(false);
    expect(store.error).toBe(
      "That passphrase would be too easy to guess. A few more unrelated words will make it stronger.",
    );
    expect(store.passphrase).toBe(CHOSEN);
    expect(store.busy).toBe(false);
  });
});

describe("unlocking", () => {
  it("opens with the passphrase and forgets it", async () => {
    backend.returns("unlock", null);
    const store = new VaultStore();
    store.passphrase = CURRENT;
    expect(await store.unlock()).toBe("passphrase");
    expect(backend.argsOf("unlock")).toEqual([{ passphrase: CURRENT }]);
    expect(store.passphrase).toBe("");
  });

  it("says a wrong passphrase changed nothing, and keeps it to be corrected", async () => {
    backend.fails("unlock", "wrongPassphrase");
    const store = new VaultStore();
    store.passphrase = "not the one";
    expect(await store.unlock()).toBeNull();
    expect(store.error).toBe("That passphrase didn't open the vault. Nothing was changed.");
    expect(store.passphrase).toBe("not the one");
    expect(store.busy).toBe(false);
  });

  it("opens with the recovery key as typed, without the spaces around it", async () => {
    backend.returns("unlock_with_recovery_key", null);
    const store = new VaultStore();
    store.switchMode();
    expect(store.mode).toBe("recoveryKey");
    store.recoveryKey = `  ${KEY} `;
    expect(await store.unlock()).toBe("recoveryKey");
    expect(backend.argsOf("unlock_with_recovery_key")).toEqual([{ recoveryKey: KEY }]);
    expect(store.recoveryKey).toBe("");
  });

  it("forgets what was typed when switching between passphrase and recovery key", () => {
    const store = new VaultStore();
    store.passphrase = "half typed";
    store.error = "earlier";
    store.switchMode();
    expect([store.passphrase, store.recoveryKey, store.error]).toEqual(["", "", null]);
  });

  it("has nothing to try while the field is empty", async () => {
    const store = new VaultStore();
    expect(store.canUnlock).toBe(false);
    expect(await store.unlock()).toBeNull();
    expect(backend.calls).toEqual([]);
  });
});

describe("choosing a new passphrase after the recovery key", () => {
  it("sets it, and says so", async () => {
    backend.returns("reset_passphrase", changed());
    const store = choosing();
    expect(await store.reset()).toBe("done");
    expect(backend.argsOf("reset_passphrase")).toEqual([{ next: CHOSEN }]);
    expect([store.passphrase, store.confirmation]).toEqual(["", ""]);
    expect(store.replacedKey).toBeNull();
  });

  it("holds a replaced recovery key until it is stored", async () => {
    backend.returns("reset_passphrase", changed({ recoveryKey: KEY, recoveryKeyReplaced: true }));
    const store = choosing();
    expect(await store.reset()).toBe("newKey");
    expect(store.replacedKey).toBe(KEY);
    store.keyStored();
    expect(store.replacedKey).toBeNull();
  });

  it("refuses a weak passphrase with the reset's sentence", async () => {
    backend.fails("reset_passphrase", "weakPassphrase");
    const store = choosing();
    expect(await store.reset()).toBeNull();
    expect(store.error).toBe(
      "The new passphrase would be too easy to guess. A few more unrelated words will make it stronger.",
    );
    expect(store.passphrase).toBe(CHOSEN);
  });

  it("goes to the unlock screen when Mend locked meanwhile", async () => {
    backend.fails("reset_passphrase", "locked");
    const store = choosing();
    expect(await store.reset()).toBeNull();
    expect(lockedOut).toHaveBeenCalledOnce();
    expect(store.error).toBeNull();
  });

  it("lets no answer asked before a lock land", async () => {
    const answer = deferred<CredentialsChanged>();
    backend.on("reset_passphrase", () => answer.promise);
    const store = choosing();
    const done = store.reset();
    forgetAnswersInFlight();
    answer.resolve(changed({ recoveryKey: KEY }));
    expect(await done).toBeNull();
    expect(store.replacedKey).toBeNull();
    expect(store.error).toBeNull();
  });

  it("forgets everything typed when the screen goes", () => {
    const store = choosing();
    store.dispose();
    expect([store.passphrase, store.confirmation, store.recoveryKey]).toEqual(["", "", ""]);
  });
});

describe("changing the passphrase", () => {
  function filled(): InstanceType<typeof PassphraseChangeStore> {
    const store = new PassphraseChangeStore();
    store.current = CURRENT;
    store.next = CHOSEN;
    store.confirmation = CHOSEN;
    store.nextAcceptable = true;
    return store;
  }

  it("changes it, forgets both passphrases and says what the new key did", async () => {
    backend.returns("change_passphrase", changed({ removedBackups: 1, newBackup: true }));
    const store = filled();
    await store.change();
    expect(backend.argsOf("change_passphrase")).toEqual([{ current: CURRENT, next: CHOSEN }]);
    expect([store.current, store.next, store.confirmation]).toEqual(["", "", ""]);
    expect(store.notes[0]).toContain("Your passphrase has been changed.");
    expect(store.notes[1]).toBe("The automatic backup made before this was erased; a new one is being made now.");
    expect(store.replacedKey).toBeNull();
    expect(store.busy).toBe(false);
  });

  it("says a wrong current passphrase changed nothing, and keeps what was typed", async () => {
    backend.fails("change_passphrase", "wrongPassphrase");
    const store = filled();
    await store.change();
    expect(store.error).toBe("The current passphrase isn't right. Nothing was changed.");
    expect([store.current, store.next, store.confirmation]).toEqual([CURRENT, CHOSEN, CHOSEN]);
    expect(store.notes).toEqual([]);
  });

  it("refuses a weak new passphrase", async () => {
    backend.fails("change_passphrase", "weakPassphrase");
    const store = filled();
    await store.change();
    expect(store.error).toBe(
      "The new passphrase would be too easy to guess. A few more unrelated words will make it stronger.",
    );
  });

  it("shows a recovery key made because the older kind couldn't follow, until it is stored", async () => {
    backend.returns("change_passphrase", changed({ recoveryKey: KEY, recoveryKeyReplaced: true }));
    const store = filled();
    await store.change();
    expect(store.replacedKey).toBe(KEY);
    store.keyStored();
    expect(store.replacedKey).toBeNull();
  });

  it("sends nothing without the current passphrase", async () => {
    const store = filled();
    store.current = "";
    await store.change();
    expect(backend.calls).toEqual([]);
  });

  it("lets no answer asked before a lock land", async () => {
    const answer = deferred<CredentialsChanged>();
    backend.on("change_passphrase", () => answer.promise);
    const store = filled();
    const done = store.change();
    forgetAnswersInFlight();
    answer.resolve(changed({ recoveryKey: KEY }));
    await done;
    expect(store.notes).toEqual([]);
    expect(store.replacedKey).toBeNull();
    expect(store.error).toBeNull();
    expect(lockedOut).not.toHaveBeenCalled();
  });
});

describe("the recovery key offered after making the vault", () => {
  it("asks for the passphrase once more before anything", async () => {
    const store = new RecoveryKeyStore();
    await store.makeOffered();
    expect(store.error).toBe("Please type your passphrase once more first.");
    expect(backend.calls).toEqual([]);
  });

  it("makes the key and forgets the passphrase", async () => {
    backend.returns("create_recovery_key", changed({ recoveryKey: KEY }));
    const store = new RecoveryKeyStore();
    store.current = CHOSEN;
    await store.makeOffered();
    expect(backend.argsOf("create_recovery_key")).toEqual([{ current: CHOSEN }]);
    expect(store.key).toBe(KEY);
    expect(store.current).toBe("");
  });

  it("says the passphrase isn't the one just chosen, and makes nothing", async () => {
    backend.fails("create_recovery_key", "wrongPassphrase");
    const store = new RecoveryKeyStore();
    store.current = "not the one";
    await store.makeOffered();
    expect(store.error).toBe("That isn't the passphrase you just chose. Please try again.");
    expect(store.key).toBeNull();
    expect(store.current).toBe("not the one");
  });
});

describe("the recovery key in Settings", () => {
  it("makes a key: closes the dialog, holds the key, and says what it did once stored", async () => {
    backend.returns("create_recovery_key", changed({ recoveryKey: KEY }));
    const store = new RecoveryKeyStore();
    store.ask("make");
    store.current = CURRENT;
    const done = await store.confirm();
    expect(done).toMatchObject({ hasKey: true, change: "recoveryKeyMade" });
    expect(store.asking).toBeNull();
    expect(store.current).toBe("");
    store.show(done!);
    expect(store.key).toBe(KEY);
    expect(store.notes).toEqual([]);
    store.stored();
    expect(store.key).toBeNull();
    expect(store.notes[0]).toContain("Your new recovery key is in place. Any earlier key no longer works.");
  });

  it("replaces a key the same way, and a new question starts afresh", async () => {
    backend.returns("create_recovery_key", changed({ recoveryKey: KEY }));
    const store = new RecoveryKeyStore();
    store.ask("make");
    store.current = CURRENT;
    store.show((await store.confirm())!);
    store.stored();
    store.ask("make");
    expect(store.notes).toEqual([]);
    expect(store.current).toBe("");
    expect(backend.argsOf("create_recovery_key")).toEqual([{ current: CURRENT }]);
  });

  it("removes the key and says so at once", async () => {
    backend.returns("remove_recovery_key", changed());
    const store = new RecoveryKeyStore();
    store.ask("remove");
    store.current = CURRENT;
    const done = await store.confirm();
    expect(done).toMatchObject({ hasKey: false, change: "recoveryKeyRemoved" });
    store.show(done!);
    expect(store.key).toBeNull();
    expect(store.notes[0]).toContain("The recovery key has been removed.");
  });

  it("asks for the passphrase first, then says a wrong one changed nothing", async () => {
    backend.fails("remove_recovery_key", "wrongPassphrase");
    const store = new RecoveryKeyStore();
    store.ask("remove");
    expect(await store.confirm()).toBeNull();
    expect(store.error).toBe("Please type your current passphrase first.");
    store.current = "not the one";
    expect(await store.confirm()).toBeNull();
    expect(store.error).toBe("That isn't your current passphrase. Nothing was changed.");
    expect(store.asking).toBe("remove");
    expect(store.current).toBe("not the one");
    expect(store.busy).toBe(false);
  });

  it("lets no answer asked before a lock land", async () => {
    const answer = deferred<CredentialsChanged>();
    backend.on("create_recovery_key", () => answer.promise);
    const store = new RecoveryKeyStore();
    store.ask("make");
    store.current = CURRENT;
    const done = store.confirm();
    forgetAnswersInFlight();
    answer.resolve(changed({ recoveryKey: KEY }));
    expect(await done).toBeNull();
    expect(store.key).toBeNull();
    expect(store.error).toBeNull();
  });

  it("forgets the key and the passphrase when the screen goes", () => {
    const store = new RecoveryKeyStore();
    store.current = CURRENT;
    store.key = KEY;
    store.dispose();
    expect([store.current, store.key]).toEqual(["", null]);
  });
});

describe("copying a new recovery key", () => {
  it("copies it and registers its digest, never the key itself", async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal("navigator", { clipboard: { writeText } });
    backend.returns("note_copied", null);
    const note = await copyRecoveryKey(KEY);
    expect(writeText).toHaveBeenCalledWith(KEY);
    const [{ digest }] = backend.argsOf("note_copied") as { digest: string }[];
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(backend.calls)).not.toContain(KEY);
    expect(note).toContain("Copied.");
  });

  it("says to copy it by hand when the clipboard refuses", async () => {
    vi.stubGlobal("navigator", { clipboard: { writeText: vi.fn(async () => Promise.reject(new Error("no"))) } });
    expect(await copyRecoveryKey(KEY)).toContain("Copying didn't work here.");
  });
});
