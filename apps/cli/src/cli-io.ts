import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";

/**
 * Where the command line reads and writes: the process's streams in `main.ts`, strings in tests.
 *
 * @example
 * ```ts
 * const out: string[] = [];
 * const io: CliIo = { ...processIo(), stdout: (text) => out.push(text) };
 * ```
 */
export interface CliIo {
  /** Writes program output. */
  stdout(text: string): void;
  /** Writes diagnostics: tracebacks, `--stats`, `--trace`, usage errors. */
  stderr(text: string): void;
  /** Reads a script; throws a Node-style error with `code` (`"ENOENT"`) when it cannot. */
  readFile(path: string): string;
  /** The lines of standard input, without their line terminators (for `pymem repl`). */
  stdinLines(): AsyncIterable<string>;
  /** Environment variables (`PYTHONHASHSEED`). */
  readonly environment: Readonly<Record<string, string | undefined>>;
}

/**
 * The real process: `process.stdout`, `process.stderr`, the file system and stdin read line by
 * line (a terminal or a pipe).
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), processIo());
 * ```
 */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFileSync(path, "utf8"),
    stdinLines: () =>
      createInterface({ input: process.stdin, terminal: false, crlfDelay: Infinity }),
    environment: process.env,
  };
}

/**
 * An in-memory {@link CliIo} for tests and embedders: output collected as strings, files from a
 * map (falling back to the file system), stdin from a list of lines, environment variables from
 * an object (none by default).
 *
 * @example
 * ```ts
 * const io = memoryIo({ stdin: ["x = 1", "x + 1"] });
 * await runCli(["repl"], io);
 * io.output(); // ">>> >>> 2\n>>> \n"
 * ```
 */
export function memoryIo(
  options: {
    files?: Readonly<Record<string, string>>;
    stdin?: readonly string[];
    environment?: Readonly<Record<string, string | undefined>>;
  } = {},
): CliIo & { output(): string; errors(): string } {
  const out: string[] = [];
  const err: string[] = [];
  const files = options.files ?? {};
  const stdin = options.stdin ?? [];
  return {
    stdout: (text) => {
      out.push(text);
    },
    stderr: (text) => {
      err.push(text);
    },
    readFile: (path) => files[path] ?? readFileSync(path, "utf8"),
    stdinLines: async function* () {
      yield* stdin;
    },
    environment: options.environment ?? {},
    output: () => out.join(""),
    errors: () => err.join(""),
  };
}
