// @vitest-environment jsdom
// What the other person shared, on the decider's checklist as a person uses it:
// "Link something they shared" says plainly when nothing has been received;
// otherwise it lists their items read-only and marked as theirs, a chosen one
// shows in the step's evidence as theirs, and unlinking asks first. The
// repairer's checklist has no such button.
import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
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
const { ChecklistBackEnd, THEIR_COMMITMENT } = await import("./checklist/testing");

let backEnd: InstanceType<typeof ChecklistBackEnd>;

function byId(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`no #${id}`);
  return found;
}

async function shown(role: "decider" | "repairer" = "decider"): Promise<void> {
  render(ChecklistSection, { relationshipId: 3, role });
  await screen.findByRole("heading", { name: "Take ownership" });
}

beforeEach(() => {
  backEnd = new ChecklistBackEnd();
  vi.mocked(invoke).mockImplementation(backEnd.answer);
});

describe("Shared evidence on the checklist", () => {
  it("says plainly that nothing has been received, and where shares are opened", async () => {
    await shown();
    await fireEvent.click(byId("link-shared-evidence-take-ownership"));
    const empty = await screen.findByText(/Nothing has been shared with you in this relationship yet/);
    expect(empty.id).toBe("their-evidence-empty");
    expect(empty.textContent).toMatch(/opened from this relationship's Sharing section/);
    await fireEvent.click(byId("their-evidence-picker-close"));
    expect(document.getElementById("their-evidence-picker")).toBeNull();
  });

  it("links what they shared: it shows in the step's evidence as theirs, and unlinking asks first", async () => {
    backEnd.shared = [THEIR_COMMITMENT];
    await shown();
    await fireEvent.click(byId("link-shared-evidence-take-ownership"));
    const picker = byId("their-evidence-picker");
    const offered = await within(picker).findByText("Commitment: Home by seven on weekdays");
    const item = offered.closest("li.their-candidate") as HTMLElement;
    expect(within(item).getByText("Shared by Alex")).toBeTruthy();
    expect(within(item).getByText("2026-03-03: missed")).toBeTruthy();
    expect(item.querySelector("input, textarea, [contenteditable]")).toBeNull();

    await fireEvent.click(byId("their-evidence-link-0"));
    const linked = await screen.findByText("Shared by Alex", { selector: "li.their-evidence-item .theirs-mark" });
    const row = linked.closest("li.their-evidence-item") as HTMLElement;
    expect(row.dataset.itemId).toBe("41");
    expect(byId("check-take-ownership").dataset.state).toBe("evidenced");
    expect(byId("checklist-message").textContent).toMatch(/shared by Alex is now linked to “Take ownership”/);

    await fireEvent.click(within(row).getByRole("button", { name: /^Unlink/ }));
    const dialog = await screen.findByRole("dialog", { name: "Unlink what they shared?" });
    expect(backEnd.count("unlink_their_evidence")).toBe(0);
    await fireEvent.click(within(dialog).getByRole("button", { name: "Unlink" }));
    await vi.waitFor(() => expect(document.querySelector("li.their-evidence-item")).toBeNull());
    expect(backEnd.count("unlink_their_evidence")).toBe(1);
    expect(byId("check-take-ownership").dataset.state).toBe("open");
  });

  it("is not offered on the repairer's checklist", async () => {
    await shown("repairer");
    expect(document.querySelector(".link-shared-evidence")).toBeNull();
  });
});
