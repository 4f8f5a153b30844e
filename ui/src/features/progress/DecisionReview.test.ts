// @vitest-environment jsdom
// The decision review offers the guide's misdiagnosis check ("Before you
// decide") before the choices, and the link opens that step for this relationship.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { navigation } = await import("../../app/navigation.svelte");
const { default: DecisionReview } = await import("./DecisionReview.svelte");

beforeEach(() => {
  vi.mocked(invoke).mockReset();
  vi.mocked(invoke).mockImplementation(async (command) => {
    if (command === "list_decisions") return [];
    throw { code: "internal", message: command };
  });
  navigation.view = { kind: "progress", relationshipId: 8 };
});

describe("DecisionReview", () => {
  it("offers the misdiagnosis check before the choice to hold or step away", async () => {
    render(DecisionReview, { relationshipId: 8 });
    const link = await screen.findByRole("button", { name: "Before you decide: other possible causes" });
    const choices = screen.getByRole("group", { name: "For now, I choose to" });
    // The offer comes before the choices in reading order.
    expect(link.compareDocumentPosition(choices) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(document.getElementById("decision-before")?.textContent).toMatch(/holding or stepping away/);

    await fireEvent.click(link);
    await vi.waitFor(() =>
      expect(navigation.view).toEqual({
        kind: "step",
        step: { relationshipId: 8, frameworkId: "repair-conversation", stepId: "misdiagnosis-check" },
      }),
    );
  });
});
