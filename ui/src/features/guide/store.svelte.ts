// A guided step being answered: its draft answers, where the person is in it,
// and the three things that end it (finishing, discarding, leaving).
//
// Invariants:
// - the answers live in `session.step` (so the lock clears them with
//   the rest of the journal); opening a step always starts from the stored
//   draft, at its first unanswered question;
// - answers are saved as a draft while typed (features/journal/saveQueue.ts:
//   debounced, one save in flight); the queue is registered as the view's
//   pending work, so leaving the step or locking saves it first;
// - finishing and discarding let any draft save finish first, so none can
//   land after the entry is made or the draft is gone;
// - what the step asks (its prompts, title, framework) comes from the
//   relationship page's guide, which this store only reads.
// A screen makes one store per step (`new StepStore(ref)`), calls `open()`
// once mounted and `close()` when it goes. OwnPromptsStore and TemplatesStore
// keep the person's own questions: for one step, and as question sets.

import { anyAnswered, fitAnswers, resumeAt, withoutAnswer } from "./answers";
import { TEMPLATE_FRAMEWORK } from "./catalog";
import * as ipc from "../../lib/ipc";
import type { PromptView, Role, StepRef } from "../../lib/ipc";
import { DRAFT_WORDING, RELATIONSHIP_WORDING, describeError, describeRefusal } from "../../lib/messages";
import { lockedOut } from "../../lib/lockout";
import { ensurePage, refreshCatalog, refreshGuide } from "../relationships/relationships";
import { SaveQueue, type SaveStatus } from "../journal/saveQueue";
import { saveStatusText } from "../../lib/saveStatus";
import { registerViewWork, session, upsertEntry, type StepState } from "../../lib/session.svelte";
import { navigate, navigation } from "../../app/navigation.svelte";
import { parseMood, parseTags } from "../journal/tags";

function sameStep(a: StepRef, b: StepRef): boolean {
  return a.relationshipId === b.relationshipId && a.frameworkId === b.frameworkId && a.stepId === b.stepId;
}

/** A failure that means the vault is (or was) locked: nothing is left to keep saving. */
function lockFailure(reason: unknown): boolean {
  return reason instanceof ipc.StaleAnswer || ipc.errorCodeOf(reason) === "locked";
}

export class StepStore {
  readonly ref: StepRef;

  /** How the draft's saving stands. */
  status = $state<SaveStatus>({ kind: "idle" });
  finishing = $state(false);
  finishError = $state<string | null>(null);

  /** The step as answered (null once finished, discarded or locked). */
  readonly state = $derived(session.step as StepState | null);
  readonly page = $derived.by(() =>
    session.relationships.page?.id === this.ref.relationshipId ? session.relationships.page : null,
  );
  readonly guide = $derived(this.page?.guide ?? null);
  readonly relationship = $derived(this.guide?.relationship ?? null);
  readonly isTemplate = $derived.by(() => this.ref.frameworkId === TEMPLATE_FRAMEWORK);
  readonly framework = $derived(
    this.isTemplate ? null : (this.guide?.frameworks.find((f) => f.id === this.ref.frameworkId) ?? null),
  );
  /** The step itself (or the person's own template), once the guide is here. */
  readonly view = $derived(
    this.isTemplate
      ? (this.guide?.templates.find((t) => t.id === this.ref.stepId) ?? null)
      : (this.framework?.steps.find((s) => s.id === this.ref.stepId) ?? null),
  );
  readonly prompts = $derived<PromptView[]>(this.view?.prompts ?? []);
  readonly answers = $derived(fitAnswers(this.state?.answers ?? [], this.prompts.length));
  /** The question shown; the number of prompts means the review; -1 until known. */
  readonly index = $derived(this.state?.index ?? -1);
  readonly reviewing = $derived(this.index >= this.prompts.length && this.prompts.length > 0);
  readonly prompt = $derived(this.index >= 0 && this.index < this.prompts.length ? this.prompts[this.index] : undefined);

  readonly statusText = $derived(
    saveStatusText(this.status, {
      idle: "Your answers are kept as a draft as you write.",
      failed: (error) => describeError(error, DRAFT_WORDING),
    }),
  );

