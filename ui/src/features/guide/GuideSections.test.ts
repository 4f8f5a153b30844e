// @vitest-environment jsdom
// A relationship's guide on its page, as a person meets it: each framework's
// steps to open, and for the one deciding, the check of other causes first.
import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { RelationshipGuide, StepView } from "../../lib/ipc";

const { RELATIONSHIP, guide } = await import("./guideFixture");
const { CONVERSATION_FRAMEWORK, MISDIAGNOSIS_STEP } = await import("./catalog");
const { default: GuideSections } = await import("./GuideSections.svelte");

function step(id: string, title: string): StepView {
  return { id, title, summary: `About ${title}.`, prompts: [], guidance: null, notes: [], status: "untouched", entries: 0, lastDoneAt: null };
}

/** The decider's guide: the conversation framework, with the check of other causes among its steps. */
function deciderGuide(): RelationshipGuide {
  const g = guide();
  g.relationship = { ...RELATIONSHIP, role: "decider" };
  g.frameworks = [
    {
      id: CONVERSATION_FRAMEWORK,
      kind: "framework",
      name: "A repair conversation",
      summary: "Talk it through.",
      closingPrompt: null,
      steps: [step(MISDIAGNOSIS_STEP, "Other possible causes"), step("their-perspective", "Their side")],
    },
  ];
  return g;
}

describe("GuideSections", () => {
  it("lists each framework's steps, and opens the one chosen", async () => {
    const onopen = vi.fn();
    render(GuideSections, { relationshipId: RELATIONSHIP.id, guide: guide(), onopen });
    const framework = screen.getByRole("region", { name: "The five As" });
    await fireEvent.click(within(framework).getByRole("button", { name: /Acknowledge/ }));
    expect(onopen).toHaveBeenCalledWith("five-as", "acknowledge");
    expect(screen.queryByRole("complementary", { name: "Before you decide" })).toBeNull();
    expect(screen.getByRole("heading", { name: "Your own questions" })).toBeTruthy();
  });

  it("shows the one deciding the check of other causes on its own, before the frameworks", () => {
    render(GuideSections, { relationshipId: RELATIONSHIP.id, guide: deciderGuide(), onopen: vi.fn() });
    const before = screen.getByRole("complementary", { name: "Before you decide" });
    expect(within(before).getByRole("button", { name: /Other possible causes/ })).toBeTruthy();
    const framework = screen.getByRole("region", { name: "A repair conversation" });
    expect(within(framework).queryByRole("button", { name: /Other possible causes/ })).toBeNull();
    expect(within(framework).getByRole("button", { name: /Their side/ })).toBeTruthy();
  });
});
