// Loading what a view shows from the back end. Only the answer to the latest
// question lands (see `Latest`), and nothing asked before the vault locked
// lands afterwards, even once it is unlocked again (`isCurrent`). A locked
// vault goes to the unlock screen instead of showing as an error.

import { Latest } from "./latest";
import { lockedOut } from "../features/relationships/relationships";
import { currentGeneration, isCurrent } from "./session.svelte";

export interface LoaderOptions<Q, R> {
  run: (question: Q) => Promise<R>;
  onAnswer: (answer: R, question: Q) => void;
  /** A failure worth showing: the latest question's, before any lock. */
  onError: (reason: unknown, question: Q) => void;
  /** True while the latest question waits for its answer. */
  onBusy?: (busy: boolean) => void;
}

interface Asked<Q> {
  question: Q;
  openedIn: number;
}

export class Loader<Q = void, R = unknown> {
  readonly #latest: Latest<Asked<Q>, R>;

  constructor(options: LoaderOptions<Q, R>) {
    this.#latest = new Latest<Asked<Q>, R>({
      run: ({ question }) => options.run(question),
      onAnswer: (answer, { question, openedIn }) => {
        if (isCurrent(openedIn)) options.onAnswer(answer, question);
      },
      onError: (reason, { question, openedIn }) => {
        if (!isCurrent(openedIn) || lockedOut(reason)) return;
        options.onError(reason, question);
      },
      onBusy: options.onBusy,
      delayMs: 0,
    });
  }

  /** Ask at once; any answer to an earlier question is dropped. */
  load(question: Q): Promise<void> {
    return this.#latest.askNow({ question, openedIn: currentGeneration() });
  }

  /** The view is gone: answers still on their way are dropped. */
  dispose(): void {
    this.#latest.dispose();
  }
}