  /** To tell, when the step closes, whether Mend locked meanwhile. */
  readonly #openedIn = ipc.lockMark();
  #queue: SaveQueue<string[]> | null = null;
  #unregister: (() => void) | null = null;

  constructor(step: StepRef) {
    this.ref = { ...step };
    session.step = { step: this.ref, answers: [], index: -1, loaded: false, failed: null, mood: "", tags: "" };
  }

  /** The screen is up: load the page (for the prompts) and the draft. */
  open(): Promise<void> {
    ensurePage(this.ref.relationshipId);
    this.#unregister = registerViewWork(() => this.flush());
    return this.loadDraft();
  }

  /** The screen is going: drop the queue, unless "Hide" is saving its last answers. */
  close(): void {
    const pending = this.#queue;
    if (pending !== null && navigation.hiding && !ipc.lockedSince(this.#openedIn)) {
      // Hidden in a hurry: the lock is saving the answers; let that finish.
      void pending.flush().finally(() => pending.dispose());
    } else {
      pending?.dispose();
    }
    this.#unregister?.();
  }

  /** Save what is pending now. True when nothing is left unsaved. */
  flush(): Promise<boolean> {
    return this.#queue === null ? Promise.resolve(true) : this.#queue.flush();
  }

  async loadDraft(): Promise<void> {
    const current = session.step;
    if (current === null) return;
    current.failed = null;
    try {
      const draft = await ipc.getDraft(this.ref);
      const now = session.step;
      if (now === null || !sameStep(now.step, this.ref)) return;
      now.answers = draft?.answers ?? [];
      now.loaded = true;
      this.#makeQueue([...now.answers]);
    } catch (reason) {
      if (lockedOut(reason)) return;
      const now = session.step;
      if (now !== null && sameStep(now.step, this.ref)) now.failed = reason;
    }
  }

  /** Once the draft and the prompts are both known, pick up where the person left off. */
  resume(): void {
    const current = session.step;
    const view = this.view;
    if (current === null || !current.loaded || current.index >= 0 || view === null) return;
    current.index = resumeAt(current.answers, view.prompts.length);
  }

  /** Show the question at `next` (the number of prompts: the review). */
  go(next: number): void {
    const current = session.step;
    if (current !== null) current.index = Math.max(0, Math.min(next, this.prompts.length));
  }

  /** The answer to the question shown changed. */
  write(text: string): void {
    const current = session.step;
    if (current === null || this.index < 0) return;
    const next = fitAnswers(current.answers, this.prompts.length);
    next[this.index] = text;
    current.answers = next;
    this.#queue?.change([...next]);
  }

  /** One of the person's own questions was removed: its answer goes with it. */
  promptRemoved(promptIndex: number): void {
    const current = session.step;
    if (current === null) return;
    const next = withoutAnswer(fitAnswers(current.answers, this.prompts.length), promptIndex);
    current.answers = next;
    if (current.index > promptIndex) current.index -= 1;
    this.#queue?.change([...next]);
  }

  /** Back to the relationship page (saving what is pending first). */
  async back(): Promise<void> {
    await navigate({ kind: "relationship", id: this.ref.relationshipId });
  }

  /** The answers become one journal entry tied to the step; then back to the relationship. */
  async finish(): Promise<void> {
    const current = this.state;
    if (this.finishing || current === null) return;
    this.finishError = null;
    if (!anyAnswered(this.answers)) {
      this.finishError = "Answer at least one question first. The others can stay blank.";
      return;
    }
    this.finishing = true;
    try {
      // Let any draft save finish first, so none can land after the entry is made.
      await this.flush();
      const entry = await ipc.completeStep(this.ref, [...this.answers], parseMood(current.mood), parseTags(current.tags));
      this.#queue?.dispose();
      this.#unregister?.();
      upsertEntry(entry);
      session.step = null;
      void refreshGuide(this.ref.relationshipId);
      await this.back();
    } catch (reason) {
      if (lockedOut(reason)) return;
      this.finishError = describeRefusal(reason, DRAFT_WORDING);
    } finally {
      this.finishing = false;
    }
  }

  /**
   * Delete the draft. Rejects when the back end refused; the draft is then
   * still there, and is saved as before.
   */
  async discard(): Promise<void> {
    try {
      await this.flush();
      this.#queue?.dispose();
      await ipc.discardDraft(this.ref);
    } catch (reason) {
      if (!lockFailure(reason)) this.#makeQueue([...this.answers]);
      throw reason;
    }
    this.#unregister?.();
    session.step = null;
    void refreshGuide(this.ref.relationshipId);
  }

  #makeQueue(saved: string[]): void {
    this.#queue?.dispose();
    this.#queue = new SaveQueue<string[]>({
      saved,
      onStatus: (next) => (this.status = next),
      save: async (value) => {
        await ipc.saveDraft(this.ref, value);
      },
    });
  }
}

