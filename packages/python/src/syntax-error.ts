/**
 * The kind of compile-time error, as CPython names the exception class. `RecursionError` (an
 * expression nested deeper than CPython's compiler goes) and `MemoryError` (more nesting than
 * CPython's parser stack holds) carry no location, as in CPython: see {@link compileLimitError}.
 *
 * @example
 * ```ts
 * const kind: SyntaxErrorKind = "IndentationError";
 * ```
 */
export type SyntaxErrorKind =
  | "SyntaxError"
  | "IndentationError"
  | "TabError"
  | "RecursionError"
  | "MemoryError";

/**
 * The fields of a {@link PythonSyntaxError}, with CPython's meaning: `lineno`/`offset` are 1-based,
 * `endLineno`/`endOffset` may be 0 or -1 exactly where CPython reports those values.
 *
 * @example
 * ```ts
 * const details: SyntaxErrorDetails = {
 *   kind: "SyntaxError", msg: "invalid syntax", lineno: 1, offset: 5, endLineno: 1, endOffset: 6,
 *   text: "x = = 1",
 * };
 * ```
 */
export interface SyntaxErrorDetails {
  /** Exception class name. */
  kind: SyntaxErrorKind;
  /** The message, exactly as CPython words it where we match it. */
  msg: string;
  /** 1-based line of the error. */
  lineno: number;
  /** 1-based column (character offset) of the error on that line. */
  offset: number;
  /** 1-based end line. */
  endLineno: number;
  /** 1-based end column (exclusive); 0 or -1 where CPython reports those. */
  endOffset: number;
  /** The source line the error is on, without its line break. */
  text: string;
  /**
   * Which stage found the error when not the parser: the tokenizer (its own SyntaxError
   * messages, whose `text` CPython cuts at the line break) or the compiler (scope rules, whose `text` CPython
   * reads back from the file and so leaves None for source given as a string).
   */
  stage?: "tokenizer" | "compiler" | undefined;
}

/**
 * A Python `SyntaxError`, `IndentationError` or `TabError` raised while tokenizing or parsing: the
 * only exception {@link parse} throws for any input.
 *
 * Use `kind` to tell the three apart and {@link formatSyntaxError} to print it like CPython.
 *
 * @example
 * ```ts
 * try {
 *   parse("x = (1,");
 * } catch (error) {
 *   if (error instanceof PythonSyntaxError) console.log(error.msg); // "'(' was never closed"
 * }
 * ```
 */
export class PythonSyntaxError extends Error implements SyntaxErrorDetails {
  readonly kind: SyntaxErrorKind;
  readonly msg: string;
  readonly lineno: number;
  readonly offset: number;
  readonly endLineno: number;
  readonly endOffset: number;
  readonly text: string;
  readonly stage: "tokenizer" | "compiler" | undefined;

  constructor(details: SyntaxErrorDetails) {
    super(`${details.kind}: ${details.msg} (line ${details.lineno}, offset ${details.offset})`);
    this.name = "PythonSyntaxError";
    this.kind = details.kind;
    this.msg = details.msg;
    this.lineno = details.lineno;
    this.offset = details.offset;
    this.endLineno = details.endLineno;
    this.endOffset = details.endOffset;
    this.text = details.text;
    this.stage = details.stage;
  }
}

/**
 * The error for a source too complex to compile, as CPython 3.13 raises it: `MemoryError` ("Parser
 * stack overflowed - Python source too complex to parse") or `RecursionError` ("maximum recursion
 * depth exceeded during compilation"). Neither is a `SyntaxError` in CPython, so neither has a
 * location: every position field is 0 and `text` is empty.
 *
 * @example
 * ```ts
 * throw compileLimitError("RecursionError", "maximum recursion depth exceeded during compilation");
 * ```
 */
export function compileLimitError(
  kind: "RecursionError" | "MemoryError",
  msg: string,
): PythonSyntaxError {
  return new PythonSyntaxError({
    kind,
    msg,
    lineno: 0,
    offset: 0,
    endLineno: 0,
    endOffset: 0,
    text: "",
  });
}

/**
 * Render a syntax error the way CPython 3.13 prints it: the `File` line, the stripped source line,
 * a caret line (`^` repeated over the error's range on that line), and `Kind: msg`.
 *
 * Use it to show errors to users of the interpreter; `filename` defaults to `<string>`, which is
 * what `exec()`/`compile()` of a string use.
 *
 * @example
 * ```ts
 * try { parse("x = (1,"); } catch (error) {
 *   if (error instanceof PythonSyntaxError) console.log(formatSyntaxError(error));
 * }
 * //   File "<string>", line 1
 * //     x = (1,
 * //         ^
 * // SyntaxError: '(' was never closed
 * ```
 */
export function formatSyntaxError(error: SyntaxErrorDetails, filename = "<string>"): string {
  // Not SyntaxErrors in CPython: printed as any exception without a traceback.
  if (error.kind === "RecursionError" || error.kind === "MemoryError")
    return `${error.kind}: ${error.msg}`;
  // CPython: TracebackException._format_syntax_error() in Lib/traceback.py (3.13).
  const lines = [`  File "${filename}", line ${error.lineno}`];
  const text = error.text;
  const rtext = text.replace(/\n+$/, "");
  const ltext = rtext.replace(/^[ \n\f]+/, "");
  const spaces = rtext.length - ltext.length;
  let offset = error.offset;
  let endOffset =
    error.lineno === error.endLineno
      ? error.endOffset !== 0
        ? error.endOffset
        : offset
      : rtext.length + 1;
  if (text.length > 0 && offset > text.length) offset = rtext.length + 1;
  if (text.length > 0 && endOffset > text.length) endOffset = rtext.length + 1;
  if (offset >= endOffset || endOffset < 0) endOffset = offset + 1;
  const column = offset - 1 - spaces;
  const endColumn = endOffset - 1 - spaces;
  // Errors without a source line (e.g. NUL bytes) print no source or caret, like CPython.
  if (text.length > 0) lines.push(`    ${ltext}`);
  if (text.length > 0 && column >= 0) {
    // Non-space whitespace (tabs) is kept so the caret lines up under the source.
    const caretSpace = Array.from(ltext.slice(0, column), (character) =>
      /\s/.test(character) ? character : " ",
    ).join("");
    lines.push(`    ${caretSpace}${"^".repeat(Math.max(0, endColumn - column))}`);
  }
  lines.push(`${error.kind}: ${error.msg}`);
  return lines.join("\n");
}
