// The relationships store: the list for the navigation, the catalog of step
// titles, and the page shown, whose answers land only while it is still the
// one asked for. The back end is a stand-in behind the real IPC layer.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Relationship, RelationshipEvent, RelationshipGuide } from "../../lib/ipc";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend, deferred } = await import("../../lib/ipc/fakeBackend");
const { forgetAnswersInFlight } = await import("../../lib/ipc/call");
const { onLockedOut } = await import("../../lib/lockout");
const { RelationshipsStore } = await import("./store.svelte");

function relationship(id: number, name = `person ${id}`): Relationship {
  return {
    id,
    name,
    role: "repairer",
    whatHappened: "",
    happenedOn: null,
    breachKind: "care",
    createdAt: "2025-01-01T00:00:00Z",
    setting: null,
    power: null,
    contexts: [],
  };
}

function guide(id: number, stepTitle = "Naming it"): RelationshipGuide {
  return {
    relationship: relationship(id),
    mode: "repair",
    frameworks: [{ id: "f", name: "Framework", steps: [{ id: "s", title: stepTitle }] }],
    templates: [],
  } as unknown as RelationshipGuide;
}

let backend: InstanceType<typeof FakeBackend>;
let store: InstanceType<typeof RelationshipsStore>;
let lockedOut: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  backend = new FakeBackend(vi.mocked(invoke));
  store = new RelationshipsStore();
  lockedOut = vi.fn<() => void>();
  onLockedOut(lockedOut);
});

describe("the list", () => {
  it("loads the relationships, then the step titles of their guides", async () => {
    backend.returns("list_relationships", [relationship(1), relationship(2)]);
    backend.on("relationship_guide", ({ relationshipId }) => guide(relationshipId as number));
    await store.load();
    await vi.waitFor(() => expect(store.catalog.frameworks).toHaveLength(1));
    expect(store.loaded).toBe(true);
    expect(store.byId(2)?.name).toBe("person 2");
    expect(store.byId(null)).toBeUndefined();
    expect(store.catalog.frameworks[0]?.steps).toEqual([{ id: "s", title: "Naming it" }]);
  });

  it("keeps a failure to show, and leads to the unlock screen when locked", async () => {
    backend.fails("list_relationships", "storage");
    await store.load();
    expect(store.failed).toMatchObject({ code: "storage" });
    expect(store.loaded).toBe(false);

    backend.fails("list_relationships", "locked");
    await store.load();
    expect(lockedOut).toHaveBeenCalledTimes(1);
  });

  it("keeps a new or changed relationship, and forgets a deleted one with its page", async () => {
    backend.on("relationship_guide", ({ relationshipId }) => guide(relationshipId as number));
    backend.returns("list_events", []);
    store.keep(relationship(1));
    store.keep(relationship(2));
    store.keep(relationship(1, "renamed"));
    expect(store.list.map((r) => r.name)).toEqual(["renamed", "person 2"]);
    await store.loadPage(2);
    store.forget(2);
    expect(store.list.map((r) => r.id)).toEqual([1]);
    expect(store.page).toBeNull();
  });
});

describe("the page", () => {
  it("loads the guide and the events of the relationship shown", async () => {
    const events: RelationshipEvent[] = [];
    backend.returns("relationship_guide", guide(3));
    backend.returns("list_events", events);
    const loading = store.loadPage(3);
    expect(store.page).toMatchObject({ id: 3, loading: true });
    expect(store.hasPage(3)).toBe(true);
    await loading;
    expect(store.page).toMatchObject({ id: 3, loading: false, failed: null });
    expect(store.page?.guide?.relationship.id).toBe(3);
    expect(store.hasPage(4)).toBe(false);
  });

  it("drops the answer for a page that was left meanwhile", async () => {
    const first = deferred<RelationshipGuide>();
    backend.on("relationship_guide", ({ relationshipId }) => (relationshipId === 3 ? first.promise : guide(4)));
    backend.returns("list_events", []);
    const loading = store.loadPage(3);
    await store.loadPage(4);
    first.resolve(guide(3));
    await loading;
    expect(store.page?.id).toBe(4);
    expect(store.page?.guide?.relationship.id).toBe(4);
  });

  it("drops the answer that arrives after a lock", async () => {
    const answer = deferred<RelationshipGuide>();
    backend.on("relationship_guide", () => answer.promise);
    backend.returns("list_events", []);
    const loading = store.loadPage(3);
    forgetAnswersInFlight();
    answer.resolve(guide(3));
    await loading;
    expect(store.page?.guide).toBeNull();
    expect(store.page?.failed).toBeNull();
  });

  it("keeps what it shows while reloading, and shows a failure", async () => {
    backend.returns("relationship_guide", guide(3));
    backend.returns("list_events", []);
    await store.loadPage(3);
    backend.fails("list_events", "storage");
    await store.loadPage(3);
    expect(store.page?.guide?.relationship.id).toBe(3);
    expect(store.page?.failed).toMatchObject({ code: "storage" });
  });

  it("refreshes the guide and the events of the page shown only", async () => {
    backend.returns("relationship_guide", guide(3));
    backend.returns("list_events", []);
    await store.loadPage(3);
    backend.returns("relationship_guide", guide(3, "Renamed step"));
    await store.refreshGuide(3);
    expect(store.page?.guide?.frameworks[0]?.steps[0]?.title).toBe("Renamed step");
    const event = { id: 1 } as unknown as RelationshipEvent;
    backend.returns("list_events", [event]);
    await store.refreshHistory(5);
    expect(store.page?.events).toEqual([]);
    await store.refreshHistory(3);
    expect(store.page?.events).toEqual([event]);
  });
});
