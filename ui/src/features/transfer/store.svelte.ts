// The state of the backup, export, import and restore screens: what each is
// doing (busy, or which export), what it last said, and what it was refused.
// One class per screen; each screen makes its own and disposes of it when it
// goes. Files and folders are chosen in native dialogs the back end opens, so
// only names, sizes and counts ever reach here.
//
// Invariants:
// - every IPC call of these screens is made here; components render this,
//   forward what the person does, and keep focus where the person is;
// - loading goes through `Loader`; an answer that arrives after the screen
//   has gone changes nothing, and one dropped by a lock shows no error;
// - a passphrase typed here is cleared as soon as it has been used;
// - an import preview lives only in `ImportStore.chosen`: the back end is told
//   to let go of its copy on cancel, or when the screen goes with one open.

import { entriesAddedElsewhere } from "../../lib/session.svelte";
import {
  backupNow,
  backupSettings,
  cancelImport,
  chooseBackup,
  chooseImport,
  confirmImport,
  exportJson,
  exportMarkdown,
  restoreBackup,
  setBackupsKept,
  stopImport,
  type BackupSettings,
  type ChosenBackup,
  type ImportChosen,
  type ImportFormat,
  type ImportProgress,
  type SavedTo,
} from "../../lib/ipc/transfer";
import { Loader } from "../../lib/loader";
import { lockedOut } from "../../lib/lockout";
import {
  BACKUP_WORDING,
  EXPORT_WORDING,
  IMPORT_WORDING,
  LOAD_WORDING,
  RESTORE_WORDING,
  describeError,
  describeRefusal,
} from "../../lib/messages";
import { loadRelationships } from "../relationships/relationships";
import {
  IMPORT_STOPPED,
  PROGRESS_AFTER_MS,
  backupSavedSentence,
  exportedSentence,
  importedSentence,
  keptSavedSentence,
} from "./transfer";

/** What a save to a chosen place last said: saved, or the dialog was closed. */
export interface SaveStatus {
  saved: boolean;
  text: string;
}

function savedOrNot(saved: SavedTo | null, sentence: (saved: SavedTo) => string): SaveStatus {
  return saved === null ? { saved: false, text: "Nothing was saved." } : { saved: true, text: sentence(saved) };
}

/** Backups in Settings: one saved now, and how many automatic ones are kept. */
export class BackupStore {
  // Saving a backup now
  currentPassphrase = $state("");
  passphrase = $state("");
  confirmation = $state("");
  /** The new passphrase is strong enough and typed the same twice (NewPassphraseFields says). */
  acceptable = $state(false);
  busy = $state(false);
  status = $state<SaveStatus | null>(null);
  error = $state<string | null>(null);
  readonly ready = $derived(this.currentPassphrase !== "" && this.acceptable && !this.busy);

  // Automatic backups
  settings = $state<BackupSettings | null>(null);
  loadError = $state<string | null>(null);
  /** The number chosen in the select; the settings' own until a change is refused. */
  kept = $state(0);
  keptBusy = $state(false);
  keptStatus = $state("");
  keptError = $state<string | null>(null);

