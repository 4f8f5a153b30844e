// @vitest-environment jsdom
// Changing the passphrase as a person does it: what they see while Mend moves the
// journal to a new key, and what it tells them afterwards, from what Rust reports.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CredentialsChanged } from "../../lib/ipc";

vi.mock("../../lib/ipc", async () => {
  const error = await import("../../lib/ipc/error");
  return {
    MendError: error.MendError,
    errorCodeOf: error.errorCodeOf,
    StaleAnswer: class StaleAnswer extends Error {},
    assessPassphrase: vi.fn(async () => ({
      score: 4,
      acceptable: true,
      warning: null,
      suggestions: [],
      crackTime: "centuries",
    })),
    changePassphrase: vi.fn(),
  };
});

const ipc = await import("../../lib/ipc");
const { default: PassphraseChange } = await import("./PassphraseChange.svelte");
const changePassphrase = vi.mocked(ipc.changePassphrase);

const NEXT = "seven herons crossing a grey estuary";

async function fill(current: string): Promise<void> {
  await fireEvent.input(screen.getByLabelText("Current passphrase"), { target: { value: current } });
  await fireEvent.input(screen.getByLabelText("New passphrase"), { target: { value: NEXT } });
  await fireEvent.input(screen.getByLabelText("The new passphrase again"), { target: { value: NEXT } });
  const submit = screen.getByRole("button", { name: "Change passphrase" });
  await vi.waitFor(() => expect((submit as HTMLButtonElement).disabled).toBe(false));
}

beforeEach(() => {
  changePassphrase.mockReset();
});

describe("PassphraseChange", () => {
  it("says what the new key did and what Mend cannot reach", async () => {
    const result: CredentialsChanged = { recoveryKey: null, recoveryKeyReplaced: false, removedBackups: 2, newBackup: true };
    changePassphrase.mockResolvedValue(result);
    render(PassphraseChange);
    await fill("quiet lantern over the harbour wall");
    await fireEvent.click(screen.getByRole("button", { name: "Change passphrase" }));
    const said = await screen.findByRole("status");
    expect(changePassphrase).toHaveBeenCalledWith("quiet lantern over the harbour wall", NEXT);
    expect(said.textContent).toContain("old passphrase no longer opens it");
    expect(said.textContent).toContain("The 2 automatic backups made before this were erased");
    expect(said.textContent).toContain("backup file you saved yourself");
    expect((screen.getByLabelText("Current passphrase") as HTMLInputElement).value).toBe("");
  });

  it("refuses a wrong current passphrase and keeps what was typed", async () => {
    const { MendError } = await import("../../lib/ipc/error");
    changePassphrase.mockRejectedValue(new MendError("wrongPassphrase", "x"));
    render(PassphraseChange);
    await fill("not the one");
    await fireEvent.click(screen.getByRole("button", { name: "Change passphrase" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("current passphrase isn't right. Nothing was changed.");
    expect((screen.getByLabelText("New passphrase") as HTMLInputElement).value).toBe(NEXT);
  });

  it("shows progress only when the change takes longer than half a second", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let finish!: (r: CredentialsChanged) => void;
    changePassphrase.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    render(PassphraseChange);
    await fill("quiet lantern over the harbour wall");
    await fireEvent.click(screen.getByRole("button", { name: "Change passphrase" }));
    expect(screen.getByRole("button", { name: "Changing the passphrase…" })).toBeTruthy();
    expect(document.getElementById("change-progress")).toBeNull();
    await vi.advanceTimersByTimeAsync(600);
    expect(document.getElementById("change-progress")?.textContent).toContain("Locking your journal with a new key");
    finish({ recoveryKey: null, recoveryKeyReplaced: false, removedBackups: 0, newBackup: false });
    await vi.waitFor(() => expect(document.getElementById("change-progress")).toBeNull());
    vi.useRealTimers();
  });
});
