// How a save-as-you-type queue's status reads under what is being written
// (an entry, a guided step's answers, a conversation plan): one place for "Saving…" and
// "Saved", with each view's own words for the quiet start and for a failure.

import type { SaveStatus } from "../features/journal/saveQueue";

export interface SaveStatusWords {
  /** Before anything has changed. */
  idle: string;
  /** Why the last save failed, in words. */
  failed: (error: unknown) => string;
}

export function saveStatusText(status: SaveStatus, words: SaveStatusWords): string {
  switch (status.kind) {
    case "idle":
      return words.idle;
    case "pending":
    case "saving":
      return "Saving…";
    case "saved":
      return "Saved";
    case "failed":
      return words.failed(status.error);
  }
}
