// @vitest-environment jsdom
// The quiet offer of the safety check after a repeat breach: shown only when
// Rust offers it, opening the check, and "Not now" putting it away.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SafetyView } from "../../lib/ipc/safety";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { RELATIONSHIP, answer, asked, freshJournal } = await import("../guide/guideFixture");
const { SafetyModeStore } = await import("./store.svelte");
const { default: SafetyOfferCard } = await import("./SafetyOfferCard.svelte");

function view(offerAgainSince: string | null): SafetyView {
  return {
    intro: "A few questions.",
    noneLabel: "None of these",
    signs: [],
    checkedAt: "2026-11-01T09:00:00Z",
    suggested: "repair",
    mode: "repair",
    chosen: false,
    guidance: { heading: "Support", paragraphs: [] },
    offerAgainSince,
  };
}

async function shown(offer: string | null) {
  answer("safety_check", () => view(offer));
  const safety = new SafetyModeStore(RELATIONSHIP.id);
  await safety.load();
  const onrecheck = vi.fn();
  const ondismissed = vi.fn();
  render(SafetyOfferCard, { safety, onrecheck, ondismissed });
  return { onrecheck, ondismissed };
}

beforeEach(() => {
  freshJournal();
});

describe("SafetyOfferCard", () => {
  it("offers the check again after a repeat breach, gently", async () => {
    const { onrecheck } = await shown("2026-12-03");
    const card = screen.getByRole("region", { name: "A moment for you" });
    expect(card.textContent).toMatch(/It happened again on .*3.*safety check once more/s);
    await fireEvent.click(screen.getByRole("button", { name: "Go through the safety check" }));
    expect(onrecheck).toHaveBeenCalledOnce();
  });

  it("puts the offer away with \"Not now\"", async () => {
    answer("safety_not_now", () => view(null));
    const { ondismissed } = await shown("2026-12-03");
    await fireEvent.click(screen.getByRole("button", { name: "Not now" }));
    await vi.waitFor(() => expect(screen.queryByRole("region", { name: "A moment for you" })).toBeNull());
    expect(asked("safety_not_now")).toEqual([{ relationshipId: RELATIONSHIP.id }]);
    expect(ondismissed).toHaveBeenCalledOnce();
  });

  it("shows nothing when Rust makes no offer", async () => {
    await shown(null);
    expect(screen.queryByRole("region", { name: "A moment for you" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Not now" })).toBeNull();
  });
});
