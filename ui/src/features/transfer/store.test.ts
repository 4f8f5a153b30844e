// The backup, export, import and restore stores against a stand-in back end
// (`invoke` mocked by FakeBackend; the real IPC layer, lock rule included,
// runs over it): what each says after success, a closed dialog and a refusal,
// and that passphrases go once used and an open preview is let go of.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ImportChosen, ImportOutcome, ImportProgress } from "../../lib/ipc/transfer";

vi.mock("@tauri-apps/api/core", async () => ({
  invoke: vi.fn(),
  Channel: (await import("../../lib/ipc/fakeBackend")).FakeChannel,
}));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend, FakeChannel, deferred } = await import("../../lib/ipc/fakeBackend");
const { BackupStore, ExportStore, ImportStore, RestoreStore } = await import("./store.svelte");

let backend: InstanceType<typeof FakeBackend>;

beforeEach(() => {
  backend = new FakeBackend(vi.mocked(invoke));
  backend.returns("list_relationships", []).returns("list_entries", { entries: [], nextCursor: null });
});

const CHOSEN: ImportChosen = {
  source: "journal.txt",
  preview: {
    format: "jrnlText",
    entries: 3,
    newEntries: 2,
    duplicates: 1,
    newRelationships: 0,
    first: "2026-01-02T09:00:00Z",
    last: "2026-01-05T09:00:00Z",
    samples: [],
    notes: [],
  },
};

describe("BackupStore", () => {
  function ready(store: InstanceType<typeof BackupStore>): void {
    store.currentPassphrase = "old one";
    store.passphrase = "a long new passphrase";
    store.confirmation = "a long new passphrase";
    store.acceptable = true;
  }

  it("loads the automatic backups' settings", async () => {
    backend.returns("backup_settings", { kept: 5, automatic: [] });
    const store = new BackupStore();
    await store.load();
    expect(store.settings?.kept).toBe(5);
    expect(store.kept).toBe(5);
    expect(store.loadError).toBeNull();
  });

  it("says so when the settings can't be loaded", async () => {
    backend.fails("backup_settings", "storage");
    const store = new BackupStore();
    await store.load();
    expect(store.settings).toBeNull();
    expect(store.loadError).not.toBeNull();
  });

  it("saves a backup with both passphrases and then forgets them", async () => {
    backend.returns("backup_now", { name: "mend.backup", entries: null });
    const store = new BackupStore();
    ready(store);
    await store.save();
    expect(backend.argsOf("backup_now")).toEqual([{ current: "old one", passphrase: "a long new passphrase" }]);
    expect(store.status).toEqual({ saved: true, text: "Backup saved as “mend.backup”." });
    expect([store.currentPassphrase, store.passphrase, store.confirmation]).toEqual(["", "", ""]);
    expect(store.busy).toBe(false);
  });

  it("keeps the passphrases when the file dialog is closed", async () => {
    backend.returns("backup_now", null);
    const store = new BackupStore();
    ready(store);
    await store.save();
    expect(store.status).toEqual({ saved: false, text: "Nothing was saved." });
    expect(store.currentPassphrase).toBe("old one");
  });

  it("does nothing until the passphrases are ready", async () => {
    const store = new BackupStore();
    await store.save();
    expect(backend.calls).toEqual([]);
  });

  it("shows a wrong passphrase as an error", async () => {
    backend.fails("backup_now", "wrongPassphrase");
    const store = new BackupStore();
    ready(store);
    await store.save();
    expect(store.error).not.toBeNull();
    expect(store.status).toBeNull();
  });

  it("keeps a new number of automatic backups, or shows the old one when refused", async () => {
    backend.returns("backup_settings", { kept: 5, automatic: [] }).returns("set_backups_kept", null);
    const store = new BackupStore();
    await store.load();
    store.kept = 0;
    await store.changeKept();
    expect(backend.argsOf("set_backups_kept")).toEqual([{ kept: 0 }]);
    expect(store.settings?.kept).toBe(0);
    expect(store.keptStatus).toBe("Saved. Mend won't take automatic backups.");

    backend.fails("set_backups_kept", "storage");
    store.kept = 10;
    await store.changeKept();
    expect(store.keptError).not.toBeNull();
    expect(store.kept).toBe(0);
  });
});

describe("ExportStore", () => {
  it("asks for the passphrase before exporting", () => {
    const store = new ExportStore();
    store.ask("json");
    expect(store.accept()).toBeNull();
    expect(store.dialogError).toBe("Please type your current passphrase first.");
    expect(store.asking).toBe("json");
  });

  it("exports with the passphrase, which it forgets as soon as it is taken", async () => {
    backend.returns("export_markdown", { name: "Mend export", entries: 3 });
    const store = new ExportStore();
    store.ask("markdown");
    store.currentPassphrase = "secret";
    const accepted = store.accept();
    expect(accepted).toEqual({ kind: "markdown", passphrase: "secret" });
    expect(store.currentPassphrase).toBe("");
    expect(store.asking).toBeNull();
    await store.run(accepted!.kind, accepted!.passphrase);
    expect(backend.argsOf("export_markdown")).toEqual([{ current: "secret" }]);
    expect(store.status).toEqual({ saved: true, text: "Exported 3 entries to “Mend export”." });
    expect(store.busy).toBeNull();
  });

  it("shows a refusal, and nothing once gone", async () => {
    backend.fails("export_json", "wrongPassphrase");
    const store = new ExportStore();
    await store.run("json", "wrong");
    expect(store.error).not.toBeNull();

    const gone = new ExportStore();
    gone.dispose();
    await gone.run("json", "wrong");
    expect(gone.error).toBeNull();
  });
});

