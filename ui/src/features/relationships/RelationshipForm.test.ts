// @vitest-environment jsdom
// The relationship form as a person uses it, over a stand-in back end
// (FakeBackend; the real IPC layer over it): adding a relationship leads to
// its safety check, a missing name is pointed out at its field and nothing is
// sent, a refusal is shown, and deleting asks first.
import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Relationship } from "../../lib/ipc";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

// jsdom has no modal <dialog>: give it the two methods ConfirmDialog uses.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.setAttribute("open", "");
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.removeAttribute("open");
};

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend } = await import("../../lib/ipc/fakeBackend");
const { clearJournalState, session } = await import("../../lib/session.svelte");
const { navigation } = await import("../../app/navigation.svelte");
const { default: RelationshipForm } = await import("./RelationshipForm.svelte");

function relationship(id: number, name: string): Relationship {
  return { id, name, role: "repairer", whatHappened: "I forgot", happenedOn: null, breachKind: "care", createdAt: "2025-01-01T00:00:00Z" };
}

let backend: InstanceType<typeof FakeBackend>;

beforeEach(() => {
  clearJournalState();
  navigation.view = { kind: "journal" };
  backend = new FakeBackend(vi.mocked(invoke));
  backend.on("relationship_guide", () => {
    throw { code: "notFound", message: "" };
  });
});

async function fillIn(name: string): Promise<void> {
  await fireEvent.input(screen.getByLabelText("Their name, or a nickname"), { target: { value: name } });
  await fireEvent.click(screen.getByLabelText(/They broke my trust/u));
  await fireEvent.change(screen.getByLabelText("What kind of trust was broken"), { target: { value: "integrity" } });
}

describe("adding a relationship", () => {
  it("saves it and goes on to its safety check", async () => {
    backend.on("create_relationship", () => relationship(7, "Sam"));
    render(RelationshipForm, { id: null });

    await fillIn("Sam");
    await fireEvent.click(screen.getByRole("button", { name: "Add relationship" }));

    await vi.waitFor(() => expect(navigation.view).toEqual({ kind: "safety", relationshipId: 7 }));
    expect(backend.argsOf("create_relationship")).toEqual([
      { input: { name: "Sam", role: "decider", whatHappened: "", happenedOn: "", breachKind: "integrity" } },
    ]);
    expect(session.relationships.byId(7)?.name).toBe("Sam");
  });

  it("points at the name when there is none, and sends nothing", async () => {
    render(RelationshipForm, { id: null });
    const name = screen.getByLabelText("Their name, or a nickname");

    await fireEvent.click(screen.getByRole("button", { name: "Add relationship" }));

    expect(screen.getByRole("alert").textContent).toBe("Please give them a name, or a nickname only you would recognise.");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(backend.calls).toEqual([]);

    await fireEvent.input(name, { target: { value: "S" } });
    expect(name.getAttribute("aria-invalid")).toBe("false");
  });

  it("shows the back end's refusal of a name and stays on the form", async () => {
    backend.fails("create_relationship", "invalidInput", "The name can be at most 80 characters.", "name");
    render(RelationshipForm, { id: null });

    await fillIn("Sam".repeat(30));
    await fireEvent.click(screen.getByRole("button", { name: "Add relationship" }));

    expect((await screen.findByRole("alert")).textContent).toBe("The name can be at most 80 characters.");
    expect(screen.getByLabelText(/name/i).getAttribute("aria-invalid")).toBe("true");
    expect(navigation.view).toEqual({ kind: "journal" });
    expect((screen.getByRole("button", { name: "Add relationship" }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe("changing a relationship", () => {
  beforeEach(() => {
    session.relationships.list = [relationship(3, "Alex")];
    session.relationships.loaded = true;
  });

  it("starts from what was saved", () => {
    render(RelationshipForm, { id: 3 });
    expect(screen.getByRole("heading", { name: "About Alex" })).toBeTruthy();
    expect((screen.getByLabelText("Their name, or a nickname") as HTMLInputElement).value).toBe("Alex");
    expect((screen.getByLabelText("What happened") as HTMLTextAreaElement).value).toBe("I forgot");
  });

  it("deletes it only once confirmed, then shows the journal", async () => {
    backend.returns("delete_relationship", null);
    navigation.view = { kind: "relationshipForm", id: 3 };
    render(RelationshipForm, { id: 3 });

    await fireEvent.click(screen.getByRole("button", { name: "Delete relationship…" }));
    const dialog = screen.getByRole("dialog", { name: "Delete this relationship?" });
    expect(backend.argsOf("delete_relationship")).toEqual([]);

    await fireEvent.click(within(dialog).getByRole("button", { name: "Delete relationship" }));

    await vi.waitFor(() => expect(navigation.view).toEqual({ kind: "journal" }));
    expect(backend.argsOf("delete_relationship")).toEqual([{ id: 3 }]);
    expect(session.relationships.byId(3)).toBeUndefined();
  });

  it("keeps it when the confirmation is cancelled", async () => {
    render(RelationshipForm, { id: 3 });

    await fireEvent.click(screen.getByRole("button", { name: "Delete relationship…" }));
    await fireEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Cancel" }));

    expect(screen.queryByRole("dialog")).toBeNull();
    expect(backend.argsOf("delete_relationship")).toEqual([]);
    expect(session.relationships.byId(3)?.name).toBe("Alex");
  });
});
