import { describe, expect, it } from "vitest";
import {
  IMPORT_FORMATS,
  KEPT_CHOICES,
  MAX_KEPT,
  backupSavedSentence,
  chooseLabel,
  dateRange,
  duplicatesWord,
  entriesPhrase,
  exportedSentence,
  formatHint,
  formatSize,
  importButtonLabel,
  importedSentence,
  keptChoices,
  keptLabel,
  keptSavedSentence,
  oldestFirst,
  relationshipsPhrase,
} from "./transfer";

describe("how many automatic backups to keep", () => {
  it("offers the usual numbers, none of them beyond what the back end accepts", () => {
    expect(keptChoices(5)).toEqual([0, 1, 3, 5, 10, 20, 30]);
    expect(KEPT_CHOICES.every((n) => n >= 0 && n <= MAX_KEPT)).toBe(true);
  });

  it("also offers a number in force that is not one of them, in order", () => {
    expect(keptChoices(7)).toEqual([0, 1, 3, 5, 7, 10, 20, 30]);
    expect(keptChoices(null)).toEqual([...KEPT_CHOICES]);
  });

  it("names 0 as off", () => {
    expect(keptLabel(0)).toBe("None (off)");
    expect(keptLabel(10)).toBe("10");
  });

  it("says what was saved", () => {
    expect(keptSavedSentence(0)).toBe("Saved. Mend won't take automatic backups.");
    expect(keptSavedSentence(1)).toBe("Saved. Mend will keep the latest automatic backup.");
    expect(keptSavedSentence(5)).toBe("Saved. Mend will keep the last 5 automatic backups.");
  });
});

describe("file sizes", () => {
  it("uses KB below a megabyte, never 0 KB for something", () => {
    expect(formatSize(0)).toBe("0 KB");
    expect(formatSize(1)).toBe("1 KB");
    expect(formatSize(1536)).toBe("2 KB");
    expect(formatSize(48 * 1024)).toBe("48 KB");
    expect(formatSize(999 * 1024)).toBe("999 KB");
  });

  it("uses MB and GB above, with one decimal for small numbers", () => {
    expect(formatSize(1024 * 1024)).toBe("1 MB");
    expect(formatSize(3.44 * 1024 * 1024)).toBe("3.4 MB");
    expect(formatSize(250 * 1024 * 1024)).toBe("250 MB");
    expect(formatSize(2.5 * 1024 * 1024 * 1024)).toBe("2.5 GB");
  });

  it("does not trip over nonsense", () => {
    expect(formatSize(Number.NaN)).toBe("0 KB");
    expect(formatSize(-5)).toBe("0 KB");
  });
});

describe("what backups and exports say", () => {
  it("names the backup file", () => {
    expect(backupSavedSentence("Mend backup 2025-11-22.mendbackup")).toBe(
      "Backup saved as “Mend backup 2025-11-22.mendbackup”.",
    );
  });

  it("counts the exported entries", () => {
    expect(exportedSentence("journal.json", 12)).toBe("Exported 12 entries to “journal.json”.");
    expect(exportedSentence("Mend journal", 1)).toBe("Exported 1 entry to “Mend journal”.");
    expect(exportedSentence("journal.json", null)).toBe("Exported to “journal.json”.");
  });

  it("counts entries in words", () => {
    expect(entriesPhrase(0)).toBe("0 entries");
    expect(entriesPhrase(1)).toBe("1 entry");
    expect(entriesPhrase(2)).toBe("2 entries");
  });
});

describe("import formats", () => {
  it("lists exactly the formats the back end reads, in the order offered", () => {
    expect(IMPORT_FORMATS.map((f) => f.value)).toEqual([
      "jrnlText",
      "jrnlJson",
      "dayOneJson",
      "markdownFolder",
      "mendJson",
    ]);
    expect(IMPORT_FORMATS.every((f) => f.label !== "" && formatHint(f.value) !== "")).toBe(true);
  });

  it("asks for a folder only for Markdown", () => {
    expect(chooseLabel("markdownFolder")).toBe("Choose folder…");
    expect(chooseLabel("jrnlText")).toBe("Choose file…");
    expect(chooseLabel("mendJson")).toBe("Choose file…");
  });
});

describe("the import preview and outcome", () => {
  it("labels the import button with the count", () => {
    expect(importButtonLabel(2)).toBe("Import 2 entries");
    expect(importButtonLabel(1)).toBe("Import 1 entry");
  });

  it("says what was imported and skipped", () => {
    expect(importedSentence({ imported: 2, duplicates: 1, newRelationships: 0 })).toBe(
      "Imported 2 entries. 1 duplicate skipped.",
    );
    expect(importedSentence({ imported: 1, duplicates: 0, newRelationships: 1 })).toBe(
      "Imported 1 entry. 0 duplicates skipped.",
    );
    expect(duplicatesWord(3)).toBe("duplicates");
  });

  it("counts new relationships", () => {
    expect(relationshipsPhrase(1)).toBe("1 new relationship");
    expect(relationshipsPhrase(3)).toBe("3 new relationships");
  });

  it("gives the span of the entries, or one day", () => {
    const first = new Date(2024, 2, 1, 9, 15).toISOString();
    const last = new Date(2024, 2, 2, 21, 40).toISOString();
    expect(dateRange(first, last, "en-GB")).toBe("Written between 1 March 2024 and 2 March 2024");
    expect(dateRange(first, first, "en-GB")).toBe("Written on 1 March 2024");
    expect(dateRange(null, last, "en-GB")).toBe("Written on 2 March 2024");
    expect(dateRange(null, null)).toBeNull();
  });

  it("puts samples oldest first without changing what it was given", () => {
    const given = [
      { createdAt: "2024-03-02T21:40:00Z", excerpt: "later" },
      { createdAt: "2024-03-01T09:15:00Z", excerpt: "earlier" },
    ];
    expect(oldestFirst(given).map((s) => s.excerpt)).toEqual(["earlier", "later"]);
    expect(given[0]?.excerpt).toBe("later");
  });
});
