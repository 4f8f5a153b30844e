// The decision reviews' store (invoke mocked): loading, what it asks for
// before saving, saving, deleting, and the order reviews are listed in.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Decision } from "../../../lib/ipc/progress";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { DecisionStore, decisionsByDay } = await import("./store.svelte");

const PAUSE: Decision = { id: 1, decidedOn: "2026-02-01", choice: "pause", reasons: "I need room to think." };
const HOLD: Decision = { id: 2, decidedOn: "2026-02-01", choice: "hold", reasons: "" };
const EXTEND: Decision = { id: 3, decidedOn: "2026-01-10", choice: "extend", reasons: "" };

let store: InstanceType<typeof DecisionStore>;

beforeEach(async () => {
  vi.mocked(invoke).mockReset();
  vi.mocked(invoke).mockImplementation(async (command, args) => {
    if (command === "list_decisions") return [PAUSE, EXTEND];
    if (command === "add_decision") {
      const input = (args as { input: { decidedOn: string; choice: Decision["choice"]; reasons: string } }).input;
      return { id: 4, ...input };
    }
    if (command === "delete_decision") return null;
    throw { code: "internal", message: command };
  });
  store = new DecisionStore(8);
  await store.load();
});

describe("DecisionStore", () => {
  it("lists reviews newest first, and the same day in the order saved", () => {
    expect(store.newest.map((d) => d.id)).toEqual([1, 3]);
    expect(decisionsByDay([EXTEND, HOLD, PAUSE]).map((d) => d.id)).toEqual([3, 1, 2]);
    expect(decisionsByDay([EXTEND, HOLD, PAUSE], true).map((d) => d.id)).toEqual([2, 1, 3]);
  });

  it("asks for a day and a choice before saving, pointing at the field", async () => {
    store.date = "";
    expect(await store.save()).toBe("decision-date");
    expect(store.error).toBe("Please choose the day of this review.");
    store.date = "2999-01-01";
    expect(await store.save()).toBe("decision-date");
    store.date = "2026-02-02";
    expect(await store.save()).toBe("decision-extend");
    expect(store.error).toBe("Please choose where you stand for now.");
    expect(vi.mocked(invoke).mock.calls.some(([command]) => command === "add_decision")).toBe(false);
  });

  it("saves a review, lists it and empties the form", async () => {
    store.date = "2026-02-02";
    store.choice = "stepAway";
    store.reasons = "  Enough.  ";
    expect(await store.save()).toBe(true);
    expect(vi.mocked(invoke)).toHaveBeenCalledWith("add_decision", {
      relationshipId: 8,
      input: { decidedOn: "2026-02-02", choice: "stepAway", reasons: "Enough." },
    });
    expect(store.newest[0]?.id).toBe(4);
    expect(store.status).toMatch(/ is saved: Step away\.$/);
    expect(store.choice).toBeNull();
    expect(store.reasons).toBe("");
  });

  it("takes a deleted review off the list", async () => {
    await store.remove(PAUSE);
    store.deleted(PAUSE);
    expect(store.newest.map((d) => d.id)).toEqual([3]);
    expect(store.status).toMatch(/^The review from .* was deleted\.$/);
  });
});
