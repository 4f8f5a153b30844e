// Going where a clicked reminder leads, once the journal is open. Leaving the
// current view goes through `navigate`, the same way the Shell's navigation
// does: an open editor is closed the way "Done" does it, and nothing unsaved
// is dropped (if something has to stay open, Mend stays where it is).

import * as ipc from "../lib/ipc";
import { lockedOut } from "../lib/lockout";
import { resolveTarget, type ReminderTarget } from "./reminderTarget";
import { session } from "../lib/session.svelte";
import { holdTarget, navigate, navigation, openNewEntry } from "./navigation.svelte";

/** How long to wait for a relationship page to show its ledger before giving up on scrolling to it. */
const LEDGER_WAIT_MS = 10_000;

let latest = 0;
let queue: Promise<void> = Promise.resolve();

/**
 * Go where a reminder leads. One at a time: a newer reminder supersedes an
 * older one that has not moved yet.
 */
export function openReminderTarget(target: ReminderTarget): Promise<void> {
  const request = ++latest;
  queue = queue.then(() => (request === latest ? go(target, request) : undefined));
  return queue;
}

async function go(target: ReminderTarget, request: number): Promise<void> {
  const mark = ipc.lockMark();
  const where = await resolve(target);
  if (ipc.lockedSince(mark)) {
    // Locked on the way: go there after the next unlock, unless a newer reminder came.
    if (navigation.pendingTarget === null && request === latest) holdTarget(target);
    return;
  }
  if (request !== latest) return;

  switch (where.kind) {
    case "timeline":
      await navigate({ kind: "journal" });
      return;
    case "newEntry":
      if (!(await navigate({ kind: "journal" })) || request !== latest) return;
      if (session.journal.editor !== null) return;
      openNewEntry(null);
      focusEditorSoon();
      return;
    case "ledger":
      if (!(await navigate({ kind: "relationship", id: where.relationshipId }))) return;
      revealLedger(where.relationshipId, request, mark);
      return;
    case "progress":
      await navigate({ kind: "progress", relationshipId: where.relationshipId });
      return;
    case "checklist":
      if (!(await navigate({ kind: "progress", relationshipId: where.relationshipId }))) return;
      revealChecklist(where.relationshipId, request, mark);
      return;
  }
}

/** Check that a relationship target still exists; anything else is already where it leads. */
async function resolve(target: ReminderTarget): Promise<ReminderTarget> {
  if (target.kind !== "ledger" && target.kind !== "progress" && target.kind !== "checklist") return target;
  if (session.relationships.loaded) return resolveTarget(target, session.relationships.list);
  try {
    return resolveTarget(target, await ipc.listRelationships());
  } catch (error) {
    lockedOut(error);
    return { kind: "timeline" };
  }
}

/**
 * Once the relationship page is shown and its sections above the ledger have
 * arrived, bring the ledger into view. Gives up when the person moves on.
 */
function revealLedger(id: number, request: number, mark: number): void {
  if (typeof window === "undefined" || typeof document === "undefined") return;
  const deadline = Date.now() + LEDGER_WAIT_MS;
  const step = (): void => {
    if (request !== latest || ipc.lockedSince(mark) || Date.now() > deadline) return;
    const view = navigation.view;
    if (navigation.screen !== "journal" || view.kind !== "relationship" || view.id !== id) return;
    if (session.journal.editor !== null) return;
    const page = session.relationships.page;
    const ledger = document.getElementById("ledger");
    if (ledger === null || page === null || page.id !== id || page.loading) {
      window.requestAnimationFrame(step);
      return;
    }
    document.getElementById("ledger-heading")?.focus({ preventScroll: true });
    ledger.scrollIntoView({ block: "start" });
  };
  window.requestAnimationFrame(step);
}

/**
 * Once the progress screen shows the relationship's checklist, bring it into
 * view with focus on its heading. Gives up when the person moves on.
 */
function revealChecklist(id: number, request: number, mark: number): void {
  if (typeof window === "undefined" || typeof document === "undefined") return;
  const deadline = Date.now() + LEDGER_WAIT_MS;
  const step = (): void => {
    if (request !== latest || ipc.lockedSince(mark) || Date.now() > deadline) return;
    const view = navigation.view;
    if (navigation.screen !== "journal" || view.kind !== "progress" || view.relationshipId !== id) return;
    const checklist = document.getElementById("progress-checklist");
    const heading = document.getElementById("checklist-heading");
    if (checklist === null || heading === null) {
      window.requestAnimationFrame(step);
      return;
    }
    heading.focus({ preventScroll: true });
    checklist.scrollIntoView({ block: "start" });
  };
  window.requestAnimationFrame(step);
}

/** Closing a previous editor puts focus back in the list: give it to the new entry. */
function focusEditorSoon(): void {
  if (typeof window === "undefined" || typeof document === "undefined") return;
  window.requestAnimationFrame(() => {
    const body = document.getElementById("editor-body");
    if (body === null || document.activeElement === body) return;
    if (document.querySelector("dialog[open]") !== null) return;
    body.focus();
  });
}
