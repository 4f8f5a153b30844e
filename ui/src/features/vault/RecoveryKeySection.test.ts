// @vitest-environment jsdom
// The recovery key in Settings as a person uses it: asked for the passphrase
// once more, shown the new key once, and told what the change did only after
// saying the key is stored. The back end is a stand-in behind the real IPC layer.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

// jsdom has no modal <dialog>: give it the two methods ConfirmDialog uses.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.setAttribute("open", "");
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.removeAttribute("open");
};
// Nor CSS.escape, which ConfirmDialog uses to find the field to focus.
globalThis.CSS ??= { escape: (text: string) => text } as typeof CSS;

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend } = await import("../../lib/ipc/fakeBackend");
const { default: RecoveryKeySection } = await import("./RecoveryKeySection.svelte");

const KEY = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567";
const CURRENT = "quiet lantern over the harbour wall";

let backend: InstanceType<typeof FakeBackend>;

beforeEach(() => {
  backend = new FakeBackend(vi.mocked(invoke));
});

describe("RecoveryKeySection", () => {
  it("makes a key after the passphrase, shows it once, then says what changed", async () => {
    backend.returns("create_recovery_key", { recoveryKey: KEY, recoveryKeyReplaced: false, removedBackups: 0, newBackup: false });
    const onchange = vi.fn();
    render(RecoveryKeySection, { hasKey: false, onchange });
    await fireEvent.click(screen.getByRole("button", { name: "Make a recovery key…" }));
    await fireEvent.click(screen.getByRole("button", { name: "Make a key" }));
    expect(screen.getByRole("alert").textContent).toBe("Please type your current passphrase first.");
    expect(backend.calls).toEqual([]);

    await fireEvent.input(screen.getByLabelText("Your current passphrase"), { target: { value: CURRENT } });
    await fireEvent.click(screen.getByRole("button", { name: "Make a key" }));
    await vi.waitFor(() => expect(document.getElementById("recovery-key")?.textContent).toBe(KEY));
    expect(onchange).toHaveBeenCalledWith(true);
    expect(backend.argsOf("create_recovery_key")).toEqual([{ current: CURRENT }]);
    expect(document.getElementById("recovery-message")).toBeNull();

    await fireEvent.click(screen.getByLabelText("I have stored it somewhere safe"));
    await fireEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(document.getElementById("recovery-key")).toBeNull();
    expect(screen.getByRole("status").textContent).toContain("Your new recovery key is in place.");
  });

  it("says a wrong passphrase changed nothing, and keeps the dialog open", async () => {
    backend.fails("remove_recovery_key", "wrongPassphrase");
    const onchange = vi.fn();
    render(RecoveryKeySection, { hasKey: true, onchange });
    await fireEvent.click(screen.getByRole("button", { name: "Remove the recovery key…" }));
    await fireEvent.input(screen.getByLabelText("Your current passphrase"), { target: { value: "not the one" } });
    await fireEvent.click(screen.getByRole("button", { name: "Remove recovery key" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("That isn't your current passphrase. Nothing was changed.");
    expect(onchange).not.toHaveBeenCalled();
    expect((screen.getByLabelText("Your current passphrase") as HTMLInputElement).value).toBe("not the one");
  });
});
