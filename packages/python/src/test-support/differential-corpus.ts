import { type SpawnSyncReturns, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CPYTHON_ENVIRONMENT } from "./cpython.js";

/**
 * The differential corpus on disk: `packages/python/corpus/<category>/<name>.py`, each with the
 * CPython 3.13 outcome stored beside it, so the differential test needs no python3 at test time.
 *
 * Expected-file format (`<name>.expected`): the script's stdout verbatim, then a trailer line
 * `# exit N` (the process exit status), then — only when N is not 0 — the last line CPython wrote
 * to stderr (`ZeroDivisionError: division by zero`):
 *
 * ```text
 * start
 * 2.0
 * # exit 1
 * ZeroDivisionError: division by zero
 * ```
 *
 * A `<name>.pymem.expected` file (same format after one leading `# pymem: <reason>` line) holds
 * pymem's documented value where our object layout makes a number differ from CPython's by design
 * (`sys.getsizeof`).
 *
 * @internal
 */

/** Absolute path of the corpus folder. @internal */
export const CORPUS_DIRECTORY = resolve(dirname(fileURLToPath(import.meta.url)), "../../corpus");

/** The trailer line that ends the stdout part of an expected file. */
const EXIT_LINE = /^# exit (\d+)$/;
/** The first line of a `.pymem.expected` file. */
const PYMEM_REASON_LINE = /^# pymem: (.+)$/;

/** One script of the corpus. @internal */
export interface CorpusScript {
  /** Folder under corpus/ (`cycles`). */
  readonly category: string;
  /** File name without `.py` (`self-loop`). */
  readonly name: string;
  /** `category/name.py`, used as the test title and as the filename shown in tracebacks. */
  readonly relativePath: string;
  /** Absolute path of the `.py` file. */
  readonly path: string;
  /** Absolute path of the `.expected` file (CPython's outcome). */
  readonly expectedPath: string;
  /** Absolute path of the `.pymem.expected` file (may not exist). */
  readonly pymemExpectedPath: string;
}

/** How one run of a script ended. @internal */
export interface ScriptOutcome {
  /** Everything written to stdout. */
  readonly stdout: string;
  /** Process exit status: 0, or 1 after an uncaught exception. */
  readonly exitStatus: number;
  /** The last non-empty stderr line when `exitStatus` is not 0 (the exception line), else "". */
  readonly errorLine: string;
}

/** An expected outcome read from disk, with the reason when it is pymem's own value. @internal */
export interface ExpectedOutcome extends ScriptOutcome {
  /** Why pymem's value differs from CPython's (`.pymem.expected` only), else undefined. */
  readonly pymemReason: string | undefined;
}

/** Every corpus script, sorted by category then name. @internal */
export function listCorpusScripts(): CorpusScript[] {
  const scripts: CorpusScript[] = [];
  const categories = readdirSync(CORPUS_DIRECTORY, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const category of categories) {
    const folder = join(CORPUS_DIRECTORY, category);
    const names = readdirSync(folder)
      .filter((file) => file.endsWith(".py"))
      .map((file) => file.slice(0, -".py".length))
      .sort();
    for (const name of names) {
      scripts.push({
        category,
        name,
        relativePath: `${category}/${name}.py`,
        path: join(folder, `${name}.py`),
        expectedPath: join(folder, `${name}.expected`),
        pymemExpectedPath: join(folder, `${name}.pymem.expected`),
      });
    }
  }
  return scripts;
}

/** The last non-empty line of `text` ("" when there is none). @internal */
export function lastNonEmptyLine(text: string): string {
  const lines = text.split("\n");
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = (lines[index] as string).trimEnd();
    if (line !== "") return line;
  }
  return "";
}

/** Serializes an outcome in the expected-file format. @internal */
export function formatExpected(outcome: ScriptOutcome): string {
  if (outcome.stdout !== "" && !outcome.stdout.endsWith("\n"))
    throw new Error("corpus scripts must end their output with a newline (print does)");
  const trailer = outcome.exitStatus === 0 ? "" : `${outcome.errorLine}\n`;
  return `${outcome.stdout}# exit ${outcome.exitStatus}\n${trailer}`;
}

