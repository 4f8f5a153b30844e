// A relationship and its guide as the back end would send them, for the guide,
// apology, conversation and safety tests: one framework with one
// three-question step; and the stand-in back end they talk to
// (lib/ipc/fakeBackend.ts). Only tests import this file, after mocking
// `invoke`: vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() })).

import { invoke } from "@tauri-apps/api/core";
import { vi } from "vitest";
import { navigation } from "../../app/navigation.svelte";
import { FakeBackend } from "../../lib/ipc/fakeBackend";
import type { EntryView, Relationship, RelationshipGuide, StepRef } from "../../lib/ipc";
import type { Command } from "../../lib/ipc/call";
import { clearJournalState, session } from "../../lib/session.svelte";

let backend: FakeBackend | null = null;

function current(): FakeBackend {
  if (backend === null) throw new Error("Call freshJournal() first.");
  return backend;
}

/** How `command` answers from now on: the handler's value, or what it throws (a `{ code, message }`). */
export function answer(command: Command, handler: (args: Record<string, unknown>) => unknown): void {
  current().on(command, handler);
}

/** The arguments of every call of `command` so far, oldest first. */
export function asked(command: Command): Record<string, unknown>[] {
  return current().argsOf(command);
}

export const RELATIONSHIP: Relationship = {
  id: 7,
  name: "Sam",
  role: "repairer",
  whatHappened: "",
  happenedOn: null,
  breachKind: "competence",
  createdAt: "2026-11-01T09:00:00Z",
  setting: null,
  power: null,
  contexts: [],
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
            notes: [],
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
  backend = new FakeBackend(vi.mocked(invoke));
  clearJournalState();
  navigation.screen = "journal";
  navigation.view = { kind: "journal" };
  session.relationships.list = [RELATIONSHIP];
  session.relationships.loaded = true;
  answer("relationship_guide", () => guide());
  answer("list_events", () => []);
}
