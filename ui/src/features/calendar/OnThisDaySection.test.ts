// @vitest-environment jsdom
// The Settings switch for "On this day": off unless chosen, and saved in the vault.
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend } = await import("../../lib/ipc/fakeBackend");
const { default: OnThisDaySection } = await import("./OnThisDaySection.svelte");

let backend: InstanceType<typeof FakeBackend>;
let enabled = false;

beforeEach(() => {
  enabled = false;
  backend = new FakeBackend(vi.mocked(invoke));
  backend.on("on_this_day", () => ({ enabled, hiddenHere: false, memories: [] }));
  backend.on("set_on_this_day", (args) => {
    enabled = args.enabled as boolean;
    return null;
  });
});

it("starts off, and turns on and off again", async () => {
  render(OnThisDaySection);
  const box = screen.getByLabelText("Show entries from this date in earlier years") as HTMLInputElement;
  await waitFor(() => expect(box.disabled).toBe(false));
  expect(box.checked).toBe(false);
  await fireEvent.click(box);
  await waitFor(() => expect(backend.argsOf("set_on_this_day")).toEqual([{ enabled: true }]));
  await waitFor(() => expect(box.checked).toBe(true));
  await fireEvent.click(box);
  await waitFor(() => expect(backend.argsOf("set_on_this_day").at(-1)).toEqual({ enabled: false }));
  expect(enabled).toBe(false);
});

it("says so when the choice could not be saved, showing it as it still is", async () => {
  backend.fails("set_on_this_day", "storage");
  render(OnThisDaySection);
  const box = screen.getByLabelText("Show entries from this date in earlier years") as HTMLInputElement;
  await waitFor(() => expect(box.disabled).toBe(false));
  await fireEvent.click(box);
  await screen.findByRole("alert");
  expect(box.checked).toBe(false);
});
