// @vitest-environment jsdom
// The ledger screen as a person uses it, over a stand-in back end (`invoke`
// mocked, the real IPC layer over it): what it shows before any commitment,
// logging a day, changing a commitment and deleting one after confirming,
// with focus kept where the person is.
import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RELATIONSHIP, TODAY, answering, atToday, commitment, consistency, due, item, ledgerOf, ownerScore } from "./fixtures";
import type { OccurrenceLog, RelationshipLedger } from "../../lib/ipc/ledger";

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/core", () => ({ invoke }));

// jsdom has no modal <dialog>: give it the two methods ConfirmDialog uses.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.setAttribute("open", "");
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.removeAttribute("open");
};

const { default: LedgerView } = await import("./LedgerView.svelte");

const walk = commitment(1, { promise: "A walk on Sundays", keptLooksLike: "We went out together" });

/** The back end's ledger, kept up to date by the logs it is sent. */
let ledger: RelationshipLedger;

function serve(more: Parameters<typeof answering>[0] = {}): void {
  invoke.mockImplementation(
    answering({
      relationship_ledger: () => structuredClone(ledger),
      log_occurrence: (args) => {
        const log = args["log"] as OccurrenceLog;
        const day = ledger.commitments[0]!.occurrences.find((o) => o.dueOn === log.dueOn)!;
        Object.assign(day, { status: log.status, note: log.note });
        ledger.owners = [ownerScore("me", { last30: consistency(30, { kept: 2, score: 1 }) })];
        return day;
      },
      delete_commitment: () => {
        ledger.commitments = [];
        return null;
      },
      ...more,
    }),
  );
}

async function shown(): Promise<void> {
  render(LedgerView, { relationshipId: RELATIONSHIP, relationshipName: "Sam", role: "repairer" });
  await screen.findByText(/over the last 30 days|Nothing logged yet in the last 30 days/u, { selector: "#ledger-score-30" });
}

function card(): HTMLElement {
  return document.querySelector<HTMLElement>('.commitment[data-commitment-id="1"]')!;
}

beforeEach(() => {
  invoke.mockReset();
  atToday();
  ledger = ledgerOf(
    [
      item(walk, [due("2026-03-08", "kept"), due("2026-03-09", "missed"), due(TODAY)], {
        last30: consistency(30, { kept: 1, missed: 1, score: 0.5 }),
        streak: { current: 0, best: 2 },
      }),
    ],
    { owners: [ownerScore("me", { last30: consistency(30, { kept: 1, missed: 1, score: 0.5 }) })] },
  );
});

afterEach(() => vi.useRealTimers());

