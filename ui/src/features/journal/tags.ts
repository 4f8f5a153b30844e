// Tags and moods as the person types them: "work, #sleep , Work" -> ["work", "sleep"].
// The back end normalises again; this keeps what the UI shows and sends the same.

/** Collapses runs of white space and trims. */
export function cleanLabel(text: string): string {
  return text.split(/\s+/u).filter((part) => part !== "").join(" ");
}

/** Comma-separated tags: trimmed, without a leading "#", empty ones dropped, no repeats (ignoring case). */
export function parseTags(text: string): string[] {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const part of text.split(",")) {
    const tag = cleanLabel(part.trim().replace(/^#+/u, ""));
    if (tag === "") continue;
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(", ");
}

/** A mood field: null when empty. */
export function parseMood(text: string): string | null {
  const mood = cleanLabel(text);
  return mood === "" ? null : mood;
}

/** Feelings offered as suggestions; anything else may be typed. */
export const MOOD_SUGGESTIONS = [
  "calm",
  "hopeful",
  "hurt",
  "angry",
  "anxious",
  "sad",
  "numb",
  "relieved",
  "ashamed",
  "grateful",
  "confused",
  "tired",
] as const;
