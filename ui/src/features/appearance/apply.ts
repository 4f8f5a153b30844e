// Applies the appearance Rust decided to the page: the theme as `data-theme`
// on the root element (the palettes in app.css), the text size as the root
// font size (everything is sized in rem, charts scale from it), and reduced
// motion as `data-motion`. Set through the CSSOM and attributes only, which
// the content security policy allows.
//
// "System" theme follows the desktop portal's colour scheme when Rust could
// read one, and otherwise the web view's `prefers-color-scheme`, live.

import type { AppearanceView, Theme } from "../../lib/ipc/appearance";

export type Shade = "light" | "dark";

/** What the page is drawn in, for a theme choice and what the desktop says. */
export function shadeOf(theme: Theme, systemTheme: Theme | null, prefersDark: boolean): Shade {
  if (theme === "light" || theme === "dark") return theme;
  if (systemTheme === "light" || systemTheme === "dark") return systemTheme;
  return prefersDark ? "dark" : "light";
}

/** Whether animations are off: chosen, or asked for by the desktop. */
export function motionReduced(view: AppearanceView, prefersReduced: boolean): boolean {
  return view.appearance.motion === "reduced" || prefersReduced;
}

/** Sets the page's attributes for `view`; returns the shade drawn. */
export function applyTo(root: HTMLElement, view: AppearanceView, prefersDark: boolean): Shade {
  const shade = shadeOf(view.appearance.theme, view.systemTheme, prefersDark);
  root.dataset.theme = shade;
  root.style.setProperty("color-scheme", shade);
  root.style.setProperty("font-size", `${view.textPercent}%`);
  if (view.appearance.motion === "reduced") root.dataset.motion = "reduced";
  else delete root.dataset.motion;
  return shade;
}
