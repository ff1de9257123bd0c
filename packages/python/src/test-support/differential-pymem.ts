import { readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRuntime, type Runtime } from "@pymem/runtime";
import { Interpreter } from "../index.js";
import {
  type CorpusScript,
  lastNonEmptyLine,
  type ScriptOutcome,
  spawnScriptOutcome,
} from "./differential-corpus.js";

/**
 * Runs a corpus script exactly as `PYTHONHASHSEED=0 pymem run name.py` does (apps/cli's createSession with default
 * flags): a default runtime whose unraisable reports and gc debug output go to stderr, an
 * {@link Interpreter} with default options writing to captured stdout/stderr,
 * `run(source, "name.py")`, then `dispose()` (CPython's interpreter shutdown: module globals die
 * and their finalizers print). Exit status 1 after an uncaught exception, as CPython's.
 *
 * `heapProblems` lists what is wrong with the heap after `dispose()`: a failed `verify()`, or
 * objects still alive that were not alive before the interpreter was made (at most ten, then a
 * count). Empty when the run left the heap as it found it.
 *
 * `stepLimit` bounds the run (the Interpreter's option; its default when undefined), so a
 * program that loops forever under pymem fails its test instead of hanging it.
 * @internal
 */
export function runScriptWithPymem(
  script: Pick<CorpusScript, "path">,
  stepLimit?: number,
): ScriptOutcome & {
  readonly stderr: string;
  readonly heapProblems: string[];
} {
  const source = readFileSync(script.path, "utf8");
  let stdout = "";
  let stderr = "";
  // PYTHONHASHSEED=0 on both sides (CPYTHON_ENVIRONMENT), so hash() values agree.
  const runtime = createRuntime({
    hashSeed: 0,
    unraisableSink: (text) => {
      stderr += text;
    },
    debugSink: (text) => {
      stderr += text;
    },
  });
  const before = runtime.heap.snapshot();
  const interpreter = new Interpreter({
    runtime,
    ...(stepLimit === undefined ? {} : { stepLimit }),
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  let exitStatus: number;
  try {
    exitStatus = interpreter.run(source, basename(script.path)).exitStatus;
  } finally {
    interpreter.dispose();
  }
  return {
    stdout,
    stderr,
    heapProblems: checkHeap(runtime, before),
    exitStatus,
    errorLine: exitStatus === 0 ? "" : lastNonEmptyLine(stderr),
  };
}

/** What `verify()` and `leaksSince` report after a run, as readable lines (empty when clean). */
function checkHeap(runtime: Runtime, before: Uint32Array): string[] {
  try {
    runtime.verify();
  } catch (error) {
    return [`verify() failed: ${error instanceof Error ? error.message : String(error)}`];
  }
  const leaks = runtime.heap.leaksSince(before);
  const shown = leaks
    .slice(0, 10)
    .map((leak) => `leaked ${leak.typeName} (refcount ${leak.refcount})`);
  if (leaks.length > shown.length) shown.push(`… and ${leaks.length - shown.length} more`);
  return shown;
}

/**
 * Describes where two outcomes part, for a failure message a reader can act on: the first
 * differing stdout line (1-based) with both versions, else the exit status, else the error line.
 * Returns undefined when they are equal.
 * @internal
 */
export function describeFirstDifference(
  expected: ScriptOutcome,
  actual: ScriptOutcome,
): string | undefined {
  if (expected.stdout !== actual.stdout) {
    const expectedLines = expected.stdout.split("\n");
    const actualLines = actual.stdout.split("\n");
    for (let index = 0; ; index++) {
      const expectedLine = expectedLines[index];
      const actualLine = actualLines[index];
      if (expectedLine !== actualLine)
        return `stdout line ${index + 1}: expected ${JSON.stringify(expectedLine ?? "<end of output>")}, got ${JSON.stringify(actualLine ?? "<end of output>")}`;
    }
  }
  if (expected.exitStatus !== actual.exitStatus)
    return `exit status: expected ${expected.exitStatus}, got ${actual.exitStatus}`;
  if (expected.errorLine !== actual.errorLine)
    return `last stderr line: expected ${JSON.stringify(expected.errorLine)}, got ${JSON.stringify(actual.errorLine)}`;
  return undefined;
}

/** Repository root, for spawning the CLI. */
const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

/**
 * Runs a corpus script through the real command line, `PYTHONHASHSEED=0 pymem run name.py` in the script's folder
 * (apps/cli/src/main.ts under tsx, with every `@pymem/*` import resolved to source by
 * differential-cli.tsconfig.json, so no build is needed). Slower than
 * {@link runScriptWithPymem} (a Node process each), so the test uses it for a few scripts only.
 * @internal
 */
export function runScriptWithCli(script: CorpusScript): Promise<ScriptOutcome> {
  return spawnScriptOutcome(
    process.execPath,
    [
      "--import",
      "tsx",
      join(REPOSITORY_ROOT, "apps/cli/src/main.ts"),
      "run",
      basename(script.path),
    ],
    dirname(script.path),
    {
      ...process.env,
      PYTHONHASHSEED: "0",
      TSX_TSCONFIG_PATH: fileURLToPath(
        new URL("./differential-cli.tsconfig.json", import.meta.url),
      ),
    },
  );
}
