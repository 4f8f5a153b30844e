// @vitest-environment jsdom
// Writing in the editor as a person does: the words are saved as they write
// (and it says so), the preview shows the rendered Markdown, and an entry is
// deleted only after they confirm. The back end is a stand-in behind the real
// IPC layer (`invoke` mocked).
import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { EntryMeta, EntryView } from "../../lib/ipc";

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
const { default: EntryEditor } = await import("./EntryEditor.svelte");

const SAVE_WAIT = { timeout: 3_000 };

function stored(id: number, body: string, meta: EntryMeta): EntryView {
  return { id, createdAt: "2025-11-03T09:30:00Z", updatedAt: "2025-11-03T09:30:00Z", body, html: `<p>${body}</p>`, meta };
}

let backend: InstanceType<typeof FakeBackend>;

beforeEach(() => {
  clearJournalState();
  backend = new FakeBackend(vi.mocked(invoke));
  backend.on("create_entry", (args) => stored(7, args.body as string, args.meta as EntryMeta));
  backend.on("update_entry", (args) => stored(args.id as number, args.body as string, session.journal.editor!.meta));
  backend.returns("delete_entry", null);
  backend.on("render_markdown", (args) => `<p><em>${args.body as string}</em></p>`);
});

function openNew() {
  session.journal.startNew();
  const onclosed = vi.fn();
  render(EntryEditor, { draft: session.journal.editor!, onclosed });
  return { onclosed, text: screen.getByLabelText("Entry text") as HTMLTextAreaElement };
}

function openExisting(body = "An old entry") {
  const entry = stored(3, body, { relationshipId: null, frameworkId: null, stepId: null, mood: null, tags: [] });
  session.journal.timeline.entries = [entry];
  session.journal.open(entry);
  const onclosed = vi.fn();
  render(EntryEditor, { draft: session.journal.editor!, onclosed });
  return { onclosed, text: screen.getByLabelText("Entry text") as HTMLTextAreaElement };
}

function status(): string {
  return screen.getByRole("status").textContent?.trim() ?? "";
}

describe("writing", () => {
  it("starts empty, focused, and saves what is typed after a pause", async () => {
    const { text } = openNew();
    expect(screen.getByRole("heading", { name: "New entry" })).toBeTruthy();
    expect(document.activeElement).toBe(text);
    expect(status()).toBe("Mend saves as you write.");

    await fireEvent.input(text, { target: { value: "A walk by the river" } });
    expect(status()).toBe("Saving…");
    await vi.waitFor(() => expect(status()).toBe("Saved"), SAVE_WAIT);
    expect(backend.argsOf("create_entry")).toEqual([
      { body: "A walk by the river", meta: { relationshipId: null, frameworkId: null, stepId: null, mood: null, tags: [] } },
    ]);
    expect(session.journal.timeline.entries.map((e) => e.id)).toEqual([7]);
    expect(screen.getByRole("button", { name: "Delete…" })).toBeTruthy();
  });

  it("counts the words as they are typed", async () => {
    const { text } = openExisting("One two");
    const words = () => document.getElementById("editor-words")?.textContent?.trim();
    expect(words()).toBe("2 words");
    await fireEvent.input(text, { target: { value: "One" } });
    expect(words()).toBe("1 word");
    await fireEvent.input(text, { target: { value: "One two three, four." } });
    expect(words()).toBe("4 words");
  });

  it("says when a save failed, in words", async () => {
    backend.fails("create_entry", "storage");
    const { text } = openNew();
    await fireEvent.input(text, { target: { value: "Words" } });
    await vi.waitFor(() => expect(status()).toMatch(/couldn't|could not/i), SAVE_WAIT);
  });

  it("closes a new entry left blank without saving anything", async () => {
    const { onclosed } = openNew();
    await fireEvent.click(screen.getByRole("button", { name: "Done" }));
    await vi.waitFor(() => expect(onclosed).toHaveBeenCalledWith(null));
    expect(backend.calls).toEqual([]);
    expect(session.journal.editor).toBeNull();
  });

  it("saves the tags with the entry", async () => {
    const { text } = openNew();
    await fireEvent.input(screen.getByLabelText("Tags"), { target: { value: "walks, river" } });
    await fireEvent.input(text, { target: { value: "Tagged" } });
    await vi.waitFor(() => expect(status()).toBe("Saved"), SAVE_WAIT);
    expect(backend.argsOf("create_entry")[0]?.meta).toMatchObject({ tags: ["walks", "river"] });
  });
});

describe("the preview", () => {
  it("shows the rendered text instead of the text area, and goes back", async () => {
    const { text } = openExisting("*soft*");
    const toggle = screen.getByRole("button", { name: "Preview" });
    await fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-pressed")).toBe("true");
    await vi.waitFor(() => expect(document.querySelector("#editor-preview em")?.textContent).toBe("*soft*"));
    expect(text.hidden).toBe(true);

    await fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-pressed")).toBe("false");
    expect(document.getElementById("editor-preview")).toBeNull();
    expect(text.hidden).toBe(false);
    expect(session.journal.preview).toBeNull();
  });

  it("has nothing to preview for an empty entry", async () => {
    openNew();
    await fireEvent.click(screen.getByRole("button", { name: "Preview" }));
    expect(screen.getByText("Nothing to preview yet.")).toBeTruthy();
    expect(backend.argsOf("render_markdown")).toEqual([]);
  });
});

describe("deleting", () => {
  it("asks first, and deletes only when confirmed", async () => {
    const { onclosed } = openExisting();
    await fireEvent.click(screen.getByRole("button", { name: "Delete…" }));
    expect(screen.getByRole("heading", { name: "Delete this entry?" })).toBeTruthy();
    expect(backend.argsOf("delete_entry")).toEqual([]);

    await fireEvent.click(screen.getByRole("button", { name: "Delete entry" }));
    await vi.waitFor(() => expect(onclosed).toHaveBeenCalledWith(3));
    expect(backend.argsOf("delete_entry")).toEqual([{ id: 3 }]);
    expect(session.journal.timeline.entries).toEqual([]);
    expect(session.journal.editor).toBeNull();
  });

  it("keeps the entry when the person cancels", async () => {
    const { onclosed } = openExisting();
    await fireEvent.click(screen.getByRole("button", { name: "Delete…" }));
    await fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("heading", { name: "Delete this entry?" })).toBeNull();
    expect(backend.argsOf("delete_entry")).toEqual([]);
    expect(onclosed).not.toHaveBeenCalled();
  });

  it("offers to delete an old entry that was emptied, and keeps writing on request", async () => {
    const { text, onclosed } = openExisting();
    await fireEvent.input(text, { target: { value: "   " } });
    await fireEvent.click(screen.getByRole("button", { name: "Done" }));
    await screen.findByRole("heading", { name: "This entry is empty now" });
    await fireEvent.click(screen.getByRole("button", { name: "Keep writing" }));
    expect(screen.queryByRole("heading", { name: "This entry is empty now" })).toBeNull();
    expect(onclosed).not.toHaveBeenCalled();
    expect(backend.argsOf("delete_entry")).toEqual([]);
    expect(backend.argsOf("update_entry")).toEqual([]);
  });
});
