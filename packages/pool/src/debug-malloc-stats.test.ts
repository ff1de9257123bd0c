import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { printOne } from "./debug-malloc-stats.js";
import { PoolAllocator } from "./pool-allocator.js";

/** CPython 3.13's `sys._debugmallocstats()` (written to fd 2), or undefined when not installed. */
function cpythonDebugMallocStats(): string | undefined {
  const result = spawnSync("python3", ["-c", "import sys; sys._debugmallocstats()"], {
    env: { ...process.env, PYENV_VERSION: "3.13.0" },
    encoding: "utf8",
  });
  if (result.status !== 0 || !result.stderr.startsWith("Small block threshold")) return undefined;
  return result.stderr;
}
const cpython = cpythonDebugMallocStats();

/** A line's shape: digits and thousands separators become `9`, so widths and labels remain. */
function shape(line: string): string {
  return line.replace(/[0-9](?:[0-9,]*[0-9])?/g, (m) => "9".repeat(m.length));
}

/** The pymalloc part: up to the first blank line after the arena-map section heading. */
function pymallocPart(text: string): string[] {
  const lines = text.split("\n");
  const mapHeading = lines.indexOf("arena map counts");
  return lines.slice(0, mapHeading);
}

function sampleAllocator(): PoolAllocator {
  const pool = new PoolAllocator();
  const blocks: number[] = [];
  for (let i = 0; i < 40_000; i++) blocks.push(pool.malloc(1 + ((i * 7919) % 512)));
  for (let i = 0; i < blocks.length; i += 3) pool.free(blocks[i]!);
  pool.malloc(100_000);
  return pool;
}

describe("debugMallocStats", () => {
  it("printOne pads to column 35 and right-aligns a comma-grouped value in 21 characters", () => {
    expect(printOne("# bytes in allocated blocks", 3_494_992)).toBe(
      "# bytes in allocated blocks        =            3,494,992\n",
    );
    expect(printOne("Total", 0)).toBe(`Total${" ".repeat(30)}=${" ".repeat(20)}0\n`);
    expect(printOne("4 arenas * 1048576 bytes/arena", 4_194_304)).toBe(
      "4 arenas * 1048576 bytes/arena     =            4,194,304\n",
    );
    expect(printOne("x", 999)).toMatch(/= {18}999\n$/);
    expect(printOne("x", 1000)).toMatch(/= {16}1,000\n$/);
  });

  it("prints the header, the class table and the accounting in CPython's layout", () => {
    const text = sampleAllocator().debugMallocStats();
    const lines = text.split("\n");
    expect(lines[0]).toBe("Small block threshold = 512, in 32 size classes.");
    expect(lines[1]).toBe("");
    expect(lines[2]).toBe("class   size   num pools   blocks in use  avail blocks");
    expect(lines[3]).toBe("-----   ----   ---------   -------------  ------------");
    let i = 4;
    for (; lines[i] !== ""; i++) {
      // "%5u %6u %11zu %15zu %13zu"
      expect(lines[i]).toMatch(/^[ \d]{4}\d [ \d]{5}\d [ \d]{10}\d [ \d]{14}\d [ \d]{12}\d$/);
    }
    expect(i).toBeGreaterThan(10);
    const printed = lines.filter((line) => line.length === 57 && line[35] === "=");
    expect(printed.length).toBe(13);
    expect(text).toContain("\narena map counts\n# bytes lost to arena map root     =");
  });

  it("its parts sum to Total, which is arenas * ARENA_SIZE", () => {
    for (const profile of ["cpython64", "cpython32"] as const) {
      const pool = new PoolAllocator({ profile });
      for (let i = 0; i < 20_000; i++) pool.malloc(1 + (i % 512));
      const lines = pool.debugMallocStats().split("\n");
      const value = (label: RegExp) => {
        const line = lines.find((l) => label.test(l));
        expect(line, String(label)).toBeDefined();
        return Number(line!.slice(36).replaceAll(",", "").trim());
      };
      const parts = [
        /^# bytes in allocated blocks/,
        /^# bytes in available blocks/,
        /^\d+ unused pools \*/,
        /^# bytes lost to pool headers/,
        /^# bytes lost to quantization/,
        /^# bytes lost to arena alignment/,
      ].map(value);
      const total = value(/^Total/);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(total).toBe(value(/^\d+ arenas \* \d+ bytes\/arena/));
      const s = pool.stats();
      expect(total).toBe(s.arenasAllocatedCurrent * s.arenaSize);
    }
  });

  it.skipIf(cpython === undefined)(
    "matches the shape of CPython 3.13's output line by line (needs PYENV_VERSION=3.13.0 python3)",
    () => {
      const ours = pymallocPart(sampleAllocator().debugMallocStats());
      const theirs = pymallocPart(cpython!);
      // Fixed lines are identical; table rows and printone lines have identical shapes.
      expect(ours.slice(0, 4)).toEqual(theirs.slice(0, 4));
      const tableEnd = (lines: string[]) => lines.indexOf("", 4);
      const ourRows = ours.slice(4, tableEnd(ours)).map(shape);
      const theirRows = theirs.slice(4, tableEnd(theirs)).map(shape);
      const rowShape = /^ {0,4}9+ +9+ +9+ +9+ +9+$/;
      for (const row of [...ourRows, ...theirRows]) expect(row).toMatch(rowShape);
      for (const row of [...ourRows, ...theirRows]) expect(row.length).toBe(54);
      // Every printone line: 57 characters with "=" in column 35; the labels must agree.
      const labels = (lines: string[]) =>
        lines.slice(tableEnd(lines)).map((line) => {
          if (line === "") return line;
          expect(line).toHaveLength(57);
          expect(line[35]).toBe("=");
          return `${line.slice(0, 35).trimEnd().replace(/\d+/g, "N")} =`;
        });
      expect(labels(ours)).toEqual(labels(theirs));
    },
  );
});
