// Loading relationships and what the relationship page shows, into
// `session.journal`. A result is dropped when it arrives after the person has
// moved to another relationship; one asked before a lock never arrives (the
// IPC layer turns it into a StaleAnswer).

import { buildCatalog } from "../guide/catalog";
import * as ipc from "../../lib/ipc";
import type { Relationship, RelationshipGuide } from "../../lib/ipc";
import { emptyFeed, session, showLocked } from "../../lib/session.svelte";

/**
 * The vault locked under us: show the unlock screen. True when that happened,
 * and for an answer dropped because it was asked before a lock (the unlock
 * screen is already showing).
 */
export function lockedOut(error: unknown): boolean {
  if (error instanceof ipc.StaleAnswer) return true;
  if (ipc.errorCodeOf(error) !== "locked") return false;
  showLocked("idle");
  return true;
}

export function relationshipById(id: number | null): Relationship | undefined {
  if (id === null) return undefined;
  return session.journal.relationships.find((r) => r.id === id);
}

export async function loadRelationships(): Promise<void> {
  session.journal.relationshipsFailed = null;
  try {
    const list = await ipc.listRelationships();
    session.journal.relationships = list;
    session.journal.relationshipsLoaded = true;
    void refreshCatalog();
  } catch (error) {
    if (lockedOut(error)) return;
    session.journal.relationshipsFailed = error;
  }
}

/** A relationship was created or changed: show it in the navigation. */
export function keepRelationship(relationship: Relationship): void {
  const list = session.journal.relationships;
  const index = list.findIndex((r) => r.id === relationship.id);
  if (index >= 0) list[index] = relationship;
  else list.push(relationship);
  const page = session.journal.page;
  if (page !== null && page.id === relationship.id && page.guide !== null) page.guide.relationship = relationship;
  void refreshCatalog();
}

/** A relationship was deleted: forget it and everything shown about it. */
export function forgetRelationship(id: number): void {
  const journal = session.journal;
  journal.relationships = journal.relationships.filter((r) => r.id !== id);
  if (journal.page?.id === id) journal.page = null;
  if (journal.relationshipFeed?.relationshipId === id) journal.relationshipFeed = null;
  if (journal.step?.step.relationshipId === id) journal.step = null;
  if (journal.apology?.relationshipId === id) journal.apology = null;
  if (journal.planner?.relationshipId === id) journal.planner = null;
  if (journal.search.relationship === String(id)) journal.search.relationship = "";
  // Its entries stay, as entries without a relationship.
  for (const entry of journal.timeline.entries) {
    if (entry.meta.relationshipId === id) entry.meta.relationshipId = null;
  }
  for (const hit of journal.search.hits ?? []) {
    if (hit.entry.meta.relationshipId === id) hit.entry.meta.relationshipId = null;
  }
}

let catalogRequest = 0;

/**
 * Step titles for every step the person can meet: the guides of every
 * relationship, since a guide's frameworks depend on the role and on the mode
 * (the repair steps, or the person's own safety).
 */
export async function refreshCatalog(): Promise<void> {
  const request = ++catalogRequest;
  const ids = session.journal.relationships.map((r) => r.id);
  try {
    const guides: RelationshipGuide[] = await Promise.all(ids.map((id) => ipc.relationshipGuide(id)));
    if (request !== catalogRequest) return;
    session.journal.catalog = buildCatalog(guides);
  } catch (error) {
    // Labels fall back to readable ids; nothing else depends on the catalog.
    lockedOut(error);
  }
}

let pageRequest = 0;

function pageShown(id: number, request: number): boolean {
  return request === pageRequest && session.journal.page?.id === id;
}

/**
 * Load (or reload) a relationship page. What is already shown for the same
 * relationship stays on screen until the fresh copy arrives.
 */
export async function loadPage(id: number): Promise<void> {
  const request = ++pageRequest;
  const journal = session.journal;
  if (journal.page?.id !== id) {
    journal.page = { id, guide: null, events: [], loading: true, failed: null };
  } else {
    journal.page.loading = true;
    journal.page.failed = null;
  }
  if (journal.relationshipFeed?.relationshipId !== id) journal.relationshipFeed = emptyFeed(id);
  try {
    const [guide, events] = await Promise.all([ipc.relationshipGuide(id), ipc.listEvents(id)]);
    if (!pageShown(id, request)) return;
    const page = session.journal.page;
    if (page === null) return;
    page.guide = guide;
    page.events = events;
    page.loading = false;
  } catch (error) {
    if (!pageShown(id, request) || lockedOut(error)) return;
    const page = session.journal.page;
    if (page === null) return;
    page.failed = error;
    page.loading = false;
  }
}

/** Load the page unless it is already there (or on its way). */
export function ensurePage(id: number): void {
  const page = session.journal.page;
  if (page !== null && page.id === id && (page.guide !== null || page.loading)) return;
  void loadPage(id);
}

/** Fetch the guide again after something changed a step's status or prompts. */
export async function refreshGuide(id: number): Promise<void> {
  try {
    const guide = await ipc.relationshipGuide(id);
    const page = session.journal.page;
    if (page !== null && page.id === id) page.guide = guide;
  } catch (error) {
    lockedOut(error);
  }
}

/** Fetch events again (a conversation outcome adds a milestone; the ledger loads its own commitments). */
export async function refreshHistory(id: number): Promise<void> {
  try {
    const events = await ipc.listEvents(id);
    const page = session.journal.page;
    if (page !== null && page.id === id) page.events = events;
  } catch (error) {
    lockedOut(error);
  }
}
