// @vitest-environment jsdom
// The locked screen as a person uses it: a wrong passphrase is said plainly and
// left selected to retype, the recovery key is the other way in, and opening
// leads on to the journal. The back end is a stand-in behind the real IPC layer.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend } = await import("../../lib/ipc/fakeBackend");
const { navigation } = await import("../../app/navigation.svelte");
const { default: Unlock } = await import("./Unlock.svelte");

let backend: InstanceType<typeof FakeBackend>;

beforeEach(() => {
  backend = new FakeBackend(vi.mocked(invoke));
  navigation.screen = "unlock";
});

async function type(label: string, value: string): Promise<HTMLInputElement> {
  const field = screen.getByLabelText(label) as HTMLInputElement;
  await fireEvent.input(field, { target: { value } });
  return field;
}

describe("Unlock", () => {
  it("says a wrong passphrase changed nothing, and leaves it selected to type again", async () => {
    backend.fails("unlock", "wrongPassphrase");
    render(Unlock);
    const field = await type("Passphrase", "not the one");
    await fireEvent.click(screen.getByRole("button", { name: "Unlock" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("That passphrase didn't open the vault. Nothing was changed.");
    expect(field.value).toBe("not the one");
    await vi.waitFor(() => expect(document.activeElement).toBe(field));
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, "not the one".length]);
    expect(navigation.screen).toBe("unlock");
  });

  it("opens the journal with the right passphrase", async () => {
    backend.returns("unlock", null);
    render(Unlock);
    await type("Passphrase", "quiet lantern over the harbour wall");
    await fireEvent.click(screen.getByRole("button", { name: "Unlock" }));
    await vi.waitFor(() => expect(navigation.screen).toBe("journal"));
    expect(backend.argsOf("unlock")).toEqual([{ passphrase: "quiet lantern over the harbour wall" }]);
  });

  it("offers the recovery key instead, empty and focused, and then a new passphrase", async () => {
    backend.returns("unlock_with_recovery_key", null);
    render(Unlock);
    await type("Passphrase", "half typed");
    await fireEvent.click(screen.getByRole("button", { name: "Use the recovery key instead" }));
    const key = screen.getByLabelText("Recovery key") as HTMLInputElement;
    expect(key.value).toBe("");
    await vi.waitFor(() => expect(document.activeElement).toBe(key));
    await type("Recovery key", " ABCD-EFGH ");
    await fireEvent.click(screen.getByRole("button", { name: "Unlock" }));
    await vi.waitFor(() => expect(navigation.screen).toBe("passphraseReset"));
    expect(backend.argsOf("unlock_with_recovery_key")).toEqual([{ recoveryKey: "ABCD-EFGH" }]);
  });
});