/** Parses an expected file (either kind); throws naming the file when it is malformed. @internal */
export function parseExpected(text: string, path: string): ExpectedOutcome {
  let body = text;
  let pymemReason: string | undefined;
  const firstLineEnd = body.indexOf("\n");
  const reasonMatch = PYMEM_REASON_LINE.exec(body.slice(0, firstLineEnd));
  if (reasonMatch !== null) {
    pymemReason = reasonMatch[1] as string;
    body = body.slice(firstLineEnd + 1);
  }
  const lines = body.split("\n");
  // The trailer is the last `# exit N` line: stdout before it, the error line (if any) after it.
  for (let index = lines.length - 1; index >= 0; index--) {
    const exitMatch = EXIT_LINE.exec(lines[index] as string);
    if (exitMatch === null) continue;
    const stdoutLines = lines.slice(0, index);
    const stdout = stdoutLines.length === 0 ? "" : `${stdoutLines.join("\n")}\n`;
    const exitStatus = Number(exitMatch[1]);
    // Only the end is trimmed: an exception group's last line starts with its box's margin.
    const errorLine = lines
      .slice(index + 1)
      .join("\n")
      .trimEnd();
    return { stdout, exitStatus, errorLine, pymemReason };
  }
  throw new Error(`${path}: no "# exit N" line`);
}

/** Reads the stored CPython outcome of a script. @internal */
export function readExpected(script: CorpusScript): ExpectedOutcome {
  return parseExpected(readFileSync(script.expectedPath, "utf8"), script.expectedPath);
}

/** Reads the stored pymem-by-design outcome of a script, when it has one. @internal */
export function readPymemExpected(script: CorpusScript): ExpectedOutcome | undefined {
  if (!existsSync(script.pymemExpectedPath)) return undefined;
  const outcome = parseExpected(
    readFileSync(script.pymemExpectedPath, "utf8"),
    script.pymemExpectedPath,
  );
  if (outcome.pymemReason === undefined)
    throw new Error(`${script.pymemExpectedPath}: first line must be "# pymem: <reason>"`);
  return outcome;
}

/** The corpus folder whose scripts run in a fresh empty working directory. */
const FILES_CATEGORY = "files";

/**
 * How CPython is started on a corpus script: `python3 name.py` in its folder, or for a `files/`
 * script (which makes and reads files) `python3 /path/name.py` in a fresh empty temporary folder,
 * as pymem's runs start with a fresh empty in-memory file system. Call `release()` afterwards
 * (it removes the temporary folder).
 * @internal
 */
export function cpythonInvocation(script: CorpusScript): {
  readonly args: string[];
  readonly cwd: string;
  release(): void;
} {
  if (script.category !== FILES_CATEGORY)
    return { args: [basename(script.path)], cwd: dirname(script.path), release: () => {} };
  const sandbox = mkdtempSync(join(tmpdir(), "pymem-files-"));
  return {
    args: [script.path],
    cwd: sandbox,
    release: () => rmSync(sandbox, { recursive: true, force: true }),
  };
}

/**
 * Runs a corpus script under CPython 3.13 the way a user would ({@link cpythonInvocation}) and
 * returns its outcome.
 * @internal
 */
export function runScriptWithCPython(script: CorpusScript): ScriptOutcome {
  const invocation = cpythonInvocation(script);
  let result: SpawnSyncReturns<string>;
  try {
    result = spawnSync("python3", invocation.args, {
      cwd: invocation.cwd,
      env: CPYTHON_ENVIRONMENT,
      encoding: "utf8",
      timeout: 60_000,
    });
  } finally {
    invocation.release();
  }
  if (result.error !== undefined) throw result.error;
  const exitStatus = result.status ?? 1;
  return {
    stdout: result.stdout,
    exitStatus,
    errorLine: exitStatus === 0 ? "" : lastNonEmptyLine(result.stderr),
  };
}

/**
 * Spawns `command args` in `workingDirectory` without blocking (so two scripts can run at once on
 * two cores) and resolves with its outcome: captured stdout, exit status (1 when it had none), and
 * the last stderr line after a failure.
 *
 * @example
 * ```ts
 * const outcome = await spawnScriptOutcome("python3", ["a.py"], folder, CPYTHON_ENVIRONMENT);
 * ```
 * @internal
 */
export function spawnScriptOutcome(
  command: string,
  args: readonly string[],
  workingDirectory: string,
  environment: NodeJS.ProcessEnv,
): Promise<ScriptOutcome> {
  return new Promise((resolvePromise, rejectPromise) => {
    const child = spawn(command, args, { cwd: workingDirectory, env: environment });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", rejectPromise);
    child.on("close", (status) => {
      const exitStatus = status ?? 1;
      resolvePromise({
        stdout,
        exitStatus,
        errorLine: exitStatus === 0 ? "" : lastNonEmptyLine(stderr),
      });
    });
  });
}
