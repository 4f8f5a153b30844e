// Repair conversations with one person: the list of plans (PlannerStore) and
// the one open for preparing, then for noting how it went (PlanStore).
//
// Invariants:
// - the list lives in `session.planner`, so it goes with the lock and
//   stays while the person looks elsewhere; one relationship's at a time;
// - a plan's notes are edited in place in that list and saved as they are
//   typed (features/journal/saveQueue.ts: debounced, one save in flight); the
//   queue is registered as the view's pending work, so leaving or locking
//   saves it first, and switching to another plan saves the last words
//   unless Mend locked meanwhile;
// - recording how it went, or deleting the plan, lets the pending notes save
//   first.
// The planner screen makes one PlannerStore; each open plan one PlanStore
// (`open()` once mounted, `close()` when it goes).

import { CONVERSATION_STEPS } from "../guide/catalog";
import * as ipc from "../../lib/ipc";
import type { Conversation, ConversationPlan } from "../../lib/ipc";
import { DRAFT_WORDING, RELATIONSHIP_WORDING, describeError, describeRefusal } from "../../lib/messages";
import { lockedOut } from "../../lib/lockout";
import { ensurePage, refreshHistory } from "../relationships/relationships";
import { SaveQueue, type SaveStatus } from "../journal/saveQueue";
import { saveStatusText } from "../../lib/saveStatus";
import { registerViewWork, session } from "../../lib/session.svelte";

export class PlannerStore {
  readonly relationshipId: number;

  creating = $state(false);
  createError = $state<string | null>(null);

  readonly planner = $derived.by(() =>
    session.planner?.relationshipId === this.relationshipId ? session.planner : null,
  );
  readonly selected = $derived(this.planner?.conversations.find((c) => c.id === this.planner?.selected) ?? null);

  constructor(relationshipId: number) {
    this.relationshipId = relationshipId;
  }

  /** The screen is up: load the page (for the step titles) and the plans. */
  open(): Promise<void> {
    ensurePage(this.relationshipId);
    if (session.planner?.relationshipId !== this.relationshipId) {
      session.planner = {
        relationshipId: this.relationshipId,
        conversations: [],
        loaded: false,
        failed: null,
        selected: null,
      };
    }
    return this.load();
  }

  async load(): Promise<void> {
    const current = session.planner;
    if (current === null) return;
    current.failed = null;
    try {
      const list = await ipc.listConversations(this.relationshipId);
      const now = this.planner;
      if (now === null) return;
      now.conversations = list;
      now.loaded = true;
      if (now.selected === null || !list.some((c) => c.id === now.selected)) now.selected = list[0]?.id ?? null;
    } catch (reason) {
      if (lockedOut(reason)) return;
      const now = this.planner;
      if (now !== null) now.failed = reason;
    }
  }

  /** A new, empty plan, shown at once. */
  async create(): Promise<void> {
    if (this.creating) return;
    this.creating = true;
    this.createError = null;
    try {
      const made = await ipc.createConversation(this.relationshipId, { notes: {}, plannedOn: "" });
      const now = this.planner;
      if (now === null) return;
      now.conversations.unshift(made);
      now.selected = made.id;
    } catch (reason) {
      if (lockedOut(reason)) return;
      this.createError = describeError(reason, RELATIONSHIP_WORDING);
    } finally {
      this.creating = false;
    }
  }

  /** Another plan: its pending notes are saved by its PlanStore as it closes. */
  select(conversationId: number): void {
    const now = session.planner;
    if (now !== null) now.selected = conversationId;
  }

  /** A plan was deleted: forget it and show the first one left. */
  removed(conversationId: number): void {
    const now = session.planner;
    if (now === null) return;
    now.conversations = now.conversations.filter((c) => c.id !== conversationId);
    now.selected = now.conversations[0]?.id ?? null;
  }
}

/** What is saved of a conversation as it is prepared: a note per step (blank for none) and the day. */
export function planOf(c: Conversation): ConversationPlan {
  const notes: Record<string, string> = {};
  for (const id of CONVERSATION_STEPS) notes[id] = c.notes[id] ?? "";
  return { notes, plannedOn: c.plannedOn ?? "" };
}

/** How it went, as the form holds it. */
export interface OutcomeFields {
  heldOn: string;
  outcome: string;
  mine: string;
  theirs: string;
}

