import type { Expression, SourceRange } from "../ast.js";
import { parse } from "../parser.js";
import type { PyException, TracebackEntry } from "./exceptions.js";

/**
 * CPython 3.13's traceback text (`traceback.TracebackException.format`): frames outermost first,
 * the quoted source line, caret lines under the failing expression (with `~`/`^` anchors for
 * binary operators, subscripts and calls), "[Previous line repeated N more times]" for
 * recursion, and the "During handling of the above exception" chain.
 *
 * @module
 */

/** Repeated identical frames shown before collapsing. CPython: `_RECURSIVE_CUTOFF`. */
const RECURSIVE_CUTOFF = 3;

/**
 * Formats an exception chain as CPython prints it to stderr.
 *
 * @example
 * ```ts
 * stderr(formatTraceback(error, (value) => [machine.typeName(value), machine.str(value)]));
 * ```
 */
export function formatTraceback(
  error: PyException,
  describe: (value: number) => readonly [typeName: string, message: string],
): string {
  const chain: PyException[] = [];
  for (
    let e: PyException | undefined = error;
    e !== undefined;
    e = e.suppressContext ? undefined : e.context
  )
    chain.unshift(e);
  const parts = chain.map((e) => formatOne(e, describe));
  return parts.join("\nDuring handling of the above exception, another exception occurred:\n\n");
}

function formatOne(
  error: PyException,
  describe: (value: number) => readonly [string, string],
): string {
  const [typeName, message] = describe(error.value);
  let text = "";
  if (error.entries.length > 0) {
    text += "Traceback (most recent call last):\n";
    const entries = [...error.entries].reverse();
    let previous: TracebackEntry | undefined;
    let repeats = 0;
    const flush = (): void => {
      if (repeats > RECURSIVE_CUTOFF) {
        const more = repeats - RECURSIVE_CUTOFF;
        text += `  [Previous line repeated ${more} more time${more === 1 ? "" : "s"}]\n`;
      }
    };
    for (const entry of entries) {
      if (
        previous !== undefined &&
        previous.filename === entry.filename &&
        previous.functionName === entry.functionName &&
        previous.range.line === entry.range.line
      ) {
        repeats++;
        if (repeats > RECURSIVE_CUTOFF) continue;
      } else {
        flush();
        repeats = 1;
      }
      previous = entry;
      text += formatEntry(entry);
    }
    flush();
  }
  text += message === "" ? `${typeName}\n` : `${typeName}: ${message}\n`;
  return text;
}

/** One `File "…", line N, in name` block with its source line and carets. */
export function formatEntry(entry: TracebackEntry): string {
  const { range } = entry;
  let text = `  File "${entry.filename}", line ${range.line}, in ${entry.functionName}\n`;
  const line = entry.source.split("\n")[range.line - 1];
  if (line === undefined || line.trim() === "") return text;
  const stripped = line.trimStart();
  const indent = line.length - stripped.length;
  text += `    ${stripped.trimEnd()}\n`;
  if (range.endLine !== range.line) return text;
  const start = range.column;
  const end = range.endColumn;
  const anchors = anchorsOf(line, start, end);
  if (!showCarets(line, start, end, anchors !== undefined)) return text;
  let carets = "";
  for (let column = start; column < end; column++) {
    const primary = anchors === undefined || (column >= anchors[0] && column < anchors[1]);
    carets += primary ? "^" : "~";
  }
  text += `    ${" ".repeat(start - indent)}${carets}\n`;
  return text;
}

/**
 * CPython 3.13's `_should_show_carets`: no carets when they would underline the whole line, or
 * for `x = f(...)` / `return f(...)` whose call spans the rest of the statement.
 */
function showCarets(line: string, start: number, end: number, anchored: boolean): boolean {
  try {
    const module = parse(line.trim(), { checkScopes: false });
    const statement = module.body[0];
    const offset = line.length - line.trimStart().length;
    let value: SourceRange | undefined;
    if (
      statement?.kind === "Return" &&
      statement.value?.kind === "Call" &&
      statement.value.func.kind === "Name"
    )
      value = statement.value;
    if (
      statement?.kind === "Assign" &&
      statement.value.kind === "Call" &&
      statement.targets.length === 1 &&
      statement.targets[0]!.kind === "Name"
    )
      value = statement.value;
    if (value !== undefined && value.column + offset === start && value.endColumn + offset === end)
      return false;
  } catch {
    // Not parseable on its own (part of a multi-line statement): fall through.
  }
  if (anchored) return true;
  return line.slice(0, start).trim() !== "" || line.slice(end).trim() !== "";
}

/**
 * The primary (`^`) part of a binary operation, subscript or call segment: the operator, the
 * `[…]`, or the `(…)`. CPython: `_extract_caret_anchors_from_line_segment`.
 */
function anchorsOf(line: string, start: number, end: number): [number, number] | undefined {
  const segment = line.slice(start, end);
  let node: Expression;
  try {
    const module = parse(`(${segment}\n)`, { checkScopes: false });
    const statement = module.body[0];
    if (statement?.kind !== "Expr") return undefined;
    node = statement.value;
  } catch {
    return undefined;
  }
  // Columns in the parsed text are shifted by the "(" we added.
  const at = (column: number): number => start + column - 1;
  if (node.kind === "BinOp") {
    let operator = node.left.endColumn;
    const text = `(${segment}`;
    while (operator < text.length && /[\s)]/.test(text[operator]!)) operator++;
    const width = /^(\*\*|\/\/|<<|>>)/.test(text.slice(operator)) ? 2 : 1;
    return [at(operator), at(operator + width)];
  }
  if (node.kind === "Subscript") {
    const text = `(${segment}`;
    let bracket = node.value.endColumn;
    while (bracket < text.length && text[bracket] !== "[") bracket++;
    return [at(bracket), end];
  }
  if (node.kind === "Call") {
    const text = `(${segment}`;
    let paren = node.func.endColumn;
    while (paren < text.length && text[paren] !== "(") paren++;
    return [at(paren), end];
  }
  return undefined;
}
