import { PythonSyntaxError, parse } from "@pymem/python";
import type { CliIo } from "./cli-io.js";
import { createSession, type SessionOptions } from "./run-command.js";

/**
 * `pymem repl`: an interactive loop over standard input with CPython's prompts (`>>> `, and
 * `... ` for continuation lines), echo of expression values, and errors printed without ending the
 * session. Works the same whether stdin is a terminal or a pipe.
 *
 * @module
 */

/** Parse errors that mean "the statement is not finished yet" rather than "it is wrong". */
const INCOMPLETE_MESSAGES = [
  /was never closed$/,
  /^unterminated triple-quoted string literal/,
  /^unexpected EOF while parsing$/,
  /^expected an indented block/,
];

/**
 * What the REPL should do with the lines typed so far. CPython decides the same way with
 * `codeop`: run complete input, keep reading while a bracket, a triple-quoted string or a block
 * is open (a block ends at an empty line).
 *
 * @example
 * ```ts
 * inputState(["x = (1,"], false); // "more"
 * inputState(["x = 1"], false);   // "run"
 * ```
 */
export function inputState(lines: readonly string[], inBlock: boolean): "run" | "more" | "block" {
  const last = lines[lines.length - 1] ?? "";
  if (inBlock) return last.trim() === "" ? "run" : "block";
  const source = lines.join("\n");
  if (source.trim() === "") return "run";
  try {
    parse(`${source}\n`);
  } catch (error) {
    if (error instanceof PythonSyntaxError && INCOMPLETE_MESSAGES.some((re) => re.test(error.msg)))
      return error.msg.startsWith("expected an indented block") ? "block" : "more";
    return "run";
  }
  // A compound statement header that already parses (`if x: pass`) may still grow a block.
  return /:\s*(#.*)?$/.test(lines[0] ?? "") && lines.length === 1 ? "block" : "run";
}

/**
 * Runs the interactive loop until stdin ends; returns the exit status (0).
 *
 * @example
 * ```ts
 * const io = memoryIo({ stdin: ["1 + 1"] });
 * await runRepl(options, io); // io.output() === ">>> 2\n>>> \n"
 * ```
 */
export async function runRepl(options: SessionOptions, io: CliIo): Promise<number> {
  const session = createSession(options, io);
  io.stderr(
    `pymem REPL: a Python subset on the pymem heap (collector: ${options.collector}). End with Ctrl-D.\n`,
  );
  let buffer: string[] = [];
  let inBlock = false;
  const submit = () => {
    const source = buffer.join("\n");
    buffer = [];
    inBlock = false;
    if (source.trim() !== "") session.interpreter.runInteractive(`${source}\n`);
  };
  try {
    io.stdout(">>> ");
    for await (const line of io.stdinLines()) {
      buffer.push(line);
      const state = inputState(buffer, inBlock);
      if (state === "run") submit();
      else inBlock = state === "block";
      io.stdout(buffer.length === 0 ? ">>> " : "... ");
    }
    if (buffer.length > 0) submit();
    io.stdout("\n");
  } finally {
    session.finish();
  }
  return 0;
}
