// Every framework step the person can meet, gathered from the relationship
// guides (one per relationship), so that entries anywhere can show the title of the
// step they answer and search can filter by step. The framework texts live in
// the back end; nothing here repeats them.

import type { RelationshipGuide } from "../../lib/ipc";

export const TEMPLATE_FRAMEWORK = "template";

export interface CatalogStep {
  id: string;
  title: string;
}

export interface CatalogFramework {
  id: string;
  name: string;
  steps: CatalogStep[];
}

export interface Catalog {
  frameworks: CatalogFramework[];
  /** The person's own templates, by id (as the step id of framework "template"). */
  templates: CatalogStep[];
}

export function emptyCatalog(): Catalog {
  return { frameworks: [], templates: [] };
}

/** Merges guides for different roles: frameworks in first-seen order, steps without repeats. */
export function buildCatalog(guides: readonly RelationshipGuide[]): Catalog {
  const frameworks: CatalogFramework[] = [];
  const templates: CatalogStep[] = [];
  for (const guide of guides) {
    for (const framework of guide.frameworks) {
      let known = frameworks.find((f) => f.id === framework.id);
      if (known === undefined) {
        known = { id: framework.id, name: framework.name, steps: [] };
        frameworks.push(known);
      }
      for (const step of framework.steps) {
        if (!known.steps.some((s) => s.id === step.id)) known.steps.push({ id: step.id, title: step.title });
      }
    }
    for (const template of guide.templates) {
      if (!templates.some((t) => t.id === template.id)) templates.push({ id: template.id, title: template.title });
    }
  }
  return { frameworks, templates };
}

/** "misdiagnosis-check" -> "Misdiagnosis check": for a step no guide describes any more. */
export function humanizeId(id: string): string {
  const words = id.split(/[-_]+/u).filter((w) => w !== "");
  if (words.length === 0) return id;
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The title of the step an entry answers, or null for a free entry. */
export function stepTitle(catalog: Catalog, frameworkId: string | null, stepId: string | null): string | null {
  if (frameworkId === null || stepId === null) return null;
  if (frameworkId === TEMPLATE_FRAMEWORK) {
    return catalog.templates.find((t) => t.id === stepId)?.title ?? "Your own questions";
  }
  const framework = catalog.frameworks.find((f) => f.id === frameworkId);
  return framework?.steps.find((s) => s.id === stepId)?.title ?? humanizeId(stepId);
}

/** The value of a step in a <select>: "frameworkId/stepId". */
export function stepOption(frameworkId: string, stepId: string): string {
  return `${frameworkId}/${stepId}`;
}

export function parseStepOption(value: string): { frameworkId: string; stepId: string } | null {
  const slash = value.indexOf("/");
  if (slash <= 0 || slash === value.length - 1) return null;
  return { frameworkId: value.slice(0, slash), stepId: value.slice(slash + 1) };
}

/** The five-step repair conversation, whose steps the planner prepares. */
export const CONVERSATION_FRAMEWORK = "repair-conversation";
export const CONVERSATION_STEPS = ["their-perspective", "ask-to-share", "share-impact", "align", "commit"] as const;
/** The decider's check of other possible causes, given its own place before deciding. */
export const MISDIAGNOSIS_STEP = "misdiagnosis-check";
/** Where an apology written in the workshop is filed. */
export const APOLOGY_STEP = { frameworkId: "five-as", stepId: "apologise" } as const;
