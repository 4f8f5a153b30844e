// @vitest-environment jsdom
// A guided step as a person meets it: the question, an answer that saves
// itself, the next question, the review, and the entry it becomes. The back
// end is a stand-in (lib/ipc/fakeBackend.ts, through guide/guideFixture.ts); everything above `invoke` is real.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

// jsdom has no modal <dialog>: give it the two methods ConfirmDialog uses.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.setAttribute("open", "");
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.removeAttribute("open");
};

const { session } = await import("../../lib/session.svelte");
const { navigation } = await import("../../app/navigation.svelte");
const { PROMPTS, STEP, answer, asked, entry, freshJournal, guide } = await import("./guideFixture");
const { default: GuidedStep } = await import("./GuidedStep.svelte");

/** The answer to the question shown, found as a person finds it: by the question. */
function answerBox(question: number): HTMLTextAreaElement {
  return screen.getByRole("textbox", { name: PROMPTS[question] }) as HTMLTextAreaElement;
}

beforeEach(() => {
  freshJournal();
  answer("get_draft", () => null);
  answer("save_draft", (args) => ({ answers: args.answers, updatedAt: "2026-12-04T09:00:00Z" }));
});

describe("GuidedStep", () => {
  it("shows the first question, with its place in the step", async () => {
    render(GuidedStep, { step: STEP });
    expect(await screen.findByText(PROMPTS[0]!)).toBeTruthy();
    expect(screen.getByText("Question 1 of 3")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Acknowledge" })).toBeTruthy();
    expect(screen.getByText("The five As")).toBeTruthy();
    expect(answerBox(0).value).toBe("");
    expect(answerBox(0).hasAttribute("data-autofocus")).toBe(true);
    expect(answerBox(0).getAttribute("aria-describedby")).toBe("answer-hint");
  });

  it("shows the notes for the relationship's setting beside the step, like the breach guidance", async () => {
    const withNotes = guide();
    const step = withNotes.frameworks[0]!.steps[0]!;
    step.notes = ["Name it to the team together, so no one hears it second-hand."];
    step.guidance = "Raise it promptly.";
    answer("relationship_guide", () => withNotes);
    render(GuidedStep, { step: STEP });
    const notes = await screen.findByRole("complementary", { name: "For this setting" });
    expect(notes.textContent).toContain("Name it to the team together, so no one hears it second-hand.");
    expect(screen.getByRole("complementary", { name: "For this kind of breach" }).textContent).toContain("Raise it promptly.");
  });

  it("shows no setting note when the step has none", async () => {
    render(GuidedStep, { step: STEP });
    await screen.findByText(PROMPTS[0]!);
    expect(screen.queryByRole("complementary", { name: "For this setting" })).toBeNull();
  });

  it("keeps an answer as a draft once the person pauses", async () => {
    render(GuidedStep, { step: STEP });
    await screen.findByText(PROMPTS[0]!);
    expect(screen.getByText("Your answers are kept as a draft as you write.")).toBeTruthy();
    await fireEvent.input(answerBox(0), { target: { value: "I forgot the day." } });
    expect(await screen.findByText("Saved", {}, { timeout: 2000 })).toBeTruthy();
    expect(asked("save_draft")).toEqual([{ step: STEP, answers: ["I forgot the day.", "", ""] }]);
  });

  it("picks up again at the first question left blank", async () => {
    answer("get_draft", () => ({ answers: ["I forgot the day.", ""], updatedAt: "2026-12-04T09:00:00Z" }));
    render(GuidedStep, { step: STEP });
    expect(await screen.findByText("Question 2 of 3")).toBeTruthy();
    expect(screen.getByText(PROMPTS[1]!)).toBeTruthy();
    await fireEvent.click(screen.getByRole("button", { name: "Back" }));
    expect(answerBox(0).value).toBe("I forgot the day.");
  });

  it("moves to the next question, with Next or Ctrl+Enter, and then to the review", async () => {
    render(GuidedStep, { step: STEP });
    await screen.findByText(PROMPTS[0]!);
    await fireEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByText(PROMPTS[1]!)).toBeTruthy();
    await vi.waitFor(() => expect(document.activeElement).toBe(answerBox(1)));
    await fireEvent.keyDown(answerBox(1), { key: "Enter", ctrlKey: true });
    expect(screen.getByText(PROMPTS[2]!)).toBeTruthy();
    await fireEvent.click(screen.getByRole("button", { name: "Look it over" }));
    expect(screen.getByRole("heading", { name: "Look it over" })).toBeTruthy();
    expect(screen.getAllByText("Not answered")).toHaveLength(3);
  });

  it("reviews the answers and saves them as one journal entry", async () => {
    answer("get_draft", () => ({ answers: ["I forgot the day.", "", "Write it down."], updatedAt: "2026-12-04T09:00:00Z" }));
    answer("complete_step", () => entry(41, "I forgot the day."));
    render(GuidedStep, { step: STEP });
    await screen.findByText("Question 2 of 3");
    await fireEvent.click(screen.getByRole("button", { name: "Next" }));
    await fireEvent.click(screen.getByRole("button", { name: "Look it over" }));
    expect(screen.getByText("I forgot the day.")).toBeTruthy();
    expect(screen.getByText("Write it down.")).toBeTruthy();
    expect(screen.getByText("Not answered")).toBeTruthy();
    expect(screen.getByText("What do you hope for now?")).toBeTruthy();
    await fireEvent.input(screen.getByLabelText(/Tags/), { target: { value: "work, memory" } });
    await fireEvent.click(screen.getByRole("button", { name: "Save to my journal" }));
    await vi.waitFor(() => expect(navigation.view).toEqual({ kind: "relationship", id: STEP.relationshipId }));
    expect(asked("complete_step")).toEqual([
      { step: STEP, answers: ["I forgot the day.", "", "Write it down."], mood: null, tags: ["work", "memory"] },
    ]);
    expect(session.step).toBeNull();
    expect(session.journal.timeline.entries.map((e) => e.id)).toEqual([41]);
  });

  it("asks for one answer before saving an empty step", async () => {
    render(GuidedStep, { step: STEP });
    await screen.findByText(PROMPTS[0]!);
    for (let i = 0; i < 3; i++) await fireEvent.click(screen.getByRole("button", { name: /Next|Look it over/ }));
    await fireEvent.click(screen.getByRole("button", { name: "Save to my journal" }));
    expect(screen.getByRole("alert").textContent).toContain("Answer at least one question first.");
    expect(asked("complete_step")).toEqual([]);
  });

  it("discards the draft only when asked twice, then goes back to the relationship", async () => {
    answer("get_draft", () => ({ answers: ["I forgot the day."], updatedAt: "2026-12-04T09:00:00Z" }));
    answer("discard_draft", () => null);
    render(GuidedStep, { step: STEP });
    await screen.findByText("Question 2 of 3");
    await fireEvent.click(screen.getByRole("button", { name: "Discard these answers…" }));
    expect(screen.getByRole("heading", { name: "Discard these answers?" })).toBeTruthy();
    expect(asked("discard_draft")).toEqual([]);
    await fireEvent.click(screen.getByRole("button", { name: "Discard answers" }));
    await vi.waitFor(() => expect(navigation.view).toEqual({ kind: "relationship", id: STEP.relationshipId }));
    expect(asked("discard_draft")).toEqual([{ step: STEP }]);
  });

  it("keeps the draft and says why when discarding fails", async () => {
    answer("get_draft", () => ({ answers: ["I forgot the day."], updatedAt: "2026-12-04T09:00:00Z" }));
    answer("discard_draft", () => {
      throw { code: "storage", message: "disk" };
    });
    render(GuidedStep, { step: STEP });
    await screen.findByText("Question 2 of 3");
    await fireEvent.click(screen.getByRole("button", { name: "Discard these answers…" }));
    await fireEvent.click(screen.getByRole("button", { name: "Discard answers" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/couldn't read or write its files/);
    expect(navigation.view).toEqual({ kind: "journal" });
    // Typing goes on being saved.
    await fireEvent.input(answerBox(1), { target: { value: "Sam, mostly." } });
    await vi.waitFor(() => expect(asked("save_draft")).toHaveLength(1), { timeout: 2000 });
  });

  it("adds a question of the person's own at the end of the step, and removes it when asked", async () => {
    let own: { text: string; userPromptId: number | null }[] = [];
    answer("relationship_guide", () => {
      const g = guide();
      g.frameworks[0]!.steps[0]!.prompts.push(...own);
      return g;
    });
    answer("add_prompt", (args) => {
      own = [{ text: (args.input as { text: string }).text, userPromptId: 5 }];
      return 5;
    });
    answer("delete_prompt", () => {
      own = [];
      return null;
    });
    render(GuidedStep, { step: STEP });
    await screen.findByText(PROMPTS[0]!);
    await fireEvent.input(screen.getByLabelText("A question of your own"), { target: { value: " What did I learn? " } });
    await fireEvent.click(screen.getByRole("button", { name: "Add question" }));
    expect(await screen.findByText("Question 1 of 4")).toBeTruthy();
    expect(asked("add_prompt")).toEqual([
      { input: { frameworkId: STEP.frameworkId, stepId: STEP.stepId, role: "repairer", text: "What did I learn?" } },
    ]);
    expect((screen.getByLabelText("A question of your own") as HTMLInputElement).value).toBe("");
    await fireEvent.click(screen.getByRole("button", { name: /^Remove/ }) /* "Remove", and " this question" for screen readers */);
    await fireEvent.click(screen.getByRole("button", { name: "Remove question" }));
    expect(await screen.findByText("Question 1 of 3")).toBeTruthy();
    expect(asked("delete_prompt")).toEqual([{ id: 5 }]);
  });
});
