// The relationship page's safety store with a stand-in back end
// (lib/ipc/fakeBackend.ts, through guide/guideFixture.ts): loading the check, and the person's choice of mode.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { RelationshipMode, SafetyView } from "../../lib/ipc/safety";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { session } = await import("../../lib/session.svelte");
const { RELATIONSHIP, answer, asked, freshJournal } = await import("../guide/guideFixture");
const { SafetyModeStore } = await import("./store.svelte");

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
