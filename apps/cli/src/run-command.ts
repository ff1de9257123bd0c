import { parseArgs } from "node:util";
import { Interpreter, SourceEncodingError, scriptFilename } from "@pymem/python";
import {
  COLLECTOR_NAMES,
  type CollectorName,
  createRuntime,
  parseHashSeed,
  type RuntimeOptions,
} from "@pymem/runtime";
import type { CliIo } from "./cli-io.js";
import { formatExitStatistics } from "./exit-statistics.js";
import { StatementTracer } from "./statement-tracer.js";

/**
 * `pymem run` and `pymem repl` option parsing, and `pymem run script.py` itself.
 *
 * @module
 */

/**
 * What `pymem run` / `pymem repl` were asked to do.
 *
 * @example
 * ```ts
 * const options: SessionOptions = { collector: "generational", debug: false, stats: true,
 *   trace: false, stepLimit: undefined, maximumBytes: undefined, hashSeed: undefined,
 *   warnOptions: [] };
 * ```
 */
export interface SessionOptions {
  /** `--collector NAME`. @defaultValue "generational" */
  collector: CollectorName;
  /** `--debug`: the runtime's debug allocator and use-after-free checks. @defaultValue false */
  debug: boolean;
  /** `--stats`: allocator and GC statistics on stderr at exit. @defaultValue false */
  stats: boolean;
  /** `--trace`: one line per statement on stderr with its allocations, frees and collections. @defaultValue false */
  trace: boolean;
  /** `--step-limit N`. @defaultValue undefined (no limit: a script runs as long as under python3) */
  stepLimit: number | undefined;
  /** `--max-bytes N`: cap on the linear memory. @defaultValue undefined (the runtime's default) */
  maximumBytes: number | undefined;
  /**
   * The `PYTHONHASHSEED` environment variable: the str hash secret's seed (0 = CPython's
   * deterministic hashes).
   * @defaultValue undefined (a random secret, as CPython)
   */
  hashSeed: number | undefined;
  /**
   * `sys.warnoptions`: the `PYTHONWARNINGS` entries, then each `-W` option, in CPython's order.
   * @defaultValue []
   */
  warnOptions: string[];
}

/** Thrown for a command line that cannot be run; the message is printed with the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * Parses the options shared by `run` and `repl` (and `PYTHONHASHSEED` from `environment`);
 * returns them with the remaining positionals. Throws {@link UsageError} for unknown options or
 * bad values.
 *
 * @example
 * ```ts
 * parseSessionArguments(["--stats", "x.py"], {}); // { options: { stats: true, … }, positionals: ["x.py"] }
 * ```
 */
export function parseSessionArguments(
  argv: readonly string[],
  environment: Readonly<Record<string, string | undefined>>,
): {
  options: SessionOptions;
  positionals: string[];
} {
  let parsed: ReturnType<typeof parseSessionArgs>;
  try {
    parsed = parseSessionArgs(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const collector = values.collector ?? "generational";
  if (!(COLLECTOR_NAMES as readonly string[]).includes(collector))
    throw new UsageError(
      `unknown collector '${collector}' (choose one of: ${COLLECTOR_NAMES.join(", ")})`,
    );
  return {
    options: {
      collector: collector as CollectorName,
      debug: values.debug ?? false,
      stats: values.stats ?? false,
      trace: values.trace ?? false,
      stepLimit: positiveInteger("--step-limit", values["step-limit"]),
      maximumBytes: positiveInteger("--max-bytes", values["max-bytes"]),
      hashSeed: hashSeedFrom(environment),
      warnOptions: [...warningsFrom(environment), ...(values.W ?? [])],
    },
    positionals,
  };
}

function parseSessionArgs(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      collector: { type: "string" },
      debug: { type: "boolean" },
      stats: { type: "boolean" },
      trace: { type: "boolean" },
      "step-limit": { type: "string" },
      "max-bytes": { type: "string" },
      W: { type: "string", short: "W", multiple: true },
    },
  });
}

