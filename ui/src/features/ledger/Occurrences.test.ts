// @vitest-environment jsdom
// A commitment's due days as a person sees them: each status in words (a miss
// as plainly as the rest), the recent days first, all of them on request, and
// a line of its own when nothing fell due.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import Occurrences from "./Occurrences.svelte";
import { TODAY, atToday, commitment, due } from "./fixtures";
import { formatCalendarDay } from "../../lib/format";
import type { OccurrenceView } from "../../lib/ipc/ledger";

const walk = commitment(1, { promise: "A walk on Sundays" });

function show(occurrences: OccurrenceView[], openDay: string | null = null) {
  const onopen = vi.fn();
  render(Occurrences, { commitment: walk, occurrences, today: TODAY, openDay, expanded: false, onopen });
  return onopen;
}

function chip(day: string): HTMLElement {
  return screen.getByRole("button", { name: new RegExp(`^${formatCalendarDay(day)}`, "u") });
}

beforeEach(atToday);
afterEach(() => vi.useRealTimers());

describe("Occurrences", () => {
  it("names each day's status in words", () => {
    show([due("2026-03-07", "missed"), due("2026-03-08", "kept"), due("2026-03-09"), due(TODAY), due("2026-03-12")]);
    expect(screen.getByRole("list", { name: "Due days for “A walk on Sundays”" })).toBeTruthy();
    expect(chip("2026-03-07").textContent).toContain("Missed");
    expect(chip("2026-03-08").textContent).toContain("Kept");
    expect(chip("2026-03-09").textContent).toContain("Not logged");
    expect(chip(TODAY).textContent).toContain("Due today");
    expect(chip("2026-03-12").textContent).toContain("Coming up");
  });

  it("opens a day from its chip, and marks the open one", async () => {
    const onopen = show([due("2026-03-08", "kept"), due(TODAY)], TODAY);
    expect(chip(TODAY).getAttribute("aria-expanded")).toBe("true");
    expect(chip("2026-03-08").getAttribute("aria-expanded")).toBe("false");
    await fireEvent.click(chip("2026-03-08"));
    expect(onopen).toHaveBeenCalledWith(expect.objectContaining({ dueOn: "2026-03-08", status: "kept" }), chip("2026-03-08"));
  });

  it("shows the recent days, and all of them on request", async () => {
    const days = Array.from({ length: 12 }, (_, i) => due(`2026-02-${String(i + 10).padStart(2, "0")}`, "kept"));
    show(days);
    expect(screen.getAllByRole("listitem")).toHaveLength(10);
    await fireEvent.click(screen.getByRole("button", { name: "Show all 12 due days" }));
    expect(screen.getAllByRole("listitem")).toHaveLength(12);
    await fireEvent.click(screen.getByRole("button", { name: "Show only recent days" }));
    expect(screen.getAllByRole("listitem")).toHaveLength(10);
  });

  it("says when a commitment with no due days in the window falls due", () => {
    show([]);
    expect(screen.queryByRole("list")).toBeNull();
    expect(screen.getByText("Nothing fell due in the last 90 days.")).toBeTruthy();
  });
});
