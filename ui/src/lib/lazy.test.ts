import { describe, expect, it, vi } from "vitest";
import { lazy } from "./lazy";

describe("lazy", () => {
  it("loads once, however often it is asked for", async () => {
    const load = vi.fn(() => Promise.resolve({ name: "shell" }));
    const shell = lazy(load);
    expect(load).not.toHaveBeenCalled();
    expect(shell.loaded).toBeNull();
    shell.preload();
    const [a, b] = await Promise.all([shell.get(), shell.get()]);
    expect(a).toBe(b);
    expect(load).toHaveBeenCalledTimes(1);
    expect(shell.loaded).toEqual({ name: "shell" });
  });

  it("tries again after a failed load instead of keeping the failure", async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error("chunk missing"))
      .mockResolvedValueOnce("charts");
    const charts = lazy(load);
    charts.preload();
    await expect(charts.get()).rejects.toThrow("chunk missing");
    await expect(charts.get()).resolves.toBe("charts");
    expect(load).toHaveBeenCalledTimes(2);
  });
});