  #disposed = false;
  readonly #loader = new Loader<void, BackupSettings>({
    run: () => backupSettings(),
    onAnswer: (answer) => {
      this.settings = answer;
      this.kept = answer.kept;
      this.loadError = null;
    },
    onError: (reason) => {
      this.loadError = describeError(reason, LOAD_WORDING);
    },
  });

  /** Asks for the automatic backups' settings (again). */
  load(): Promise<void> {
    this.loadError = null;
    return this.#loader.load();
  }

  dispose(): void {
    this.#disposed = true;
    this.#loader.dispose();
  }

  #shows(reason: unknown): boolean {
    return !this.#disposed && !lockedOut(reason);
  }

  /** Saves a backup where the person chooses, if the passphrases are ready. */
  async save(): Promise<void> {
    if (!this.ready) return;
    this.busy = true;
    this.status = null;
    this.error = null;
    try {
      const saved = await backupNow(this.currentPassphrase, this.passphrase);
      if (this.#disposed) return;
      if (saved !== null) {
        this.currentPassphrase = "";
        this.passphrase = "";
        this.confirmation = "";
      }
      this.status = savedOrNot(saved, (s) => backupSavedSentence(s.name));
    } catch (reason) {
      if (this.#shows(reason)) this.error = describeError(reason, BACKUP_WORDING);
    } finally {
      this.busy = false;
    }
  }

  /** Keeps the number chosen in `kept`; refused, the select shows the setting as it still is. */
  async changeKept(): Promise<void> {
    if (this.settings === null) return;
    const wanted = this.kept;
    this.keptBusy = true;
    this.keptStatus = "";
    this.keptError = null;
    try {
      await setBackupsKept(wanted);
      if (this.#disposed) return;
      if (this.settings !== null) this.settings.kept = wanted;
      this.keptStatus = keptSavedSentence(wanted);
    } catch (reason) {
      if (!this.#shows(reason)) return;
      this.keptError = describeError(reason);
      this.kept = this.settings?.kept ?? wanted;
    } finally {
      this.keptBusy = false;
    }
  }
}

export type ExportKind = "json" | "markdown";

/** Exports in Settings: the journal as JSON or Markdown, after a warning that asks for the passphrase. */
export class ExportStore {
  /** The export waiting for the person to accept the warning. */
  asking = $state<ExportKind | null>(null);
  /** The export under way. */
  busy = $state<ExportKind | null>(null);
  status = $state<SaveStatus | null>(null);
  error = $state<string | null>(null);
  /** The current passphrase, asked for in the warning; cleared as soon as it is used. */
  currentPassphrase = $state("");
  dialogError = $state<string | null>(null);

  #disposed = false;

  dispose(): void {
    this.#disposed = true;
  }

  ask(kind: ExportKind): void {
    this.status = null;
    this.error = null;
    this.dialogError = null;
    this.currentPassphrase = "";
    this.asking = kind;
  }

  cancel(): void {
    this.asking = null;
    this.currentPassphrase = "";
  }

  /**
   * Takes the passphrase and closes the warning; null (with a word in the
   * dialog) when there is nothing to run yet. The export itself is `run`, so
   * the warning can close before the file dialog opens.
   */
  accept(): { kind: ExportKind; passphrase: string } | null {
    const kind = this.asking;
    if (kind === null || this.busy !== null) return null;
    if (this.currentPassphrase === "") {
      this.dialogError = "Please type your current passphrase first.";
      return null;
    }
    const passphrase = this.currentPassphrase;
    this.currentPassphrase = "";
    this.asking = null;
    return { kind, passphrase };
  }

  /** Writes the export where the person chooses. */
  async run(kind: ExportKind, passphrase: string): Promise<void> {
    if (this.busy !== null) return;
    this.busy = kind;
    try {
      const saved = kind === "json" ? await exportJson(passphrase) : await exportMarkdown(passphrase);
      if (this.#disposed) return;
      this.status = savedOrNot(saved, (s) => exportedSentence(s.name, s.entries));
    } catch (reason) {
      if (this.#disposed || lockedOut(reason)) return;
      this.error = describeError(reason, EXPORT_WORDING);
    } finally {
      this.busy = null;
    }
  }
}

/** Imports in Settings: choose a file, see what importing it would do, then import or cancel. */
export class ImportStore {
  format = $state<ImportFormat>("jrnlText");
  /** The file dialog is open, or the chosen file being read. */
  choosing = $state(false);
  /** The file chosen and its preview; nothing is written until `confirm`. */
  chosen = $state<ImportChosen | null>(null);
  confirming = $state(false);
  /** How far the import being written has got (entries written of those to write). */
  progress = $state<ImportProgress | null>(null);
  /** The import has taken over `PROGRESS_AFTER_MS`: its progress and a Cancel are shown. */
  slow = $state(false);
  /** Cancel was pressed while importing; the back end is rolling it back. */
  stopping = $state(false);
  status = $state("");
  error = $state<string | null>(null);

  #disposed = false;

  /** The screen is gone: a preview still open is let go of (unless it is being imported). */
  dispose(): void {
    this.#disposed = true;
    if (this.chosen !== null && !this.confirming) void this.#forget();
  }

  async #forget(): Promise<void> {
    try {
      await cancelImport();
    } catch {
      // Nothing was written; locking drops it in any case.
    }
  }

  /** Opens the file dialog and reads the file chosen. Closing the dialog says nothing. */
  async choose(): Promise<void> {
    if (this.choosing || this.confirming) return;
    this.choosing = true;
    this.status = "";
    this.error = null;
    try {
      const answer = await chooseImport(this.format);
      if (this.#disposed) {
        if (answer !== null) void this.#forget();
        return;
      }
      if (answer !== null) this.chosen = answer;
    } catch (reason) {
      if (this.#disposed || lockedOut(reason)) return;
      // A file Mend can't read says where (a line, an entry): shown in full.
      this.error = describeRefusal(reason, IMPORT_WORDING);
    } finally {
      this.choosing = false;
    }
  }

  /**
   * Imports what the preview showed; the preview closes either way. Past
   * `PROGRESS_AFTER_MS` its progress is shown, with a Cancel (`stop`).
   */
  async confirm(): Promise<void> {
    if (this.chosen === null || this.confirming) return;
    this.confirming = true;
    this.error = null;
    this.progress = null;
    const timer = setTimeout(() => {
      this.slow = true;
    }, PROGRESS_AFTER_MS);
    try {
      const outcome = await confirmImport((report) => {
        this.progress = report;
      });
      if (outcome === null) {
        // Stopped and rolled back: the journal is as it was.
        if (this.#disposed) return;
        this.status = IMPORT_STOPPED;
      } else {
        // The journal has new entries (and perhaps relationships) the lists don't know of.
        entriesAddedElsewhere();
        void loadRelationships();
        if (this.#disposed) return;
        this.status = importedSentence(outcome);
      }
    } catch (reason) {
      if (this.#disposed || lockedOut(reason)) return;
      // The back end has let go of the preview either way; nothing was written.
      this.error = describeRefusal(reason, IMPORT_WORDING);
    } finally {
      clearTimeout(timer);
      this.confirming = false;
      this.slow = false;
      this.stopping = false;
      this.progress = null;
    }
    if (!this.#disposed) this.chosen = null;
  }

  /** Stops the import being written: it is rolled back and nothing is added. */
  async stop(): Promise<void> {
    if (!this.confirming || this.stopping) return;
    this.stopping = true;
    try {
      await stopImport();
    } catch (reason) {
      if (this.#disposed || lockedOut(reason)) return;
      this.stopping = false;
      this.error = describeRefusal(reason, IMPORT_WORDING);
    }
  }

  /** Closes the preview without importing; false when there was none to close. */
  cancel(): boolean {
    if (this.chosen === null || this.confirming) return false;
    this.chosen = null;
    this.error = null;
    void this.#forget();
    return true;
  }
}

/** Making a new journal from a backup, where none exists yet. */
export class RestoreStore {
  chosen = $state<ChosenBackup | null>(null);
  passphrase = $state("");
  choosing = $state(false);
  busy = $state(false);
  error = $state<string | null>(null);
  readonly ready = $derived(this.chosen !== null && this.passphrase !== "" && !this.busy && !this.choosing);

  /** Opens the file dialog; true when a backup was chosen (closing it keeps the one before). */
  async choose(): Promise<boolean> {
    if (this.choosing || this.busy) return false;
    this.choosing = true;
    this.error = null;
    try {
      const answer = await chooseBackup();
      if (answer === null) return false;
      this.chosen = answer;
      return true;
    } catch (reason) {
      this.error = describeRefusal(reason, RESTORE_WORDING);
      return false;
    } finally {
      this.choosing = false;
    }
  }

  /** Restores the chosen backup with the passphrase typed; true once the journal is there, unlocked. */
  async restore(): Promise<boolean> {
    if (!this.ready) return false;
    this.busy = true;
    this.error = null;
    try {
      await restoreBackup(this.passphrase);
      this.passphrase = "";
      return true;
    } catch (reason) {
      // Not a Mend backup, damaged, made by a newer Mend: the back end's own sentence says which.
      this.error = describeRefusal(reason, RESTORE_WORDING);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Leaving: the passphrase typed goes. */
  leave(): void {
    this.passphrase = "";
  }
}
