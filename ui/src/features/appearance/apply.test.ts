// @vitest-environment jsdom
// The page's theme, text size and motion follow what Rust answered: a chosen
// theme wins, "system" follows the portal and then prefers-color-scheme.
import { describe, expect, it } from "vitest";
import type { AppearanceView } from "../../lib/ipc/appearance";
import { applyTo, motionReduced, shadeOf } from "./apply";
import { languageName } from "./languages";

function view(over: Partial<AppearanceView["appearance"]> = {}, rest: Partial<AppearanceView> = {}): AppearanceView {
  return {
    appearance: {
      theme: "system",
      textSize: "standard",
      motion: "system",
      spellCheck: true,
      spellingLanguage: null,
      ...over,
    },
    textPercent: 100,
    dictionaries: ["en_US"],
    spelling: "en_US",
    systemLanguage: "en_US",
    systemTheme: null,
    ...rest,
  };
}

describe("shadeOf", () => {
  it("uses a chosen theme whatever the desktop says", () => {
    expect(shadeOf("dark", "light", false)).toBe("dark");
    expect(shadeOf("light", "dark", true)).toBe("light");
  });

  it("follows the portal for the system theme, then prefers-color-scheme", () => {
    expect(shadeOf("system", "dark", false)).toBe("dark");
    expect(shadeOf("system", "light", true)).toBe("light");
    expect(shadeOf("system", null, true)).toBe("dark");
    expect(shadeOf("system", null, false)).toBe("light");
  });
});

describe("applyTo", () => {
  it("sets the theme, the root font size and reduced motion, and clears motion again", () => {
    const root = document.createElement("html");
    expect(applyTo(root, view({ theme: "dark", motion: "reduced" }, { textPercent: 130 }), false)).toBe("dark");
    expect(root.dataset.theme).toBe("dark");
    expect(root.style.getPropertyValue("font-size")).toBe("130%");
    expect(root.style.getPropertyValue("color-scheme")).toBe("dark");
    expect(root.dataset.motion).toBe("reduced");

    expect(applyTo(root, view({}, { textPercent: 90 }), false)).toBe("light");
    expect(root.dataset.theme).toBe("light");
    expect(root.style.getPropertyValue("font-size")).toBe("90%");
    expect(root.dataset.motion).toBeUndefined();
  });

  it("reduces motion when chosen or when the desktop asks", () => {
    expect(motionReduced(view({ motion: "reduced" }), false)).toBe(true);
    expect(motionReduced(view(), true)).toBe(true);
    expect(motionReduced(view(), false)).toBe(false);
  });
});

describe("languageName", () => {
  it("names a dictionary's language, or shows its tag when Intl cannot", () => {
    expect(languageName("en_US", "en")).toMatch(/English/u);
    expect(languageName("xx_ZZ", "en")).not.toBe("");
  });
});
