// The relationship form's store and the moments' store against a stand-in
// back end (FakeBackend; the real IPC layer over it): what is checked before
// anything is sent, what a refusal marks, and how the list and the page
// follow a save, an added moment and a deletion.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Relationship, RelationshipEvent } from "../../lib/ipc";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend } = await import("../../lib/ipc/fakeBackend");
const { clearJournalState, session } = await import("../../lib/session.svelte");
const { RelationshipFormStore } = await import("./formStore.svelte");
const { EventsStore } = await import("./eventsStore.svelte");

function relationship(id: number, name = `person ${id}`): Relationship {
  return { id, name, role: "repairer", whatHappened: "", happenedOn: null, breachKind: "care", createdAt: "2025-01-01T00:00:00Z", setting: null, power: null, contexts: [] };
}

function moment(id: number, occurredOn: string): RelationshipEvent {
  return { id, relationshipId: 1, kind: "milestone", occurredOn, note: "", createdAt: "2025-01-01T00:00:00Z" } as RelationshipEvent;
}

let backend: InstanceType<typeof FakeBackend>;

beforeEach(() => {
  clearJournalState();
  backend = new FakeBackend(vi.mocked(invoke));
  backend.on("relationship_guide", () => {
    throw { code: "notFound", message: "" };
  });
});

describe("RelationshipFormStore", () => {
  function filled(id: number | null = null) {
    const form = new RelationshipFormStore(id);
    form.name = "  Sam ";
    form.role = "decider";
    form.kind = "integrity";
    form.when = "2025-03-01";
    return form;
  }

  it("asks for a name, a side and a kind of trust, in that order, before sending anything", async () => {
    const form = new RelationshipFormStore(null);
    expect(await form.save()).toBeNull();
    expect(form.invalid).toBe("name");
    expect(form.error).toBe("Please give them a name, or a nickname only you would recognise.");
    form.touched("role");
    expect(form.invalid).toBe("name");
    form.touched("name");
    expect(form.invalid).toBeNull();

    form.name = "Sam";
    await form.save();
    expect(form.invalid).toBe("role");
    form.role = "repairer";
    await form.save();
    expect(form.invalid).toBe("kind");
    expect(backend.calls).toEqual([]);
  });

  it("adds a relationship and keeps it in the list", async () => {
    backend.on("create_relationship", () => relationship(7, "Sam"));
    const form = filled();
    const saved = await form.save();
    expect(saved?.id).toBe(7);
    expect(backend.argsOf("create_relationship")).toEqual([
      { input: { name: "Sam", role: "decider", whatHappened: "", happenedOn: "2025-03-01", breachKind: "integrity", setting: null, power: null } },
    ]);
    expect(session.relationships.byId(7)?.name).toBe("Sam");
    expect(form.saving).toBe(false);
  });

  it("prefills power from a work setting, and forgets it for a personal one", () => {
    const form = filled();
    expect(form.asksPower).toBe(false);
    form.chooseSetting("someoneIManage");
    expect([form.asksPower, form.power]).toEqual([true, "me"]);
    form.power = "even";
    form.chooseSetting("team");
    expect([form.asksPower, form.power]).toEqual([true, null]);
    form.chooseSetting("family");
    expect([form.asksPower, form.power]).toEqual([false, null]);
    form.chooseSetting("");
    expect([form.setting, form.power]).toEqual(["", null]);
  });

  it("changes the relationship it was filled from", async () => {
    backend.on("update_relationship", ({ id }) => relationship(id as number, "Samuel"));
    const form = new RelationshipFormStore(3);
    form.fill({ ...relationship(3, "Sam"), happenedOn: "2025-02-02" });
    form.fill(relationship(3, "not again"));
    expect([form.name, form.when, form.kind]).toEqual(["Sam", "2025-02-02", "care"]);
    await form.save();
    expect(backend.argsOf("update_relationship")[0]).toMatchObject({ id: 3 });
  });

  it("shows the back end's refusal, marking the field it names", async () => {
    backend.fails("create_relationship", "invalidInput", "The date can't be in the future.", "happenedOn");
    const form = filled();
    expect(await form.save()).toBeNull();
    expect(form.error).toBe("The date can't be in the future.");
    expect(form.invalid).toBe("when");

    backend.fails("create_relationship", "invalidInput", "The name can be at most 80 characters.", "name");
    await form.save();
    expect(form.error).toBe("The name can be at most 80 characters.");
    expect(form.invalid).toBe("name");

    backend.fails("create_relationship", "invalidInput", "That can't be saved.");
    await form.save();
    expect(form.invalid).toBeNull();
  });

  it("deletes, then forgets the relationship and its page", async () => {
    backend.returns("delete_relationship", null);
    session.relationships.keep(relationship(3));
    const form = new RelationshipFormStore(3);
    form.asking = true;
    await form.remove(3);
    form.deleted(3);
    expect(backend.argsOf("delete_relationship")).toEqual([{ id: 3 }]);
    expect(session.relationships.byId(3)).toBeUndefined();
    expect(form.asking).toBe(false);
  });
});

describe("EventsStore", () => {
  function onPage(events: RelationshipEvent[]) {
    session.relationships.page = { id: 1, guide: null, events, loading: false, failed: null };
  }

  it("asks for the day before sending anything", async () => {
    const events = new EventsStore(1);
    events.date = " ";
    await events.add();
    expect(events.addError).toBe("Please choose the day it happened.");
    expect(backend.calls).toEqual([]);
  });

  it("adds a moment to the page in date order and clears the note", async () => {
    onPage([moment(1, "2025-01-01"), moment(2, "2025-03-01")]);
    backend.on("add_event", () => moment(3, "2025-02-01"));
    const events = new EventsStore(1);
    events.date = "2025-02-01";
    events.note = " the call ";
    await events.add();
    expect(backend.argsOf("add_event")).toEqual([{ relationshipId: 1, input: { kind: "milestone", occurredOn: "2025-02-01", note: "the call" } }]);
    expect(session.relationships.page?.events.map((e) => e.id)).toEqual([1, 3, 2]);
    expect(events.note).toBe("");
  });

  it("shows a refusal and keeps the note", async () => {
    backend.fails("add_event", "invalidInput", "The day can't be in the future.");
    const events = new EventsStore(1);
    events.note = "kept";
    await events.add();
    expect(events.addError).toBe("The day can't be in the future.");
    expect(events.note).toBe("kept");
  });

  it("takes a deleted moment off the page", async () => {
    onPage([moment(1, "2025-01-01"), moment(2, "2025-03-01")]);
    backend.returns("delete_event", null);
    const events = new EventsStore(1);
    events.deleting = moment(2, "2025-03-01");
    await events.remove(2);
    events.deleted(moment(2, "2025-03-01"));
    expect(backend.argsOf("delete_event")).toEqual([{ id: 2 }]);
    expect(session.relationships.page?.events.map((e) => e.id)).toEqual([1]);
    expect(events.deleting).toBeNull();
  });
});
