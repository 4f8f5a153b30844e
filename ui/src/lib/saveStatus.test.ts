import { describe, expect, it } from "vitest";
import { saveStatusText } from "./saveStatus";

const words = { idle: "Kept as you write.", failed: (error: unknown) => `Not saved: ${String(error)}` };

describe("saveStatusText", () => {
  it("reads each state of a save-as-you-type queue", () => {
    expect(saveStatusText({ kind: "idle" }, words)).toBe("Kept as you write.");
    expect(saveStatusText({ kind: "pending" }, words)).toBe("Saving…");
    expect(saveStatusText({ kind: "saving" }, words)).toBe("Saving…");
    expect(saveStatusText({ kind: "saved" }, words)).toBe("Saved");
    expect(saveStatusText({ kind: "failed", error: "disk" }, words)).toBe("Not saved: disk");
  });
});
