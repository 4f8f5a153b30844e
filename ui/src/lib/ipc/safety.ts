// The safety check of a relationship, and discretion (the neutral name, and text
// copied from Mend), over IPC. Same rules as index.ts: typed functions, camelCase
// keys, MendError on failure, nothing logged.


import type { DiscretionSettings } from "./bindings/DiscretionSettings";
import type { Guidance } from "./bindings/Guidance";
import type { RelationshipMode } from "./bindings/RelationshipMode";
import type { SafetyCheckInput } from "./bindings/SafetyCheckInput";
import type { SafetyView } from "./bindings/SafetyView";
import type { SignView } from "./bindings/SignView";
import { call } from "./call";

export type { DiscretionSettings, Guidance, RelationshipMode, SafetyCheckInput, SafetyView, SignView };


/** The check's questions, the answers given (if any) and the mode in force. */
export function safetyCheck(relationshipId: number): Promise<SafetyView> {
  return call("safety_check", { relationshipId });
}

/** Records which signs are present (none: an empty list); their suggestion takes effect. */
export function recordSafetyCheck(relationshipId: number, input: SafetyCheckInput): Promise<SafetyView> {
  return call("record_safety_check", { relationshipId, input });
}

/** The person's own choice of mode; null goes back to what the check suggests. */
export function chooseRelationshipMode(relationshipId: number, mode: RelationshipMode | null): Promise<SafetyView> {
  return call("choose_relationship_mode", { relationshipId, mode });
}

/** "Not now" to taking the check again: the offer waits for the next repeat breach. */
export function safetyNotNow(relationshipId: number): Promise<SafetyView> {
  return call("safety_not_now", { relationshipId });
}

export function getDiscretion(): Promise<DiscretionSettings> {
  return call("get_discretion");
}

export function setDiscretion(settings: DiscretionSettings): Promise<DiscretionSettings> {
  return call("set_discretion", { settings });
}

/** Text was copied from Mend: its SHA-256 digest (hex), so the lock can clear it. */
export function noteCopied(digest: string): Promise<void> {
  return call("note_copied", { digest });
}
