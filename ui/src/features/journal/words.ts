// How many words an entry holds, for the count under the editor. Words as the
// language's own rules find them (Intl.Segmenter, so Chinese or Japanese text
// counts words, not runs of characters); where Intl refuses (WebKitGTK under
// the "C" locale), runs of letters and digits, apostrophes kept inside.

const FALLBACK = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  try {
    let count = 0;
    for (const segment of new Intl.Segmenter(undefined, { granularity: "word" }).segment(text)) {
      if (segment.isWordLike) count += 1;
    }
    return count;
  } catch {
    return text.match(FALLBACK)?.length ?? 0;
  }
}

/** "1 word", "250 words". */
export function wordsLabel(count: number): string {
  return `${count.toLocaleString()} ${count === 1 ? "word" : "words"}`;
}