export class PlanStore {
  readonly relationshipId: number;
  /** The conversation as kept in the planner's list; notes are edited in place. */
  readonly conversation: Conversation;

  status = $state<SaveStatus>({ kind: "idle" });
  recording = $state(false);
  recordError = $state<string | null>(null);
  recordNote = $state<string | null>(null);

  readonly statusText = $derived(
    saveStatusText(this.status, {
      idle: "Your notes are saved as you write.",
      failed: (error) => describeRefusal(error, DRAFT_WORDING),
    }),
  );

  /** To tell, when the plan closes, whether Mend locked meanwhile. */
  readonly #openedIn = ipc.lockMark();
  #queue: SaveQueue<ConversationPlan>;
  #unregister: (() => void) | null = null;

  constructor(relationshipId: number, conversation: Conversation) {
    this.relationshipId = relationshipId;
    this.conversation = conversation;
    this.#queue = this.#makeQueue();
  }

  open(): void {
    this.#unregister = registerViewWork(() => this.#queue.flush());
  }

  /** Switching to another plan: save this one's last words, unless Mend locked. */
  close(): void {
    this.#unregister?.();
    const queue = this.#queue;
    if (!ipc.lockedSince(this.#openedIn)) void queue.flush().finally(() => queue.dispose());
    else queue.dispose();
  }

  note(stepId: string, text: string): void {
    this.conversation.notes[stepId] = text;
    this.#queue.change(planOf(this.conversation));
  }

  /** The day they hope to talk; blank for none. */
  planned(day: string): void {
    const value = day.trim();
    this.conversation.plannedOn = value === "" ? null : value;
    this.#queue.change(planOf(this.conversation));
  }

  /**
   * Note how it went, with the other person's commitment and, unless Rust says
   * it is optional here (for the decider), one of the person's own.
   */
  async record(fields: OutcomeFields): Promise<void> {
    if (this.recording) return;
    this.recordError = null;
    this.recordNote = null;
    if (fields.heldOn.trim() === "") {
      this.recordError = "Please choose the day you talked.";
      return;
    }
    const ownNeeded = !this.conversation.ownCommitmentOptional;
    if (fields.theirs.trim() === "" || (ownNeeded && fields.mine.trim() === "")) {
      this.recordError = ownNeeded
        ? "A conversation here ends with one commitment from each of you. If it didn't get that far, you can keep notes above and come back later."
        : "A conversation here ends with one thing they will do. If it didn't get that far, you can keep notes above and come back later.";
      return;
    }
    this.recording = true;
    try {
      await this.#queue.flush();
      const saved = await ipc.recordConversationOutcome(this.conversation.id, {
        heldOn: fields.heldOn.trim(),
        outcome: fields.outcome,
        myCommitment: fields.mine.trim(),
        theirCommitment: fields.theirs.trim(),
      });
      this.conversation.heldOn = saved.heldOn;
      this.conversation.outcome = saved.outcome;
      this.conversation.commitments = saved.commitments;
      this.conversation.updatedAt = saved.updatedAt;
      this.recordNote =
        saved.commitments.length === 1
          ? "Noted. Their commitment is kept on the relationship's page."
          : "Noted. The two commitments are kept on the relationship's page.";
      void refreshHistory(this.relationshipId);
    } catch (reason) {
      if (lockedOut(reason)) return;
      this.recordError = describeRefusal(reason, RELATIONSHIP_WORDING);
    } finally {
      this.recording = false;
    }
  }

  /**
   * Delete the plan. Rejects when the back end refused; the plan is then
   * still there, and its notes are saved as before.
   */
  async remove(): Promise<void> {
    await this.#queue.flush();
    this.#queue.dispose();
    try {
      await ipc.deleteConversation(this.conversation.id);
    } catch (reason) {
      this.#queue = this.#makeQueue();
      throw reason;
    }
  }

  #makeQueue(): SaveQueue<ConversationPlan> {
    return new SaveQueue<ConversationPlan>({
      saved: planOf(this.conversation),
      onStatus: (next) => (this.status = next),
      save: async (plan) => {
        const saved = await ipc.saveConversationPlan(this.conversation.id, plan);
        this.conversation.updatedAt = saved.updatedAt;
      },
    });
  }
}
