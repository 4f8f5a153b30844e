// @vitest-environment jsdom
// The check-in as a person fills it in: the first time (nothing saved yet),
// answering and saving, what it asks for when nothing is answered, and
// changing a day already checked in.
import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { today } from "../../lib/days";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
// A lock would lead to the unlock screen: the session is not part of these tests.
vi.mock("../relationships/relationships", () => ({ lockedOut: () => false }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: CheckInForm } = await import("./CheckInForm.svelte");
const { CheckInBackEnd } = await import("./checkin/testing");

let backEnd: InstanceType<typeof CheckInBackEnd>;

async function shown(role: "decider" | "repairer" = "decider", onsaved = vi.fn()) {
  render(CheckInForm, { relationshipId: 5, role, onsaved });
  await screen.findByRole("form", { name: "Check-in" });
  return onsaved;
}

function question(text: string): HTMLElement {
  return screen.getByRole("group", { name: text });
}

beforeEach(() => {
  backEnd = new CheckInBackEnd();
  vi.mocked(invoke).mockImplementation(backEnd.answer);
});

describe("CheckInForm", () => {
  it("the first time: today's date, every question skipped, nothing listed yet", async () => {
    await shown();
    expect((screen.getByLabelText("Day") as HTMLInputElement).value).toBe(today());
    expect(screen.getByText("These ratings are a reflection, not a diagnosis.")).toBeTruthy();
    const skip = within(question("They have what it takes.")).getByRole("radio", { name: "Skip" });
    expect((skip as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText("No check-ins yet. The first one you save will appear here.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Save check-in" })).toBeTruthy();
  });

  /** The back end refuses every save with this sentence, naming this field. */
  function refuses(message: string, field: string): void {
    const answer = backEnd.answer;
    vi.mocked(invoke).mockImplementation(async (command, args) => {
      if (command === "save_check_in") throw { code: "invalidInput", message, field };
      return answer(command, args as Record<string, unknown>);
    });
  }

  it("shows what the back end asks for when nothing is answered", async () => {
    await shown();
    refuses("Answer at least one question, or give a trust level, to save a check-in.", "answers");
    await fireEvent.click(screen.getByRole("button", { name: "Save check-in" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Answer at least one question, or give a trust level, to save a check-in.",
    );
    expect(backEnd.count("save_check_in")).toBe(0);
  });

  it("returns to the day when the back end refuses it", async () => {
    await shown();
    refuses("A check-in can't be for a day that hasn't come yet.", "on");
    await fireEvent.click(within(question("They have what it takes.")).getByRole("radio", { name: /Mostly/ }));
    await fireEvent.click(screen.getByRole("button", { name: "Save check-in" }));
    expect((await screen.findByRole("alert")).textContent).toBe("A check-in can't be for a day that hasn't come yet.");
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Day")));
  });

  it("saves the answers, the trust level and the note, then lists the check-in", async () => {
    const onsaved = await shown();
    await fireEvent.input(screen.getByLabelText("Day"), { target: { value: "2026-03-02" } });
    await fireEvent.click(within(question("They have what it takes.")).getByRole("radio", { name: /Mostly/ }));
    await fireEvent.input(screen.getByLabelText("Trust level, 0 to 10"), { target: { value: "7" } });
    await fireEvent.input(screen.getByLabelText(/A note/), { target: { value: "A steadier week" } });
    await fireEvent.click(screen.getByRole("button", { name: "Save check-in" }));

    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledTimes(1));
    expect(backEnd.calls.find((c) => c.command === "save_check_in")?.args).toEqual({
      relationshipId: 5,
      input: { on: "2026-03-02", answers: { "able-skills": 4 }, trustLevel: 7, note: "A steadier week" },
    });
    expect(document.getElementById("checkin-status")?.textContent).toMatch(/^Check-in saved for /);
    const list = screen.getByRole("list");
    expect(list.textContent).toContain("Able 4.0");
    expect(list.textContent).toContain("Dependable –");
    expect(list.textContent).toContain("Trust level: 7 of 10");
    // The form is ready for the next one.
    const skip = within(question("They have what it takes.")).getByRole("radio", { name: "Skip" });
    expect((skip as HTMLInputElement).checked).toBe(true);
  });

  it("loads a past check-in to change, and says saving replaces it", async () => {
    backEnd.saved = [
      {
        on: "2026-03-01",
        answers: { "dependable-follow": 2 },
        scores: { able: null, believable: null, connected: null, dependable: 2 },
        trustLevel: null,
        note: "Unsure",
      },
    ];
    await shown("repairer");
    expect(screen.queryByLabelText("Trust level, 0 to 10")).toBeNull();
    await fireEvent.click(screen.getByRole("button", { name: /Change the check-in of/ }));
    expect((screen.getByLabelText("Day") as HTMLInputElement).value).toBe("2026-03-01");
    expect((screen.getByLabelText(/A note/) as HTMLTextAreaElement).value).toBe("Unsure");
    expect(screen.getByText("You already checked in on this day; saving replaces it.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Save and replace" })).toBeTruthy();
    await fireEvent.click(screen.getByRole("button", { name: "Start a new check-in instead" }));
    expect(screen.getByRole("button", { name: "Save check-in" })).toBeTruthy();
  });
});
