// The relationships' state: the list in the navigation, the step titles of
// every guide (the catalog, for labelling entries and filtering search), and
// the relationship page shown (its guide and events; its entries are the
// journal store's, the ledger loads its own commitments).
//
// Invariants:
// - names, guides and events are journal content: the session replaces the
//   whole store at a lock (`clearJournalState`);
// - a page's answer lands only while that page is still the one asked for,
//   and only the latest catalog lands;
// - nothing here is persisted.

import { buildCatalog, emptyCatalog, type Catalog } from "../guide/catalog";
import * as ipc from "../../lib/ipc";
import type { Relationship, RelationshipEvent, RelationshipGuide } from "../../lib/ipc";
import { lockedOut } from "../../lib/lockout";

/** The relationship page: its guide and events. */
export interface RelationshipPage {
  id: number;
  guide: RelationshipGuide | null;
  events: RelationshipEvent[];
  loading: boolean;
  failed: unknown;
}

export class RelationshipsStore {
  list = $state<Relationship[]>([]);
  /** The list has arrived once. */
  loaded = $state(false);
  failed = $state<unknown>(null);
  /** Step titles for labelling entries and filtering search. */
  catalog = $state<Catalog>(emptyCatalog());
  page = $state<RelationshipPage | null>(null);

  #catalogRequest = 0;
  #pageRequest = 0;

  byId(id: number | null): Relationship | undefined {
    if (id === null) return undefined;
    return this.list.find((r) => r.id === id);
  }

  async load(): Promise<void> {
    this.failed = null;
    try {
      this.list = await ipc.listRelationships();
      this.loaded = true;
      void this.refreshCatalog();
    } catch (error) {
      if (lockedOut(error)) return;
      this.failed = error;
    }
  }

  /** A relationship was created or changed: show it in the navigation. */
  keep(relationship: Relationship): void {
    const index = this.list.findIndex((r) => r.id === relationship.id);
    if (index >= 0) this.list[index] = relationship;
    else this.list.push(relationship);
    const page = this.page;
    if (page !== null && page.id === relationship.id && page.guide !== null) page.guide.relationship = relationship;
    void this.refreshCatalog();
  }

  /** A relationship was deleted: forget it and its page. */
  forget(id: number): void {
    this.list = this.list.filter((r) => r.id !== id);
    if (this.page?.id === id) this.page = null;
  }

  /**
   * Step titles for every step the person can meet: the guides of every
   * relationship, since a guide's frameworks depend on the role and on the mode
   * (the repair steps, or the person's own safety).
   */
  async refreshCatalog(): Promise<void> {
    const request = ++this.#catalogRequest;
    const ids = this.list.map((r) => r.id);
    try {
      const guides: RelationshipGuide[] = await Promise.all(ids.map((id) => ipc.relationshipGuide(id)));
      if (request !== this.#catalogRequest) return;
      this.catalog = buildCatalog(guides);
    } catch (error) {
      // Labels fall back to readable ids; nothing else depends on the catalog.
      lockedOut(error);
    }
  }

  #pageShown(id: number, request: number): boolean {
    return request === this.#pageRequest && this.page?.id === id;
  }

  /**
   * Load (or reload) a relationship page. What is already shown for the same
   * relationship stays on screen until the fresh copy arrives.
   */
  async loadPage(id: number): Promise<void> {
    const request = ++this.#pageRequest;
    if (this.page?.id !== id) {
      this.page = { id, guide: null, events: [], loading: true, failed: null };
    } else {
      this.page.loading = true;
      this.page.failed = null;
    }
    try {
      const [guide, events] = await Promise.all([ipc.relationshipGuide(id), ipc.listEvents(id)]);
      if (!this.#pageShown(id, request)) return;
      const page = this.page;
      if (page === null) return;
      page.guide = guide;
      page.events = events;
      page.loading = false;
    } catch (error) {
      if (!this.#pageShown(id, request) || lockedOut(error)) return;
      const page = this.page;
      if (page === null) return;
      page.failed = error;
      page.loading = false;
    }
  }

  /** The page is already there (or on its way). */
  hasPage(id: number): boolean {
    const page = this.page;
    return page !== null && page.id === id && (page.guide !== null || page.loading);
  }

  /** Fetch the guide again after something changed a step's status or prompts. */
  async refreshGuide(id: number): Promise<void> {
    try {
      const guide = await ipc.relationshipGuide(id);
      const page = this.page;
      if (page !== null && page.id === id) page.guide = guide;
    } catch (error) {
      lockedOut(error);
    }
  }

  /** Fetch events again (a conversation outcome adds a milestone). */
  async refreshHistory(id: number): Promise<void> {
    try {
      const events = await ipc.listEvents(id);
      const page = this.page;
      if (page !== null && page.id === id) page.events = events;
    } catch (error) {
      lockedOut(error);
    }
  }
}
