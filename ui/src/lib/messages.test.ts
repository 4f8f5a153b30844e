import { describe, expect, it } from "vitest";
import { ERROR_CODES, MendError, errorCodeOf, fieldOf, isErrorCode, toMendError } from "./ipc/error";
import {
  BACKUP_WORDING,
  CHANGE_PASSPHRASE_WORDING,
  EXPORT_WORDING,
  IMPORT_WORDING,
  RESTORE_WORDING,
  RESET_PASSPHRASE_WORDING,
  SAVE_WORDING,
  describeError,
  describeRefusal,
} from "./messages";

describe("toMendError", () => {
  it("keeps the code and message of an IpcError", () => {
    const error = toMendError({ code: "wrongPassphrase", message: "wrong passphrase" });
    expect(error).toBeInstanceOf(MendError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe("wrongPassphrase");
    expect(error.message).toBe("wrong passphrase");
  });

  it("keeps the field a refusal names, and none when it names none", () => {
    const refused = toMendError({ code: "invalidInput", message: "Please choose the day it starts.", field: "startsOn" });
    expect([refused.code, refused.field, fieldOf(refused)]).toEqual(["invalidInput", "startsOn", "startsOn"]);
    expect(toMendError({ code: "storage", message: "x" }).field).toBeNull();
    expect(toMendError({ code: "invalidInput", message: "x", field: 3 }).code).toBe("internal");
    expect(fieldOf(new Error("x"))).toBeNull();
  });

  it("turns an unknown code into internal", () => {
    expect(toMendError({ code: "somethingNew", message: "x" }).code).toBe("internal");
  });

  it("turns strings and Errors into internal", () => {
    expect(toMendError("command unlock not found").code).toBe("internal");
    expect(toMendError(new TypeError("x")).code).toBe("internal");
    expect(toMendError(undefined).code).toBe("internal");
  });

  it("returns a MendError unchanged", () => {
    const error = new MendError("locked", "locked");
    expect(toMendError(error)).toBe(error);
  });
});

describe("error codes", () => {
  it("recognises known codes only", () => {
    expect(isErrorCode("notFound")).toBe(true);
    expect(isErrorCode("recoveryRequired")).toBe(true);
    expect(isErrorCode("toString")).toBe(false);
    expect(isErrorCode(3)).toBe(false);
  });

  it("reads the code of anything thrown", () => {
    expect(errorCodeOf(new MendError("storage", "s"))).toBe("storage");
    expect(errorCodeOf(new Error("x"))).toBe("internal");
  });
});

describe("describeError", () => {
  it("says what happened when unlocking with the wrong passphrase", () => {
    expect(describeError(new MendError("wrongPassphrase", "x"))).toBe(
      "That passphrase didn't open the vault. Nothing was changed.",
    );
  });

  it("prefers a context override", () => {
    expect(describeError(new MendError("wrongPassphrase", "x"), CHANGE_PASSPHRASE_WORDING)).toBe(
      "The current passphrase isn't right. Nothing was changed.",
    );
  });

  it("never shows the back end's own message, which may be technical", () => {
    const text = describeError(new MendError("storage", "SQLITE_FULL at page 42"));
    expect(text).not.toContain("SQLITE");
  });

  it("explains that a reset needs the recovery key", () => {
    const text = describeError(new MendError("recoveryRequired", "x"));
    expect(text).toContain("recovery key");
    expect(text).toContain("Nothing was changed.");
  });

  it("has a calm sentence for every code, without exclamation marks", () => {
    expect(ERROR_CODES).toContain("recoveryRequired");
    for (const code of ERROR_CODES) {
      for (const wording of [{}, CHANGE_PASSPHRASE_WORDING, RESET_PASSPHRASE_WORDING, SAVE_WORDING]) {
        const text = describeError(new MendError(code, ""), wording);
        expect(text.length).toBeGreaterThan(10);
        expect(text).not.toContain("!");
        expect(text.endsWith(".")).toBe(true);
      }
    }
  });
});

describe("describeRefusal", () => {
  it("shows the back end's own sentence when it refused what was typed", () => {
    const error = new MendError("invalidInput", "That date is in the future.");
    expect(describeRefusal(error)).toBe("That date is in the future.");
  });

  it("uses the usual sentences for everything else", () => {
    expect(describeRefusal(new MendError("storage", "disk full at /home/x"))).toBe(describeError(new MendError("storage", "")));
    expect(describeRefusal(new MendError("invalidInput", "  "))).toBe(describeError(new MendError("invalidInput", "")));
    expect(describeRefusal("boom")).toBe(describeError("boom"));
  });
});

describe("backups, restore and imports", () => {
  it("says a wrong backup passphrase is about the backup", () => {
    const wrong = new MendError("wrongPassphrase", "That passphrase did not open the backup.");
    expect(describeRefusal(wrong, RESTORE_WORDING)).toBe("That passphrase didn't open this backup. Nothing was changed.");
  });

  it("shows the back end's own sentence for a file Mend can't read", () => {
    const notBackup = new MendError("invalidInput", "That file is not a Mend backup.");
    expect(describeRefusal(notBackup, RESTORE_WORDING)).toBe("That file is not a Mend backup.");
    const badLine = new MendError("invalidInput", "Line 12: that date does not exist.");
    expect(describeRefusal(badLine, IMPORT_WORDING)).toBe("Line 12: that date does not exist.");
  });

  it("says nothing was saved when a backup passphrase is too weak", () => {
    const weak = new MendError("weakPassphrase", "That passphrase is too easy to guess.");
    expect(describeError(weak, BACKUP_WORDING)).toMatch(/Nothing was saved\.$/);
    expect(describeError(new MendError("storage", "x"), EXPORT_WORDING)).toMatch(/^The export couldn't be written/);
  });
});
