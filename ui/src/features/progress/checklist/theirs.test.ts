// What the other person shared, as evidence on the decider's checklist, against
// a stand-in back end (invoke mocked): the picker lists what was received, a
// link puts it in the step's view as theirs, an unlink (once asked) takes it
// off, and a refusal is said in the picker.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { ChecklistStore } = await import("./store.svelte");
const { TheirEvidenceStore } = await import("./theirs.svelte");
const { ChecklistBackEnd, THEIR_COMMITMENT } = await import("./testing");

let backEnd: InstanceType<typeof ChecklistBackEnd>;
let checklist: InstanceType<typeof ChecklistStore>;
let theirs: InstanceType<typeof TheirEvidenceStore>;

function step(stepId: string) {
  const found = checklist.lists?.[0]?.steps.find((s) => s.stepId === stepId);
  if (found === undefined) throw new Error(`no step ${stepId}`);
  return found;
}

beforeEach(async () => {
  backEnd = new ChecklistBackEnd();
  vi.mocked(invoke).mockImplementation(backEnd.answer);
  checklist = new ChecklistStore(3, () => "decider");
  theirs = new TheirEvidenceStore(checklist);
  await checklist.load();
});

afterEach(() => {
  theirs.dispose();
  checklist.dispose();
});

describe("TheirEvidenceStore", () => {
  it("lists nothing when nothing has been received", async () => {
    expect(theirs.toggle(step("take-ownership"))).toBe(true);
    await theirs.loadCandidates();
    expect(backEnd.calls.find((c) => c.command === "their_evidence_candidates")?.args).toEqual({
      relationshipId: 3,
      frameworkId: "four-steps",
      stepId: "take-ownership",
    });
    expect(theirs.picker?.candidates).toEqual([]);
  });

  it("links a received item: the step shows it as theirs and counts it, and it is not offered again", async () => {
    backEnd.shared = [THEIR_COMMITMENT];
    checklist.toggleMark(step("take-ownership"));
    checklist.marking!.date = "2026-03-02";
    await checklist.saveMark();
    expect(step("take-ownership").state).toBe("claimed");

    theirs.toggle(step("take-ownership"));
    await theirs.loadCandidates();
    expect(theirs.picker?.candidates?.map((c) => c.sharedBy)).toEqual(["Alex"]);
    const done = await theirs.link(0);

    expect(done?.stepId).toBe("take-ownership");
    expect(backEnd.calls.find((c) => c.command === "link_their_evidence")?.args).toEqual({
      relationshipId: 3,
      frameworkId: "four-steps",
      stepId: "take-ownership",
      itemId: 41,
    });
    expect(theirs.picker).toBeNull();
    expect(checklist.message).toBe("Commitment and its record shared by Alex is now linked to “Take ownership”.");
    const s = step("take-ownership");
    expect(s.state).toBe("evidenced");
    expect(s.evidence).toEqual([]);
    expect(s.theirs.map((t) => [t.itemId, t.sharedBy])).toEqual([[41, "Alex"]]);
    expect(s.theirs[0]?.linkId).not.toBeNull();

    theirs.toggle(step("take-ownership"));
    await theirs.loadCandidates();
    expect(theirs.picker?.candidates).toEqual([]);
  });

  it("unlinks only once asked, and the item is still received", async () => {
    backEnd.shared = [THEIR_COMMITMENT];
    theirs.toggle(step("show-compassion"));
    await theirs.loadCandidates();
    await theirs.link(0);
    const linked = step("show-compassion").theirs[0]!;

    theirs.askUnlink(step("show-compassion"), linked);
    expect(theirs.unlinking?.view.itemId).toBe(41);
    expect(backEnd.count("unlink_their_evidence")).toBe(0);
    theirs.cancelUnlink();
    expect(theirs.unlinking).toBeNull();
    expect(backEnd.count("unlink_their_evidence")).toBe(0);

    theirs.askUnlink(step("show-compassion"), linked);
    const done = await theirs.confirmUnlink();
    expect(done?.stepId).toBe("show-compassion");
    expect(backEnd.calls.find((c) => c.command === "unlink_their_evidence")?.args).toEqual({ linkId: linked.linkId });
    expect(theirs.unlinking).toBeNull();
    expect(step("show-compassion").theirs).toEqual([]);
    expect(step("show-compassion").state).toBe("open");
    expect(checklist.message).toMatch(/no longer linked to “Show compassion”\. It is still under Shared with me\.$/);
  });

  it("says a refused link in the picker and keeps it open", async () => {
    backEnd.shared = [THEIR_COMMITMENT];
    backEnd.refuse = {
      command: "link_their_evidence",
      error: { code: "invalidInput", message: "That shared item isn't part of this relationship." },
    };
    theirs.toggle(step("take-ownership"));
    await theirs.loadCandidates();
    expect(await theirs.link(0)).toBeNull();
    expect(theirs.picker?.error).toBe("That shared item isn't part of this relationship.");
    expect(step("take-ownership").theirs).toEqual([]);
  });

  it("keeps one panel open at a time: opening it closes the checklist's own", async () => {
    checklist.togglePicker(step("take-ownership"));
    expect(checklist.picker).not.toBeNull();
    theirs.toggle(step("take-ownership"));
    expect(checklist.picker).toBeNull();
    expect(theirs.picker?.stepId).toBe("take-ownership");
    expect(theirs.toggle(step("take-ownership"))).toBe(false);
    expect(theirs.picker).toBeNull();
  });
});
