// The entry open in the editor, while it is open: its text saved as the
// person writes (Autosave), its labels saved alongside (a SaveQueue), the
// Markdown preview, and what leaving means: a new entry left blank is never
// kept, an old entry emptied out is only deleted after asking.
//
// Invariants:
// - one instance per open draft (the editor is keyed on it); `dispose()`
//   stops every save, except while "Hide" locks, when what is pending is
//   let finish (the lock waits for it);
// - a new entry gets its labels with its first save; later label changes
//   are saved only when they differ from what the back end has;
// - nothing is deleted without the modal dialog, which also keeps the text
//   from changing while the delete runs.

import { untrack } from "svelte";
import * as ipc from "../../lib/ipc";
import type { EntryMeta } from "../../lib/ipc";
import { SAVE_WORDING, describeError, describeRefusal } from "../../lib/messages";
import { removeEntry, session, upsertEntry } from "../../lib/session.svelte";
import { navigation } from "../../app/navigation.svelte";
import { Autosave, isBlank, type AutosaveStatus } from "./autosave";
import { SaveQueue, type SaveStatus } from "./saveQueue";
import type { EditorDraft } from "./store.svelte";
import { formatTags, parseMood, parseTags } from "./tags";
import { saveStatusText, type SaveStatusWords } from "../../lib/saveStatus";

/** The editor's words around "Saving…" and "Saved": the quiet start, and a failure. */
const STATUS_WORDS: SaveStatusWords = {
  idle: "Mend saves as you write.",
  failed: (error) => describeRefusal(error, SAVE_WORDING),
};

function snapshotMeta(meta: EntryMeta): EntryMeta {
  return { ...meta, tags: [...meta.tags] };
}

export class EditorStore {
  readonly draft: EditorDraft;
  status = $state<AutosaveStatus>({ kind: "idle" });
  metaStatus = $state<SaveStatus>({ kind: "idle" });
  /** The entry's id once it exists in the back end. */
  savedId = $state<number | null>(null);
  moodText = $state("");
  tagsText = $state("");
  previewing = $state(false);
  previewBusy = $state(false);
  previewError = $state<string | null>(null);
  /** "Done" is closing the editor. */
  leaving = $state(false);
  /** The delete dialog shown: asked for, or offered because the entry was emptied. */
  asking = $state<"delete" | "emptied" | null>(null);
  deleting = $state(false);
  deleteError = $state<string | null>(null);

  /** To tell, when the editor closes, whether Mend locked meanwhile. */
  readonly #openedIn = ipc.lockMark();
  readonly #onclosed: (id: number | null) => void;
  readonly #autosave: Autosave;
  readonly #labels: SaveQueue<EntryMeta>;
  // The labels as the back end has them: sent with the first save of a new
  // entry, later changed with set_entry_meta.
  #storedMeta: EntryMeta | null;

