// The sharing store against a stand-in back end (FakeBackend; the real IPC
// layer over it): nothing is chosen at first, the preview is Rust's and goes
// with any change, a share is saved only under a preview, own-safety mode asks
// for nothing more, a refused code lands at its field, and a received share is
// let go of unless accepted.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { CANDIDATES, CODE, OPENED, RECEIVED, SAM } from "./fixtures";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend } = await import("../../lib/ipc/fakeBackend");
const { SharingStore } = await import("./store.svelte");
const { byShare, emptySelection, isEmpty } = await import("./sharing");

let backend: InstanceType<typeof FakeBackend>;

function loaded(ownSafety = false): InstanceType<typeof FakeBackend> {
  return backend
    .returns("sharing_status", { ownSafety })
    .returns("my_code", CODE)
    .returns("list_contacts", [SAM])
    .returns("shared_with_me", [])
    .returns("share_candidates", CANDIDATES);
}

beforeEach(() => {
  backend = new FakeBackend(vi.mocked(invoke));
});

describe("SharingStore", () => {
  it("loads the code, contacts and candidates with nothing chosen", async () => {
    loaded();
    const store = new SharingStore(4);
    await store.load();
    expect(store.ownSafety).toBe(false);
    expect(store.code).toEqual(CODE);
    expect(store.contactId).toBe(SAM.id);
    expect(store.candidates).toEqual(CANDIDATES);
    expect(isEmpty(store.chosen)).toBe(true);
    expect(store.nothingChosen).toBe(true);
    expect(store.selection()).toEqual({
      relationshipId: 4,
      entryIds: [],
      commitmentIds: [],
      marks: [],
      checkIns: [],
      decisionId: null,
      note: null,
    });
  });

  it("in own-safety mode asks for nothing that could be shared", async () => {
    loaded(true);
    const store = new SharingStore(4);
    await store.load();
    expect(store.ownSafety).toBe(true);
    expect(store.candidates).toBeNull();
    expect(backend.argsOf("share_candidates")).toEqual([]);
  });

  it("previews exactly what is chosen, and any change drops the preview", async () => {
    loaded().on("share_preview", () => "Commitment: Home by seven\n");
    const store = new SharingStore(4);
    await store.load();
    store.toggle("commitments", 5);
    store.toggleStep("gottman", "atone");
    store.toggle("checkIns", "2026-11-18");
    store.chooseDecision(9);
    store.setNote("For Thursday");
    await store.showPreview();
    expect(store.preview).toBe("Commitment: Home by seven\n");
    expect(backend.argsOf("share_preview")).toEqual([
      {
        selection: {
          relationshipId: 4,
          entryIds: [],
          commitmentIds: [5],
          marks: [{ frameworkId: "gottman", stepId: "atone" }],
          checkIns: ["2026-11-18"],
          decisionId: 9,
          note: "For Thursday",
        },
      },
    ]);
    store.toggle("commitments", 5);
    expect(store.preview).toBeNull();
    expect(store.selection().commitmentIds).toEqual([]);
  });

  it("saves only under a preview, to the chosen contact, and starts again afterwards", async () => {
    loaded().returns("share_preview", "words").returns("save_share", { name: "Mend share 2026-11-20.mendshare", sequence: 1 });
    const store = new SharingStore(4);
    await store.load();
    store.toggle("entries", 3);
    await store.save();
    expect(backend.argsOf("save_share")).toEqual([]);
    await store.showPreview();
    await store.save();
    expect(backend.argsOf("save_share")).toEqual([{ selection: expect.objectContaining({ entryIds: [3] }), to: { kind: "contact", contactId: 7 } }]);
    expect(store.shareStatus).toContain("Mend share 2026-11-20.mendshare");
    expect(store.shareStatus).toContain("cannot be taken back");
    expect(isEmpty(store.chosen)).toBe(true);
    expect(store.preview).toBeNull();
  });

  it("shows a passphrase refusal at its field and clears passphrases once used", async () => {
    loaded().returns("share_preview", "words");
    backend.fails("save_share", "invalidInput", "The two passphrases are not the same.", "repeated");
    const store = new SharingStore(4);
    await store.load();
    store.setNote("A note");
    await store.showPreview();
    store.recipient = "passphrase";
    store.passphrase = "one two three";
    store.repeated = "one two four";
    await store.save();
    expect(store.shareError).toEqual({ field: "repeated", text: "The two passphrases are not the same." });
    expect(backend.argsOf("save_share")[0]?.to).toEqual({ kind: "passphrase", passphrase: "one two three", repeated: "one two four" });

    backend.returns("save_share", { name: "s.mendshare", sequence: 2 });
    store.repeated = "one two three";
    await store.save();
    expect(store.passphrase).toBe("");
    expect(store.repeated).toBe("");
  });

  it("says when the save dialog was closed, keeping the choice", async () => {
    loaded().returns("share_preview", "words").returns("save_share", null);
    const store = new SharingStore(4);
    await store.load();
    store.toggle("entries", 3);
    await store.showPreview();
    await store.save();
    expect(store.shareStatus).toBe("Nothing was saved.");
    expect(store.chosen.entries.has(3)).toBe(true);
  });

  it("puts a refused code at the code field, in Rust's words", async () => {
    loaded().fails("add_contact", "invalidInput", "A character is wrong or missing: please compare the code again.", "code");
    const store = new SharingStore(4);
    await store.load();
    expect(await store.addContact("Sam", "mend1 typo")).toBe(false);
    expect(store.contactError).toEqual({ field: "code", text: "A character is wrong or missing: please compare the code again." });
    expect(backend.argsOf("add_contact")).toEqual([{ relationshipId: 4, name: "Sam", code: "mend1 typo" }]);
  });

  it("adds, renames and removes contacts", async () => {
    loaded()
      .returns("list_contacts", [])
      .returns("add_contact", SAM)
      .returns("rename_contact", null)
      .returns("remove_contact", null);
    const store = new SharingStore(4);
    await store.load();
    expect(store.contactId).toBeNull();
    expect(await store.addContact("Sam", "mend1...")).toBe(true);
    expect(store.contacts).toEqual([SAM]);
    expect(store.contactId).toBe(SAM.id);
    expect(await store.renameContact(SAM.id, " Samuel ")).toBeNull();
    expect(store.contacts[0]?.name).toBe("Samuel");
    await store.removeContact(SAM.id);
    expect(store.contacts).toEqual([]);
    expect(store.contactId).toBeNull();
  });

  it("asks for a passphrase, then shows who and what, and keeps it only on Accept", async () => {
    loaded()
      .returns("open_share", { kind: "needsPassphrase", file: "s.mendshare" })
      .returns("open_share_with", { kind: "opened", share: { ...OPENED, byPassphrase: true } })
      .returns("accept_share", 12);
    const store = new SharingStore(4);
    await store.load();
    await store.open();
    expect(store.receipt).toEqual({ file: "s.mendshare", needsPassphrase: true, share: null });
    store.receivePassphrase = "agreed words";
    await store.openWithPassphrase();
    expect(backend.argsOf("open_share_with")).toEqual([{ relationshipId: 4, passphrase: "agreed words" }]);
    expect(store.receivePassphrase).toBe("");
    expect(store.receipt?.share?.preview).toBe(OPENED.preview);
    expect(backend.argsOf("accept_share")).toEqual([]);

    backend.returns("shared_with_me", RECEIVED);
    await store.accept();
    expect(backend.argsOf("accept_share")).toEqual([{ relationshipId: 4 }]);
    expect(store.receipt).toBeNull();
    expect(store.shared).toEqual(RECEIVED);
  });

  it("keeps into another relationship when chosen, and lets go on Don't keep", async () => {
    loaded().returns("open_share", { kind: "opened", share: OPENED }).returns("accept_share", 3).returns("dismiss_share", null);
    const store = new SharingStore(4);
    await store.load();
    await store.open();
    store.receiveInto = 8;
    await store.accept();
    expect(backend.argsOf("accept_share")).toEqual([{ relationshipId: 8 }]);
    expect(store.receiveStatus).toContain("relationship you chose");

    await store.open();
    await store.dismiss();
    expect(backend.argsOf("dismiss_share")).toHaveLength(1);
    expect(store.receipt).toBeNull();
  });

  it("shows why a share was refused, in Rust's words, and keeps nothing", async () => {
    loaded().fails("open_share", "vaultExists", "This share is older than one already received from the same person.");
    const store = new SharingStore(4);
    await store.load();
    await store.open();
    expect(store.receiveError).toBe("This share is older than one already received from the same person.");
    expect(store.receipt).toBeNull();
  });

  it("lets go of an open share when the page goes", async () => {
    loaded().returns("open_share", { kind: "opened", share: OPENED }).returns("dismiss_share", null);
    const store = new SharingStore(4);
    await store.load();
    await store.open();
    store.dispose();
    expect(backend.argsOf("dismiss_share")).toHaveLength(1);
  });
});

describe("sharing rules", () => {
  it("starts with nothing chosen", () => {
    expect(isEmpty(emptySelection())).toBe(true);
  });

  it("groups a sender's items by the share they came in, newest first", () => {
    const shares = byShare(RECEIVED[0]?.items ?? []);
    expect(shares.map((s) => s.shareId)).toEqual([2, 1]);
    expect(shares[0]?.items.map((i) => i.id)).toEqual([21]);
  });
});
