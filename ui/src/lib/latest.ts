// Asking the back end something that depends on what is being typed (search,
// the apology review): debounced, and only the answer to the latest question
// is ever reported. Answers to older questions are dropped, whatever order
// they arrive in.

export interface LatestOptions<Q, R> {
  run: (question: Q) => Promise<R>;
  onAnswer: (answer: R, question: Q) => void;
  onError: (error: unknown, question: Q) => void;
  /** True while the latest question waits for its answer (debounce included). */
  onBusy?: (busy: boolean) => void;
  delayMs: number;
}

export class Latest<Q, R> {
  readonly #options: LatestOptions<Q, R>;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #asked = 0;
  #disposed = false;

  constructor(options: LatestOptions<Q, R>) {
    this.#options = options;
  }

  /** Ask after the debounce; replaces any question not yet answered. */
  ask(question: Q): void {
    if (this.#disposed) return;
    this.#clearTimer();
    this.#asked += 1;
    this.#options.onBusy?.(true);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#send(question, this.#asked);
    }, this.#options.delayMs);
  }

  /** Ask at once; replaces any question not yet answered. */
  askNow(question: Q): Promise<void> {
    if (this.#disposed) return Promise.resolve();
    this.#clearTimer();
    this.#asked += 1;
    this.#options.onBusy?.(true);
    return this.#send(question, this.#asked);
  }

  /** Forget the pending question; answers still on their way are dropped. */
  cancel(): void {
    this.#clearTimer();
    this.#asked += 1;
    if (!this.#disposed) this.#options.onBusy?.(false);
  }

  dispose(): void {
    this.cancel();
    this.#disposed = true;
  }

  #clearTimer(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
  }

  async #send(question: Q, number: number): Promise<void> {
    let answer: R;
    try {
      answer = await this.#options.run(question);
    } catch (error) {
      if (this.#disposed || number !== this.#asked) return;
      this.#options.onBusy?.(false);
      this.#options.onError(error, question);
      return;
    }
    if (this.#disposed || number !== this.#asked) return;
    this.#options.onBusy?.(false);
    this.#options.onAnswer(answer, question);
  }
}
