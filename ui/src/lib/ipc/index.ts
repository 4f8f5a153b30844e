// The only module that talks to the Rust back end.
//
// One typed async function per command. Argument keys are camelCase; Tauri
// maps them to the Rust snake_case parameters. Every rejection is rethrown as
// a MendError, so no other module needs to know what `invoke` rejects with.
// Nothing here logs: arguments and results may contain journal text.

import { listen, type UnlistenFn } from "@tauri-apps/api/event";

import type { ApologyReview } from "./bindings/ApologyReview";
import type { BreachKind } from "./bindings/BreachKind";
import type { Check } from "./bindings/Check";
import type { CheckId } from "./bindings/CheckId";
import type { CheckStatus } from "./bindings/CheckStatus";
import type { Commitment } from "./bindings/Commitment";
import type { CommitmentOwner } from "./bindings/CommitmentOwner";
import type { Conversation } from "./bindings/Conversation";
import type { ConversationOutcome } from "./bindings/ConversationOutcome";
import type { ConversationPlan } from "./bindings/ConversationPlan";
import type { CredentialsChanged } from "./bindings/CredentialsChanged";
import type { Cursor } from "./bindings/Cursor";
import type { Draft } from "./bindings/Draft";
import type { EntryMeta } from "./bindings/EntryMeta";
import type { EntryView } from "./bindings/EntryView";
import type { EventInput } from "./bindings/EventInput";
import type { EventKind } from "./bindings/EventKind";
import type { Finding } from "./bindings/Finding";
import type { FindingKind } from "./bindings/FindingKind";
import type { FrameworkView } from "./bindings/FrameworkView";
import type { PassphraseStrength } from "./bindings/PassphraseStrength";
import type { Power } from "./bindings/Power";
import type { PromptView } from "./bindings/PromptView";
import type { Relationship } from "./bindings/Relationship";
import type { RelationshipEvent } from "./bindings/RelationshipEvent";
import type { RelationshipGuide } from "./bindings/RelationshipGuide";
import type { RelationshipInput } from "./bindings/RelationshipInput";
import type { ReminderKind } from "./bindings/ReminderKind";
import type { ReminderOpened } from "./bindings/ReminderOpened";
import type { Role } from "./bindings/Role";
import type { SearchHit } from "./bindings/SearchHit";
import type { SearchQuery } from "./bindings/SearchQuery";
import type { SearchResults } from "./bindings/SearchResults";
import type { Setting } from "./bindings/Setting";
import type { Settings } from "./bindings/Settings";
import type { StepRef } from "./bindings/StepRef";
import type { StepStatus } from "./bindings/StepStatus";
import type { StepView } from "./bindings/StepView";
import type { TagCount } from "./bindings/TagCount";
import type { Template } from "./bindings/Template";
import type { TimelineFilter } from "./bindings/TimelineFilter";
import type { TimelinePage } from "./bindings/TimelinePage";
import type { UserPromptInput } from "./bindings/UserPromptInput";
import type { VaultLocked } from "./bindings/VaultLocked";
import type { VaultStatus } from "./bindings/VaultStatus";
import { call } from "./call";

export { MendError, errorCodeOf, fieldOf, type ErrorCode } from "./error";
export { StaleAnswer, forgetAnswersInFlight, lockMark, lockedSince } from "./call";
export type { LockReason } from "./bindings/LockReason";
export type {
  ApologyReview,
  BreachKind,
  Check,
  CheckId,
  CheckStatus,
  Commitment,
  CommitmentOwner,
  Conversation,
  ConversationOutcome,
  ConversationPlan,
  CredentialsChanged,
  Cursor,
  Draft,
  EntryMeta,
  EntryView,
  EventInput,
  EventKind,
  Finding,
  FindingKind,
  FrameworkView,
  PassphraseStrength,
  Power,
  PromptView,
  Relationship,
  RelationshipEvent,
  RelationshipGuide,
  RelationshipInput,
  ReminderKind,
  ReminderOpened,
  Role,
  SearchHit,
  SearchQuery,
  SearchResults,
  Setting,
  Settings,
  StepRef,
  StepStatus,
  StepView,
  TagCount,
  Template,
  TimelineFilter,
  TimelinePage,
  UserPromptInput,
  VaultLocked,
  VaultStatus,
};


// Vault

export function vaultStatus(): Promise<VaultStatus> {
  return call("vault_status");
}

export function assessPassphrase(passphrase: string): Promise<PassphraseStrength> {
  return call("assess_passphrase", { passphrase });
}

export function createVault(passphrase: string): Promise<void> {
  return call("create_vault", { passphrase });
}

export function unlock(passphrase: string): Promise<void> {
  return call("unlock", { passphrase });
}

export function unlockWithRecoveryKey(recoveryKey: string): Promise<void> {
  return call("unlock_with_recovery_key", { recoveryKey });
}

export function lock(): Promise<void> {
  return call("lock");
}

/** Activity heartbeat: postpones the idle auto-lock. */
export function touch(): Promise<void> {
  return call("touch");
}

// Every change of credential moves the journal to a new data key (so an old
// copy of the key file with the old secret opens nothing written since) and
// replaces the automatic backups. Slow enough to show progress: about a second
// per 10,000 entries.

/** "wrongPassphrase" when `current` is not the vault's passphrase; nothing changes. */
export function changePassphrase(current: string, next: string): Promise<CredentialsChanged> {
  return call("change_passphrase", { current, next });
}

/**
 * Sets a new passphrase without the current one. Only allowed after unlocking
 * with the recovery key in this session ("recoveryRequired" otherwise); the
 * recovery key keeps working afterwards.
 */
export function resetPassphrase(next: string): Promise<CredentialsChanged> {
  return call("reset_passphrase", { next });
}

