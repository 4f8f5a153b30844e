import { describe, expect, it, vi } from "vitest";
import { Heartbeat } from "./heartbeat";

describe("Heartbeat", () => {
  it("sends at most once per interval", () => {
    let now = 1_000;
    const send = vi.fn();
    const beat = new Heartbeat(send, 20_000, () => now);

    beat.activity();
    expect(send).toHaveBeenCalledTimes(1);
    now += 5_000;
    beat.activity();
    now += 14_999;
    beat.activity();
    expect(send).toHaveBeenCalledTimes(1);
    now += 1;
    beat.activity();
    expect(send).toHaveBeenCalledTimes(2);
  });

  it("sends at once after a reset", () => {
    let now = 0;
    const send = vi.fn();
    const beat = new Heartbeat(send, 20_000, () => now);
    beat.activity();
    now += 1_000;
    beat.reset();
    beat.activity();
    expect(send).toHaveBeenCalledTimes(2);
  });
});
