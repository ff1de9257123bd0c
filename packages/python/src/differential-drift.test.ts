import { readFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { nativeModules } from "./interpreter/modules/index.js";
import { CPYTHON_ENVIRONMENT, cpython } from "./test-support/cpython.js";
import {
  type CorpusScript,
  formatExpected,
  listCorpusScripts,
  readExpected,
  readPymemExpected,
  type ScriptOutcome,
  spawnScriptOutcome,
} from "./test-support/differential-corpus.js";

// The differential test compares pymem with the stored `.expected` files so that CI needs no
// python3. This file keeps those files honest: it re-runs CPython 3.13 on every script and requires
// the stored file to be exactly what CPython prints today (regenerate with
// `npx tsx packages/python/corpus/update-expected.ts`).

const scripts = listCorpusScripts();

/** Spawns CPython on one script without blocking, so two scripts can run at once on two cores. */
function runWithCPython(script: CorpusScript): Promise<ScriptOutcome> {
  return spawnScriptOutcome(
    "python3",
    [basename(script.path)],
    dirname(script.path),
    CPYTHON_ENVIRONMENT,
  );
}

describe("differential corpus: the corpus itself", () => {
  it("has at least 70 scripts in the eleven categories", () => {
    expect(scripts.length).toBeGreaterThanOrEqual(70);
    expect([...new Set(scripts.map((script) => script.category))]).toEqual([
      "callbacks-stats",
      "cycles",
      "errors",
      "finalization",
      "garbage-saveall",
      "generations",
      "math",
      "random",
      "refcounts",
      "resurrection",
      "weakref-callbacks",
    ]);
  });

  it.each(scripts.map((script) => [script.relativePath, script] as const))(
    "%s is small, says what it shows, and imports only native modules",
    (_title, script) => {
      const lines = readFileSync(script.path, "utf8").trimEnd().split("\n");
      expect(lines.length).toBeGreaterThanOrEqual(5);
      expect(lines.length).toBeLessThanOrEqual(40);
      expect(lines[0]).toMatch(/^# \S/);
      const imports = lines.filter((line) => /^\s*(import|from)\s/.test(line));
      const nativeImport = new RegExp(`^import (${Object.keys(nativeModules).join("|")})$`);
      expect(imports.filter((line) => !nativeImport.test(line))).toEqual([]);
    },
  );

  it.each(scripts.map((script) => [script.relativePath, script] as const))(
    "%s has a well-formed expected file",
    (_title, script) => {
      const expected = readExpected(script);
      expect(expected.pymemReason).toBeUndefined();
      expect(expected.exitStatus === 0).toBe(expected.errorLine === "");
      const pymem = readPymemExpected(script);
      if (pymem !== undefined) expect(pymem.exitStatus).toBe(expected.exitStatus);
    },
  );
});

describe.skipIf(!cpython.available)(
  `differential corpus: stored files still match CPython 3.13${cpython.available ? "" : ` (skipped: ${cpython.reason})`}`,
  () => {
    it.concurrent.each(scripts.map((script) => [script.relativePath, script] as const))(
      "%s",
      async (_title, script) => {
        const actual = formatExpected(await runWithCPython(script));
        expect(actual).toBe(formatExpected(readExpected(script)));
      },
    );
  },
);