describe("LedgerView", () => {
  it("explains commitments before there are any", async () => {
    ledger = ledgerOf([]);
    serve();
    await shown();
    expect(screen.getByRole("heading", { name: "Commitments" })).toBeTruthy();
    expect(screen.getByText("Nothing logged yet in the last 30 days")).toBeTruthy();
    expect(screen.getByText(/A commitment here is something promised to help rebuild trust/u)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Add a commitment" })).toBeTruthy();
    expect(screen.queryByRole("list", { name: /Due days/u })).toBeNull();
  });

  it("shows each commitment with its score and its kept and missed days", async () => {
    serve();
    await shown();
    const promise = within(card());
    expect(promise.getByRole("heading", { name: "A walk on Sundays" })).toBeTruthy();
    expect(promise.getByText("We went out together")).toBeTruthy();
    expect(promise.getByText("50% over the last 30 days")).toBeTruthy();
    expect(promise.getByText("Longest run so far: 2 kept in a row")).toBeTruthy();
    const days = within(promise.getByRole("list", { name: "Due days for “A walk on Sundays”" }));
    expect(days.getAllByRole("button").map((b) => b.querySelector(".occurrence-status")?.textContent)).toEqual([
      "Kept",
      "Missed",
      "Due today",
    ]);
    expect(screen.queryByText(/A commitment here is something promised/u)).toBeNull();
  });

  it("logs today as kept, says so, moves the score and puts focus back on the day", async () => {
    serve();
    await shown();
    const logToday = screen.getByRole("button", { name: "Log today" });
    await fireEvent.click(logToday);
    const panel = screen.getByRole("form");
    await vi.waitFor(() => expect(document.activeElement).toBe(within(panel).getByRole("radio", { name: /^Kept/u })));
    await fireEvent.click(within(panel).getByRole("radio", { name: /^Kept/u }));
    await fireEvent.click(within(panel).getByRole("button", { name: "Save" }));
    await screen.findByText("Today is logged as kept.");
    expect(invoke).toHaveBeenCalledWith("log_occurrence", {
      commitmentId: 1,
      log: { dueOn: TODAY, status: "kept", note: "" },
    });
    expect(screen.queryByRole("form")).toBeNull();
    await screen.findByText("100% over the last 30 days");
    // Today is logged, so "Log today" is gone: focus goes to today's chip.
    const chip = card().querySelector<HTMLElement>(`.occurrence[data-due="${TODAY}"]`)!;
    expect(chip.dataset["status"]).toBe("kept");
    await vi.waitFor(() => expect(document.activeElement).toBe(chip));
  });

  it("closes the log panel on Escape, back on what opened it", async () => {
    serve();
    await shown();
    const chip = card().querySelector<HTMLElement>('.occurrence[data-due="2026-03-09"]')!;
    await fireEvent.click(chip);
    expect(chip.getAttribute("aria-expanded")).toBe("true");
    await fireEvent.keyDown(within(screen.getByRole("form")).getByRole("radio", { name: /^Missed/u }), { key: "Escape" });
    expect(screen.queryByRole("form")).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(chip));
    expect(invoke).not.toHaveBeenCalledWith("log_occurrence", expect.anything());
  });

  it("opens a commitment's form to change it, and goes back to the card on Cancel", async () => {
    serve();
    await shown();
    await fireEvent.click(within(card()).getByRole("button", { name: /^Change\s*“A walk on Sundays”$/u }));
    expect(screen.getByRole("heading", { name: "Change this commitment" })).toBeTruthy();
    expect((screen.getByLabelText(/What was promised/u) as HTMLTextAreaElement).value).toBe("A walk on Sundays");
    await fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    const heading = await within(card()).findByRole("heading", { name: "A walk on Sundays" });
    await vi.waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it("deletes a commitment only once the person confirms", async () => {
    serve();
    await shown();
    await fireEvent.click(within(card()).getByRole("button", { name: /^Delete\s*“A walk on Sundays”$/u }));
    const dialog = screen.getByRole("dialog", { name: "Delete this commitment?" });
    expect(dialog.textContent).toContain("“A walk on Sundays” will be deleted, and every day logged for it goes with it.");
    expect(invoke).not.toHaveBeenCalledWith("delete_commitment", expect.anything());
    await fireEvent.click(within(dialog).getByRole("button", { name: "Delete commitment" }));
    await screen.findByText("The commitment and its logged days were deleted.");
    expect(invoke).toHaveBeenCalledWith("delete_commitment", { id: 1 });
    expect(document.querySelector(".commitment")).toBeNull();
    expect(screen.queryByRole("dialog")).toBeNull();
    await vi.waitFor(() => expect(document.activeElement?.id).toBe("ledger-heading"));
  });

  it("keeps the commitment when the deletion is cancelled", async () => {
    serve();
    await shown();
    await fireEvent.click(within(card()).getByRole("button", { name: /^Delete\s*“A walk on Sundays”$/u }));
    await fireEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(card()).not.toBeNull();
    expect(invoke).not.toHaveBeenCalledWith("delete_commitment", expect.anything());
  });

  it("starts afresh for another relationship, dropping what was open", async () => {
    serve();
    const props = { relationshipId: RELATIONSHIP, relationshipName: "Sam", role: "repairer" as const };
    const { rerender } = render(LedgerView, props);
    await screen.findByText("50% over the last 30 days", { selector: "#ledger-score-30" });
    await fireEvent.click(screen.getByRole("button", { name: "Log today" }));
    expect(screen.getByRole("form")).toBeTruthy();
    ledger = ledgerOf([]);
    await rerender({ ...props, relationshipId: RELATIONSHIP + 1, relationshipName: "Alex" });
    await screen.findByText(/A commitment here is something promised/u);
    expect(invoke).toHaveBeenLastCalledWith("relationship_ledger", { relationshipId: RELATIONSHIP + 1 });
    expect(screen.queryByRole("form")).toBeNull();
  });

  it("says when the ledger could not be loaded, and tries again", async () => {
    serve({ relationship_ledger: () => Promise.reject({ code: "storage", message: "disk" }) });
    render(LedgerView, { relationshipId: RELATIONSHIP, relationshipName: "Sam", role: "repairer" });
    expect((await screen.findByRole("alert")).textContent).toMatch(/couldn't read or write its files/u);
    serve();
    await fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    await screen.findByText("50% over the last 30 days", { selector: "#ledger-score-30" });
  });
});
