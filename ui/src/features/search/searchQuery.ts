// What the search view asks the back end, from what is typed and chosen.

import { parseStepOption } from "../guide/catalog";
import { startOfDay, startOfNextDay } from "../../lib/days";
import type { SearchQuery } from "../../lib/ipc";
import { cleanLabel } from "../journal/tags";

export const SEARCH_LIMIT = 50;

export interface SearchCriteria {
  text: string;
  /** Select values: "" means any. */
  relationship: string;
  step: string;
  tag: string;
  mood: string;
  /** "YYYY-MM-DD" from date fields, or "". */
  from: string;
  to: string;
}

/**
 * The query to send, or null when there is nothing to look for yet (no
 * words and no filter). Dates cover whole local days: from the start of the
 * "from" day to the start of the day after the "to" day.
 */
export function buildQuery(criteria: SearchCriteria, limit = SEARCH_LIMIT): SearchQuery | null {
  const text = criteria.text.trim();
  const relationshipId = /^\d+$/u.test(criteria.relationship) ? Number(criteria.relationship) : null;
  const step = parseStepOption(criteria.step);
  const tag = cleanLabel(criteria.tag.replace(/^#+/u, ""));
  const mood = cleanLabel(criteria.mood);
  const from = startOfDay(criteria.from);
  const to = startOfNextDay(criteria.to);
  const filtered =
    relationshipId !== null || step !== null || tag !== "" || mood !== "" || from !== null || to !== null;
  if (text === "" && !filtered) return null;
  return {
    text,
    relationshipId,
    frameworkId: step?.frameworkId ?? null,
    stepId: step?.stepId ?? null,
    tag: tag === "" ? null : tag,
    mood: mood === "" ? null : mood,
    from,
    to,
    limit,
  };
}

/** True when the chosen "to" day comes before the "from" day. */
export function rangeIsBackwards(criteria: Pick<SearchCriteria, "from" | "to">): boolean {
  const from = startOfDay(criteria.from);
  const to = startOfDay(criteria.to);
  return from !== null && to !== null && to < from;
}
