// The printed review's store (invoke mocked): the dashboard follows the
// range, only the latest range's answer lands, decisions are listed oldest
// first, and a failed print is a sentence.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Dashboard, DashboardRange } from "../../../lib/ipc/progress";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { ReportStore } = await import("./store.svelte");

function dashboard(range: DashboardRange): Dashboard {
  return {
    earliest: range.from,
    decisions: [
      { id: 2, decidedOn: "2026-02-01", choice: "hold", reasons: "" },
      { id: 1, decidedOn: "2026-01-01", choice: "pause", reasons: "" },
    ],
  } as unknown as Dashboard;
}

let store: InstanceType<typeof ReportStore>;

beforeEach(() => {
  vi.mocked(invoke).mockReset();
  vi.mocked(invoke).mockImplementation(async (command, args) => {
    if (command === "relationship_dashboard") return dashboard((args as { range: DashboardRange }).range);
    if (command === "checklists") return [];
    if (command === "print_review") throw { code: "internal", message: "no printer" };
    throw { code: "internal", message: command };
  });
  store = new ReportStore(4);
});

describe("ReportStore", () => {
  it("asks nothing until the range is known, then loads it once", async () => {
    await store.loadDashboard();
    expect(invoke).not.toHaveBeenCalled();
    await store.changeRange({ from: "2026-01-01", to: "2026-03-01" });
    await store.changeRange({ from: "2026-01-01", to: "2026-03-01" });
    expect(vi.mocked(invoke).mock.calls).toEqual([
      ["relationship_dashboard", { relationshipId: 4, range: { from: "2026-01-01", to: "2026-03-01" } }],
    ]);
    expect(store.decisions.map((d) => d.id)).toEqual([1, 2]);
  });

  it("lets only the latest range's answer land", async () => {
    let first!: (value: Dashboard) => void;
    vi.mocked(invoke).mockImplementationOnce(() => new Promise((resolve) => (first = resolve)));
    const older = store.changeRange({ from: "2025-01-01", to: "2025-02-01" });
    await store.changeRange({ from: "2026-01-01", to: "2026-03-01" });
    first(dashboard({ from: "2025-01-01", to: "2025-02-01" }));
    await older;
    expect(store.dashboard?.earliest).toBe("2026-01-01");
  });

  it("loads the checklists, and says why printing failed", async () => {
    await store.loadLists();
    expect(store.lists).toEqual([]);
    await store.print();
    expect(store.printError).toBe("Something went wrong inside Mend. Please try again in a moment.");
  });
});
