// @vitest-environment jsdom
// The Sharing section as a person uses it, over a stand-in back end
// (FakeBackend; the real IPC layer over it): own-safety mode explains instead
// of offering to share; otherwise the code, contacts, a share from nothing
// ticked to its exact preview and Save, opening a share and what was shared.
import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { CANDIDATES, CODE, OPENED, RECEIVED, SAM } from "./fixtures";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

// jsdom has no modal <dialog>: give it the two methods ConfirmDialog uses.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.setAttribute("open", "");
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.removeAttribute("open");
};

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend } = await import("../../lib/ipc/fakeBackend");
const { default: SharingSection } = await import("./SharingSection.svelte");

let backend: InstanceType<typeof FakeBackend>;
const RELATIONSHIPS = [
  { id: 4, name: "Sam" },
  { id: 8, name: "Counsellor" },
];

function loaded(ownSafety = false): InstanceType<typeof FakeBackend> {
  return backend
    .returns("sharing_status", { ownSafety })
    .returns("my_code", CODE)
    .returns("list_contacts", [SAM])
    .returns("shared_with_me", [])
    .returns("share_candidates", CANDIDATES)
    .returns("dismiss_share", null);
}

function show(): void {
  render(SharingSection, { relationshipId: 4, relationships: RELATIONSHIPS });
}

beforeEach(() => {
  backend = new FakeBackend(vi.mocked(invoke));
});

