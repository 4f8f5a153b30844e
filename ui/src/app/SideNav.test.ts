// @vitest-environment jsdom
// The side navigation as a person uses it: the journal, search and each
// relationship, the current place marked, a word when there are none yet,
// and a way to try again when the list could not be loaded.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend } = await import("../lib/ipc/fakeBackend");
const { clearJournalState, session } = await import("../lib/session.svelte");
const { navigation } = await import("./navigation.svelte");
const { default: SideNav } = await import("./SideNav.svelte");

const ANNA = {
  id: 4,
  name: "Anna",
  role: "repairer" as const,
  whatHappened: "",
  happenedOn: null,
  breachKind: "care" as const,
  createdAt: "2025-01-01T00:00:00Z",
  setting: null,
  power: null,
  contexts: [],
};

let backend: InstanceType<typeof FakeBackend>;

beforeEach(() => {
  clearJournalState();
  navigation.view = { kind: "journal" };
  navigation.screen = "journal";
  backend = new FakeBackend(vi.mocked(invoke));
});

function current(): string[] {
  return Array.from(document.querySelectorAll('[aria-current="page"]')).map((e) => e.id);
}

describe("the side navigation", () => {
  it("lists the relationships and marks where the person is", async () => {
    session.relationships.list = [ANNA];
    session.relationships.loaded = true;
    render(SideNav);
    expect(current()).toEqual(["nav-journal"]);
    const anna = screen.getByRole("button", { name: /Anna/ });
    await fireEvent.click(anna);
    await vi.waitFor(() => expect(navigation.view).toEqual({ kind: "relationship", id: 4 }));
    expect(current()).toEqual(["nav-relationship-4"]);
    navigation.view = { kind: "progress", relationshipId: 4 };
    await vi.waitFor(() => expect(current()).toEqual(["nav-relationship-4"]));
  });

  it("opens search, and adding a relationship", async () => {
    render(SideNav);
    await fireEvent.click(screen.getByRole("button", { name: "Search" }));
    await vi.waitFor(() => expect(current()).toEqual(["nav-search"]));
    await fireEvent.click(screen.getByRole("button", { name: "Add a relationship" }));
    await vi.waitFor(() => expect(current()).toEqual(["nav-add-relationship"]));
  });

  it("says what relationships are for when there are none yet", () => {
    session.relationships.loaded = true;
    render(SideNav);
    expect(screen.getByText("Add someone whose trust is at stake to find guided steps for them.")).toBeTruthy();
  });

  it("shows a failure to load the list, and tries again", async () => {
    backend.fails("list_relationships", "storage");
    await session.relationships.load();
    backend.returns("list_relationships", [ANNA]);
    backend.returns("relationship_guide", { relationship: ANNA, mode: "repair", frameworks: [], templates: [] });
    render(SideNav);
    expect(screen.getByRole("alert").textContent).toMatch(/files/);
    await fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    await screen.findByRole("button", { name: /Anna/ });
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
