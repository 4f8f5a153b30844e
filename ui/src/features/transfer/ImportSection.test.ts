// @vitest-environment jsdom
// The import section as a person uses it, over a stand-in back end
// (FakeBackend; the real IPC layer over it): a file Mend can't read is
// explained and nothing is imported; a file it can read is previewed, then
// imported once confirmed, or let go of on cancel.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ImportChosen, ImportOutcome, ImportProgress } from "../../lib/ipc/transfer";

vi.mock("@tauri-apps/api/core", async () => ({
  invoke: vi.fn(),
  Channel: (await import("../../lib/ipc/fakeBackend")).FakeChannel,
}));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend, FakeChannel, deferred } = await import("../../lib/ipc/fakeBackend");
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

afterEach(() => {
  vi.useRealTimers();
});

type ProgressChannel = InstanceType<typeof FakeChannel<ImportProgress>>;

/** An import the test finishes: its progress channel, and its answer to settle. */
function slowImport() {
  const answer = deferred<ImportOutcome | null>();
  const run: { channel: ProgressChannel | null; answer: typeof answer } = { channel: null, answer };
  backend.returns("choose_import", CHOSEN).on("confirm_import", (args) => {
    run.channel = args.progress as ProgressChannel;
    return answer.promise;
  });
  return run;
}

/** Renders the section, chooses a file, then fakes the clock and presses Import. */
async function startImport(): Promise<void> {
  render(ImportSection);
  await fireEvent.click(screen.getByRole("button", { name: "Choose file…" }));
  await screen.findByRole("region", { name: /What’s in/u });
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  await fireEvent.click(screen.getByRole("button", { name: "Import 2 entries" }));
}

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

  it("shows no progress for an import done within a second", async () => {
    const run = slowImport();
    await startImport();
    await vi.advanceTimersByTimeAsync(900);
    run.channel!.onmessage({ done: 2, total: 2 });
    expect(screen.queryByRole("progressbar")).toBeNull();
    run.answer.resolve({ imported: 2, duplicates: 1, newRelationships: 0 });
    await vi.advanceTimersByTimeAsync(0);

    expect(screen.getByText("Imported 2 entries. 1 duplicate skipped.")).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("shows the progress and a Cancel once an import takes over a second", async () => {
    const run = slowImport();
    await startImport();
    run.channel!.onmessage({ done: 0, total: 2 });
    expect(screen.queryByRole("progressbar")).toBeNull();
    await vi.advanceTimersByTimeAsync(1000);

    const bar = screen.getByRole("progressbar", { name: "0 of 2 entries added" }) as HTMLProgressElement;
    expect(bar.value).toBe(0);
    run.channel!.onmessage({ done: 1, total: 2 });
    await vi.advanceTimersByTimeAsync(0);
    expect(screen.getByRole("progressbar", { name: "1 of 2 entries added" })).toBe(bar);
    expect(bar.value).toBe(1);
    expect(bar.max).toBe(2);
    expect(screen.queryByRole("button", { name: /^Import/u }), "the import button makes way for Cancel").toBeNull();

    run.answer.resolve({ imported: 2, duplicates: 1, newRelationships: 0 });
    await vi.advanceTimersByTimeAsync(0);
    expect(screen.getByText("Imported 2 entries. 1 duplicate skipped.")).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(backend.argsOf("stop_import")).toEqual([]);
  });

  it("cancels a long import and says plainly that nothing was added", async () => {
    const run = slowImport();
    backend.on("stop_import", () => {
      // The back end rolls the import back; the confirm then answers null.
      run.answer.resolve(null);
      return null;
    });
    await startImport();
    await vi.advanceTimersByTimeAsync(1000);
    run.channel!.onmessage({ done: 1, total: 2 });
    await vi.advanceTimersByTimeAsync(0);

    await fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await vi.advanceTimersByTimeAsync(0);

    expect(backend.argsOf("stop_import")).toHaveLength(1);
    expect(screen.getByRole("status").textContent).toBe("Import cancelled. Nothing was added to your journal.");
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.queryByRole("region", { name: /What’s in/u })).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(backend.argsOf("list_relationships"), "no lists reloaded: nothing was added").toEqual([]);
  });
});
