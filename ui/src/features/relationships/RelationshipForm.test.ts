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
  return { id, name, role: "repairer", whatHappened: "I forgot", happenedOn: null, breachKind: "care", createdAt: "2025-01-01T00:00:00Z", setting: null, power: null, contexts: [] };
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
      { input: { name: "Sam", role: "decider", whatHappened: "", happenedOn: "", breachKind: "integrity", setting: null, power: null } },
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

describe("the setting and who holds more power", () => {
  const setting = (): HTMLSelectElement => screen.getByLabelText(/^Setting/u);
  const powerQuestion = (): HTMLElement | null => screen.queryByRole("group", { name: "Who holds more power?" });

  it("asks who holds more power only for a work setting, prefilled from the setting", async () => {
    render(RelationshipForm, { id: null });
    expect(setting().value).toBe("");
    expect(powerQuestion()).toBeNull();

    await fireEvent.change(setting(), { target: { value: "myManager" } });
    const group = powerQuestion();
    expect(group).not.toBeNull();
    expect((within(group!).getByLabelText("They do") as HTMLInputElement).checked).toBe(true);

    await fireEvent.change(setting(), { target: { value: "colleague" } });
    expect(within(powerQuestion()!).getAllByRole("radio").some((r) => (r as HTMLInputElement).checked)).toBe(false);

    await fireEvent.change(setting(), { target: { value: "partner" } });
    expect(powerQuestion()).toBeNull();
  });

  it("offers work and personal settings in their own groups, and Not set", () => {
    render(RelationshipForm, { id: null });
    const groups = [...setting().querySelectorAll("optgroup")].map((g) => g.label);
    expect(groups).toEqual(["Work", "Personal"]);
    expect(setting().options[0]?.textContent).toBe("Not set");
  });

  it("sends the setting and the power chosen", async () => {
    backend.on("create_relationship", () => relationship(8, "The design team"));
    render(RelationshipForm, { id: null });
    await fillIn("The design team");
    await fireEvent.change(setting(), { target: { value: "team" } });
    await fireEvent.click(within(powerQuestion()!).getByLabelText("I do"));
    await fireEvent.click(screen.getByRole("button", { name: "Add relationship" }));

    await vi.waitFor(() => expect(backend.argsOf("create_relationship")).toHaveLength(1));
    expect(backend.argsOf("create_relationship")[0]).toMatchObject({ input: { setting: "team", power: "me" } });
  });

  it("sends no power for a personal setting, even after a work one was chosen", async () => {
    backend.on("create_relationship", () => relationship(9, "Kim"));
    render(RelationshipForm, { id: null });
    await fillIn("Kim");
    await fireEvent.change(setting(), { target: { value: "someoneIManage" } });
    await fireEvent.change(setting(), { target: { value: "friend" } });
    await fireEvent.click(screen.getByRole("button", { name: "Add relationship" }));

    await vi.waitFor(() => expect(backend.argsOf("create_relationship")).toHaveLength(1));
    expect(backend.argsOf("create_relationship")[0]).toMatchObject({ input: { setting: "friend", power: null } });
  });

  it("shows a refusal of power at the power question", async () => {
    backend.fails("create_relationship", "invalidInput", "Who holds more power can only be set for a work relationship.", "power");
    render(RelationshipForm, { id: null });
    await fillIn("Sam");
    await fireEvent.change(setting(), { target: { value: "client" } });
    await fireEvent.click(within(powerQuestion()!).getByLabelText("They do"));
    await fireEvent.click(screen.getByRole("button", { name: "Add relationship" }));

    expect((await screen.findByRole("alert")).textContent).toBe("Who holds more power can only be set for a work relationship.");
    expect(powerQuestion()!.classList.contains("invalid")).toBe(true);
  });

  it("starts from the saved setting and power when changing one", () => {
    session.relationships.list = [{ ...relationship(5, "Jo"), setting: "someoneIManage", power: "even", contexts: ["work"] }];
    session.relationships.loaded = true;
    render(RelationshipForm, { id: 5 });
    expect(setting().value).toBe("someoneIManage");
    expect((within(powerQuestion()!).getByLabelText("Neither, it's about even") as HTMLInputElement).checked).toBe(true);
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
