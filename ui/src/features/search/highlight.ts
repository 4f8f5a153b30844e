// Splitting a text into plain runs and marked runs, for showing where the
// apology review found something. Offsets are UTF-16 code units (JavaScript
// string indices), as the back end sends them. The result is only ever shown
// as text nodes (Svelte escapes it): the person's words never become HTML.
//
// Invariants: the runs, joined, are exactly the text; marked runs never
// overlap (a span that overlaps an earlier one is left out, not merged);
// spans outside the text, empty or reversed are ignored; a span never splits
// a surrogate pair.

export interface Span {
  start: number;
  end: number;
}

export interface Run<T extends Span> {
  text: string;
  /** The span that marks this run, or null for plain text. */
  span: T | null;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Moves an offset that falls inside a surrogate pair to the start of that pair. */
function onBoundary(text: string, offset: number): number {
  if (offset > 0 && offset < text.length && isLowSurrogate(text.charCodeAt(offset))) return offset - 1;
  return offset;
}

export function runs<T extends Span>(text: string, spans: readonly T[]): Run<T>[] {
  const usable = spans
    .map((span) => ({
      span,
      start: onBoundary(text, Math.max(0, Math.min(text.length, Math.trunc(span.start)))),
      end: onBoundary(text, Math.max(0, Math.min(text.length, Math.trunc(span.end)))),
    }))
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end) && s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);

  const result: Run<T>[] = [];
  let at = 0;
  for (const s of usable) {
    if (s.start < at) continue; // overlaps a span already marked
    if (s.start > at) result.push({ text: text.slice(at, s.start), span: null });
    result.push({ text: text.slice(s.start, s.end), span: s.span });
    at = s.end;
  }
  if (at < text.length) result.push({ text: text.slice(at), span: null });
  return result;
}
