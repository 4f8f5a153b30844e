// The apology workshop's store with a stand-in back end (lib/ipc/fakeBackend.ts, through guide/guideFixture.ts):
// the reading of the latest text only, saving once then updating, and nothing
// asked before a lock landing after it.
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { clearJournalState, session } = await import("../../lib/session.svelte");
const { RELATIONSHIP, answer, asked, entry, freshJournal } = await import("../guide/guideFixture");
const { reviewOf } = await import("./apologyFixture");
const { ApologyStore } = await import("./store.svelte");

const DRAFT = "I'm sorry I missed it, but I was tired.";

beforeEach(() => {
  freshJournal();
  answer("review_apology", (args) => reviewOf(args.draft as string));
});

describe("ApologyStore", () => {
  it("reads only the text as it stands once typing pauses", async () => {
    const store = new ApologyStore(RELATIONSHIP.id);
    store.write("I'm sorry");
    store.write(DRAFT);
    expect(store.reviewing).toBe(true);
    await vi.waitFor(() => expect(store.reviewing).toBe(false));
    expect(asked("review_apology")).toEqual([{ draft: DRAFT }]);
    expect(store.freshReview?.findings.map((f) => f.quote)).toEqual(["but"]);
    expect(store.marked.filter((r) => r.span !== null).map((r) => r.text)).toEqual(["but"]);
    store.dispose();
  });

  it("keeps the last reading, marked as of older text, while the next one is on its way", async () => {
    const store = new ApologyStore(RELATIONSHIP.id);
    store.write(DRAFT);
    await vi.waitFor(() => expect(store.freshReview).not.toBeNull());
    store.write(`${DRAFT} Sorry.`);
    expect(store.freshReview).toBeNull();
    expect(store.draft?.review).not.toBeNull();
    store.dispose();
  });

  it("clears the reading when the draft is emptied", async () => {
    const store = new ApologyStore(RELATIONSHIP.id);
    store.write(DRAFT);
    await vi.waitFor(() => expect(store.freshReview).not.toBeNull());
    store.write("  ");
    expect(store.draft?.review).toBeNull();
    expect(store.reviewing).toBe(false);
    store.dispose();
  });

  it("keeps the draft across screens while unlocked, and reads it again on return", async () => {
    const first = new ApologyStore(RELATIONSHIP.id);
    first.write(DRAFT);
    first.dispose();
    const again = new ApologyStore(RELATIONSHIP.id);
    expect(again.draft?.text).toBe(DRAFT);
    again.open();
    await vi.waitFor(() => expect(again.freshReview).not.toBeNull());
    again.dispose();
  });

  it("saves a new entry for the apology step, then updates that same entry", async () => {
    answer("create_entry", (args) => entry(51, args.body as string, { relationshipId: 7, frameworkId: "five-as", stepId: "apologise" }));
    answer("update_entry", (args) => entry(51, args.body as string));
    const store = new ApologyStore(RELATIONSHIP.id);
    store.write(DRAFT);
    await store.save();
    expect(store.saveMessage).toEqual({ ok: true, text: "Saved in your journal. Saving again updates the same entry." });
    expect(store.unsaved).toBe(false);
    expect(store.draft?.entryId).toBe(51);
    store.write(`${DRAFT} Sorry.`);
    expect(store.unsaved).toBe(true);
    await store.save();
    expect(asked("create_entry")).toHaveLength(1);
    expect(asked("update_entry")).toEqual([{ id: 51, body: `${DRAFT} Sorry.` }]);
    store.dispose();
  });

  it("says why a save failed, keeping the text", async () => {
    answer("create_entry", () => {
      throw { code: "storage", message: "disk" };
    });
    const store = new ApologyStore(RELATIONSHIP.id);
    store.write(DRAFT);
    await store.save();
    expect(store.saveMessage).toEqual({
      ok: false,
      text: "This couldn't be saved because Mend couldn't write to the disk. Your text is still here.",
    });
    expect(store.draft?.text).toBe(DRAFT);
    store.dispose();
  });

  it("drops a reading asked for before a lock", async () => {
    let release!: () => void;
    answer("review_apology", (args) => new Promise((resolve) => (release = () => resolve(reviewOf(args.draft as string)))));
    const store = new ApologyStore(RELATIONSHIP.id);
    store.write(DRAFT);
    await vi.waitFor(() => expect(asked("review_apology")).toHaveLength(1));
    clearJournalState();
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(session.apology).toBeNull();
    store.dispose();
  });
});
