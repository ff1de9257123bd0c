import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "./cli.js";
import { memoryIo } from "./cli-io.js";
import { examplesDirectory, TOUR_EXAMPLES } from "./tour-demo.js";

describe("pymem demo (the tour)", () => {
  it("runs every example with CPython 3.13's output, then the statistics and what to try next", async () => {
    const io = memoryIo();
    expect(await runCli(["demo"], io)).toBe(0);
    const output = io.output();
    let searchFrom = 0;
    for (const [file] of TOUR_EXAMPLES) {
      const expected = readFileSync(
        `${examplesDirectory()}cpython-3.13/${file.replace(/\.py$/, ".stdout")}`,
        "utf8",
      );
      const at = output.indexOf(expected, searchFrom);
      expect(at, `${file}'s output, in tour order`).toBeGreaterThan(searchFrom - 1);
      searchFrom = at + expected.length;
    }
    expect(output.slice(searchFrom)).toMatch(/Small block threshold = 512/);
    expect(output).toContain("pnpm --filter @pymem/playground serve");
    expect(io.errors()).toBe("");
  });

  it("rejects arguments with a usage error", async () => {
    const io = memoryIo();
    expect(await runCli(["demo", "--pool"], io)).toBe(2);
    expect(io.errors()).toContain("demo takes no arguments");
  });
});
