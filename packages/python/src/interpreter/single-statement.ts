import type { Module } from "../ast.js";
import type { SyntaxErrorDetails } from "../syntax-error.js";

/**
 * `compile(source, filename, 'single')` accepts exactly one statement (a line of simple statements
 * joined by `;`, or one compound statement), as the interactive prompt reads it. CPython: the
 * `single_input` rule and `bad_single_statement` in `_PyPegen_run_parser` (its errors are placed
 * on the token the parser stopped at).
 *
 * @module
 */

/**
 * The SyntaxError CPython raises for `source` parsed (as `module`) in 'single' mode, or undefined
 * when it is one statement: "invalid syntax" at the end for no statement or after a compound
 * statement, "multiple statements found while compiling a single statement" at the newline
 * ending a line of simple statements that more statements follow.
 *
 * @example
 * ```ts
 * singleStatementError(parse("x = 1\ny = 2"), "x = 1\ny = 2")?.msg; // "multiple statements …"
 * ```
 */
export function singleStatementError(
  module: Module,
  source: string,
): SyntaxErrorDetails | undefined {
  const lines = source.split(/(?<=\n)/);
  const [first, ...rest] = module.body;
  if (first === undefined) {
    // CPython: the parser fails at the ENDMARKER, column 0 of the last line.
    const text = lines.length > 0 && source !== "" ? lines[lines.length - 1]! : "";
    const lineno = source === "" ? 0 : lines.length;
    return invalid("invalid syntax", lineno, 0, lineno, 0, text);
  }
  const next = rest.find((statement) => statement.line > first.endLine);
  if (next === undefined) return undefined;
  if (isCompound(first.kind)) {
    // single_input's compound_stmt NEWLINE fails on the next statement's first token.
    const text = lines[next.line - 1]!;
    const token = /^[A-Za-z_0-9]+/.exec(text.slice(next.column))?.[0].length ?? 1;
    return invalid(
      "invalid syntax",
      next.line,
      next.column + 1,
      next.line,
      next.column + 1 + token,
      text,
    );
  }
  // The NEWLINE token ending the first line's statements (it begins at a trailing comment).
  const lineno = rest.reduce(
    (last, s) => (s.line === first.line ? Math.max(last, s.endLine) : last),
    first.endLine,
  );
  const text = lines[lineno - 1]!;
  const content = text.replace(/\r?\n$/, "");
  const comment = commentStart(content);
  return invalid(
    "multiple statements found while compiling a single statement",
    lineno,
    (comment ?? content.length) + 1,
    lineno,
    content.length + 2,
    text,
  );
}

/** The statement kinds `compound_stmt` parses. */
function isCompound(kind: string): boolean {
  return [
    "FunctionDef",
    "AsyncFunctionDef",
    "ClassDef",
    "If",
    "For",
    "AsyncFor",
    "While",
    "With",
    "AsyncWith",
    "Try",
    "TryStar",
    "Match",
  ].includes(kind);
}

/** The column of a line's trailing `#` comment (outside strings), or undefined. */
function commentStart(line: string): number | undefined {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote !== undefined) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "#") return i;
  }
  return undefined;
}

/** A SyntaxError's details. */
function invalid(
  msg: string,
  lineno: number,
  offset: number,
  endLineno: number,
  endOffset: number,
  text: string,
): SyntaxErrorDetails {
  return { kind: "SyntaxError", msg, lineno, offset, endLineno, endOffset, text, stage: undefined };
}
