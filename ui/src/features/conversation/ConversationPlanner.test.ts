// @vitest-environment jsdom
// The planner as a person sees it: a plain note about talking by voice or face
// to face, and, when Rust says so (the decider), their own commitment marked optional.
import { render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Conversation } from "../../lib/ipc";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { RELATIONSHIP, answer, freshJournal, guide } = await import("../guide/guideFixture");
const { session } = await import("../../lib/session.svelte");
const { default: ConversationPlanner } = await import("./ConversationPlanner.svelte");

function conversation(ownCommitmentOptional: boolean): Conversation {
  return {
    id: 2,
    relationshipId: RELATIONSHIP.id,
    notes: {},
    plannedOn: null,
    heldOn: null,
    outcome: "",
    commitments: [],
    ownCommitmentOptional,
    updatedAt: "2026-12-01T09:00:00Z",
  };
}

beforeEach(() => {
  freshJournal();
});

describe("ConversationPlanner", () => {
  it("suggests talking by voice or face to face rather than in writing", async () => {
    answer("list_conversations", () => []);
    render(ConversationPlanner, { relationshipId: RELATIONSHIP.id });
    expect(document.getElementById("conv-by-voice")?.textContent).toMatch(
      /by voice or face to face rather than in writing/,
    );
  });

  it("shows a step's notes for the relationship's setting under its hint", async () => {
    const page = guide();
    page.frameworks = [
      {
        id: "repair-conversation",
        kind: "framework",
        name: "A conversation to repair things",
        summary: "",
        closingPrompt: null,
        steps: [
          {
            id: "commit",
            title: "Close with one commitment each",
            summary: "",
            prompts: [{ text: "What will you promise the team as a whole?", userPromptId: null }],
            guidance: null,
            notes: ["A commitment to a team is made to everyone in it."],
            status: "untouched",
            entries: 0,
            lastDoneAt: null,
          },
        ],
      },
    ];
    session.relationships.page = { id: RELATIONSHIP.id, guide: page, events: [], loading: false, failed: null };
    answer("list_conversations", () => [conversation(false)]);
    render(ConversationPlanner, { relationshipId: RELATIONSHIP.id });
    const notes = await screen.findByLabelText(/Close with one commitment each/);
    expect(notes.getAttribute("aria-describedby")).toBe("conv-hint-commit conv-setting-commit");
    expect(document.getElementById("conv-hint-commit")?.textContent).toBe("What will you promise the team as a whole?");
    expect(document.getElementById("conv-setting-commit")?.textContent).toContain("A commitment to a team is made to everyone in it.");
    expect(document.getElementById("conv-setting-align")).toBeNull();
  });

  it("marks the person's own commitment optional only when Rust says so", async () => {
    answer("list_conversations", () => [conversation(true)]);
    const { unmount } = render(ConversationPlanner, { relationshipId: RELATIONSHIP.id });
    expect((await screen.findByLabelText(/One thing I will do/)).id).toBe("conv-mine");
    expect(screen.getByText("(optional)", { selector: "label[for=conv-mine] span" })).toBeTruthy();
    unmount();

    answer("list_conversations", () => [conversation(false)]);
    render(ConversationPlanner, { relationshipId: RELATIONSHIP.id });
    await screen.findByLabelText(/One thing I will do/);
    expect(document.querySelector("label[for=conv-mine]")?.textContent).not.toMatch(/optional/);
  });
});
