import { describe, expect, it } from "vitest";
import { runPoolDemo } from "./pool-demo.js";

describe("pool demo", () => {
  it.each(["cpython64", "cpython32"] as const)(
    "narrates a full workload and ends empty (%s)",
    (profile) => {
      const lines: string[] = [];
      const final = runPoolDemo({
        profile,
        blocks: 20_000,
        seed: 7,
        write: (line) => lines.push(line),
      });
      const text = lines.join("\n");
      expect(text).toContain("1. Allocate 20,000 small blocks");
      expect(text).toMatch(/after allocation\s+arenas\s+\d+/);
      expect(text).toContain("Small block threshold = 512, in ");
      expect(text).toContain("verify(): every arena, pool and free list is consistent.");
      expect(final.blocksInUse).toBe(0);
      expect(final.arenasAllocatedCurrent).toBe(1);
      expect(final.arenasReclaimed).toBeGreaterThan(0);
    },
  );

  it("is reproducible from its seed", () => {
    const run = () => {
      const lines: string[] = [];
      runPoolDemo({
        profile: "cpython64",
        blocks: 5_000,
        seed: 3,
        write: (line) => lines.push(line),
      });
      return lines.join("\n");
    };
    expect(run()).toBe(run());
  });
});