/**
 * The person's own questions for one step: added at the end of its prompts,
 * asked in this step for every relationship where they are on the same side.
 */
export class OwnPromptsStore {
  readonly ref: StepRef;
  /** The question being written. */
  text = $state("");
  saving = $state(false);
  /** Why the last question could not be added, in words. */
  error = $state<string | null>(null);

  constructor(ref: StepRef) {
    this.ref = ref;
  }

  /** Add the question written, for this step and side; then fetch the guide again. */
  async add(role: Role): Promise<void> {
    if (this.saving) return;
    this.error = null;
    if (this.text.trim() === "") {
      this.error = "Please write the question first.";
      return;
    }
    this.saving = true;
    try {
      await ipc.addPrompt({ frameworkId: this.ref.frameworkId, stepId: this.ref.stepId, role, text: this.text.trim() });
      this.text = "";
      await refreshGuide(this.ref.relationshipId);
    } catch (reason) {
      if (lockedOut(reason)) return;
      this.error = describeRefusal(reason, RELATIONSHIP_WORDING);
    } finally {
      this.saving = false;
    }
  }

  /** Delete a question (for DeleteConfirm: rejects when refused). */
  remove(promptId: number): Promise<void> {
    return ipc.deletePrompt(promptId);
  }

  /** A question is gone: drop it from the guide at once, so answers and questions stay in line, then fetch the guide again. */
  forget(promptId: number): void {
    const page = session.relationships.page;
    if (page !== null && page.id === this.ref.relationshipId && page.guide !== null) {
      const step = page.guide.frameworks
        .find((f) => f.id === this.ref.frameworkId)
        ?.steps.find((s) => s.id === this.ref.stepId);
      if (step !== undefined) step.prompts = step.prompts.filter((p) => p.userPromptId !== promptId);
    }
    void refreshGuide(this.ref.relationshipId);
  }
}

/** The person's own question sets ("templates"), shared by every relationship. */
export class TemplatesStore {
  readonly relationshipId: number;
  /** The set being written: its name, and its questions one on each line. */
  name = $state("");
  prompts = $state("");
  saving = $state(false);
  /** Why the last set could not be saved, in words. */
  error = $state<string | null>(null);

  /** The questions written, without blank lines. */
  readonly promptLines = $derived(
    this.prompts
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== ""),
  );

  constructor(relationshipId: number) {
    this.relationshipId = relationshipId;
  }

  /** Save the set written; then show it. */
  async create(): Promise<void> {
    if (this.saving) return;
    this.error = null;
    if (this.name.trim() === "") {
      this.error = "Please give the question set a name.";
      return;
    }
    if (this.promptLines.length === 0) {
      this.error = "Please write at least one question, one on each line.";
      return;
    }
    this.saving = true;
    try {
      await ipc.createTemplate(this.name.trim(), this.promptLines);
      this.name = "";
      this.prompts = "";
      await this.refresh();
    } catch (reason) {
      if (lockedOut(reason)) return;
      this.error = describeRefusal(reason, RELATIONSHIP_WORDING);
    } finally {
      this.saving = false;
    }
  }

  /** Delete a set (for DeleteConfirm: rejects when refused). */
  remove(templateId: number): Promise<void> {
    return ipc.deleteTemplate(templateId);
  }

  /** The guide (its templates) and the step catalog (their titles), fetched again. */
  async refresh(): Promise<void> {
    await Promise.all([refreshGuide(this.relationshipId), refreshCatalog()]);
  }
}
