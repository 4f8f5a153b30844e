// The conversation planner's stores with a stand-in back end
// (lib/ipc/fakeBackend.ts, through guide/guideFixture.ts): the list of plans, a plan's notes saved as typed,
// how it went, and deleting a plan.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Conversation } from "../../lib/ipc";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { RELATIONSHIP, answer, asked, freshJournal } = await import("../guide/guideFixture");
const { PlanStore, PlannerStore } = await import("./store.svelte");

function conversation(id: number, over: Partial<Conversation> = {}): Conversation {
  return {
    id,
    relationshipId: RELATIONSHIP.id,
    notes: {},
    plannedOn: null,
    heldOn: null,
    outcome: "",
    commitments: [],
    ownCommitmentOptional: false,
    updatedAt: "2026-12-01T09:00:00Z",
    ...over,
  };
}

beforeEach(() => {
  freshJournal();
  answer("list_conversations", () => [conversation(2), conversation(1)]);
});

describe("PlannerStore", () => {
  it("loads the plans and opens the newest", async () => {
    const store = new PlannerStore(RELATIONSHIP.id);
    await store.open();
    expect(store.planner?.loaded).toBe(true);
    expect(store.selected?.id).toBe(2);
    store.select(1);
    expect(store.selected?.id).toBe(1);
  });

  it("starts a new plan at the top and opens it", async () => {
    answer("create_conversation", () => conversation(3));
    const store = new PlannerStore(RELATIONSHIP.id);
    await store.open();
    await store.create();
    expect(store.planner?.conversations.map((c) => c.id)).toEqual([3, 2, 1]);
    expect(store.selected?.id).toBe(3);
  });

  it("opens the first plan left once one is deleted", async () => {
    const store = new PlannerStore(RELATIONSHIP.id);
    await store.open();
    store.removed(2);
    expect(store.planner?.conversations.map((c) => c.id)).toEqual([1]);
    expect(store.selected?.id).toBe(1);
  });
});

describe("PlanStore", () => {
  async function opened(): Promise<InstanceType<typeof PlanStore>> {
    const planner = new PlannerStore(RELATIONSHIP.id);
    await planner.open();
    const plan = new PlanStore(RELATIONSHIP.id, planner.selected!);
    plan.open();
    return plan;
  }

  it("saves the notes as they are typed", async () => {
    answer("save_conversation_plan", (args) => conversation(args.id as number, { updatedAt: "2026-12-04T10:00:00Z" }));
    const plan = await opened();
    plan.note("their-perspective", "What I want them to know.");
    await vi.waitFor(() => expect(plan.statusText).toBe("Saved"), { timeout: 2000 });
    const saved = asked("save_conversation_plan");
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ id: 2, plan: { notes: { "their-perspective": "What I want them to know." }, plannedOn: "" } });
    expect(plan.conversation.updatedAt).toBe("2026-12-04T10:00:00Z");
    plan.close();
  });

  it("asks for both commitments before noting how it went", async () => {
    const plan = await opened();
    await plan.record({ heldOn: "2026-12-03", outcome: "", mine: "Call weekly", theirs: " " });
    expect(plan.recordError).toMatch(/one commitment from each of you/);
    expect(asked("record_conversation_outcome")).toEqual([]);
    plan.close();
  });

  it("notes how it went with only their commitment when Rust says the decider's own is optional", async () => {
    answer("list_conversations", () => [conversation(2, { ownCommitmentOptional: true })]);
    answer("record_conversation_outcome", (args) =>
      conversation(args.id as number, {
        heldOn: "2026-12-03",
        ownCommitmentOptional: true,
        commitments: [{ id: 10, owner: "them", promise: "Say when it hurts", startsOn: "2026-12-03" }] as Conversation["commitments"],
      }),
    );
    const plan = await opened();
    await plan.record({ heldOn: "2026-12-03", outcome: "", mine: "  ", theirs: " " });
    expect(plan.recordError).toMatch(/one thing they will do/);
    expect(asked("record_conversation_outcome")).toEqual([]);

    await plan.record({ heldOn: "2026-12-03", outcome: "", mine: "  ", theirs: "Say when it hurts" });
    expect(plan.recordError).toBeNull();
    expect(asked("record_conversation_outcome")[0]).toMatchObject({
      outcome: { myCommitment: "", theirCommitment: "Say when it hurts" },
    });
    expect(plan.conversation.commitments.map((c) => c.owner)).toEqual(["them"]);
    expect(plan.recordNote).toBe("Noted. Their commitment is kept on the relationship's page.");
    plan.close();
  });

  it("notes how it went and keeps the commitments", async () => {
    answer("record_conversation_outcome", (args) =>
      conversation(args.id as number, {
        heldOn: "2026-12-03",
        outcome: "Calm.",
        commitments: [
          { id: 9, owner: "me", promise: "Call weekly", startsOn: "2026-12-03" },
          { id: 10, owner: "them", promise: "Say when it hurts", startsOn: "2026-12-03" },
        ] as Conversation["commitments"],
      }),
    );
    const plan = await opened();
    await plan.record({ heldOn: "2026-12-03", outcome: "Calm.", mine: " Call weekly ", theirs: "Say when it hurts" });
    expect(asked("record_conversation_outcome")).toEqual([
      { id: 2, outcome: { heldOn: "2026-12-03", outcome: "Calm.", myCommitment: "Call weekly", theirCommitment: "Say when it hurts" } },
    ]);
    expect(plan.recordNote).toBe("Noted. The two commitments are kept on the relationship's page.");
    expect(plan.conversation.commitments).toHaveLength(2);
    plan.close();
  });

  it("deletes the plan, or keeps it and goes on saving when that fails", async () => {
    answer("delete_conversation", () => {
      throw { code: "storage", message: "disk" };
    });
    answer("save_conversation_plan", (args) => conversation(args.id as number));
    const plan = await opened();
    await expect(plan.remove()).rejects.toMatchObject({ code: "storage" });
    plan.note("their-perspective", "Still here.");
    await vi.waitFor(() => expect(asked("save_conversation_plan")).toHaveLength(1), { timeout: 2000 });
    answer("delete_conversation", () => null);
    await plan.remove();
    expect(asked("delete_conversation")).toEqual([{ id: 2 }, { id: 2 }]);
    plan.close();
  });
});
