import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lines, runPython } from "./run-python.js";
import { sha512 } from "./sha512.js";

interface SectionDigest {
  readonly lines: number;
  readonly head: readonly string[];
  /** The whole section's SHA-256 (sections that must match exactly). */
  readonly sha256?: string;
  /** Base64 of two SHA-256 bytes per line (sections computed through libm functions). */
  readonly lineDigests?: string;
}

/**
 * Lines allowed to differ per 10,000 in sections computed through `log`, `exp`, `sin`, `cos`,
 * `pow`: pymem's are correctly rounded, glibc's (which CPython calls) are off by one ulp for
 * roughly one argument in a few thousand. Observed: at most 34 in 10,000.
 */
const LIBM_LINE_TOLERANCE = 50;

const fixture = JSON.parse(
  readFileSync(new URL("./fixtures/random-cpython313.json", import.meta.url), "utf8"),
) as { sections: Record<string, SectionDigest> };

/** Splits the draws script's output into its "## name" sections. */
function sections(stdout: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of stdout.split("\n")) {
    if (line.startsWith("## ")) {
      current = [];
      result.set(line.slice(3), current);
    } else if (line !== "") current.push(line);
  }
  return result;
}

describe("random: seeded draws equal CPython 3.13's (10,000 per function)", () => {
  const script = readFileSync(new URL("./fixtures/random-draws.py", import.meta.url), "utf8");
  const run = runPython(script);
  const produced = sections(run.stdout);
  run.interpreter.dispose();

  it("runs the draws script to the end", () => {
    expect(run.stderr).toBe("");
    expect([...produced.keys()]).toEqual(Object.keys(fixture.sections));
  });

  for (const [name, digest] of Object.entries(fixture.sections)) {
    it(name, () => {
      const output = produced.get(name) ?? [];
      expect(output.slice(0, 3)).toEqual(digest.head);
      expect(output.length).toBe(digest.lines);
      if (digest.sha256 !== undefined) {
        expect(createHash("sha256").update(output.join("\n")).digest("hex")).toBe(digest.sha256);
        return;
      }
      const expected = Buffer.from(digest.lineDigests!, "base64");
      let differing = 0;
      for (const [index, line] of output.entries()) {
        const actual = createHash("sha256").update(line).digest();
        if (actual[0] !== expected[2 * index] || actual[1] !== expected[2 * index + 1]) differing++;
      }
      expect(differing).toBeLessThanOrEqual(LIBM_LINE_TOLERANCE);
    });
  }
});

describe("random's SHA-512 (version-2 string seeds)", () => {
  it("matches the FIPS 180-4 test vectors", () => {
    const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");
    expect(hex(sha512(new TextEncoder().encode("abc")))).toBe(
      "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
    );
    // Two blocks: the padding does not fit in the first.
    const long = new TextEncoder().encode(
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
    );
    expect(hex(sha512(long))).toBe(
      "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909",
    );
  });
});

describe("random: errors and state", () => {
  it("reports a bad setstate without touching the generator", () => {
    const run = runPython(
      lines(
        "import random",
        "r = random.Random(1)",
        "try:",
        "    r.setstate((3, (1, 2), None))",
        "except ValueError as e:",
        "    print(e)",
        "print(r.random() == random.Random(1).random())",
      ),
    );
    expect(run.stdout).toBe("state vector is the wrong size\nTrue\n");
    run.interpreter.dispose();
  });
});
