// @vitest-environment jsdom
import { fireEvent, render, screen } from "@testing-library/svelte";
import { createRawSnippet } from "svelte";
import { describe, expect, it, vi } from "vitest";

// A lock would lead to the unlock screen: the session is not part of these tests.
vi.mock("../lib/lockout", () => ({ lockedOut: () => false }));

// jsdom has no modal <dialog>: give it the two methods ConfirmDialog uses.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.setAttribute("open", "");
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.removeAttribute("open");
};

const { default: DeleteConfirm } = await import("./DeleteConfirm.svelte");
const { MendError } = await import("../lib/ipc/error");

const body = createRawSnippet(() => ({ render: () => "<p>The moment will be removed.</p>" }));

function open(remove: () => Promise<unknown>) {
  const ondone = vi.fn();
  const oncancel = vi.fn();
  render(DeleteConfirm, {
    title: "Delete this moment?",
    confirmLabel: "Delete moment",
    remove,
    ondone,
    oncancel,
    children: body,
  });
  return { ondone, oncancel };
}

describe("DeleteConfirm", () => {
  it("asks first, with the safe answer focused, and removes only when confirmed", async () => {
    const remove = vi.fn(() => Promise.resolve());
    const { ondone } = open(remove);
    expect(screen.getByRole("heading", { name: "Delete this moment?" })).toBeTruthy();
    expect(screen.getByText("The moment will be removed.")).toBeTruthy();
    expect(document.activeElement?.textContent?.trim()).toBe("Cancel");
    expect(remove).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByRole("button", { name: "Delete moment" }));
    expect(remove).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(ondone).toHaveBeenCalledTimes(1));
  });

  it("keeps the question open with a readable reason when the removal fails", async () => {
    const { ondone } = open(() => Promise.reject(new MendError("storage", "disk")));
    await fireEvent.click(screen.getByRole("button", { name: "Delete moment" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/couldn't read or write its files/);
    expect(ondone).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Delete moment" })).toBeTruthy();
  });

  it("cancels without removing anything", async () => {
    const remove = vi.fn(() => Promise.resolve());
    const { oncancel } = open(remove);
    await fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(oncancel).toHaveBeenCalledTimes(1);
    expect(remove).not.toHaveBeenCalled();
  });
});
