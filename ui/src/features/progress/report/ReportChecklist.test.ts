// @vitest-environment jsdom
// The review's checklist part: a mark with no evidence reads "Seen on …", and
// "no evidence linked yet" is printed only when the person ticked that option.
import { render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Checklist } from "../../../lib/ipc/progress";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { ReportStore } = await import("./store.svelte");
const { default: ReportChecklist } = await import("./ReportChecklist.svelte");

const LISTS: Checklist[] = [
  {
    frameworkId: "four-steps",
    name: "Four signs of real repair",
    summary: "",
    steps: [
      {
        frameworkId: "four-steps",
        stepId: "take-ownership",
        title: "Take ownership",
        summary: "",
        markedOn: "2026-03-03",
        note: "",
        evidence: [],
        theirs: [],
        writtenOn: [],
        state: "claimed",
        beforeRepeatBreach: null,
      },
    ],
  },
];

beforeEach(() => {
  vi.mocked(invoke).mockReset();
  vi.mocked(invoke).mockImplementation(async (command) => {
    if (command === "checklists") return LISTS;
    throw { code: "internal", message: command };
  });
});

async function shown(showHints: boolean): Promise<HTMLElement> {
  const store = new ReportStore(4);
  await store.loadLists();
  render(ReportChecklist, { store, role: "decider", showWords: false, showHints, todayDay: "2026-03-10" });
  expect(screen.getByText("Four signs of real repair")).toBeTruthy();
  return screen.getByText("Take ownership").closest("li")!;
}

describe("ReportChecklist", () => {
  it("prints a mark without evidence as seen, with no hint by default", async () => {
    const step = await shown(false);
    expect(step.textContent).toMatch(/Seen on .*2026\./);
    expect(step.textContent).not.toMatch(/evidence|claimed/i);
  });

  it("adds the hint when the person asks for it", async () => {
    const step = await shown(true);
    expect(step.textContent).toMatch(/Seen on .*2026\. No evidence linked yet\./);
  });
});
