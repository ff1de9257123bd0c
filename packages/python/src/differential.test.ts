import { describe, expect, it } from "vitest";
import {
  type CorpusScript,
  type ExpectedOutcome,
  listCorpusScripts,
  readExpected,
  readPymemExpected,
  type ScriptOutcome,
} from "./test-support/differential-corpus.js";
import {
  describeFirstDifference,
  runScriptWithCli,
  runScriptWithPymem,
} from "./test-support/differential-pymem.js";

// One test per corpus script (packages/python/corpus/<category>/<name>.py): pymem must print what
// CPython 3.13 printed (stored in <name>.expected, kept honest by differential-drift.test.ts), end
// with the same exit status and, after an uncaught exception, the same last stderr line. Where a
// number differs by design (sys.getsizeof of our 32-bit layout) the script has a
// <name>.pymem.expected with the reason, and the test's title says it compares with that instead.

const scripts = listCorpusScripts();

/** The expected outcome and the test title for a script (the title names a by-design difference). */
function expectation(script: CorpusScript): { expected: ExpectedOutcome; title: string } {
  const pymemExpected = readPymemExpected(script);
  if (pymemExpected === undefined)
    return { expected: readExpected(script), title: script.relativePath };
  return {
    expected: pymemExpected,
    title: `${script.relativePath} (against pymem's documented value, not CPython's: ${pymemExpected.pymemReason})`,
  };
}

function expectSameOutcome(
  actual: ScriptOutcome & { readonly stderr?: string },
  expected: ExpectedOutcome,
): void {
  const difference = describeFirstDifference(expected, actual);
  const stderr =
    actual.stderr === undefined || actual.stderr === ""
      ? ""
      : `\n--- pymem stderr ---\n${actual.stderr}`;
  expect(
    { stdout: actual.stdout, exitStatus: actual.exitStatus, errorLine: actual.errorLine },
    `${difference}${stderr}`,
  ).toEqual({
    stdout: expected.stdout,
    exitStatus: expected.exitStatus,
    errorLine: expected.errorLine,
  });
}

describe("differential: pymem run prints what CPython 3.13 printed", () => {
  for (const script of scripts) {
    const { expected, title } = expectation(script);
    // Generous timeout: the machine running CI may be loaded, and a few scripts build 30000 objects.
    it(title, { timeout: 30_000 }, () => {
      const actual = runScriptWithPymem(script);
      expectSameOutcome(actual, expected);
      // Then, as for any input: the heap verifies and dispose() left nothing behind.
      expect(actual.heapProblems, "heap after dispose()").toEqual([]);
    });
  }
});

// The same comparison through the real executable for a few scripts, one per kind of ending:
// shutdown finalizers, gc output, an uncaught exception (exit status 1), a by-design value.
const CLI_SCRIPTS = [
  "finalization/module-end.py",
  "cycles/cycle-with-del.py",
  "errors/uncaught-zero-division.py",
  "refcounts/getsizeof-atoms.py",
];

describe("differential: through the real `pymem run` command line", () => {
  it("covers scripts that exist", () => {
    const known = new Set(scripts.map((script) => script.relativePath));
    expect(CLI_SCRIPTS.filter((path) => !known.has(path))).toEqual([]);
  });
  for (const script of scripts.filter((candidate) =>
    CLI_SCRIPTS.includes(candidate.relativePath),
  )) {
    const { expected, title } = expectation(script);
    it.concurrent(title, { timeout: 60_000 }, async () => {
      expectSameOutcome(await runScriptWithCli(script), expected);
    });
  }
});