function hashSeedFrom(environment: Readonly<Record<string, string | undefined>>) {
  try {
    return parseHashSeed(environment.PYTHONHASHSEED);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** CPython: the `PYTHONWARNINGS` entries, split at commas, empty ones dropped. */
function warningsFrom(environment: Readonly<Record<string, string | undefined>>): string[] {
  return (environment.PYTHONWARNINGS ?? "").split(",").filter((entry) => entry !== "");
}

function positiveInteger(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1)
    throw new UsageError(`${flag} expects a positive integer, got '${text}'`);
  return value;
}

/**
 * Builds the interpreter a session runs in: a runtime with the chosen collector, debug mode and
 * cap, whose unraisable reports and `gc` debug output go to `io.stderr`, the tracer when
 * `--trace` is on, `argv` as `sys.argv` (the script's path for `run`, `[""]` for the REPL), and
 * `scriptPath` as `__file__` (for `run`).
 *
 * @example
 * ```ts
 * const { interpreter, finish } = createSession(options, io);
 * interpreter.run("print(1)", "<stdin>");
 * finish();
 * ```
 */
export function createSession(
  options: SessionOptions,
  io: CliIo,
  argv: readonly string[] = [""],
  scriptPath?: string,
): { interpreter: Interpreter; finish(): void } {
  const runtimeOptions: Partial<RuntimeOptions> = {
    collector: options.collector,
    debug: options.debug,
    unraisableSink: (text) => io.stderr(text),
    debugSink: (text) => io.stderr(text),
    ...(options.maximumBytes !== undefined ? { maximumBytes: options.maximumBytes } : {}),
    hashSeed: options.hashSeed,
  };
  const runtime = createRuntime(runtimeOptions);
  const tracer = options.trace ? new StatementTracer(runtime, io.stderr) : undefined;
  const interpreter = new Interpreter({
    runtime,
    stdout: (text) => io.stdout(text),
    stderr: (text) => io.stderr(text),
    argv,
    warnOptions: options.warnOptions,
    environ: processEnvironment(),
    cwd: process.cwd(),
    fileSystem: io.fileSystem,
    // A script reads the process's stdin (`pymem repl` reads its own input from it instead).
    ...(scriptPath !== undefined
      ? { scriptPath, stdin: () => io.readStdinLine(), stdinKeepsLineBreaks: true }
      : {}),
    ...(io.moduleSyntaxCache !== undefined ? { moduleSyntaxCache: io.moduleSyntaxCache } : {}),
    // A script of the user's own runs to its end, as under python3; --step-limit bounds it.
    stepLimit: options.stepLimit ?? Number.MAX_SAFE_INTEGER,
    ...(tracer !== undefined ? { onStatement: (event) => tracer.onStatement(event) } : {}),
  });
  let finished = false;
  return {
    interpreter,
    finish() {
      if (finished) return;
      finished = true;
      tracer?.finish();
      if (options.stats) io.stderr(formatExitStatistics(runtime, options.collector));
      // The process exits next: what Python can observe of the shutdown is finalize()'s; releasing
      // the built-in types one by one too is kept for --debug, whose checks watch every free.
      if (options.debug) interpreter.dispose();
      else interpreter.finalize();
    },
  };
}

/**
 * `pymem run script.py [options]`: runs the file as `__main__` and returns the exit status —
 * 0, 1 after an uncaught exception (its traceback is already on stderr, as CPython prints it),
 * 2 when the file cannot be read.
 *
 * @example
 * ```ts
 * const status = runScript("examples/reference-counting.py", options, processIo());
 * ```
 */
export function runScript(path: string, options: SessionOptions, io: CliIo): number {
  let source: string;
  try {
    source = io.readFile(path);
  } catch (error) {
    if (error instanceof SourceEncodingError) {
      // CPython: the tokenizer's decoding error, printed with no location, exit status 1.
      io.stderr(`SyntaxError: ${error.msg}\n`);
      return 1;
    }
    const code = (error as { code?: unknown }).code;
    const reason =
      code === "ENOENT"
        ? "[Errno 2] No such file or directory"
        : code === "EISDIR"
          ? "[Errno 21] Is a directory"
          : error instanceof Error
            ? error.message
            : String(error);
    // CPython: "python3: can't open file '/abs/x.py': [Errno 2] No such file or directory"
    io.stderr(`pymem: can't open file '${path}': ${reason}\n`);
    return 2;
  }
  const session = createSession(options, io, [path], path);
  let status = 1;
  try {
    // CPython names a script by its path joined onto the working directory (tracebacks, __file__).
    status = session.interpreter.run(source, scriptFilename(process.cwd(), path)).exitStatus;
  } finally {
    session.finish();
  }
  return status;
}

/** The process's environment variables that have a value (`os.environ` of a `pymem run`). */
function processEnvironment(): Record<string, string> {
  const environ: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env))
    if (value !== undefined) environ[name] = value;
  return environ;
}
