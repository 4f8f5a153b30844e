// Loading what a view shows from the back end. Only the answer to the latest
// question lands (see `Latest`); nothing asked before the vault locked lands
// afterwards (the IPC layer drops it as a StaleAnswer, which `lockedOut`
// swallows). A locked vault goes to the unlock screen instead of showing as
// an error.

import { Latest } from "./latest";
import { lockedOut } from "./lockout";

export interface LoaderOptions<Q, R> {
  run: (question: Q) => Promise<R>;
  onAnswer: (answer: R, question: Q) => void;
  /** A failure worth showing: the latest question's, before any lock. */
  onError: (reason: unknown, question: Q) => void;
  /** True while the latest question waits for its answer. */
  onBusy?: (busy: boolean) => void;
}

export class Loader<Q = void, R = unknown> {
  readonly #latest: Latest<Q, R>;

  constructor(options: LoaderOptions<Q, R>) {
    this.#latest = new Latest<Q, R>({
      run: options.run,
      onAnswer: options.onAnswer,
      onError: (reason, question) => {
        if (lockedOut(reason)) return;
        options.onError(reason, question);
      },
      onBusy: options.onBusy,
      delayMs: 0,
    });
  }

  /** Ask at once; any answer to an earlier question is dropped. */
  load(question: Q): Promise<void> {
    return this.#latest.askNow(question);
  }

  /** The view is gone: answers still on their way are dropped. */
  dispose(): void {
    this.#latest.dispose();
  }
}
