// @vitest-environment jsdom
// The appearance settings against a stand-in back end: a choice is saved and
// then applied to the page; a refusal says why and leaves the page and the
// form as they were; without dictionaries the section says how to add one.
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AppearanceView } from "../../lib/ipc/appearance";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend } = await import("../../lib/ipc/fakeBackend");
const { appearance } = await import("./store.svelte");
const { default: AppearanceSection } = await import("./AppearanceSection.svelte");

const VIEW: AppearanceView = {
  appearance: { theme: "system", textSize: "standard", motion: "system", spellCheck: true, spellingLanguage: null },
  textPercent: 100,
  dictionaries: ["de_DE", "en_US"],
  spelling: "en_US",
  systemLanguage: "en_US",
  systemTheme: null,
};

let backend: InstanceType<typeof FakeBackend>;

beforeEach(async () => {
  backend = new FakeBackend(vi.mocked(invoke));
  backend.returns("get_appearance", VIEW);
  await appearance.load();
});

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.theme;
  delete document.documentElement.dataset.motion;
  document.documentElement.style.removeProperty("font-size");
});

describe("AppearanceSection", () => {
  it("saves a theme and then draws the page in it", async () => {
    backend.on("set_appearance", (args) => ({ ...VIEW, appearance: args.appearance }));
    render(AppearanceSection);
    expect((screen.getByLabelText("Same as the desktop") as HTMLInputElement).checked).toBe(true);
    await fireEvent.click(screen.getByLabelText("Dark"));
    await vi.waitFor(() => expect(document.documentElement.dataset.theme).toBe("dark"));
    expect(backend.argsOf("set_appearance")).toEqual([{ appearance: { ...VIEW.appearance, theme: "dark" } }]);
    expect(screen.getByRole("status").textContent).toBe("Saved.");
  });

  it("applies the text size Rust answers as the root font size", async () => {
    backend.on("set_appearance", (args) => ({ ...VIEW, appearance: args.appearance, textPercent: 130 }));
    render(AppearanceSection);
    await fireEvent.click(screen.getByLabelText("Largest"));
    await vi.waitFor(() => expect(document.documentElement.style.getPropertyValue("font-size")).toBe("130%"));
    expect(appearance.scale).toBe(1.3);
  });

  it("saves two quick choices one after the other, losing neither", async () => {
    backend.on("set_appearance", (args) => ({ ...VIEW, appearance: args.appearance }));
    render(AppearanceSection);
    await fireEvent.click(screen.getByLabelText("Dark"));
    await fireEvent.click(screen.getByLabelText("Large"));
    await vi.waitFor(() => expect(backend.argsOf("set_appearance")).toHaveLength(2));
    expect(backend.argsOf("set_appearance")[1]).toEqual({
      appearance: { ...VIEW.appearance, theme: "dark", textSize: "large" },
    });
    await vi.waitFor(() => expect(appearance.view?.appearance.textSize).toBe("large"));
    expect(appearance.view?.appearance.theme).toBe("dark");
  });

  it("turns on reduced motion for the whole page", async () => {
    backend.on("set_appearance", (args) => ({ ...VIEW, appearance: args.appearance }));
    render(AppearanceSection);
    await fireEvent.click(screen.getByLabelText(/Reduce motion/u));
    await vi.waitFor(() => expect(document.documentElement.dataset.motion).toBe("reduced"));
    expect(appearance.reducedMotion).toBe(true);
  });

  it("shows a refused language's reason and keeps the saved choice", async () => {
    backend.fails("set_appearance", "invalidInput", "No dictionary for that language is installed.");
    render(AppearanceSection);
    const select = screen.getByLabelText("Spelling language") as HTMLSelectElement;
    select.value = "de_DE";
    await fireEvent.change(select);
    expect(await screen.findByRole("alert")).toHaveProperty("textContent", "No dictionary for that language is installed.");
    expect((screen.getByLabelText("Spelling language") as HTMLSelectElement).value).toBe("");
    expect(appearance.view?.appearance.spellingLanguage).toBeNull();
  });

  it("says how to add a dictionary when none is installed", async () => {
    backend.returns("get_appearance", { ...VIEW, dictionaries: [], spelling: null });
    await appearance.load();
    render(AppearanceSection);
    expect(screen.queryByLabelText("Spelling language")).toBeNull();
    expect(screen.getByText(/hunspell-en-us/u)).toBeTruthy();
  });

  it("offers to try again when the appearance could not be read", async () => {
    backend.fails("get_appearance", "storage");
    appearance.view = null;
    await appearance.load();
    render(AppearanceSection);
    expect(await screen.findByRole("alert")).toHaveProperty("textContent", expect.stringMatching(/follows the desktop/u));
    backend.returns("get_appearance", VIEW);
    await fireEvent.click(screen.getByText("Try again"));
    await vi.waitFor(() => expect(screen.getByLabelText("Dark")).toBeTruthy());
  });
});
