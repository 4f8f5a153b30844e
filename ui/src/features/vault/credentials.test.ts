import { describe, expect, it } from "vitest";
import { credentialsChangedNotes } from "./credentials";

const base = { recoveryKey: null, recoveryKeyReplaced: false, removedBackups: 0, newBackup: false };

describe("credentialsChangedNotes", () => {
  it("says the old passphrase opens nothing and names what Mend cannot reach", () => {
    const notes = credentialsChangedNotes("passphraseChanged", { ...base, removedBackups: 3, newBackup: true });
    expect(notes[0]).toMatch(/^Your passphrase has been changed\./);
    expect(notes[0]).toContain("old passphrase no longer opens it");
    expect(notes[1]).toBe("The 3 automatic backups made before this were erased; a new one is being made now.");
    expect(notes[2]).toContain("backup file you saved yourself");
  });

  it("counts one backup in the singular and says when none replaces it", () => {
    const notes = credentialsChangedNotes("recoveryKeyRemoved", { ...base, removedBackups: 1 });
    expect(notes[1]).toMatch(/^The automatic backup made before this was erased\. Automatic backups are off/);
  });

  it("leaves the backup sentence out when there were none and none is made", () => {
    const notes = credentialsChangedNotes("recoveryKeyMade", base);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain("Any earlier key no longer works");
  });
});
