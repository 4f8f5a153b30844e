// The words and small rules of the backup, export and import screens.
// Pure: no Svelte, no IPC.

import { formatDate } from "../../lib/format";
import type { ImportFormat } from "../../lib/ipc/bindings/ImportFormat";
import type { ImportOutcome } from "../../lib/ipc/bindings/ImportOutcome";
import type { ImportSample } from "../../lib/ipc/bindings/ImportSample";

/** The choices offered for how many automatic backups to keep; 0 turns them off. */
export const KEPT_CHOICES: readonly number[] = [0, 1, 3, 5, 10, 20, 30];

/** The back end accepts 0 to 30. */
export const MAX_KEPT = 30;

/**
 * The choices to show: the usual ones, plus the current value when it is not
 * one of them (so the select never shows a number that is not in force).
 */
export function keptChoices(current: number | null): number[] {
  const choices = [...KEPT_CHOICES];
  if (current !== null && Number.isInteger(current) && !choices.includes(current)) {
    choices.push(current);
    choices.sort((a, b) => a - b);
  }
  return choices;
}

export function keptLabel(kept: number): string {
  return kept === 0 ? "None (off)" : String(kept);
}

/** Said once the number of automatic backups has been saved. */
export function keptSavedSentence(kept: number): string {
  if (kept === 0) return "Saved. Mend won't take automatic backups.";
  if (kept === 1) return "Saved. Mend will keep the latest automatic backup.";
  return `Saved. Mend will keep the last ${kept} automatic backups.`;
}

/** A file size for people: "12 KB", "3.4 MB". Never "0 KB" for a file that has something in it. */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return "0 KB";
  const kb = bytes / 1024;
  if (kb < 1000) return `${Math.max(1, Math.round(kb))} KB`;
  const mb = kb / 1024;
  if (mb < 1000) return `${trimmed(mb)} MB`;
  return `${trimmed(mb / 1024)} GB`;
}

/** One decimal below 10, none above: "3.4", "12", "250". */
function trimmed(value: number): string {
  return value < 10 ? String(Math.round(value * 10) / 10) : String(Math.round(value));
}

/** "1 entry", "3 entries". */
export function entriesPhrase(count: number): string {
  return `${count} ${entryWord(count)}`;
}

export function entryWord(count: number): string {
  return count === 1 ? "entry" : "entries";
}

export function backupSavedSentence(name: string): string {
  return `Backup saved as “${name}”.`;
}

/** After an export; `entries` is null only if the back end did not count them. */
export function exportedSentence(name: string, entries: number | null): string {
  return entries === null ? `Exported to “${name}”.` : `Exported ${entriesPhrase(entries)} to “${name}”.`;
}

export interface FormatChoice {
  value: ImportFormat;
  label: string;
  /** A folder is chosen, not a file. */
  folder: boolean;
  /** Which file that is, in a sentence. */
  hint: string;
}

export const IMPORT_FORMATS: readonly FormatChoice[] = [
  {
    value: "jrnlText",
    label: "jrnl (plain text journal)",
    folder: false,
    hint: "The text file jrnl writes to, where each entry starts with its date and time.",
  },
  {
    value: "jrnlJson",
    label: "jrnl (JSON export)",
    folder: false,
    hint: "A file made with jrnl's JSON export.",
  },
  {
    value: "dayOneJson",
    label: "Day One (JSON export)",
    folder: false,
    hint: "The Journal.json file inside Day One's JSON export (unzip it first). Photos are left out.",
  },
  {
    value: "markdownFolder",
    label: "A folder of Markdown files",
    folder: true,
    hint: "One entry per file. The date comes from the file's front matter, or from a name that starts with it.",
  },
  {
    value: "mendJson",
    label: "Mend (JSON export)",
    folder: false,
    hint: "A file made with “Export as JSON…” in Mend, with its relationships.",
  },
];

function choiceOf(format: ImportFormat): FormatChoice | undefined {
  return IMPORT_FORMATS.find((choice) => choice.value === format);
}

export function chooseLabel(format: ImportFormat): string {
  return choiceOf(format)?.folder ? "Choose folder…" : "Choose file…";
}

export function formatHint(format: ImportFormat): string {
  return choiceOf(format)?.hint ?? "";
}

/** The samples in the order they were written, oldest first (a copy). */
export function oldestFirst(samples: readonly ImportSample[]): ImportSample[] {
  const time = (sample: ImportSample) => {
    const parsed = Date.parse(sample.createdAt);
    return Number.isNaN(parsed) ? 0 : parsed;
  };
  return [...samples].sort((a, b) => time(a) - time(b));
}

export function importButtonLabel(newEntries: number): string {
  return `Import ${entriesPhrase(newEntries)}`;
}

/** "3 duplicates skipped", "1 duplicate skipped": the words after the number. */
export function duplicatesWord(count: number): string {
  return count === 1 ? "duplicate" : "duplicates";
}

export function relationshipsPhrase(count: number): string {
  return count === 1 ? "1 new relationship" : `${count} new relationships`;
}

/** Said when an import has been written. */
export function importedSentence(outcome: ImportOutcome): string {
  return `Imported ${entriesPhrase(outcome.imported)}. ${outcome.duplicates} ${duplicatesWord(outcome.duplicates)} skipped.`;
}

/** How long an import runs before its progress (and a way to cancel it) is shown. */
export const PROGRESS_AFTER_MS = 1000;

/** What a cancelled import says: it was rolled back, so the journal is as it was. */
export const IMPORT_STOPPED = "Import cancelled. Nothing was added to your journal.";

/** How far an import has got, in words: "3,000 of 10,000 entries added". */
export function progressPhrase(done: number, total: number, locale?: string): string {
  const n = new Intl.NumberFormat(locale);
  return `${n.format(done)} of ${n.format(total)} ${total === 1 ? "entry" : "entries"} added`;
}

/** The span of an import's entries, or null when it has none. */
export function dateRange(first: string | null, last: string | null, locale?: string): string | null {
  if (first === null && last === null) return null;
  const from = formatDate(first ?? last ?? "", locale);
  const to = formatDate(last ?? first ?? "", locale);
  return from === to ? `Written on ${from}` : `Written between ${from} and ${to}`;
}
