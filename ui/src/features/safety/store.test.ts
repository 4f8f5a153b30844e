// The relationship page's safety store with a stand-in back end
// (lib/ipc/fakeBackend.ts, through guide/guideFixture.ts): loading the check, and the person's choice of mode;
// the check screen's store: answering and recording the check.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { RelationshipMode, SafetyView } from "../../lib/ipc/safety";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { session } = await import("../../lib/session.svelte");
const { RELATIONSHIP, answer, asked, freshJournal } = await import("../guide/guideFixture");
const { SafetyCheckStore, SafetyModeStore } = await import("./store.svelte");

function view(mode: RelationshipMode, chosen: boolean): SafetyView {
  return {
    intro: "A few questions.",
    noneLabel: "None of these",
    signs: [],
    checkedAt: "2026-12-01T09:00:00Z",
    suggested: "safety",
    mode,
    chosen,
    guidance: { heading: "Support", paragraphs: ["You are not alone."] },
    offerAgainSince: null,
  };
}

beforeEach(() => {
  freshJournal();
});

describe("SafetyModeStore", () => {
  it("loads the check for its relationship", async () => {
    answer("safety_check", () => view("safety", false));
    const store = new SafetyModeStore(RELATIONSHIP.id);
    await store.load();
    expect(asked("safety_check")).toEqual([{ relationshipId: RELATIONSHIP.id }]);
    expect(store.view?.guidance.heading).toBe("Support");
    expect(store.failed).toBeNull();
    store.dispose();
  });

  it("keeps a failure to load, to show with a way to try again", async () => {
    answer("safety_check", () => {
      throw { code: "internal", message: "x" };
    });
    const store = new SafetyModeStore(RELATIONSHIP.id);
    await store.load();
    expect(store.failed).toMatchObject({ code: "internal" });
    store.dispose();
  });

  it("puts the person's choice in force and refreshes the guide", async () => {
    answer("choose_relationship_mode", (args) => view(args.mode === null ? "safety" : "repair", args.mode !== null));
    session.relationships.page = { id: RELATIONSHIP.id, guide: null, events: [], loading: false, failed: null };
    const store = new SafetyModeStore(RELATIONSHIP.id);
    expect(await store.choose("repair")).toBe(true);
    expect(asked("choose_relationship_mode")).toEqual([{ relationshipId: RELATIONSHIP.id, mode: "repair" }]);
    expect(store.view?.mode).toBe("repair");
    expect(session.relationships.page?.guide?.relationship.name).toBe("Sam");
    store.dispose();
  });

  it("says why a choice failed, in words", async () => {
    answer("choose_relationship_mode", () => {
      throw { code: "notFound", message: "x" };
    });
    const store = new SafetyModeStore(RELATIONSHIP.id);
    expect(await store.choose(null)).toBe(false);
    expect(store.error).toBe("That couldn't be found. It may have been deleted a moment ago.");
    expect(store.busy).toBe(false);
    store.dispose();
  });
});

describe("SafetyModeStore's offer after a repeat breach", () => {
  it("follows Rust's offer, and \"Not now\" puts it away", async () => {
    answer("safety_check", () => ({ ...view("repair", false), offerAgainSince: "2026-12-03" }));
    answer("safety_not_now", () => view("repair", false));
    const store = new SafetyModeStore(RELATIONSHIP.id);
    expect(store.offerAgainSince).toBeNull();
    await store.load();
    expect(store.offerAgainSince).toBe("2026-12-03");
    expect(await store.notNow()).toBe(true);
    expect(asked("safety_not_now")).toEqual([{ relationshipId: RELATIONSHIP.id }]);
    expect(store.offerAgainSince).toBeNull();
    expect(store.offerBusy).toBe(false);
    store.dispose();
  });

  it("keeps the offer and says why when \"Not now\" fails", async () => {
    answer("safety_check", () => ({ ...view("repair", false), offerAgainSince: "2026-12-03" }));
    answer("safety_not_now", () => {
      throw { code: "notFound", message: "x" };
    });
    const store = new SafetyModeStore(RELATIONSHIP.id);
    await store.load();
    expect(await store.notNow()).toBe(false);
    expect(store.offerError).toBe("That couldn't be found. It may have been deleted a moment ago.");
    expect(store.offerAgainSince).toBe("2026-12-03");
    store.dispose();
  });
});

describe("SafetyCheckStore", () => {
  function withSigns(mode: RelationshipMode, checkedAt: string | null = null): SafetyView {
    return {
      ...view(mode, false),
      checkedAt,
      signs: [
        { id: "a", text: "A", present: false },
        { id: "b", text: "B", present: false },
      ],
    } as SafetyView;
  }

  async function loaded(mode: RelationshipMode = "repair") {
    answer("safety_check", () => withSigns("repair"));
    answer("record_safety_check", () => withSigns(mode, "2026-12-02T09:00:00Z"));
    const store = new SafetyCheckStore(RELATIONSHIP.id);
    await store.load();
    return store;
  }

  it("starts unanswered and sends nothing until something is ticked", async () => {
    const store = await loaded();
    expect(store.answers).toEqual({ present: [], none: false });
    const then = vi.fn(async () => {});
    await store.save(then);
    expect(store.showUnanswered).toBe(true);
    expect(asked("record_safety_check")).toEqual([]);
    expect(then).not.toHaveBeenCalled();
    store.dispose();
  });

  it("keeps ticked signs in the check's order, and none clears them", async () => {
    const store = await loaded();
    store.tickSign("b", true);
    store.tickSign("a", true);
    expect(store.answers.present).toEqual(["a", "b"]);
    store.tickNone(true);
    expect(store.answers).toEqual({ present: [], none: true });
    store.dispose();
  });

  it("records the answers, then runs what follows while still saving", async () => {
    const store = await loaded();
    store.tickSign("a", true);
    let savingMeanwhile = false;
    await store.save(async () => {
      savingMeanwhile = store.saving;
    });
    expect(asked("record_safety_check")).toEqual([{ relationshipId: RELATIONSHIP.id, input: { present: ["a"] } }]);
    expect(savingMeanwhile).toBe(true);
    expect(store.saving).toBe(false);
    expect(store.result).toBeNull();
    store.dispose();
  });

  it("keeps the result when the answers suggest the person's own safety", async () => {
    const store = await loaded("safety");
    store.tickNone(true);
    await store.save(async () => {});
    expect(asked("record_safety_check")).toEqual([{ relationshipId: RELATIONSHIP.id, input: { present: [] } }]);
    expect(store.result?.guidance.heading).toBe("Support");
    store.dispose();
  });

  it("says why the answers could not be recorded", async () => {
    const store = await loaded();
    answer("record_safety_check", () => {
      throw { code: "notFound", message: "x" };
    });
    store.tickNone(true);
    await store.save(async () => {});
    expect(store.saveError).toBe("That couldn't be found. It may have been deleted a moment ago.");
    store.dispose();
  });
});
