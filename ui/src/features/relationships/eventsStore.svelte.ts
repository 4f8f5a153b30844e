// The moments of one relationship's story, as its page adds and deletes them:
// the form for a new moment (what, when, a few words), and the moment the
// delete confirmation asks about.
//
// Invariants:
// - the list itself is the relationship page's (`RelationshipsStore.page`):
//   an added moment goes into it in date order, a deleted one comes out, and
//   only while that page is still this relationship's;
// - a refusal is said once (`addError`); an answer dropped by a lock says nothing.
// A page makes one store per relationship (`new EventsStore(id)`).

import { today } from "../../lib/days";
import * as ipc from "../../lib/ipc";
import type { EventKind, RelationshipEvent } from "../../lib/ipc";
import { RELATIONSHIP_WORDING, describeRefusal } from "../../lib/messages";
import { session } from "../../lib/session.svelte";
import { lockedOut } from "./relationships";
import type { RelationshipsStore } from "./store.svelte";

function byDay(a: RelationshipEvent, b: RelationshipEvent): number {
  return a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.id - b.id;
}

export class EventsStore {
  readonly relationshipId: number;

  kind = $state<EventKind>("milestone");
  date = $state(today());
  note = $state("");
  adding = $state(false);
  addError = $state<string | null>(null);
  /** The moment the delete confirmation asks about. */
  deleting = $state<RelationshipEvent | null>(null);

  readonly #relationships: () => RelationshipsStore;

  /** `relationships` is the session's store unless a test gives its own. */
  constructor(relationshipId: number, relationships: () => RelationshipsStore = () => session.relationships) {
    this.relationshipId = relationshipId;
    this.#relationships = relationships;
  }

  #pageEvents(): RelationshipEvent[] | null {
    const page = this.#relationships().page;
    return page !== null && page.id === this.relationshipId ? page.events : null;
  }

  /** Adds the moment described in the form; the note is cleared once it is added. */
  async add(): Promise<void> {
    if (this.adding) return;
    this.addError = null;
    if (this.date.trim() === "") {
      this.addError = "Please choose the day it happened.";
      return;
    }
    this.adding = true;
    try {
      const added = await ipc.addEvent(this.relationshipId, { kind: this.kind, occurredOn: this.date.trim(), note: this.note.trim() });
      const list = this.#pageEvents();
      if (list !== null) {
        list.push(added);
        list.sort(byDay);
      }
      this.note = "";
    } catch (reason) {
      if (lockedOut(reason)) return;
      this.addError = describeRefusal(reason, RELATIONSHIP_WORDING);
    } finally {
      this.adding = false;
    }
  }

  /** Deletes a moment (run by the delete confirmation). */
  remove(eventId: number): Promise<void> {
    return ipc.deleteEvent(eventId);
  }

  /** The confirmation deleted it: take it off the page. */
  deleted(target: RelationshipEvent): void {
    const page = this.#relationships().page;
    if (page !== null && page.id === this.relationshipId) page.events = page.events.filter((e) => e.id !== target.id);
    this.deleting = null;
  }
}
