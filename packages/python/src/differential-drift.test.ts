import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { nativeModules } from "./interpreter/modules/index.js";
import { CPYTHON_ENVIRONMENT, cpython } from "./test-support/cpython.js";
import {
  type CorpusScript,
  cpythonInvocation,
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
async function runWithCPython(script: CorpusScript): Promise<ScriptOutcome> {
  const invocation = cpythonInvocation(script);
  try {
    return await spawnScriptOutcome(
      "python3",
      invocation.args,
      invocation.cwd,
      CPYTHON_ENVIRONMENT,
    );
  } finally {
    invocation.release();
  }
}

describe("differential corpus: the corpus itself", () => {
  it("has at least 70 scripts, the nine memory-management categories among them", () => {
    expect(scripts.length).toBeGreaterThanOrEqual(70);
    const categories = new Set(scripts.map((script) => script.category));
    for (const category of [
      "callbacks-stats",
      "cycles",
      "errors",
      "finalization",
      "garbage-saveall",
      "generations",
      "refcounts",
      "resurrection",
      "weakref-callbacks",
    ])
      expect(categories).toContain(category);
  });

  it("has a README.md in every category folder saying what its scripts check", () => {
    const folders = new Set(scripts.map((script) => dirname(script.path)));
    const missing = [...folders].filter((folder) => !existsSync(join(folder, "README.md")));
    expect(missing).toEqual([]);
  });

  it.each(scripts.map((script) => [script.relativePath, script] as const))(
    "%s is small, says what it shows, and imports only modules pymem provides",
    (_title, script) => {
      const lines = readFileSync(script.path, "utf8").trimEnd().split("\n");
      expect(lines.length).toBeGreaterThanOrEqual(3);
      expect(lines.length).toBeLessThanOrEqual(80);
      expect(lines[0]).toMatch(/^# \S/);
      const imported = lines.flatMap((line) => {
        const plain = /^\s*import\s+(.+)$/.exec(line);
        if (plain !== null)
          return plain[1]!.split(",").map((part) => part.trim().split(/\s+/)[0]!.split(".")[0]!);
        const from = /^\s*from\s+(\S+)\s+import\s/.exec(line);
        // A relative import names the script's own package.
        return from === null || from[1]!.startsWith(".") ? [] : [from[1]!.split(".")[0]!];
      });
      // Modules the script writes to files and imports (`"helper.py"`, `"pkg/__init__.py"`).
      const written = lines.flatMap((line) =>
        [...line.matchAll(/["'](\w+)(?:\/[\w/]*)?\.py["']/g)].map((match) => match[1]!),
      );
      // Besides the native modules: `builtins`, what the script itself puts in sys.modules, and
      // the modules it writes.
      const registered = lines.flatMap((line) => {
        const entry = /sys\.modules\[["'](\w+)["']\]\s*=/.exec(line);
        return entry === null ? [] : [entry[1]!];
      });
      const provided = new Set([
        ...Object.keys(nativeModules),
        "__future__",
        "builtins",
        ...registered,
        ...written,
      ]);
      expect(imported.filter((name) => !provided.has(name))).toEqual([]);
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
