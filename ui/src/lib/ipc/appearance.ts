// Theme, text size, motion and spelling, over IPC. Same rules as index.ts: typed
// functions, camelCase keys, MendError on failure, nothing logged. These answer
// whether or not the vault is unlocked: the unlock screen is drawn with them.

import type { Appearance } from "./bindings/Appearance";
import type { AppearanceView } from "./bindings/AppearanceView";
import type { Motion } from "./bindings/Motion";
import type { TextSize } from "./bindings/TextSize";
import type { Theme } from "./bindings/Theme";
import { call } from "./call";

export type { Appearance, AppearanceView, Motion, TextSize, Theme };

export function getAppearance(): Promise<AppearanceView> {
  return call("get_appearance");
}

/** Saves a new choice; refused (InvalidInput) for a language without a dictionary. */
export function setAppearance(appearance: Appearance): Promise<AppearanceView> {
  return call("set_appearance", { appearance });
}
