// A reading of an apology draft as the back end would send it, for the
// apology tests: every check, with "but" noticed as shifting blame. Only
// tests import this file.

import type { ApologyReview, CheckId } from "../../lib/ipc";

const CHECKS: CheckId[] = [
  "namesHarm",
  "acceptsResponsibility",
  "noBlameShifting",
  "noMinimising",
  "acknowledgesPain",
  "offersRepair",
  "asksForgiveness",
];

/** The reading of `draft`: blame shifting at its first "but", if it has one; the rest missing. */
export function reviewOf(draft: string): ApologyReview {
  const start = draft.indexOf("but");
  const shifts = start >= 0;
  return {
    checks: CHECKS.map((id) => ({
      id,
      label: id === "noBlameShifting" ? "Doesn't shift the blame" : `Check ${id}`,
      status: id === "noBlameShifting" ? (shifts ? "problem" : "met") : "missing",
      advice: id === "noBlameShifting" ? "Leave out what they did." : `Advice for ${id}.`,
    })),
    findings: shifts
      ? [
          {
            check: "noBlameShifting",
            kind: "problem",
            start,
            end: start + 3,
            quote: "but",
            message: "A \"but\" can take back what came before it.",
          },
        ]
      : [],
  };
}
