// Patterns for the states a day or a week can be in, drawn over their colour
// so that kept and missed never differ by colour alone (for colour-blind eyes,
// a grey-scale print, or a dim screen): kept is plain, partly kept striped,
// missed with diamonds, not logged dotted, and what is still ahead plain and
// pale. The marks are drawn in the page's own background colour, so they show
// in both themes.

import type { ChartTheme } from "./types";

export type PatternState = "kept" | "partly" | "missed" | "notLogged" | "upcoming";

/** An ECharts decal: a small repeated mark drawn over an area's colour. */
export interface Decal {
  symbol: string;
  symbolSize?: number;
  color?: string;
  dashArrayX?: number | number[] | number[][];
  dashArrayY?: number | number[];
  rotation?: number;
}

/** Each state's pattern, in words: for legends, captions and the chart's description. */
export const PATTERN_WORDS: Record<PatternState, string> = {
  kept: "plain",
  partly: "striped",
  missed: "with diamonds",
  notLogged: "dotted",
  upcoming: "plain and pale",
};

const NONE: Decal = { symbol: "none" };

/** The decal drawn for `state`, in the theme's background colour. */
export function decalFor(state: PatternState, theme: ChartTheme): Decal {
  const ink = theme.surface;
  switch (state) {
    case "kept":
    case "upcoming":
      return NONE;
    case "partly":
      return { symbol: "rect", symbolSize: 1, color: ink, dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: -Math.PI / 4 };
    case "missed":
      return { symbol: "diamond", symbolSize: 0.9, color: ink, dashArrayX: [[6, 2]], dashArrayY: [6, 2] };
    case "notLogged":
      return { symbol: "circle", symbolSize: 0.5, color: ink, dashArrayX: [[3, 3]], dashArrayY: [3, 3] };
  }
}

/** One sentence naming each pattern, for a chart's description. */
export function patternKey(states: readonly { state: PatternState; label: string }[]): string {
  const parts = states.map((s) => `${s.label.toLowerCase()} ${PATTERN_WORDS[s.state]}`);
  return `Patterns as well as colours: ${parts.join(", ")}.`;
}

/** Marker shapes for lines and points told apart by more than colour, in order. */
export const SHAPES: readonly string[] = ["circle", "rect", "triangle", "diamond", "roundRect", "pin"];

/** The `index`th shape, repeating after the last. */
export function shapeAt(index: number): string {
  return SHAPES[index % SHAPES.length] ?? "circle";
}
