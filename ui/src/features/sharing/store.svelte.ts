// Sharing on a relationship's page: the person's own contact code, the
// relationship's contacts, a share being made (what is chosen, its exact
// preview, whom it is for) and a share being received, and what was shared
// with them.
//
// Invariants:
// - every IPC call of the Sharing section is made here; components render this
//   and forward what the person does;
// - nothing is chosen to share until the person ticks it, and the preview shown
//   is Rust's, for the selection as it is now: any change to the selection or
//   the note drops it, so Save is offered only under the words that will leave;
// - in own-safety mode nothing is asked about sharing beyond the status: the
//   section explains instead;
// - a passphrase typed here is cleared as soon as it has been used;
// - a share being received is held by the back end (in memory) until Accept or
//   "Don't keep"; `dispose` lets go of it when the page goes;
// - an answer dropped by a lock shows no error, and none lands after dispose.

import { MendError } from "../../lib/ipc/error";
import {
  acceptShare,
  addContact,
  deleteReceived,
  dismissShare,
  listContacts,
  myCode,
  openShare,
  openShareWith,
  printPreview as printWindow,
  removeContact,
  renameContact,
  saveShare,
  shareCandidates,
  sharePreview,
  sharedWithMe,
  sharingStatus,
  type Candidates,
  type ContactView,
  type MyCode,
  type OpenedShare,
  type Recipient,
  type SelectionInput,
  type SenderView,
} from "../../lib/ipc/sharing";
import { lockedOut } from "../../lib/lockout";
import { LOAD_WORDING, describeError } from "../../lib/messages";
import { emptySelection, isEmpty, stepKey, type Choice } from "./sharing";

/** The back end's own sentence for what it refused; a calm general one otherwise. */
export function refusal(reason: unknown): string {
  const own = new Set(["invalidInput", "vaultExists", "wrongPassphrase", "notFound"]);
  if (reason instanceof MendError && own.has(reason.code) && reason.message.trim() !== "") return reason.message;
  return describeError(reason, LOAD_WORDING);
}

/** The input field a refusal names, if any. */
function fieldOf(reason: unknown): string | null {
  return reason instanceof MendError ? (reason.field ?? null) : null;
}

export class SharingStore {
  readonly relationshipId: number;

  ownSafety = $state<boolean | null>(null);
  loadError = $state<string | null>(null);

  code = $state<MyCode | null>(null);
  contacts = $state<ContactView[]>([]);
  contactError = $state<{ field: string | null; text: string } | null>(null);
  contactBusy = $state(false);

  // Making a share
  candidates = $state<Candidates | null>(null);
  chosen = $state<Choice>(emptySelection());
  note = $state("");
  preview = $state<string | null>(null);
  recipient = $state<"contact" | "passphrase">("contact");
  contactId = $state<number | null>(null);
  passphrase = $state("");
  repeated = $state("");
  shareBusy = $state(false);
  shareError = $state<{ field: string | null; text: string } | null>(null);
  shareStatus = $state<string | null>(null);

  // Receiving
  receipt = $state<{ file: string; needsPassphrase: boolean; share: OpenedShare | null } | null>(null);
  receivePassphrase = $state("");
  receiveInto = $state(0);
  receiveBusy = $state(false);
  receiveError = $state<string | null>(null);
  receiveStatus = $state<string | null>(null);

  shared = $state<SenderView[]>([]);

  #disposed = false;

  constructor(relationshipId: number) {
    this.relationshipId = relationshipId;
    this.receiveInto = relationshipId;
  }

