// @vitest-environment jsdom
// The import section as a person uses it, over a stand-in back end
// (FakeBackend; the real IPC layer over it): a file Mend can't read is
// explained and nothing is imported; a file it can read is previewed, then
// imported once confirmed, or let go of on cancel.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ImportChosen } from "../../lib/ipc/transfer";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend } = await import("../../lib/ipc/fakeBackend");
const { default: ImportSection } = await import("./ImportSection.svelte");

let backend: InstanceType<typeof FakeBackend>;

const CHOSEN: ImportChosen = {
  source: "journal.txt",
  preview: {
    format: "jrnlText",
    entries: 3,
    newEntries: 2,
    duplicates: 1,
    newRelationships: 0,
    first: "2026-01-02T09:00:00",
    last: "2026-01-05T09:00:00",
    samples: [{ createdAt: "2026-01-02T09:00:00", excerpt: "Walked to the river." }],
    notes: ["Tags were kept as they were."],
  },
};

beforeEach(() => {
  backend = new FakeBackend(vi.mocked(invoke));
  backend.returns("list_relationships", []).returns("cancel_import", null);
});

describe("importing", () => {
  it("explains a file it can't read, and imports nothing", async () => {
    backend.fails("choose_import", "invalidInput", "Line 3 doesn't start with a date, so Mend can't tell where the entry begins.");
    render(ImportSection);

    await fireEvent.click(screen.getByRole("button", { name: "Choose file…" }));

    expect((await screen.findByRole("alert")).textContent).toContain("Line 3 doesn't start with a date, so Mend can't tell where the entry begins.");
    expect(screen.queryByRole("region", { name: /What’s in/u })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Import/u })).toBeNull();
    expect(backend.argsOf("confirm_import")).toEqual([]);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Choose file…" }));
  });

  it("previews the file chosen, then imports it once confirmed", async () => {
    backend.returns("choose_import", CHOSEN).returns("confirm_import", { imported: 2, duplicates: 1, newRelationships: 0 });
    render(ImportSection);

    await fireEvent.change(screen.getByLabelText("What to import"), { target: { value: "jrnlJson" } });
    await fireEvent.click(screen.getByRole("button", { name: "Choose file…" }));

    const preview = await screen.findByRole("region", { name: "What’s in “journal.txt”" });
    expect(backend.argsOf("choose_import")).toEqual([{ format: "jrnlJson" }]);
    expect(preview.textContent).toContain("2 new entries");
    expect(preview.textContent).toContain("1 duplicate skipped, as they are already in your journal");
    expect(preview.textContent).toContain("Walked to the river.");
    expect(preview.textContent).toContain("Tags were kept as they were.");
    expect(backend.argsOf("confirm_import")).toEqual([]);

    await fireEvent.click(screen.getByRole("button", { name: "Import 2 entries" }));

    expect(await screen.findByText("Imported 2 entries. 1 duplicate skipped.")).toBeTruthy();
    expect(backend.argsOf("confirm_import")).toHaveLength(1);
    expect(screen.queryByRole("region", { name: /What’s in/u })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Choose file…" }));
  });

  it("lets go of the preview on cancel, without importing", async () => {
    backend.returns("choose_import", CHOSEN);
    render(ImportSection);

    await fireEvent.click(screen.getByRole("button", { name: "Choose file…" }));
    await screen.findByRole("region", { name: /What’s in/u });
    await fireEvent.click(screen.getByRole("button", { name: "Cancel" }));

    expect(screen.queryByRole("region", { name: /What’s in/u })).toBeNull();
    expect(backend.argsOf("cancel_import")).toHaveLength(1);
    expect(backend.argsOf("confirm_import")).toEqual([]);
  });
});
