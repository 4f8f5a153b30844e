// The check-in's store against a stand-in back end (invoke mocked): loading
// the questions and the past check-ins, saving, changing a past one,
// deleting one, and what it says when the back end refuses.
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { CheckInStore, SHOWN_AT_FIRST } = await import("./store.svelte");
const { CheckInBackEnd } = await import("./testing");

let backEnd: InstanceType<typeof CheckInBackEnd>;
let store: InstanceType<typeof CheckInStore>;

const INPUT = { on: "2026-03-02", answers: { "able-skills": 4 }, trustLevel: 6, note: "Steadier" };

beforeEach(async () => {
  backEnd = new CheckInBackEnd();
  vi.mocked(invoke).mockImplementation(backEnd.answer);
  store = new CheckInStore(5);
  await store.load();
});

describe("CheckInStore", () => {
  it("loads the questions and the (empty) list of past check-ins", () => {
    expect(store.form?.elements.map((e) => e.id)).toEqual(["able", "dependable"]);
    expect(store.history).toEqual([]);
    expect(store.fields.answers).toEqual({});
    expect(store.fields.trustSkipped).toBe(true);
  });

  it("rates, skips and moves the trust level", () => {
    store.rate("able-skills", 3);
    store.rate("dependable-follow", 5);
    store.rate("dependable-follow", null);
    expect(store.fields.answers).toEqual({ "able-skills": 3 });
    store.moveTrust(7);
    expect(store.fields.trust).toBe(7);
    expect(store.fields.trustSkipped).toBe(false);
  });

  it("saves, empties the form, says so and reloads the list", async () => {
    store.rate("able-skills", 4);
    expect(await store.save(INPUT)).toBe(true);
    expect(backEnd.calls.find((c) => c.command === "save_check_in")?.args).toEqual({ relationshipId: 5, input: INPUT });
    expect(store.status).toMatch(/^Check-in saved for /);
    expect(store.fields.answers).toEqual({});
    expect(store.history?.map((c) => c.on)).toEqual(["2026-03-02"]);
    expect(store.busy).toBe(false);
  });

  it("loads a past check-in to change it, and knows saving replaces it", async () => {
    await store.save(INPUT);
    store.edit(store.history![0]!);
    expect(store.editingDay).toBe("2026-03-02");
    expect(store.fields).toMatchObject({ on: "2026-03-02", answers: { "able-skills": 4 }, trust: 6, trustSkipped: false });
    expect(store.replaces).toBe(true);
    expect(store.status).toContain("Saving replaces it.");
    store.startAfresh();
    expect(store.editingDay).toBeNull();
    expect(store.replaces).toBe(false);
  });

  it("shows the back end's own sentence when it refuses the check-in", async () => {
    backEnd.refuse = { command: "save_check_in", error: { code: "invalidInput", message: "The note is too long." } };
    expect(await store.save(INPUT)).toBe(false);
    expect(store.error).toBe("The note is too long.");
    expect(store.busy).toBe(false);
  });

  it("takes a deleted check-in off the list", async () => {
    await store.save(INPUT);
    store.edit(store.history![0]!);
    await store.remove(store.history![0]!);
    expect(await store.deleted(store.history![0]!)).toBe(true);
    expect(store.history).toEqual([]);
    expect(store.editingDay).toBeNull();
    expect(store.status).toMatch(/^The check-in for .* was deleted\.$/);
  });

  it("shows the latest ten until asked for all", async () => {
    for (let day = 1; day <= SHOWN_AT_FIRST + 2; day += 1) {
      await store.save({ ...INPUT, on: `2026-02-${String(day).padStart(2, "0")}` });
    }
    expect(store.newest).toHaveLength(SHOWN_AT_FIRST + 2);
    expect(store.shown).toHaveLength(SHOWN_AT_FIRST);
    expect(store.shown[0]?.on).toBe("2026-02-12");
    store.showAll = true;
    expect(store.shown).toHaveLength(SHOWN_AT_FIRST + 2);
  });
});
