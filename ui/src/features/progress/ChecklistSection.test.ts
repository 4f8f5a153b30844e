// @vitest-environment jsdom
// The checklist as a person uses it: marking a step and linking what shows it,
// clearing a mark after being asked, and taking back a removal with "Undo".
import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
// A lock would lead to the unlock screen: the session is not part of these tests.
vi.mock("../relationships/relationships", () => ({ lockedOut: () => false }));

// jsdom has no modal <dialog>: give it the two methods ConfirmDialog uses.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.setAttribute("open", "");
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.removeAttribute("open");
};

const { invoke } = await import("@tauri-apps/api/core");
const { default: ChecklistSection } = await import("./ChecklistSection.svelte");
const { ChecklistBackEnd } = await import("./checklist/testing");

let backEnd: InstanceType<typeof ChecklistBackEnd>;

function stepItem(stepId: string): HTMLElement {
  const item = document.getElementById(`check-${stepId}`);
  if (item === null) throw new Error(`no step ${stepId}`);
  return item;
}

async function shown(): Promise<void> {
  render(ChecklistSection, { relationshipId: 3, role: "decider" });
  await screen.findByRole("heading", { name: "Take ownership" });
}

async function markAndLink(): Promise<void> {
  await fireEvent.click(screen.getAllByRole("button", { name: "Mark as observed…" })[0]!);
  const form = screen.getByRole("form", { name: "When did you see “Take ownership”?" });
  await fireEvent.input(within(form).getByLabelText("Day you saw it"), { target: { value: "2026-03-02" } });
  await fireEvent.click(within(form).getByRole("button", { name: "Save" }));
  await vi.waitFor(() => expect(stepItem("take-ownership").dataset.state).toBe("claimed"));
  const marked = within(stepItem("take-ownership"));
  expect(marked.getByText(/^Seen on /)).toBeTruthy();
  expect(marked.getByText("No evidence linked yet.")).toBeTruthy();
  expect(stepItem("take-ownership").textContent).not.toMatch(/claimed|not evidenced/i);

  await fireEvent.click(within(stepItem("take-ownership")).getByRole("button", { name: "Link evidence…" }));
  const picker = await screen.findByRole("group", { name: "Link evidence to “Take ownership”" });
  expect(within(picker).getByText("Your writing about this step")).toBeTruthy();
  await fireEvent.click(await within(picker).findByRole("button", { name: /^Link\s*Entry from/ }));
  await vi.waitFor(() => expect(stepItem("take-ownership").dataset.state).toBe("evidenced"));
}

beforeEach(() => {
  backEnd = new ChecklistBackEnd();
  vi.mocked(invoke).mockImplementation(backEnd.answer);
});

describe("ChecklistSection", () => {
  it("marks a step as observed, then links evidence and shows it evidenced", async () => {
    await shown();
    expect(within(stepItem("take-ownership")).getByText("Not seen yet")).toBeTruthy();
    await markAndLink();
    const step = within(stepItem("take-ownership"));
    expect(step.getByText("Seen, with evidence")).toBeTruthy();
    expect(step.queryByText("No evidence linked yet.")).toBeNull();
    expect(step.getByText("They said it was wrong, no excuses.")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toMatch(/Entry from .* is now linked to “Take ownership”\./);
    expect(screen.queryByRole("group", { name: /Link evidence/ })).toBeNull();
  });

  it("says what to fix when the day is left empty, without saving", async () => {
    await shown();
    await fireEvent.click(screen.getAllByRole("button", { name: "Mark as observed…" })[0]!);
    await fireEvent.input(screen.getByLabelText("Day you saw it"), { target: { value: "" } });
    await fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Please choose the day you saw it.");
    expect(backEnd.count("mark_step")).toBe(0);
  });

  it("clears a mark only after asking, and keeps it on cancel", async () => {
    await shown();
    await markAndLink();
    await fireEvent.click(within(stepItem("take-ownership")).getByRole("button", { name: "Clear mark" }));
    expect(screen.getByRole("heading", { name: "Clear this mark?" })).toBeTruthy();
    await fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("heading", { name: "Clear this mark?" })).toBeNull();
    expect(backEnd.count("unmark_step")).toBe(0);

    await fireEvent.click(within(stepItem("take-ownership")).getByRole("button", { name: "Clear mark" }));
    const dialog = screen.getByRole("dialog");
    expect(dialog.textContent).toContain("Evidence linked to it stays");
    await fireEvent.click(within(dialog).getByRole("button", { name: "Clear mark" }));
    await vi.waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(screen.getByRole("status").textContent).toContain("The mark on “Take ownership” was cleared.");
    // The evidence is still linked, so the step still counts as evidenced.
    expect(within(stepItem("take-ownership")).queryByRole("button", { name: "Clear mark" })).toBeNull();
    expect(stepItem("take-ownership").dataset.state).toBe("evidenced");
  });

  it("takes back a removed piece of evidence with Undo", async () => {
    await shown();
    await markAndLink();
    await fireEvent.click(within(stepItem("take-ownership")).getByRole("button", { name: /^Remove\s*Entry from/ }));
    await vi.waitFor(() => expect(stepItem("take-ownership").dataset.state).toBe("claimed"));
    const undo = await screen.findByRole("button", { name: "Undo" });
    await vi.waitFor(() => expect(document.activeElement).toBe(undo));
    expect(screen.getByRole("status").textContent).toContain("is no longer linked to “Take ownership”.");
    await fireEvent.click(undo);
    await vi.waitFor(() => expect(stepItem("take-ownership").dataset.state).toBe("evidenced"));
    expect(screen.getByRole("status").textContent).toContain("The evidence is linked to “Take ownership” again.");
    expect(screen.queryByRole("button", { name: "Undo" })).toBeNull();
  });

  it("asks whether a step marked before it happened again still holds", async () => {
    backEnd.marks.set("take-ownership", { markedOn: "2026-03-01", note: "" });
    backEnd.marks.set("show-compassion", { markedOn: "2026-03-02", note: "" });
    backEnd.repeatBreachOn = "2026-03-10";
    await shown();
    const first = within(stepItem("take-ownership"));
    const asked = first.getByRole("group", { name: "Does this still hold?" });
    expect(asked.textContent).toMatch(/Marked before it happened again on .*10/);

    await fireEvent.click(within(asked).getByRole("button", { name: "Still holds" }));
    await vi.waitFor(() => expect(first.queryByRole("group", { name: "Does this still hold?" })).toBeNull());
    expect(backEnd.count("reconfirm_step")).toBe(1);
    expect(screen.getByRole("status").textContent).toContain("“Take ownership” still holds.");

    // "No longer holds" clears the mark, after the usual question.
    const second = within(stepItem("show-compassion"));
    await fireEvent.click(second.getByRole("button", { name: "No longer holds" }));
    const dialog = screen.getByRole("dialog");
    await fireEvent.click(within(dialog).getByRole("button", { name: "Clear mark" }));
    await vi.waitFor(() => expect(stepItem("show-compassion").dataset.state).toBe("open"));
    expect(second.queryByRole("group", { name: "Does this still hold?" })).toBeNull();
    expect(backEnd.count("unmark_step")).toBe(1);
  });

  it("asks nothing of a step marked after the repeat breach", async () => {
    backEnd.marks.set("take-ownership", { markedOn: "2026-03-11", note: "" });
    backEnd.repeatBreachOn = "2026-03-10";
    await shown();
    expect(within(stepItem("take-ownership")).queryByText(/happened again/)).toBeNull();
    expect(screen.queryByRole("button", { name: "Still holds" })).toBeNull();
  });
});
