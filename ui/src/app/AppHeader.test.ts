// @vitest-environment jsdom
// The header's actions and their shortcuts: a new entry (Ctrl+N), the
// settings (Ctrl+,), search (Ctrl+K), Lock (Ctrl+L) and Hide (Ctrl+H).
import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend, deferred } = await import("../lib/ipc/fakeBackend");
const { clearJournalState, session } = await import("../lib/session.svelte");
const { navigation } = await import("./navigation.svelte");
const { default: AppHeader } = await import("./AppHeader.svelte");

let backend: InstanceType<typeof FakeBackend>;

beforeEach(() => {
  clearJournalState();
  navigation.view = { kind: "journal" };
  navigation.screen = "journal";
  navigation.hiding = false;
  backend = new FakeBackend(vi.mocked(invoke));
});

describe("the header", () => {
  it("opens a new entry with the button or Ctrl+N", async () => {
    render(AppHeader);
    await fireEvent.click(screen.getByRole("button", { name: "New entry" }));
    await vi.waitFor(() => expect(session.journal.editor).not.toBeNull());
    session.journal.closeEditor();
    await fireEvent.keyDown(window, { key: "n", ctrlKey: true });
    await vi.waitFor(() => expect(session.journal.editor).not.toBeNull());
  });

  it("opens the settings and search from the keyboard", async () => {
    render(AppHeader);
    await fireEvent.keyDown(window, { key: ",", ctrlKey: true });
    await vi.waitFor(() => expect(navigation.screen).toBe("settings"));
    expect(screen.getByRole("button", { name: "Settings" }).getAttribute("aria-current")).toBe("page");
    await fireEvent.keyDown(window, { key: "k", ctrlKey: true });
    await vi.waitFor(() => expect(navigation.view).toEqual({ kind: "search" }));
    expect(navigation.screen).toBe("journal");
  });

  it("says it is locking until the vault has locked", async () => {
    const locked = deferred<null>();
    backend.on("lock", () => locked.promise);
    render(AppHeader);
    await fireEvent.click(screen.getByRole("button", { name: "Lock" }));
    const button = screen.getByRole("button", { name: "Locking…" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    locked.resolve(null);
    await vi.waitFor(() => expect(navigation.screen).toBe("unlock"));
  });

  it("hides at once with Ctrl+H", async () => {
    backend.returns("lock", null);
    render(AppHeader);
    await fireEvent.keyDown(window, { key: "h", ctrlKey: true });
    expect(navigation.hiding).toBe(true);
    await vi.waitFor(() => expect(navigation.screen).toBe("unlock"));
    expect(backend.argsOf("lock")).toHaveLength(1);
  });
});
