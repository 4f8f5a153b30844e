// The answers to a guided step, one per prompt, in prompt order.

/** As many answers as prompts (blank for the rest); answers beyond the prompts are kept. */
export function fitAnswers(answers: readonly string[], promptCount: number): string[] {
  const fitted = answers.slice();
  while (fitted.length < promptCount) fitted.push("");
  return fitted;
}

export function isAnswered(answer: string | undefined): boolean {
  return answer !== undefined && answer.trim() !== "";
}

export function anyAnswered(answers: readonly string[]): boolean {
  return answers.some((a) => isAnswered(a));
}

/**
 * Where to pick a step up again: the first prompt without an answer, or
 * `promptCount` (the review) when every prompt has one. A fresh step starts at 0.
 */
export function resumeAt(answers: readonly string[], promptCount: number): number {
  if (!anyAnswered(answers)) return 0;
  for (let i = 0; i < promptCount; i++) {
    if (!isAnswered(answers[i])) return i;
  }
  return promptCount;
}

/** The answers after the prompt at `index` is removed: later answers move up with their prompts. */
export function withoutAnswer(answers: readonly string[], index: number): string[] {
  return answers.filter((_, i) => i !== index);
}

/** "Question 2 of 5". */
export function progressLabel(index: number, promptCount: number): string {
  return `Question ${index + 1} of ${promptCount}`;
}
