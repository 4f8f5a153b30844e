// The session as the one root of journal content: a lock replaces every
// store in one call, so nothing of the journal (entries, drafts, search
// words, names, answers) survives it, and a saved or deleted entry is kept in
// step everywhere it is listed.
import { describe, expect, it, vi } from "vitest";
import type { EntryView } from "./ipc";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { FakeBackend } = await import("./ipc/fakeBackend");
const { lockMark, lockedSince } = await import("./ipc/call");
const { clearJournalState, entriesAddedElsewhere, registerViewWork, removeEntry, session, upsertEntry } =
  await import("./session.svelte");
const { forgetRelationship } = await import("../features/relationships/relationships");

function entry(id: number, relationshipId: number | null, body = `body ${id}`): EntryView {
  return {
    id,
    createdAt: "2025-11-01T09:00:00Z",
    updatedAt: "2025-11-01T09:00:00Z",
    body,
    html: `<p>${body}</p>`,
    meta: { relationshipId, frameworkId: null, stepId: null, mood: null, tags: [] },
  };
}

/** Everything the session holds, as plain data. */
function everything(): string {
  const { journal, search, relationships } = session;
  return JSON.stringify({
    journal: [journal.timeline, journal.relationshipFeed, journal.editor, journal.preview],
    search: [search.text, search.hits, search.tags, search.mood],
    relationships: [relationships.list, relationships.page, relationships.catalog],
    rest: [session.step, session.apology, session.planner],
  });
}

function fill(): void {
  session.relationships.list = [
    {
      id: 1,
      name: "private name",
      role: "decider",
      whatHappened: "private words",
      happenedOn: null,
      breachKind: "care",
      createdAt: "2025-01-01T00:00:00Z",
      setting: null,
      power: null,
      contexts: [],
    },
  ];
  session.journal.timeline.entries = [entry(1, 1, "private words")];
  session.journal.showRelationshipFeed(1);
  session.journal.relationshipFeed!.entries = [entry(1, 1, "private words")];
  session.journal.startNew();
  session.journal.editor!.body = "private words";
  session.journal.preview = "<p>private words</p>";
  session.step = {
    step: { relationshipId: 1, frameworkId: "f", stepId: "s" },
    answers: ["private words"],
    index: 0,
    loaded: true,
    failed: null,
    mood: "private words",
    tags: "",
  };
  session.search.text = "private words";
  session.search.hits = [{ entry: entry(1, 1), snippet: "private words" }];
  session.apology = { relationshipId: 1, text: "private words", review: null, reviewedText: "private words", reviewFailed: null, entryId: null };
  session.planner = { relationshipId: 1, conversations: [], loaded: true, failed: null, selected: null };
}

describe("clearing the journal state", () => {
  it("drops entries, drafts, previews, search words and hits, names and answers in one call", () => {
    fill();
    expect(everything()).toContain("private");
    clearJournalState();
    expect(everything()).not.toContain("private");
    expect(session.journal.editor).toBeNull();
    expect(session.relationships.list).toEqual([]);
    expect(session.step).toBeNull();
    expect(session.search.hits).toBeNull();
  });

  it("tells the IPC layer, so answers to earlier questions are dropped", () => {
    const mark = lockMark();
    clearJournalState();
    expect(lockedSince(mark)).toBe(true);
  });

  it("forgets the editor's and the view's save hooks", async () => {
    const flush = vi.fn(async () => true);
    session.journal.registerEditor({ flush, leave: async () => true });
    registerViewWork(flush);
    clearJournalState();
    expect(await session.journal.flushPendingSave()).toBe(true);
    expect(flush).not.toHaveBeenCalled();
  });

  it("stops a search still waiting to be asked", async () => {
    vi.useFakeTimers();
    const backend = new FakeBackend(vi.mocked(invoke));
    backend.returns("search", { hits: [], more: false });
    session.search.text = "words";
    session.search.ask();
    clearJournalState();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(backend.calls).toEqual([]);
    vi.useRealTimers();
  });
});

describe("an entry saved or deleted", () => {
  it("is kept in step in the feeds and in search's hits", () => {
    clearJournalState();
    session.journal.timeline.entries = [entry(1, null)];
    session.search.hits = [{ entry: entry(1, null), snippet: "old" }];
    upsertEntry(entry(1, 3, "new"));
    expect(session.journal.timeline.entries[0]?.body).toBe("new");
    expect(session.search.hits[0]?.entry.body).toBe("new");
    removeEntry(1);
    expect(session.journal.timeline.entries).toEqual([]);
    expect(session.search.hits).toEqual([]);
  });

  it("added by an import, starts the feeds again", () => {
    clearJournalState();
    session.journal.timeline.entries = [entry(2, null)];
    session.journal.timeline.loaded = true;
    entriesAddedElsewhere();
    expect(session.journal.timeline.loaded).toBe(false);
    expect(session.journal.timeline.entries).toEqual([]);
  });
});

describe("a relationship deleted", () => {
  it("is forgotten everywhere, and its entries stay without it", () => {
    clearJournalState();
    fill();
    session.search.relationship = "1";
    forgetRelationship(1);
    expect(session.relationships.list).toEqual([]);
    expect(session.journal.relationshipFeed).toBeNull();
    expect(session.journal.timeline.entries[0]?.meta.relationshipId).toBeNull();
    expect(session.search.relationship).toBe("");
    expect(session.search.hits?.[0]?.entry.meta.relationshipId).toBeNull();
    expect(session.step).toBeNull();
    expect(session.apology).toBeNull();
    expect(session.planner).toBeNull();
  });
});
