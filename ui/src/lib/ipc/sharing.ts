// Sharing over IPC: the vault's contact code, a relationship's contacts, making
// a share and receiving one. Same rules as index.ts: typed functions, camelCase
// keys, MendError on failure, nothing logged.
//
// Every share file is chosen in a native dialog the back end opens ("Save a
// share", "Open a share"), so no path crosses IPC: a result of `null` means the
// person closed that dialog. A share being received waits in the back end, in
// memory only, until `acceptShare` or `dismissShare` (or a lock).

import type { Candidates } from "./bindings/Candidates";
import type { CommitmentCandidate } from "./bindings/CommitmentCandidate";
import type { ContactView } from "./bindings/ContactView";
import type { DecisionCandidate } from "./bindings/DecisionCandidate";
import type { EntryCandidate } from "./bindings/EntryCandidate";
import type { MarkCandidate } from "./bindings/MarkCandidate";
import type { MyCode } from "./bindings/MyCode";
import type { OpenedShare } from "./bindings/OpenedShare";
import type { Receipt } from "./bindings/Receipt";
import type { ReceivedView } from "./bindings/ReceivedView";
import type { Recipient } from "./bindings/Recipient";
import type { SavedShare } from "./bindings/SavedShare";
import type { SelectionInput } from "./bindings/SelectionInput";
import type { SenderView } from "./bindings/SenderView";
import type { SharingStatus } from "./bindings/SharingStatus";
import type { StepChoice } from "./bindings/StepChoice";
import { call } from "./call";

export type {
  Candidates,
  CommitmentCandidate,
  ContactView,
  DecisionCandidate,
  EntryCandidate,
  MarkCandidate,
  MyCode,
  OpenedShare,
  Receipt,
  ReceivedView,
  Recipient,
  SavedShare,
  SelectionInput,
  SenderView,
  SharingStatus,
  StepChoice,
};

/** This vault's contact code, its fingerprint and its QR code (an SVG document). */
export function myCode(): Promise<MyCode> {
  return call("my_code");
}

/** Whether the relationship is in own-safety mode, where nothing is shared. */
export function sharingStatus(relationshipId: number): Promise<SharingStatus> {
  return call("sharing_status", { relationshipId });
}

export function listContacts(relationshipId: number): Promise<ContactView[]> {
  return call("list_contacts", { relationshipId });
}

/** A refused code or name comes back as "invalidInput" with `field` "code" or "name". */
export function addContact(relationshipId: number, name: string, code: string): Promise<ContactView> {
  return call("add_contact", { relationshipId, name, code });
}

export function renameContact(contactId: number, name: string): Promise<void> {
  return call("rename_contact", { contactId, name });
}

export function removeContact(contactId: number): Promise<void> {
  return call("remove_contact", { contactId });
}

/** What the relationship has that could be shared; nothing in it is chosen. */
export function shareCandidates(relationshipId: number): Promise<Candidates> {
  return call("share_candidates", { relationshipId });
}

/** Every word the selection would carry, exactly as its receiver will read it. */
export function sharePreview(selection: SelectionInput): Promise<string> {
  return call("share_preview", { selection });
}

/** Seals the selection and saves it where the person chooses; `null` if they closed the dialog. */
export function saveShare(selection: SelectionInput, to: Recipient): Promise<SavedShare | null> {
  return call("save_share", { selection, to });
}

/**
 * Chooses a share file and opens it; `null` if the dialog was closed. Nothing
 * is written. `relationshipId` is where it is opened from (to name the sender).
 */
export function openShare(relationshipId: number): Promise<Receipt | null> {
  return call("open_share", { relationshipId });
}

/** Opens the chosen share with the passphrase it was sealed with. */
export function openShareWith(relationshipId: number, passphrase: string): Promise<Receipt> {
  return call("open_share_with", { relationshipId, passphrase });
}

/** Keeps the opened share, read-only, under `relationshipId`. */
export function acceptShare(relationshipId: number): Promise<number> {
  return call("accept_share", { relationshipId });
}

/** Forgets the share being received; nothing of it was kept. */
export function dismissShare(): Promise<void> {
  return call("dismiss_share");
}

export function sharedWithMe(relationshipId: number): Promise<SenderView[]> {
  return call("shared_with_me", { relationshipId });
}

/** Deletes a received share and every item that came in it. */
export function deleteReceived(shareId: number): Promise<void> {
  return call("delete_received", { shareId });
}

/** The system print dialog for the window (printing, or saving as a PDF file): the
 * same back-end print as the progress review; the page's print styles decide that only
 * the share's preview is printed. */
export function printPreview(): Promise<void> {
  return call("print_review");
}
