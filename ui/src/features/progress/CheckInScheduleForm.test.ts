// @vitest-environment jsdom
// Choosing how often to check in, as a person does it: a schedule made
// elsewhere is offered as it is and sent back unchanged, and the back end's
// refusal is shown with the field it names focused. Only `invoke` is replaced.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke }));

const { default: CheckInScheduleForm } = await import("./CheckInScheduleForm.svelte");

const SAVED = {
  repeat: { kind: "custom", rule: "FREQ=WEEKLY;BYDAY=FR" },
  startsOn: "2026-11-01",
  at: "18:30",
  remind: true,
  nextOn: "2026-11-06",
};

beforeEach(() => {
  invoke.mockReset();
  invoke.mockImplementation(async (command: string, args: { input?: { at: string } }) => {
    if (command === "get_check_in_schedule") return SAVED;
    if (command === "set_check_in_schedule") {
      if (args.input?.at === "") {
        throw { code: "invalidInput", message: "Please choose a time of day, such as 19:00.", field: "at" };
      }
      return SAVED;
    }
    throw new Error(`unexpected ${command}`);
  });
});

describe("the check-in schedule", () => {
  it("keeps a schedule made elsewhere and sends it back unchanged", async () => {
    render(CheckInScheduleForm, { relationshipId: 3 });
    const every = (await screen.findByLabelText("Ask me to check in")) as HTMLSelectElement;
    expect(every.value).toBe("custom");
    expect(screen.getByRole("option", { name: "Keep the current schedule" })).toBeTruthy();
    await fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await vi.waitFor(() =>
      expect(invoke).toHaveBeenCalledWith("set_check_in_schedule", {
        relationshipId: 3,
        input: { repeat: { kind: "custom", rule: "FREQ=WEEKLY;BYDAY=FR" }, startsOn: "2026-11-01", at: "18:30", remind: true },
      }),
    );
  });

  it("sends a chosen kind and shows the back end's refusal at the field it names", async () => {
    render(CheckInScheduleForm, { relationshipId: 3 });
    const every = await screen.findByLabelText("Ask me to check in");
    await fireEvent.change(every, { target: { value: "fortnightly" } });
    const at = screen.getByLabelText("At");
    await fireEvent.input(at, { target: { value: "" } });
    await fireEvent.click(screen.getByRole("button", { name: "Save" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Please choose a time of day, such as 19:00.");
    expect(invoke).toHaveBeenLastCalledWith("set_check_in_schedule", {
      relationshipId: 3,
      input: { repeat: { kind: "fortnightly" }, startsOn: "2026-11-01", at: "", remind: true },
    });
    await vi.waitFor(() => expect(document.activeElement).toBe(at));
  });
});
