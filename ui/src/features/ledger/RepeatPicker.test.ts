// @vitest-environment jsdom
// Choosing how often a commitment repeats, as a person does it in the form:
// the picker's summary comes from the back end as it changes, and a refusal
// from the back end is shown with the field it names marked and focused.
// `invoke` is the only thing replaced: the IPC layer, the picker and the form
// are the real ones.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Repeat } from "../../lib/ipc/ledger";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke }));

const { default: CommitmentForm } = await import("./CommitmentForm.svelte");

/** What the back end says for a picker: the words for the two kinds used here. */
function describeRepeat(repeat: Repeat): unknown {
  if (repeat.kind === "everyFewWeeks") {
    if (repeat.days.length === 0) {
      throw { code: "invalidInput", message: "Please choose at least one day of the week.", field: "days" };
    }
    return { description: `Every ${repeat.weeksApart} weeks on ${repeat.days.join(" and ")}`, hint: null };
  }
  return { description: "Once", hint: null };
}

beforeEach(() => {
  invoke.mockReset();
  invoke.mockImplementation(async (command: string, args: { repeat: Repeat }) => {
    if (command === "describe_repeat") return describeRepeat(args.repeat);
    if (command === "create_commitment") {
      throw {
        code: "invalidInput",
        message: "Please choose how many weeks apart, from 2 to 52.",
        field: "weeksApart",
      };
    }
    throw new Error(`unexpected ${command}`);
  });
});

function renderForm() {
  return render(CommitmentForm, {
    relationshipId: 1,
    relationshipName: "Alex",
    role: "repairer",
    commitment: null,
    onsaved: vi.fn(),
    oncancel: vi.fn(),
  });
}

describe("the repeat picker", () => {
  it("asks how many weeks apart and on which days, and shows the back end's summary", async () => {
    renderForm();
    await fireEvent.change(screen.getByLabelText("How often"), { target: { value: "everyFewWeeks" } });
    const weeks = screen.getByLabelText("How many weeks apart") as HTMLInputElement;
    expect(weeks.value).toBe("2");
    await fireEvent.input(weeks, { target: { value: "3" } });
    await fireEvent.click(screen.getByLabelText(/Thursday/u));
    await fireEvent.click(screen.getByLabelText(/Monday/u));
    expect(await screen.findByText("Every 3 weeks on MO and TH")).toBeTruthy();
    expect(invoke).toHaveBeenLastCalledWith("describe_repeat", {
      repeat: { kind: "everyFewWeeks", weeksApart: 3, days: ["MO", "TH"] },
      startsOn: expect.any(String),
    });
  });

  it("shows no summary while the back end refuses the picker as it stands", async () => {
    renderForm();
    expect(await screen.findByText(/^Once/u)).toBeTruthy();
    await fireEvent.change(screen.getByLabelText("How often"), { target: { value: "everyFewWeeks" } });
    await vi.waitFor(() => expect(document.getElementById("commitment-repeat-summary")).toBeNull());
  });

  it("shows the back end's refusal and marks the field it names", async () => {
    renderForm();
    await fireEvent.input(screen.getByLabelText("What was promised"), { target: { value: "A walk together" } });
    await fireEvent.change(screen.getByLabelText("How often"), { target: { value: "everyFewWeeks" } });
    await fireEvent.input(screen.getByLabelText("How many weeks apart"), { target: { value: "60" } });
    await fireEvent.click(screen.getByLabelText(/Sunday/u));
    await fireEvent.click(screen.getByRole("button", { name: "Add this commitment" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Please choose how many weeks apart, from 2 to 52.");
    const weeks = screen.getByLabelText("How many weeks apart");
    expect(weeks.getAttribute("aria-invalid")).toBe("true");
    await vi.waitFor(() => expect(document.activeElement).toBe(weeks));
    expect(screen.getByLabelText("What was promised").getAttribute("aria-invalid")).toBe("false");
  });
});