describe("SharingSection", () => {
  it("in own-safety mode explains, names pressure as a warning sign, and offers no share", async () => {
    loaded(true);
    show();
    const off = await screen.findByRole("heading", { name: /Sharing is off/u });
    const words = (off.closest("div")?.textContent ?? "").replace(/\s+/gu, " ");
    expect(words).toContain("that pressure is itself a warning sign");
    expect(words).toContain("Show the repair steps anyway");
    expect(document.getElementById("share-open")).toBeNull();
    expect(document.getElementById("share-preview")).toBeNull();
    expect(document.getElementById("share-save")).toBeNull();
    expect(document.getElementById("receive-open")).toBeNull();
    expect(document.getElementById("shared-with-me")).not.toBeNull();
  });

  it("shows the code with its fingerprint, QR and why it is safe to give", async () => {
    loaded();
    show();
    expect((await screen.findByText(CODE.grouped)).id).toBe("my-code-text");
    expect(document.getElementById("my-code-fingerprint")?.textContent).toBe(CODE.fingerprint);
    const qr = screen.getByRole("img", { name: "Your code as a QR code" }) as HTMLImageElement;
    expect(qr.src.startsWith("data:image/svg+xml")).toBe(true);
    expect(document.getElementById("my-code")?.textContent).toContain("It is safe to give");
    expect(screen.getByRole("button", { name: "Copy your code" })).toBeTruthy();
  });

  it("shows a refused code beside the code field", async () => {
    loaded().fails("add_contact", "invalidInput", "A character is wrong or missing: please compare the code again.", "code");
    show();
    await fireEvent.input(await screen.findByLabelText("Their name"), { target: { value: "Alex" } });
    await fireEvent.input(screen.getByLabelText("Their code"), { target: { value: "mend1 typo" } });
    await fireEvent.click(screen.getByRole("button", { name: "Add contact" }));
    const error = await screen.findByText("A character is wrong or missing: please compare the code again.");
    expect(error.id).toBe("contact-code-error");
    expect(screen.getByLabelText("Their code").getAttribute("aria-invalid")).toBe("true");
  });

  it("removes a contact only after a confirmation", async () => {
    loaded().returns("remove_contact", null);
    show();
    await fireEvent.click(await screen.findByRole("button", { name: "Remove Sam" }));
    expect(backend.argsOf("remove_contact")).toEqual([]);
    await fireEvent.click(await screen.findByRole("button", { name: "Remove contact" }));
    expect(backend.argsOf("remove_contact")).toEqual([{ contactId: SAM.id }]);
  });

  it("ticks nothing, previews the exact words, warns, and saves to the contact", async () => {
    loaded()
      .returns("share_preview", "Commitment: Home by seven\n2026-11-02: kept\n")
      .returns("save_share", { name: "Mend share 2026-11-20.mendshare", sequence: 1 });
    show();
    await fireEvent.click(await screen.findByRole("button", { name: "Share…" }));
    const boxes = await screen.findAllByRole("checkbox");
    expect(boxes.every((b) => !(b as HTMLInputElement).checked)).toBe(true);
    const preview = screen.getByRole("button", { name: "Show exactly what will leave" });
    expect((preview as HTMLButtonElement).disabled).toBe(true);
    expect(document.getElementById("share-save")).toBeNull();

    await fireEvent.click(screen.getByRole("checkbox", { name: /Home by seven/u }));
    await fireEvent.click(preview);
    const words = await screen.findByRole("region", { name: "Every word that will leave" });
    expect(words.textContent).toContain("2026-11-02: kept");
    expect(document.getElementById("share-warning")?.textContent).toContain("cannot be taken back");

    await fireEvent.click(screen.getByRole("button", { name: "Save the share…" }));
    expect(backend.argsOf("save_share")).toEqual([
      { selection: expect.objectContaining({ commitmentIds: [5] }), to: { kind: "contact", contactId: SAM.id } },
    ]);
    expect((await screen.findByText(/Saved as Mend share 2026-11-20.mendshare/u)).id).toBe("share-status");
  });

  it("prints the previewed words alone, for someone without Mend, and says a printout is unsealed", async () => {
    loaded().returns("share_preview", "Commitment: Home by seven\n").returns("print_review", null);
    const { unmount } = render(SharingSection, { relationshipId: 4, relationships: RELATIONSHIPS });
    await fireEvent.click(await screen.findByRole("button", { name: "Share…" }));
    await fireEvent.click(await screen.findByRole("checkbox", { name: /Home by seven/u }));
    expect(screen.queryByRole("button", { name: "Print or save as PDF…" })).toBeNull();
    await fireEvent.click(screen.getByRole("button", { name: "Show exactly what will leave" }));
    const print = await screen.findByRole("button", { name: "Print or save as PDF…" });
    expect(print.parentElement?.textContent).toContain("anyone who has it can read them");
    await fireEvent.click(print);
    expect(backend.argsOf("print_review")).toEqual([{}]);
    expect(document.body.classList.contains("printing-share")).toBe(true);
    unmount();
    expect(document.body.classList.contains("printing-share")).toBe(false);
  });

  it("opens a share, shows who and what, and keeps it under the chosen relationship", async () => {
    loaded().returns("open_share", { kind: "opened", share: OPENED }).returns("accept_share", 2);
    show();
    await fireEvent.click(await screen.findByRole("button", { name: "Open a share…" }));
    const preview = await screen.findByRole("region", { name: /From Someone not in your contacts/u });
    expect(preview.textContent).toContain(OPENED.fromFingerprint);
    expect(preview.textContent).toContain("Commitment: Home by seven");
    const into = within(preview).getByLabelText("Keep it under") as HTMLSelectElement;
    expect(into.value).toBe("4");
    await fireEvent.change(into, { target: { value: "8" } });
    await fireEvent.click(within(preview).getByRole("button", { name: "Accept" }));
    expect(backend.argsOf("accept_share")).toEqual([{ relationshipId: 8 }]);
  });

  it("lists what was shared by sender, says what replaced an earlier version, and deletes after a confirmation", async () => {
    loaded().returns("shared_with_me", RECEIVED).returns("delete_received", null);
    show();
    const from = await screen.findByRole("region", { name: "From Alex" });
    expect(from.textContent).toContain("Replaced an earlier version");
    expect(from.querySelectorAll(".received-item")).toHaveLength(2);
    const deletes = within(from).getAllByRole("button", { name: /^Delete/u });
    await fireEvent.click(deletes[0] as HTMLElement);
    expect(backend.argsOf("delete_received")).toEqual([]);
    backend.returns("shared_with_me", []);
    await fireEvent.click(await screen.findByRole("button", { name: "Delete share" }));
    expect(backend.argsOf("delete_received")).toEqual([{ shareId: 2 }]);
    expect(await screen.findByText(/Nothing has been shared with you/u)).toBeTruthy();
  });

  it("says plainly when nothing has been shared and there are no contacts", async () => {
    loaded().returns("list_contacts", []).returns("share_candidates", { entries: [], commitments: [], marks: [], checkIns: [], decisions: [] });
    show();
    expect(await screen.findByText(/No contacts yet/u)).toBeTruthy();
    await fireEvent.click(screen.getByRole("button", { name: "Share…" }));
    expect(await screen.findByText(/nothing to share yet/u)).toBeTruthy();
    expect(screen.getByText(/Nothing has been shared with you/u)).toBeTruthy();
  });
});
