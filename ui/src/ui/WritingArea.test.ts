// @vitest-environment jsdom
import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";

const { default: WritingArea } = await import("./WritingArea.svelte");

describe("WritingArea", () => {
  it("is a text area with what the page gives it: id, value, label, hint and handlers", async () => {
    const oninput = vi.fn();
    document.body.innerHTML = '<label for="draft">Your apology</label><p id="draft-hint">Kept until Mend locks.</p>';
    render(WritingArea, {
      id: "draft",
      place: "on-page",
      value: "I'm sorry",
      placeholder: "Start here",
      "aria-describedby": "draft-hint",
      oninput,
    });
    const area = screen.getByLabelText("Your apology") as HTMLTextAreaElement;
    expect(area.tagName).toBe("TEXTAREA");
    expect(area.value).toBe("I'm sorry");
    expect(area.placeholder).toBe("Start here");
    expect(area.getAttribute("aria-describedby")).toBe("draft-hint");
    expect(area.classList.contains("on-page")).toBe(true);
    await fireEvent.input(area, { target: { value: "I'm sorry I forgot." } });
    expect(oninput).toHaveBeenCalledTimes(1);
  });
});
