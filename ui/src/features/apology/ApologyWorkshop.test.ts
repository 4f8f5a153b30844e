// @vitest-environment jsdom
// The apology workshop as a person meets it: they write, the mirror reads the
// draft and marks the words it noticed, and they save it to the journal. The
// back end is a stand-in (lib/ipc/fakeBackend.ts, through guide/guideFixture.ts); everything above `invoke`
// is real.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { RELATIONSHIP, answer, asked, entry, freshJournal } = await import("../guide/guideFixture");
const { reviewOf } = await import("./apologyFixture");
const { default: ApologyWorkshop } = await import("./ApologyWorkshop.svelte");

const DRAFT = "I'm sorry I missed it, but I was tired.";

function draftBox(): HTMLTextAreaElement {
  return screen.getByLabelText("Your apology to Sam") as HTMLTextAreaElement;
}

beforeEach(() => {
  freshJournal();
  answer("review_apology", (args) => reviewOf(args.draft as string));
});

describe("ApologyWorkshop", () => {
  it("invites writing before there is anything to read", () => {
    render(ApologyWorkshop, { relationshipId: RELATIONSHIP.id });
    expect(screen.getByRole("heading", { name: "Work on an apology" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Back to Sam" })).toBeTruthy();
    expect(draftBox().value).toBe("");
    expect(screen.getByText("Start writing, and what Mend notices will appear here.")).toBeTruthy();
  });

  it("reads a draft and marks the words it noticed, with a note on each", async () => {
    const { container } = render(ApologyWorkshop, { relationshipId: RELATIONSHIP.id });
    await fireEvent.input(draftBox(), { target: { value: DRAFT } });
    expect(screen.getByRole("status").textContent).toBe("Reading…");
    const marked = await screen.findByText("but", { selector: "mark" });
    expect(marked.getAttribute("title")).toBe("A \"but\" can take back what came before it.");
    expect(container.querySelector("#apology-marked")?.textContent).toBe(DRAFT);
    expect(screen.getByText("Consider")).toBeTruthy();
    expect(screen.getByText("A \"but\" can take back what came before it.", { selector: ".message" })).toBeTruthy();
    expect(screen.getByText("Doesn't shift the blame")).toBeTruthy();
    expect(screen.getByText("Leave out what they did.")).toBeTruthy();
    expect(asked("review_apology")).toEqual([{ draft: DRAFT }]);
  });

  it("saves the draft to the journal once, then updates that entry", async () => {
    answer("create_entry", (args) => entry(51, args.body as string, { relationshipId: 7, frameworkId: "five-as", stepId: "apologise" }));
    answer("update_entry", (args) => entry(51, args.body as string));
    render(ApologyWorkshop, { relationshipId: RELATIONSHIP.id });
    await fireEvent.input(draftBox(), { target: { value: DRAFT } });
    await fireEvent.click(screen.getByRole("button", { name: "Save to my journal" }));
    expect((await screen.findByText(/Saved in your journal/)).textContent).toContain("Saving again updates the same entry.");
    expect(asked("create_entry")).toEqual([
      {
        body: DRAFT,
        meta: { relationshipId: 7, frameworkId: "five-as", stepId: "apologise", mood: null, tags: [] },
      },
    ]);
    await fireEvent.input(draftBox(), { target: { value: `${DRAFT} I'll set a reminder.` } });
    expect(screen.getByText("Changed since you saved it.")).toBeTruthy();
    await fireEvent.click(screen.getByRole("button", { name: "Save again" }));
    await vi.waitFor(() => expect(asked("update_entry")).toEqual([{ id: 51, body: `${DRAFT} I'll set a reminder.` }]));
  });

  it("says there is nothing to save yet when the draft is blank", async () => {
    render(ApologyWorkshop, { relationshipId: RELATIONSHIP.id });
    await fireEvent.click(screen.getByRole("button", { name: "Save to my journal" }));
    expect(screen.getByRole("alert").textContent).toContain("Write something first");
    expect(asked("create_entry")).toEqual([]);
  });
});
