// The window's appearance: loaded before the first screen is drawn, applied to
// the page (apply.ts), changed from Settings. Not journal content: it survives
// a lock, as the file it comes from (appearance.json) is read while locked.
//
// Invariants:
// - the page shows what Rust last answered: a choice is applied only once it
//   is saved, and a refused one leaves the page and the form as they were;
// - a failure to load never keeps the unlock screen from showing: the page is
//   drawn in the desktop's own theme and size instead.

import * as ipc from "../../lib/ipc/appearance";
import type { Appearance, AppearanceView } from "../../lib/ipc/appearance";
import { describeRefusal } from "../../lib/messages";
import { applyTo, motionReduced, type Shade } from "./apply";

const LOAD_FAILED = "Mend couldn't read how it should look, so it follows the desktop for now.";

/** How long the first screen waits for the appearance before drawing without it. */
export const LOAD_WAIT_MS = 1500;

function media(query: string): MediaQueryList | null {
  return typeof window !== "undefined" && typeof window.matchMedia === "function"
    ? window.matchMedia(query)
    : null;
}

export class AppearanceStore {
  view = $state.raw<AppearanceView | null>(null);
  /** The palette the page is drawn in. */
  shade = $state<Shade>("light");
  /** Animations are off (chosen, or asked for by the desktop). */
  reducedMotion = $state(false);
  error = $state<string | null>(null);
  status = $state("");

  #dark = media("(prefers-color-scheme: dark)");
  #motion = media("(prefers-reduced-motion: reduce)");
  #root: HTMLElement | null = typeof document === "undefined" ? null : document.documentElement;

  constructor() {
    this.#dark?.addEventListener("change", () => this.#apply());
    this.#motion?.addEventListener("change", () => this.#apply());
  }

  /** The root font size as a fraction of the desktop's (1 = standard). */
  get scale(): number {
    return (this.view?.textPercent ?? 100) / 100;
  }

  #apply(): void {
    const desktopReduces = this.#motion?.matches ?? false;
    this.reducedMotion = this.view === null ? desktopReduces : motionReduced(this.view, desktopReduces);
    if (this.view === null || this.#root === null) {
      this.shade = this.#dark?.matches ? "dark" : "light";
      if (this.#root !== null) this.#root.dataset.theme = this.shade;
      return;
    }
    this.shade = applyTo(this.#root, this.view, this.#dark?.matches ?? false);
  }

  /**
   * Loads and applies. Resolves when the answer is applied, or after
   * `LOAD_WAIT_MS` with the desktop's theme (a late answer is applied when it
   * comes).
   */
  async load(): Promise<void> {
    this.#apply();
    const answer = ipc.getAppearance().then(
      (view) => {
        this.error = null;
        this.#take(view);
      },
      () => {
        this.error = LOAD_FAILED;
      },
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, LOAD_WAIT_MS);
    });
    await Promise.race([answer, late]);
    clearTimeout(timer);
  }

  #take(view: AppearanceView): void {
    this.view = view;
    this.#apply();
  }

  /** Changes saved one after another, so a quick second click is never lost. */
  #queue: Promise<unknown> = Promise.resolve();

  /** Saves one change; applied when Rust has accepted it. False when refused. */
  change(patch: Partial<Appearance>): Promise<boolean> {
    const run = this.#queue.then(() => this.#save(patch));
    this.#queue = run;
    return run;
  }

  async #save(patch: Partial<Appearance>): Promise<boolean> {
    if (this.view === null) return false;
    this.error = null;
    this.status = "";
    try {
      this.#take(await ipc.setAppearance({ ...this.view.appearance, ...patch }));
      this.status = "Saved.";
      return true;
    } catch (reason) {
      this.error = describeRefusal(reason);
      return false;
    }
  }
}

export const appearance = new AppearanceStore();
