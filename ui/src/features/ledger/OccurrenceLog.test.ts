// @vitest-environment jsdom
// The log panel as a person uses it: the four ways a day can go (only
// "renegotiated" for a day still ahead), Save once a choice is made, Escape
// to close, and taking back what was logged before.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RELATIONSHIP, TODAY, atToday, due } from "./fixtures";
import OccurrenceLog from "./OccurrenceLog.svelte";
import { LedgerStore } from "./store.svelte";
import type { Role } from "../../lib/ipc";
import type { OccurrenceView } from "../../lib/ipc/ledger";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

function open(occurrence: OccurrenceView, role: Role = "repairer") {
  const store = new LedgerStore(RELATIONSHIP);
  store.toggleLog(1, occurrence);
  const handlers = { onsave: vi.fn(), onclose: vi.fn(), onclear: vi.fn() };
  // "target" is also a mount option: the props go under `props`.
  render(OccurrenceLog, { props: { store, target: store.target!, role, ...handlers } });
  return { store, ...handlers };
}

function choice(label: string): HTMLInputElement {
  return screen.getByRole("radio", { name: new RegExp(`^${label}`, "u") });
}

beforeEach(atToday);
afterEach(() => vi.useRealTimers());

describe("OccurrenceLog", () => {
  it("asks how it went, and saves once a choice is made", async () => {
    const { store, onsave } = open(due(TODAY));
    expect(screen.getByRole("group", { name: "How did it go?" })).toBeTruthy();
    const save = screen.getByRole("button", { name: "Save" }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await fireEvent.click(choice("Missed"));
    expect(store.logStatus).toBe("missed");
    expect(save.disabled).toBe(false);
    await fireEvent.input(screen.getByLabelText(/A note/u), { target: { value: "Forgot" } });
    expect(store.logNote).toBe("Forgot");
    await fireEvent.click(save);
    expect(onsave).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("button", { name: "Take this log back" })).toBeNull();
  });

  it("asks the decider what they saw", () => {
    open(due(TODAY), "decider");
    expect(screen.getByRole("group", { name: "What did you see?" })).toBeTruthy();
  });

  it("offers only renegotiated for a day still ahead, and says why", () => {
    open(due("2026-03-12"));
    expect(choice("Kept").disabled).toBe(true);
    expect(choice("Missed").disabled).toBe(true);
    expect(choice("Renegotiated").disabled).toBe(false);
    expect(choice("Renegotiated").checked).toBe(true);
    expect(screen.getByText(/still ahead, so it can only be marked as renegotiated/u)).toBeTruthy();
  });

  it("shows what was logged before, and offers to take it back", async () => {
    const { onclear } = open(due("2026-03-08", "kept", "Round the park"));
    expect(choice("Kept").checked).toBe(true);
    expect((screen.getByLabelText(/A note/u) as HTMLTextAreaElement).value).toBe("Round the park");
    await fireEvent.click(screen.getByRole("button", { name: "Take this log back" }));
    expect(onclear).toHaveBeenCalledTimes(1);
  });

  it("closes on Cancel and on Escape", async () => {
    const { onclose } = open(due(TODAY));
    await fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await fireEvent.keyDown(choice("Kept"), { key: "Escape" });
    expect(onclose).toHaveBeenCalledTimes(2);
  });

  it("shows why a log was refused", () => {
    const { store } = open(due(TODAY));
    store.logError = "That day isn't one of this commitment's due days.";
    return vi.waitFor(() => expect(screen.getByRole("alert").textContent).toBe(store.logError));
  });
});
