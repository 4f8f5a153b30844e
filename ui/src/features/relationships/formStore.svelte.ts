// Adding a relationship, or changing one: the form's answers, what is wrong
// with them (and at which field), saving and deleting.
//
// Invariants:
// - nothing is sent until the name, the side and the kind of trust are given;
//   a refusal names its field when it can (`invalid`) and is said once (`error`);
// - a saved relationship goes into the navigation list at once; a deleted one
//   is forgotten with everything shown about it (its entries stay);
// - the fields are filled once, from the relationship being changed;
// - nothing here touches the page or navigates: the form does, with what
//   `save` answers.
// A form makes one store (`new RelationshipFormStore(id)`; null to add one).

import * as ipc from "../../lib/ipc";
import type { BreachKind, Power, Relationship, Role, Setting } from "../../lib/ipc";
import { impliedPower, isWorkSetting } from "../../lib/labels";
import { RELATIONSHIP_WORDING, describeError, describeRefusal } from "../../lib/messages";
import { forgetRelationship, keepRelationship, lockedOut } from "./relationships";

/** The field a message is about. */
export type FormField = "name" | "role" | "kind" | "when" | "setting" | "power";

/** The form's field for each input the back end can name in a refusal. */
const FIELD_OF_INPUT: Readonly<Record<string, FormField>> = {
  name: "name",
  happenedOn: "when",
  setting: "setting",
  power: "power",
};

/** Said when the relationship asked for is not (or no longer) there. */
export const MISSING_TEXT = describeError(new ipc.MendError("notFound", ""), RELATIONSHIP_WORDING);

export class RelationshipFormStore {
  /** The relationship being changed; null for a new one. */
  readonly id: number | null;

  name = $state("");
  role = $state<Role | null>(null);
  what = $state("");
  when = $state("");
  kind = $state<BreachKind | "">("");
  /** Where the relationship lives; "" when not set (it is optional). */
  setting = $state<Setting | "">("");
  /** At work, who holds more power; null when not said. Only asked for a work setting. */
  power = $state<Power | null>(null);

  saving = $state(false);
  error = $state<string | null>(null);
  /** The field the error is about, marked as invalid until it is changed. */
  invalid = $state<FormField | null>(null);
  /** The delete confirmation is open. */
  asking = $state(false);

  #filled = false;

  constructor(id: number | null) {
    this.id = id;
  }

  /** Fills the fields from the relationship being changed, once. */
  fill(existing: Relationship): void {
    if (this.#filled) return;
    this.#filled = true;
    this.name = existing.name;
    this.role = existing.role;
    this.what = existing.whatHappened;
    this.when = existing.happenedOn ?? "";
    this.kind = existing.breachKind;
    this.setting = existing.setting ?? "";
    this.power = existing.power;
  }

  /** Whether "Who holds more power?" is asked: only for a work setting. */
  get asksPower(): boolean {
    return this.setting !== "" && isWorkSetting(this.setting);
  }

  /** The person chose a setting: power starts from what the setting usually means. */
  chooseSetting(setting: Setting | ""): void {
    this.setting = setting;
    this.power = setting === "" ? null : impliedPower(setting);
    this.touched("setting");
    this.touched("power");
  }

  /** The person changed this field: it is no longer marked. */
  touched(field: FormField): void {
    if (this.invalid === field) this.invalid = null;
  }

  #refuse(field: FormField, text: string): null {
    this.invalid = field;
    this.error = text;
    return null;
  }

  /** Saves the answers; the relationship as saved (and kept in the list), or null when not saved. */
  async save(): Promise<Relationship | null> {
    if (this.saving) return null;
    this.error = null;
    this.invalid = null;
    const role = this.role;
    const kind = this.kind;
    if (this.name.trim() === "") {
      return this.#refuse("name", "Please give them a name, or a nickname only you would recognise.");
    }
    if (role === null) return this.#refuse("role", "Please choose which side of this you are on.");
    if (kind === "") {
      return this.#refuse("kind", "Please choose what kind of trust was broken. A best guess is fine; you can change it later.");
    }
    this.saving = true;
    const input = {
      name: this.name.trim(),
      role,
      whatHappened: this.what,
      happenedOn: this.when.trim(),
      breachKind: kind,
      setting: this.setting === "" ? null : this.setting,
      power: this.asksPower ? this.power : null,
    };
    try {
      const saved = this.id === null ? await ipc.createRelationship(input) : await ipc.updateRelationship(this.id, input);
      keepRelationship(saved);
      return saved;
    } catch (reason) {
      if (lockedOut(reason)) return null;
      this.invalid = FIELD_OF_INPUT[ipc.fieldOf(reason) ?? ""] ?? null;
      this.error = describeRefusal(reason, RELATIONSHIP_WORDING);
      return null;
    } finally {
      this.saving = false;
    }
  }

  /** Deletes the relationship (run by the delete confirmation). */
  remove(id: number): Promise<void> {
    return ipc.deleteRelationship(id);
  }

  /** The confirmation deleted it: forget it and everything shown about it. */
  deleted(id: number): void {
    this.asking = false;
    forgetRelationship(id);
  }
}