  constructor(draft: EditorDraft, onclosed: (id: number | null) => void) {
    this.draft = draft;
    this.#onclosed = onclosed;
    const { id, body, meta } = untrack(() => ({ id: draft.id, body: draft.body, meta: snapshotMeta(draft.meta) }));
    this.status = { kind: id === null ? "idle" : "saved" };
    this.savedId = id;
    this.moodText = meta.mood ?? "";
    this.tagsText = formatTags(meta.tags);
    this.#storedMeta = id === null ? null : meta;
    this.#autosave = new Autosave({
      id,
      savedBody: body,
      onStatus: (next) => (this.status = next),
      save: (saveId, text) => this.#saveText(saveId, text),
    });
    this.#labels = new SaveQueue<EntryMeta>({
      saved: meta,
      onStatus: (next) => (this.metaStatus = next),
      save: (next) => this.#saveLabels(next),
    });
  }

  async #saveText(id: number | null, body: string): Promise<number> {
    let entry: ipc.EntryView;
    if (id === null) {
      const meta = snapshotMeta(this.draft.meta);
      entry = await ipc.createEntry(body, meta);
      this.#storedMeta = meta;
    } else {
      entry = await ipc.updateEntry(id, body);
    }
    upsertEntry(entry);
    this.savedId = entry.id;
    return entry.id;
  }

  async #saveLabels(meta: EntryMeta): Promise<void> {
    // A new entry gets its labels when it is created; wait for that first.
    if (this.#autosave.id === null) await this.#autosave.flush();
    const id = this.#autosave.id;
    if (id === null) return; // still blank: the labels go with the first save
    if (this.#storedMeta !== null && JSON.stringify(this.#storedMeta) === JSON.stringify(meta)) return;
    const entry = await ipc.setEntryMeta(id, meta);
    this.#storedMeta = meta;
    upsertEntry(entry);
  }

  /** When the entry was written, once it exists. */
  get createdAt(): string | null {
    return this.savedId === null ? null : session.journal.createdAtOf(this.savedId);
  }

  get statusText(): string {
    const status = this.status;
    const metaStatus = this.metaStatus;
    if (metaStatus.kind === "failed" && status.kind !== "failed") return STATUS_WORDS.failed(metaStatus.error);
    if ((metaStatus.kind === "pending" || metaStatus.kind === "saving") && status.kind !== "failed") {
      return saveStatusText(metaStatus, STATUS_WORDS);
    }
    if (status.kind === "blank") return this.savedId === null ? STATUS_WORDS.idle : "An empty entry isn't saved.";
    return saveStatusText(status, STATUS_WORDS);
  }

  get failed(): boolean {
    return this.status.kind === "failed" || this.metaStatus.kind === "failed";
  }

  // What the person does

  write(body: string): void {
    this.draft.body = body;
    this.#autosave.change(body);
  }

  /** A select value: "" for no one in particular. */
  setRelationship(value: string): void {
    this.draft.meta.relationshipId = value === "" ? null : Number(value);
    this.#labelsChanged();
  }

  moodChanged(): void {
    this.draft.meta.mood = parseMood(this.moodText);
    this.#labelsChanged();
  }

  tagsChanged(): void {
    this.draft.meta.tags = parseTags(this.tagsText);
    this.#labelsChanged();
  }

  #labelsChanged(): void {
    this.#labels.change(snapshotMeta(this.draft.meta));
  }

  /** Both the text and the labels are stored. */
  async flushAll(): Promise<boolean> {
    // Both start at once, so "Hide" can unmount the editor right after asking.
    const [text, labels] = await Promise.all([this.#autosave.flush(), this.#labels.flush()]);
    return text && labels;
  }

  /** What "Done" does. False when the editor has to stay open. */
  async leave(): Promise<boolean> {
    const saved = await this.flushAll();
    if (!saved) return false;
    const id = this.#autosave.id;
    if (!isBlank(this.draft.body) || id === null) return this.#close();
    if (this.draft.createdHere) {
      // A new entry that was emptied again: leave nothing behind.
      try {
        await ipc.deleteEntry(id);
        removeEntry(id);
      } catch (reason) {
        this.status = { kind: "failed", error: reason };
        return false;
      }
      return this.#close();
    }
    this.asking = "emptied";
    return false;
  }

  /** "Done", once at a time. */
  async done(): Promise<void> {
    if (this.leaving) return;
    this.leaving = true;
    try {
      await this.leave();
    } finally {
      this.leaving = false;
    }
  }

  /** Show the rendered Markdown, or go back to the text. */
  async togglePreview(): Promise<void> {
    if (this.previewing) {
      this.previewing = false;
      this.previewError = null;
      session.journal.preview = null;
      return;
    }
    this.previewing = true;
    this.previewError = null;
    session.journal.preview = null;
    if (isBlank(this.draft.body)) return;
    this.previewBusy = true;
    const journal = session.journal;
    try {
      const html = await ipc.renderMarkdown(this.draft.body);
      if (this.previewing) journal.preview = html;
    } catch (reason) {
      if (this.previewing) this.previewError = describeError(reason);
    } finally {
      this.previewBusy = false;
    }
  }

  askDelete(): void {
    this.asking = "delete";
  }

  async confirmDelete(): Promise<void> {
    const id = this.#autosave.id;
    if (id === null) return;
    this.deleting = true;
    this.deleteError = null;
    try {
      // Nothing may be saved after the delete: finish what is in flight first.
      // (The modal dialog keeps the text from changing meanwhile.)
      await this.flushAll();
      await ipc.deleteEntry(id);
      removeEntry(id);
      this.asking = null;
      this.#close();
    } catch (reason) {
      this.deleteError = describeError(reason);
      this.deleting = false;
    }
  }

  cancelDialog(): void {
    this.asking = null;
    this.deleteError = null;
    this.deleting = false;
  }

  #close(): true {
    const id = this.#autosave.id;
    this.#stop();
    session.journal.closeEditor();
    this.#onclosed(id);
    return true;
  }

  #stop(): void {
    this.#autosave.dispose();
    this.#labels.dispose();
  }

  /** The editor is gone. Hidden in a hurry, the lock is saving what was pending: let it finish. */
  dispose(): void {
    if (navigation.hiding && !ipc.lockedSince(this.#openedIn)) {
      void this.flushAll().finally(() => this.#stop());
      return;
    }
    this.#stop();
  }
}
