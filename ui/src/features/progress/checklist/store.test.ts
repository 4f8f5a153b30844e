// The checklist's store against a stand-in back end (invoke mocked): marking,
// clearing a mark, linking evidence, removing it and undoing the removal, and
// what it says when the back end refuses.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { ChecklistStore, UNDO_MS } = await import("./store.svelte");
const { ChecklistBackEnd, ENTRY } = await import("./testing");
const { forgetAnswersInFlight } = await import("../../../lib/ipc/call");

let backEnd: InstanceType<typeof ChecklistBackEnd>;
let store: InstanceType<typeof ChecklistStore>;

function step(stepId: string) {
  const found = store.lists?.[0]?.steps.find((s) => s.stepId === stepId);
  if (found === undefined) throw new Error(`no step ${stepId}`);
  return found;
}

beforeEach(async () => {
  backEnd = new ChecklistBackEnd();
  vi.mocked(invoke).mockImplementation(backEnd.answer);
  store = new ChecklistStore(3, () => "decider");
  await store.load();
});

afterEach(() => {
  store.dispose();
  vi.useRealTimers();
});

describe("ChecklistStore", () => {
  it("loads the role's checklists with every step open", () => {
    expect(backEnd.calls[0]).toEqual({ command: "checklists", args: { relationshipId: 3 } });
    expect(store.lists?.[0]?.steps.map((s) => s.state)).toEqual(["open", "open"]);
    expect(store.keyOf(step("take-ownership"))).toBe("take-ownership");
  });

  it("marks a step on a day with a note, says so and reloads", async () => {
    expect(store.toggleMark(step("take-ownership"))).toBe(true);
    store.marking!.date = "2026-03-02";
    store.marking!.note = "  Said sorry  ";
    const done = await store.saveMark();
    expect(done?.stepId).toBe("take-ownership");
    expect(backEnd.calls.find((c) => c.command === "mark_step")?.args).toEqual({
      relationshipId: 3,
      input: { frameworkId: "four-steps", stepId: "take-ownership", markedOn: "2026-03-02", note: "Said sorry" },
    });
    expect(store.marking).toBeNull();
    expect(store.message).toMatch(/^“Take ownership” is marked as observed on /);
    expect(step("take-ownership").state).toBe("claimed");
  });

  it("refuses an empty or future day before asking the back end", async () => {
    store.toggleMark(step("take-ownership"));
    store.marking!.date = " ";
    expect(await store.saveMark()).toBeNull();
    expect(store.marking?.error).toBe("Please choose the day you saw it.");
    store.marking!.date = "2999-01-01";
    expect(await store.saveMark()).toBeNull();
    expect(store.marking?.error).toBe("That day hasn't come yet. Please choose today or an earlier day.");
    expect(backEnd.count("mark_step")).toBe(0);
  });

  it("shows the back end's own sentence when it refuses what was entered", async () => {
    backEnd.refuse = { command: "mark_step", error: { code: "invalidInput", message: "The note is too long." } };
    store.toggleMark(step("take-ownership"));
    expect(await store.saveMark()).toBeNull();
    expect(store.marking?.error).toBe("The note is too long.");
    expect(store.marking?.busy).toBe(false);
  });

  it("keeps one panel open at a time, and a second click closes it", () => {
    store.toggleMark(step("take-ownership"));
    expect(store.togglePicker(step("take-ownership"))).toBe(true);
    expect(store.marking).toBeNull();
    expect(store.togglePicker(step("take-ownership"))).toBe(false);
    expect(store.picker).toBeNull();
  });

  it("links a candidate, then the step is evidenced", async () => {
    store.togglePicker(step("take-ownership"));
    await vi.waitFor(() => expect(store.picker?.candidates).toHaveLength(1));
    const linked = await store.link(0);
    expect(linked?.stepId).toBe("take-ownership");
    expect(store.picker).toBeNull();
    expect(store.message).toMatch(/^Entry from .* is now linked to “Take ownership”\.$/);
    expect(step("take-ownership").state).toBe("evidenced");
  });

  it("clears a mark only once confirmed, and the evidence stays", async () => {
    store.toggleMark(step("take-ownership"));
    store.marking!.date = "2026-03-02";
    await store.saveMark();
    store.askUnmark(step("take-ownership"));
    expect(backEnd.count("unmark_step")).toBe(0);
    const cleared = await store.confirmUnmark();
    expect(cleared?.stepId).toBe("take-ownership");
    expect(store.unmarking).toBeNull();
    expect(store.message).toBe("The mark on “Take ownership” was cleared. Any linked evidence is still there.");
    expect(step("take-ownership").state).toBe("open");
  });

  it("removes evidence with a few seconds to undo it", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    store.togglePicker(step("take-ownership"));
    await vi.waitFor(() => expect(store.picker?.candidates).toHaveLength(1));
    await store.link(0);
    const view = step("take-ownership").evidence[0]!;
    expect(await store.remove(step("take-ownership"), view)).toBe(true);
    expect(step("take-ownership").state).toBe("open");
    expect(store.undo?.title).toBe("Take ownership");
    const again = await store.undoRemove();
    expect(again?.stepId).toBe("take-ownership");
    expect(store.undo).toBeNull();
    expect(store.message).toBe("The evidence is linked to “Take ownership” again.");
    expect(step("take-ownership").state).toBe("evidenced");

    // The chance to undo ends by itself, and with anything new the person does.
    await store.remove(step("take-ownership"), step("take-ownership").evidence[0]!);
    await vi.advanceTimersByTimeAsync(UNDO_MS + 10);
    expect(store.undo).toBeNull();
    store.togglePicker(step("take-ownership"));
    await vi.waitFor(() => expect(store.picker?.candidates).toHaveLength(1));
    await store.link(0);
    await store.remove(step("take-ownership"), step("take-ownership").evidence[0]!);
    expect(store.undo).not.toBeNull();
    store.toggleMark(step("show-compassion"));
    expect(store.undo).toBeNull();
  });

  it("says why a removal failed", async () => {
    backEnd.links.push({ linkId: 9, stepId: "take-ownership", target: ENTRY.target });
    await store.load();
    backEnd.refuse = { command: "unlink_evidence", error: { code: "storage", message: "disk" } };
    expect(await store.remove(step("take-ownership"), step("take-ownership").evidence[0]!)).toBe(false);
    expect(store.actionError).toMatch(/couldn't read or write its files/);
    expect(store.removing).toBeNull();
  });

  it("lets no answer asked before a lock land after it", async () => {
    let release!: () => void;
    vi.mocked(invoke).mockImplementationOnce(
      (command, args) => new Promise((resolve) => (release = () => resolve(backEnd.answer(command, args)))),
    );
    backEnd.marks.set("take-ownership", { markedOn: "2026-03-01", note: "" });
    const loading = store.load();
    forgetAnswersInFlight();
    release();
    await loading;
    expect(step("take-ownership").state).toBe("open");
    expect(store.loadError).toBeNull();
  });

  it("says a step marked before a repeat breach still holds: marked again today, note kept", async () => {
    backEnd.marks.set("take-ownership", { markedOn: "2026-03-01", note: "Said it plainly" });
    backEnd.marks.set("show-compassion", { markedOn: "2026-03-12", note: "" });
    backEnd.repeatBreachOn = "2026-03-10";
    await store.load();
    expect(step("take-ownership").beforeRepeatBreach).toBe("2026-03-10");
    expect(step("show-compassion").beforeRepeatBreach).toBeNull();

    const done = await store.reconfirm(step("take-ownership"));
    expect(done?.stepId).toBe("take-ownership");
    expect(backEnd.calls.find((c) => c.command === "reconfirm_step")?.args).toEqual({
      relationshipId: 3,
      frameworkId: "four-steps",
      stepId: "take-ownership",
    });
    expect(step("take-ownership").beforeRepeatBreach).toBeNull();
    expect(step("take-ownership").markedOn).toBe("2026-03-20");
    expect(step("take-ownership").note).toBe("Said it plainly");
    expect(store.message).toBe("“Take ownership” still holds. It is marked again today, with its note and evidence.");
    expect(store.reconfirming).toBeNull();
  });

  it("says why a step could not be said to still hold, beside that step", async () => {
    backEnd.marks.set("take-ownership", { markedOn: "2026-03-01", note: "" });
    backEnd.repeatBreachOn = "2026-03-10";
    await store.load();
    backEnd.refuse = { command: "reconfirm_step", error: { code: "storage", message: "disk" } };
    expect(await store.reconfirm(step("take-ownership"))).toBeNull();
    expect(store.reconfirmError?.path).toBe("four-steps/take-ownership");
    expect(store.reconfirmError?.text).toMatch(/couldn't read or write its files/);
    expect(step("take-ownership").beforeRepeatBreach).toBe("2026-03-10");
  });
});
