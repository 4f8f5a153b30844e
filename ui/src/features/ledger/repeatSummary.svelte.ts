// What the repeat picker shows under itself: the rule in words and, for dates
// not every month has, a hint; both from the back end (describe_repeat), asked
// again whenever the picker or the start day changes. Only the latest answer
// lands (Loader); while the picker breaks one of the back end's limits there
// is no summary (the limit is shown when the form is saved).

import * as ledger from "../../lib/ipc/ledger";
import type { Repeat, RepeatSummary } from "../../lib/ipc/ledger";
import { Loader } from "../../lib/loader";
import { repeatLine } from "./recurrence";

interface Question {
  repeat: Repeat;
  startsOn: string;
}

export class RepeatSummaryStore {
  /** The rule in words; null while the picker is incomplete. */
  summary = $state<string | null>(null);
  hint = $state<string | null>(null);

  readonly #loader = new Loader<Question, RepeatSummary>({
    run: ({ repeat, startsOn }) => ledger.describeRepeat(repeat, startsOn),
    onAnswer: (answer, { repeat, startsOn }) => {
      this.summary = repeatLine(answer.description, repeat, startsOn);
      this.hint = answer.hint;
    },
    onError: () => {
      this.summary = null;
      this.hint = null;
    },
  });

  describe(repeat: Repeat, startsOn: string): Promise<void> {
    return this.#loader.load({ repeat, startsOn });
  }

  dispose(): void {
    this.#loader.dispose();
  }
}
