import type { SyntaxErrorDetails } from "../syntax-error.js";

/**
 * Where and how a SyntaxError in source given at run time (`exec`, `eval`, `compile` of a
 * string) reports itself, as CPython 3.13's string tokenizer and compiler leave it: the `text`
 * keeps the line break the source has — and in `exec` mode the one the tokenizer appends
 * (`translate_newlines`) — except for the tokenizer's own errors, cut at the line break; the
 * compiler's errors have no text (CPython reads it back from the file, and a string has none);
 * and a generic "invalid syntax" at the very end of `eval` or `single` source without a final
 * newline has offsets 0 (the end marker's column is -1 there).
 *
 * @module
 */

/**
 * The details of `error` for source `source` compiled in `mode`, and its `text` (null: None).
 *
 * @example
 * ```ts
 * const { details, text } = sourceSyntaxError(error, "1 +", "eval"); // offset 0, text "1 +"
 * ```
 */
export function sourceSyntaxError(
  error: SyntaxErrorDetails,
  source: string,
  mode: "exec" | "eval" | "single",
): { readonly details: SyntaxErrorDetails; readonly text: string | null } {
  if (error.stage === "compiler") return { details: error, text: null };
  if (error.stage === "tokenizer" || error.text === "") return { details: error, text: error.text };
  const lines = source.split("\n");
  const endsWithNewline = source.endsWith("\n");
  const lastLine = endsWithNewline ? lines.length - 1 : lines.length;
  const hasLineBreak = error.lineno < lastLine || endsWithNewline || mode === "exec";
  const text = hasLineBreak ? `${error.text}\n` : error.text;
  // CPython: RAISE_ERROR_KNOWN_LOCATION with the end marker's col_offset of -1.
  if (
    mode !== "exec" &&
    !endsWithNewline &&
    error.msg === "invalid syntax" &&
    error.lineno === lastLine &&
    error.offset > (lines[lastLine - 1] ?? "").length
  )
    return { details: { ...error, offset: 0, endOffset: 0 }, text };
  return { details: error, text };
}