describe("ImportStore", () => {
  it("shows the preview of the file chosen, in the format chosen", async () => {
    backend.returns("choose_import", CHOSEN);
    const store = new ImportStore();
    store.format = "dayOneJson";
    await store.choose();
    expect(backend.argsOf("choose_import")).toEqual([{ format: "dayOneJson" }]);
    expect(store.chosen).toEqual(CHOSEN);
    expect(store.choosing).toBe(false);
  });

  it("shows the back end's own sentence for a file it can't read, and keeps no preview", async () => {
    backend.fails("choose_import", "invalidInput", "Line 3 doesn't start with a date.");
    const store = new ImportStore();
    await store.choose();
    expect(store.error).toBe("Line 3 doesn't start with a date.");
    expect(store.chosen).toBeNull();
  });

  it("imports, says how many, and closes the preview", async () => {
    backend.returns("choose_import", CHOSEN).returns("confirm_import", { imported: 2, duplicates: 1, newRelationships: 0 });
    const store = new ImportStore();
    await store.choose();
    await store.confirm();
    expect(store.status).toBe("Imported 2 entries. 1 duplicate skipped.");
    expect(store.chosen).toBeNull();
    expect(backend.argsOf("list_relationships")).toHaveLength(1);
  });

  it("passes on the import's progress, and after a cancel says nothing was added", async () => {
    const answer = deferred<ImportOutcome | null>();
    let channel: InstanceType<typeof FakeChannel<ImportProgress>> | null = null;
    backend
      .returns("choose_import", CHOSEN)
      .on("confirm_import", (args) => {
        channel = args.progress as InstanceType<typeof FakeChannel<ImportProgress>>;
        return answer.promise;
      })
      .on("stop_import", () => {
        // The back end rolls the import back and answers the confirm with null.
        answer.resolve(null);
        return null;
      });
    const store = new ImportStore();
    await store.choose();
    const confirming = store.confirm();
    await Promise.resolve();
    channel!.onmessage({ done: 1, total: 2 });
    expect(store.progress).toEqual({ done: 1, total: 2 });
    const stopping = store.stop();
    expect(store.stopping).toBe(true);
    await stopping;
    await confirming;
    expect(store.status).toBe("Import cancelled. Nothing was added to your journal.");
    expect(store.progress).toBeNull();
    expect(store.confirming).toBe(false);
    expect(store.chosen).toBeNull();
    expect(backend.argsOf("list_relationships"), "no lists reloaded: nothing was added").toHaveLength(0);
  });

  it("lets go of the preview on cancel, and when the screen goes with one open", async () => {
    backend.returns("choose_import", CHOSEN).returns("cancel_import", null);
    const store = new ImportStore();
    await store.choose();
    expect(store.cancel()).toBe(true);
    expect(store.chosen).toBeNull();
    expect(store.cancel()).toBe(false);
    await store.choose();
    store.dispose();
    expect(backend.argsOf("cancel_import")).toHaveLength(2);
  });

  it("lets go of a preview that arrives after the screen has gone", async () => {
    const late = deferred<ImportChosen>();
    backend.on("choose_import", () => late.promise).returns("cancel_import", null);
    const store = new ImportStore();
    const choosing = store.choose();
    store.dispose();
    late.resolve(CHOSEN);
    await choosing;
    expect(store.chosen).toBeNull();
    expect(backend.argsOf("cancel_import")).toHaveLength(1);
  });
});

describe("RestoreStore", () => {
  it("restores the chosen backup with its passphrase", async () => {
    backend.returns("choose_backup", { name: "mend.backup", bytes: 2048 }).returns("restore_backup", null);
    const store = new RestoreStore();
    expect(await store.choose()).toBe(true);
    store.passphrase = "the backup's";
    expect(store.ready).toBe(true);
    expect(await store.restore()).toBe(true);
    expect(backend.argsOf("restore_backup")).toEqual([{ passphrase: "the backup's" }]);
    expect(store.passphrase).toBe("");
  });

  it("keeps the backup chosen before when the dialog is closed", async () => {
    backend.returns("choose_backup", { name: "mend.backup", bytes: 2048 });
    const store = new RestoreStore();
    await store.choose();
    backend.returns("choose_backup", null);
    expect(await store.choose()).toBe(false);
    expect(store.chosen?.name).toBe("mend.backup");
  });

  it("shows why a backup would not open", async () => {
    backend.returns("choose_backup", { name: "mend.backup", bytes: 2048 }).fails("restore_backup", "wrongPassphrase");
    const store = new RestoreStore();
    await store.choose();
    store.passphrase = "wrong";
    expect(await store.restore()).toBe(false);
    expect(store.error).not.toBeNull();
    expect(store.passphrase).toBe("wrong");
  });
});
