import { describe, expect, it } from "vitest";
import { anyAnswered, fitAnswers, progressLabel, resumeAt, withoutAnswer } from "./answers";

describe("answers to a guided step", () => {
  it("has one answer per prompt, keeping any beyond them", () => {
    expect(fitAnswers(["a"], 3)).toEqual(["a", "", ""]);
    expect(fitAnswers(["a", "b", "c"], 2)).toEqual(["a", "b", "c"]);
  });

  it("starts a fresh step at the first question", () => {
    expect(resumeAt([], 4)).toBe(0);
    expect(resumeAt(["  ", ""], 4)).toBe(0);
  });

  it("picks a draft up at the first unanswered question", () => {
    expect(resumeAt(["one", "two"], 4)).toBe(2);
    expect(resumeAt(["one", " ", "three"], 4)).toBe(1);
  });

  it("goes to the review when every question has an answer", () => {
    expect(resumeAt(["a", "b"], 2)).toBe(2);
  });

  it("moves later answers up when a question is removed", () => {
    expect(withoutAnswer(["a", "b", "c"], 1)).toEqual(["a", "c"]);
  });

  it("knows whether anything was answered", () => {
    expect(anyAnswered(["", "  "])).toBe(false);
    expect(anyAnswered(["", "x"])).toBe(true);
  });

  it("says where the person is", () => {
    expect(progressLabel(1, 5)).toBe("Question 2 of 5");
  });
});
