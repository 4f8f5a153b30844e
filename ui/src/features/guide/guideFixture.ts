// A relationship and its guide as the back end would send them, for the guide,
// apology, conversation and safety tests: one framework with one
// three-question step. Only tests import this file (after mocking `invoke`
// with lib/ipc/fakeBackend.ts).

import { answer, resetBackend } from "../../lib/ipc/fakeBackend";
import type { EntryView, Relationship, RelationshipGuide, StepRef } from "../../lib/ipc";
import { clearJournalState, session } from "../../lib/session.svelte";

export const RELATIONSHIP: Relationship = {
  id: 7,
  name: "Sam",
  role: "repairer",
  whatHappened: "",
  happenedOn: null,
  breachKind: "competence",
  createdAt: "2026-11-01T09:00:00Z",
};

export const STEP: StepRef = { relationshipId: 7, frameworkId: "five-as", stepId: "acknowledge" };

export const PROMPTS = ["What happened, in plain words?", "Who was hurt, and how?", "What would you do differently?"];

export function guide(): RelationshipGuide {
  return {
    relationship: RELATIONSHIP,
    mode: "repair",
    frameworks: [
      {
        id: "five-as",
        kind: "framework",
        name: "The five As",
        summary: "A way through an apology.",
        closingPrompt: "What do you hope for now?",
        steps: [
          {
            id: "acknowledge",
            title: "Acknowledge",
            summary: "Say what happened.",
            prompts: PROMPTS.map((text) => ({ text, userPromptId: null })),
            guidance: null,
            status: "inProgress",
            entries: 0,
            lastDoneAt: null,
          },
        ],
      },
    ],
    templates: [],
  };
}

export function entry(id: number, body: string, step: StepRef | null = STEP): EntryView {
  return {
    id,
    createdAt: "2026-12-04T09:00:00Z",
    updatedAt: "2026-12-04T09:00:00Z",
    body,
    html: `<p>${body}</p>`,
    meta: {
      relationshipId: RELATIONSHIP.id,
      frameworkId: step?.frameworkId ?? null,
      stepId: step?.stepId ?? null,
      mood: null,
      tags: [],
    },
  };
}

/**
 * Before each test: an unlocked journal that knows RELATIONSHIP, and a back
 * end that answers for its page (its guide, no events) and nothing else yet.
 */
export function freshJournal(): void {
  resetBackend();
  clearJournalState();
  session.screen = "journal";
  session.journal.relationships = [RELATIONSHIP];
  session.journal.relationshipsLoaded = true;
  answer("relationship_guide", () => guide());
  answer("list_events", () => []);
}
