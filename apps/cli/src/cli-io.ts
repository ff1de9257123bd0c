import { readFileSync, writeSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { decodeSource, type FileSystem, type ModuleSyntaxCache } from "@pymem/python";
import { NodeFileSystem } from "@pymem/python/node";
import { stdinLineReader } from "./stdin-lines.js";

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
  /**
   * The next line of standard input with its line break (none on a last line that has none), or
   * undefined at its end, read synchronously (what a script's `input()` and `sys.stdin` read
   * under `pymem run`).
   */
  readStdinLine(): string | undefined;
  /** Environment variables (`PYTHONHASHSEED`). */
  readonly environment: Readonly<Record<string, string | undefined>>;
  /** The files the program's `open()` and `os` functions see (relative to the process's cwd). */
  readonly fileSystem: FileSystem;
  /**
   * Where the interpreter keeps parsed library modules between runs.
   * @defaultValue undefined (the interpreter's own, in memory)
   */
  readonly moduleSyntaxCache?: ModuleSyntaxCache | undefined;
}

/**
 * The real process: standard output written synchronously (so a reader that has gone, as with
 * `pymem run x.py | head -1`, is noticed at the `print` that fails: it raises `BrokenPipeError`
 * there as in CPython, and nothing piles up in memory behind a slow reader), `process.stderr`, the
 * file system and stdin read line by line (a terminal or a pipe).
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), processIo());
 * ```
 */
export function processIo(moduleSyntaxCache?: ModuleSyntaxCache): CliIo {
  return {
    moduleSyntaxCache,
    stdout: (text) => writeAll(1, text),
    stderr: (text) => process.stderr.write(text),
    // CPython: a script is read as bytes and decoded as its PEP 263 declaration says.
    readFile: (path) => decodeSource(readFileSync(path), resolve(path)),
    stdinLines: () =>
      createInterface({ input: process.stdin, terminal: false, crlfDelay: Infinity }),
    readStdinLine: stdinLineReader(),
    environment: process.env,
    fileSystem: new NodeFileSystem(),
  };
}

/**
 * An in-memory {@link CliIo} for tests and embedders: output collected as strings, files from a
 * map (falling back to the file system), stdin from a list of lines, environment variables from
 * an object (none by default), the program's files on the real disk unless `fileSystem` is given.
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
    fileSystem?: FileSystem;
  } = {},
): CliIo & { output(): string; errors(): string } {
  const out: string[] = [];
  const err: string[] = [];
  const files = options.files ?? {};
  const stdin = options.stdin ?? [];
  let read = 0;
  return {
    stdout: (text) => {
      out.push(text);
    },
    stderr: (text) => {
      err.push(text);
    },
    readFile: (path) => files[path] ?? decodeSource(readFileSync(path), resolve(path)),
    stdinLines: async function* () {
      yield* stdin;
    },
    readStdinLine: () => {
      const line = stdin[read++];
      return line === undefined ? undefined : `${line}\n`;
    },
    environment: options.environment ?? {},
    fileSystem: options.fileSystem ?? new NodeFileSystem(),
    output: () => out.join(""),
    errors: () => err.join(""),
  };
}

/** One millisecond's pause while a non-blocking pipe is full (EAGAIN). */
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `text` to file descriptor `fd` synchronously, retrying partial writes and full
 * non-blocking pipes. Throws the system error otherwise (`EPIPE` once the reader has gone).
 */
function writeAll(fd: number, text: string): void {
  let bytes = Buffer.from(text, "utf8");
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(fd, bytes));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}