  #shows(reason: unknown): boolean {
    return !this.#disposed && !lockedOut(reason);
  }

  /** The selection as the back end reads it. */
  selection(): SelectionInput {
    return {
      relationshipId: this.relationshipId,
      entryIds: [...this.chosen.entries],
      commitmentIds: [...this.chosen.commitments],
      marks: [...this.chosen.marks].map((key) => {
        const [frameworkId, stepId] = key.split("\u001f");
        return { frameworkId: frameworkId ?? "", stepId: stepId ?? "" };
      }),
      checkIns: [...this.chosen.checkIns],
      decisionId: this.chosen.decision,
      note: this.note.trim() === "" ? null : this.note,
    };
  }

  readonly nothingChosen = $derived(isEmpty(this.chosen) && this.note.trim() === "");

  /** Loads the status, then (unless in own-safety mode) everything the section shows. */
  async load(): Promise<void> {
    this.loadError = null;
    try {
      const status = await sharingStatus(this.relationshipId);
      if (this.#disposed) return;
      this.ownSafety = status.ownSafety;
      const [code, contacts, shared] = await Promise.all([
        myCode(),
        listContacts(this.relationshipId),
        sharedWithMe(this.relationshipId),
      ]);
      if (this.#disposed) return;
      this.code = code;
      this.contacts = contacts;
      this.shared = shared;
      if (this.contactId === null || !contacts.some((c) => c.id === this.contactId)) this.contactId = contacts[0]?.id ?? null;
      if (!status.ownSafety) {
        const candidates = await shareCandidates(this.relationshipId);
        if (!this.#disposed) this.candidates = candidates;
      }
    } catch (reason) {
      if (this.#shows(reason)) this.loadError = describeError(reason, LOAD_WORDING);
    }
  }

  dispose(): void {
    this.#disposed = true;
    this.passphrase = "";
    this.repeated = "";
    this.receivePassphrase = "";
    if (this.receipt !== null) void dismissShare().catch(() => {});
  }

  // Contacts

  async addContact(name: string, code: string): Promise<boolean> {
    this.contactBusy = true;
    this.contactError = null;
    try {
      const added = await addContact(this.relationshipId, name, code);
      if (this.#disposed) return false;
      this.contacts = [...this.contacts, added];
      this.contactId ??= added.id;
      return true;
    } catch (reason) {
      if (this.#shows(reason)) this.contactError = { field: fieldOf(reason), text: refusal(reason) };
      return false;
    } finally {
      this.contactBusy = false;
    }
  }

  /** Renames a contact; the refusal's sentence, or null when done. */
  async renameContact(id: number, name: string): Promise<string | null> {
    try {
      await renameContact(id, name);
      this.contacts = this.contacts.map((c) => (c.id === id ? { ...c, name: name.trim() } : c));
      return null;
    } catch (reason) {
      return this.#shows(reason) ? refusal(reason) : null;
    }
  }

  /** For DeleteConfirm: throws when refused. */
  async removeContact(id: number): Promise<void> {
    await removeContact(id);
    this.contacts = this.contacts.filter((c) => c.id !== id);
    if (this.contactId === id) this.contactId = this.contacts[0]?.id ?? null;
  }

  // Making a share

  /** Ticks or unticks one thing to share; the preview no longer applies. */
  toggle(kind: "entries" | "commitments" | "checkIns" | "marks", key: number | string): void {
    const set = new Set<number | string>(this.chosen[kind]);
    if (set.has(key)) set.delete(key);
    else set.add(key);
    this.chosen = { ...this.chosen, [kind]: set };
    this.preview = null;
    this.shareStatus = null;
  }

  chooseDecision(id: number | null): void {
    this.chosen = { ...this.chosen, decision: id };
    this.preview = null;
    this.shareStatus = null;
  }

  setNote(text: string): void {
    this.note = text;
    this.preview = null;
    this.shareStatus = null;
  }

  toggleStep(frameworkId: string, stepId: string): void {
    this.toggle("marks", stepKey(frameworkId, stepId));
  }

  /** Asks Rust for the exact words the selection would carry. */
  async showPreview(): Promise<void> {
    if (this.nothingChosen) return;
    this.shareBusy = true;
    this.shareError = null;
    try {
      const words = await sharePreview(this.selection());
      if (!this.#disposed) this.preview = words;
    } catch (reason) {
      if (this.#shows(reason)) this.shareError = { field: fieldOf(reason), text: refusal(reason) };
    } finally {
      this.shareBusy = false;
    }
  }

  #to(): Recipient | null {
    if (this.recipient === "passphrase") return { kind: "passphrase", passphrase: this.passphrase, repeated: this.repeated };
    return this.contactId === null ? null : { kind: "contact", contactId: this.contactId };
  }

  /** Opens the print dialog for the preview: a page or PDF for someone without Mend. */
  async printPreview(): Promise<void> {
    if (this.preview === null) return;
    this.shareError = null;
    try {
      await printWindow();
    } catch (reason) {
      if (this.#shows(reason)) this.shareError = { field: null, text: refusal(reason) };
    }
  }

  /** Seals what was previewed and saves it where the person chooses. */
  async save(): Promise<void> {
    const to = this.#to();
    if (this.preview === null || to === null || this.shareBusy) return;
    this.shareBusy = true;
    this.shareError = null;
    this.shareStatus = null;
    try {
      const saved = await saveShare(this.selection(), to);
      if (this.#disposed) return;
      if (saved === null) {
        this.shareStatus = "Nothing was saved.";
      } else {
        this.shareStatus = `Saved as ${saved.name}. Give the file to the person it is for; it cannot be taken back once given.`;
        this.passphrase = "";
        this.repeated = "";
        this.chosen = emptySelection();
        this.note = "";
        this.preview = null;
      }
    } catch (reason) {
      if (this.#shows(reason)) this.shareError = { field: fieldOf(reason), text: refusal(reason) };
    } finally {
      this.shareBusy = false;
    }
  }

  // Receiving

  #received(answer: Awaited<ReturnType<typeof openShareWith>>): void {
    this.receipt =
      answer.kind === "needsPassphrase"
        ? { file: answer.file, needsPassphrase: true, share: null }
        : { file: answer.share.file, needsPassphrase: false, share: answer.share };
  }

  /** Chooses a share file and opens it (nothing is kept yet). */
  async open(): Promise<void> {
    this.receiveBusy = true;
    this.receiveError = null;
    this.receiveStatus = null;
    this.receipt = null;
    this.receiveInto = this.relationshipId;
    try {
      const answer = await openShare(this.relationshipId);
      if (this.#disposed) return;
      if (answer === null) this.receiveStatus = "No share was opened.";
      else this.#received(answer);
    } catch (reason) {
      if (this.#shows(reason)) this.receiveError = refusal(reason);
    } finally {
      this.receiveBusy = false;
    }
  }

  async openWithPassphrase(): Promise<void> {
    if (this.receivePassphrase === "") return;
    this.receiveBusy = true;
    this.receiveError = null;
    try {
      const answer = await openShareWith(this.relationshipId, this.receivePassphrase);
      if (this.#disposed) return;
      this.receivePassphrase = "";
      this.#received(answer);
    } catch (reason) {
      if (this.#shows(reason)) this.receiveError = refusal(reason);
    } finally {
      this.receiveBusy = false;
    }
  }

  /** Keeps the opened share under the chosen relationship. */
  async accept(): Promise<void> {
    if (this.receipt?.share == null) return;
    this.receiveBusy = true;
    this.receiveError = null;
    try {
      await acceptShare(this.receiveInto);
      if (this.#disposed) return;
      const here = this.receiveInto === this.relationshipId;
      this.receipt = null;
      this.receiveStatus = here ? "Kept under Shared with me." : "Kept under Shared with me in the relationship you chose.";
      if (here) this.shared = await sharedWithMe(this.relationshipId);
    } catch (reason) {
      if (this.#shows(reason)) this.receiveError = refusal(reason);
    } finally {
      this.receiveBusy = false;
    }
  }

  /** "Don't keep": the back end forgets it; nothing was written. */
  async dismiss(): Promise<void> {
    this.receipt = null;
    this.receivePassphrase = "";
    this.receiveError = null;
    this.receiveStatus = "The share was not kept.";
    try {
      await dismissShare();
    } catch (reason) {
      this.#shows(reason);
    }
  }

  /** For DeleteConfirm: throws when refused. */
  async deleteReceived(shareId: number): Promise<void> {
    await deleteReceived(shareId);
    const shared = await sharedWithMe(this.relationshipId);
    if (!this.#disposed) this.shared = shared;
  }
}
