// What the rest of the app asks of the relationships feature: load the list,
// keep it in step with a change, load or refresh the page shown. The state is
// `session.relationships` (store.svelte.ts); what reaches into other features
// (a page's entries, a deleted relationship's traces) is done here.

import type { Relationship } from "../../lib/ipc";
import { session } from "../../lib/session.svelte";

export { lockedOut } from "../../lib/lockout";

export function relationshipById(id: number | null): Relationship | undefined {
  return session.relationships.byId(id);
}

export function loadRelationships(): Promise<void> {
  return session.relationships.load();
}

/** A relationship was created or changed: show it in the navigation. */
export function keepRelationship(relationship: Relationship): void {
  session.relationships.keep(relationship);
}

/** A relationship was deleted: forget it and everything shown about it (its entries stay, without it). */
export function forgetRelationship(id: number): void {
  session.relationships.forget(id);
  session.journal.forgetRelationship(id);
  session.search.forgetRelationship(id);
  if (session.step?.step.relationshipId === id) session.step = null;
  if (session.apology?.relationshipId === id) session.apology = null;
  if (session.planner?.relationshipId === id) session.planner = null;
}

export function refreshCatalog(): Promise<void> {
  return session.relationships.refreshCatalog();
}

/**
 * Load (or reload) a relationship page, with its own list of entries. What is
 * already shown for the same relationship stays until the fresh copy arrives.
 */
export function loadPage(id: number): Promise<void> {
  session.journal.showRelationshipFeed(id);
  return session.relationships.loadPage(id);
}

/** Load the page unless it is already there (or on its way). */
export function ensurePage(id: number): void {
  if (!session.relationships.hasPage(id)) void loadPage(id);
}

/** Fetch the guide again after something changed a step's status or prompts. */
export function refreshGuide(id: number): Promise<void> {
  return session.relationships.refreshGuide(id);
}

/** Fetch events again (a conversation outcome adds a milestone; the ledger loads its own commitments). */
export function refreshHistory(id: number): Promise<void> {
  return session.relationships.refreshHistory(id);
}