/**
 * Replaces any previous recovery key, after checking the current passphrase.
 * The key (in `recoveryKey`) is returned once and never again.
 */
export function createRecoveryKey(current: string): Promise<CredentialsChanged> {
  return call("create_recovery_key", { current });
}

/** After checking the current passphrase. */
export function removeRecoveryKey(current: string): Promise<CredentialsChanged> {
  return call("remove_recovery_key", { current });
}

// Journal

/**
 * Newest first. Pass the previous page's `next` to get older entries; a filter
 * with a relationship id lists only that relationship's entries.
 */
export function listEntries(
  filter: TimelineFilter | null,
  before: Cursor | null,
  limit: number,
): Promise<TimelinePage> {
  return call("list_entries", { filter, before, limit });
}

export function getEntry(id: number): Promise<EntryView> {
  return call("get_entry", { id });
}

export function createEntry(body: string, meta: EntryMeta | null = null): Promise<EntryView> {
  return call("create_entry", { body, meta });
}

/** Changes the relationship, mood and tags; the framework step is kept. */
export function setEntryMeta(id: number, meta: EntryMeta): Promise<EntryView> {
  return call("set_entry_meta", { id, meta });
}

export function listTags(): Promise<TagCount[]> {
  return call("list_tags");
}

/** Snippets are safe HTML with the matches in <mark>, for {@html}. */
export function search(query: SearchQuery): Promise<SearchResults> {
  return call("search", { query });
}

export function updateEntry(id: number, body: string): Promise<EntryView> {
  return call("update_entry", { id, body });
}

export function deleteEntry(id: number): Promise<void> {
  return call("delete_entry", { id });
}

/** Sanitised HTML, safe for {@html}. */
export function renderMarkdown(body: string): Promise<string> {
  return call("render_markdown", { body });
}

// Relationships

export function listRelationships(): Promise<Relationship[]> {
  return call("list_relationships");
}

export function createRelationship(input: RelationshipInput): Promise<Relationship> {
  return call("create_relationship", { input });
}

export function updateRelationship(id: number, input: RelationshipInput): Promise<Relationship> {
  return call("update_relationship", { id, input });
}

/** Its entries stay as free entries; its events, drafts, plans and commitments go. */
export function deleteRelationship(id: number): Promise<void> {
  return call("delete_relationship", { id });
}

export function listEvents(relationshipId: number): Promise<RelationshipEvent[]> {
  return call("list_events", { relationshipId });
}

export function addEvent(relationshipId: number, input: EventInput): Promise<RelationshipEvent> {
  return call("add_event", { relationshipId, input });
}

export function deleteEvent(id: number): Promise<void> {
  return call("delete_event", { id });
}

// Guided steps

export function relationshipGuide(relationshipId: number): Promise<RelationshipGuide> {
  return call("relationship_guide", { relationshipId });
}

export function getDraft(step: StepRef): Promise<Draft | null> {
  return call("get_draft", { step });
}

export function saveDraft(step: StepRef, answers: string[]): Promise<Draft> {
  return call("save_draft", { step, answers });
}

export function discardDraft(step: StepRef): Promise<void> {
  return call("discard_draft", { step });
}

/** One journal entry from the answered prompts; clears the draft. */
export function completeStep(
  step: StepRef,
  answers: string[],
  mood: string | null,
  tags: string[] | null,
): Promise<EntryView> {
  return call("complete_step", { step, answers, mood, tags });
}

/** The person's own prompt for a step; resolves to its id. */
export function addPrompt(input: UserPromptInput): Promise<number> {
  return call("add_prompt", { input });
}

export function deletePrompt(id: number): Promise<void> {
  return call("delete_prompt", { id });
}

export function listTemplates(): Promise<Template[]> {
  return call("list_templates");
}

export function createTemplate(name: string, prompts: string[]): Promise<Template> {
  return call("create_template", { name, prompts });
}

export function deleteTemplate(id: number): Promise<void> {
  return call("delete_template", { id });
}

// The apology workshop

/** Reads a draft apology against the checks; offsets are UTF-16, as JS strings. */
export function reviewApology(draft: string): Promise<ApologyReview> {
  return call("review_apology", { draft });
}

// Repair conversations

export function listConversations(relationshipId: number): Promise<Conversation[]> {
  return call("list_conversations", { relationshipId });
}

export function createConversation(relationshipId: number, plan: ConversationPlan): Promise<Conversation> {
  return call("create_conversation", { relationshipId, plan });
}

export function saveConversationPlan(id: number, plan: ConversationPlan): Promise<Conversation> {
  return call("save_conversation_plan", { id, plan });
}

/** Both commitments are required; the first outcome also adds a milestone event. */
export function recordConversationOutcome(id: number, outcome: ConversationOutcome): Promise<Conversation> {
  return call("record_conversation_outcome", { id, outcome });
}

export function deleteConversation(id: number): Promise<void> {
  return call("delete_conversation", { id });
}

// Settings

export function getSettings(): Promise<Settings> {
  return call("get_settings");
}

export function setAutoLockMinutes(minutes: number): Promise<Settings> {
  return call("set_auto_lock_minutes", { minutes });
}

// Events

/** Called whenever the vault locks, by the person or after the idle timeout. */
export function onVaultLocked(handler: (event: VaultLocked) => void): Promise<UnlistenFn> {
  return listen<VaultLocked>("vault-locked", (event) => handler(event.payload));
}

/**
 * Called when the person clicks one of Mend's notifications (the window is
 * already shown and focused): where the reminder points.
 */
export function onReminderOpened(handler: (event: ReminderOpened) => void): Promise<UnlistenFn> {
  return listen<ReminderOpened>("reminder-opened", (event) => handler(event.payload));
}
