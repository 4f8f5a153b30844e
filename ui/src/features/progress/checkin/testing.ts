// A stand-in back end for the check-in's tests: a rating form of two
// elements with one question each, and the check-ins saved so far, answering
// the four check-in commands the way the Rust side does (one check-in per
// day, scores the mean of the answered items). Tests only: nothing in the
// app imports it.

import type { InvokeArgs } from "@tauri-apps/api/core";
import type { CheckIn, CheckInInput, RatingForm } from "../../../lib/ipc/progress";

export const RATING_FORM: RatingForm = {
  scale: ["Not at all", "A little", "Somewhat", "Mostly", "Completely"],
  note: "These ratings are a reflection, not a diagnosis.",
  elements: [
    { id: "able", name: "Able", summary: "", items: [{ id: "able-skills", text: "They have what it takes." }] },
    {
      id: "dependable",
      name: "Dependable",
      summary: "",
      items: [{ id: "dependable-follow", text: "They follow through." }],
    },
  ],
};

export class CheckInBackEnd {
  saved: CheckIn[] = [];
  calls: { command: string; args: InvokeArgs | undefined }[] = [];
  refuse: { command: string; error: { code: string; message: string } } | null = null;

  answer = async (command: string, args?: InvokeArgs): Promise<unknown> => {
    this.calls.push({ command, args });
    if (this.refuse?.command === command) throw this.refuse.error;
    const a = (args ?? {}) as Record<string, unknown>;
    switch (command) {
      case "rating_form":
        return RATING_FORM;
      case "list_check_ins":
        return [...this.saved].sort((x, y) => (x.on < y.on ? -1 : 1));
      case "save_check_in": {
        const input = a.input as CheckInInput;
        const score = (id: string): number | null => input.answers[id] ?? null;
        const checkIn: CheckIn = {
          on: input.on,
          answers: input.answers,
          scores: { able: score("able-skills"), believable: null, connected: null, dependable: score("dependable-follow") },
          trustLevel: input.trustLevel,
          note: input.note,
        };
        this.saved = [...this.saved.filter((c) => c.on !== input.on), checkIn];
        return checkIn;
      }
      case "delete_check_in":
        this.saved = this.saved.filter((c) => c.on !== a.on);
        return null;
      default:
        throw { code: "internal", message: `no stand-in for ${command}` };
    }
  };

  count(command: string): number {
    return this.calls.filter((c) => c.command === command).length;
  }
}
