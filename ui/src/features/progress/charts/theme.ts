// The chart theme read from the app's CSS variables, so the charts follow the
// light and dark palettes in app.css. A missing variable falls back to the
// light palette rather than leaving a chart uncoloured.

import type { ChartTheme } from "./types";

/** ECharts' own text size, at the standard text size. */
export const BASE_FONT_PX = 12;

const VARIABLES: Record<Exclude<keyof ChartTheme, "fontSize">, [string, string]> = {
  text: ["--text", "#2c2a27"],
  muted: ["--muted", "#615b53"],
  line: ["--line", "#e4ddd2"],
  surface: ["--surface", "#fffdf9"],
  accent: ["--accent", "#3b6b66"],
  breach: ["--chart-breach", "#a9472f"],
  kept: ["--chart-kept", "#3d7a6f"],
  partly: ["--chart-partly", "#d0a04a"],
  missed: ["--chart-missed", "#b5553f"],
  notLogged: ["--chart-not-logged", "#b9b0a3"],
  upcoming: ["--chart-upcoming", "#d6dee6"],
  able: ["--chart-able", "#3b6b66"],
  believable: ["--chart-believable", "#b8692f"],
  connected: ["--chart-connected", "#6b5aa6"],
  dependable: ["--chart-dependable", "#3f78b0"],
  font: ["--font", "system-ui, sans-serif"],
};

/**
 * Builds the theme from a reader of CSS custom properties (getComputedStyle's
 * getPropertyValue) and the text scale chosen in Settings (1 = standard).
 */
export function themeFrom(read: (name: string) => string, scale = 1): ChartTheme {
  const theme = { fontSize: Math.round(BASE_FONT_PX * scale) } as ChartTheme;
  type Named = Exclude<keyof ChartTheme, "fontSize">;
  for (const [key, [name, fallback]] of Object.entries(VARIABLES) as [Named, [string, string]][]) {
    // Long values (the font stack) may come back across several lines.
    const value = read(name).replace(/\s+/gu, " ").trim();
    theme[key] = value === "" ? fallback : value;
  }
  return theme;
}
