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
 * stderr(formatTraceback(error, (value) => [machine.typeName(value), str(machine, value)]));
 * ```
 */
export function formatTraceback(
  error: PyException,
  describe: (value: number) => readonly [typeName: string, message: string, preamble?: string],
): string {
  // CPython: print_exception_recursive — the cause (or, unless suppressed, the context) first,
  // each followed by the sentence that links it to the next.
  let text = formatOne(error, describe);
  const seen = new Set<PyException>([error]);
  let e: PyException = error;
  for (;;) {
    const next: PyException | undefined = e.cause ?? (e.suppressContext ? undefined : e.context);
    if (next === undefined || seen.has(next)) break;
    seen.add(next);
    const link =
      e.cause !== undefined
        ? "\nThe above exception was the direct cause of the following exception:\n\n"
        : "\nDuring handling of the above exception, another exception occurred:\n\n";
    text = formatOne(next, describe) + link + text;
    e = next;
  }
  return text;
}

function formatOne(
  error: PyException,
  describe: (value: number) => readonly [string, string, string?],
): string {
  // The third item: what comes before the last line (a SyntaxError's File/source/caret block).
  const [typeName, message, preamble = ""] = describe(error.value);
  let text = "";
  if (error.entries.length > 0)
    text += `Traceback (most recent call last):\n${formatStackEntries(error.entries)}`;
  text += preamble;
  text += message === "" ? `${typeName}\n` : `${typeName}: ${message}\n`;
  return text;
}

/**
 * The frame lines of a traceback (outermost first) from `entries` (innermost first), with
 * CPython's "[Previous line repeated N more times]" for recursion. CPython: `StackSummary.format`.
 *
 * @example
 * ```ts
 * text += `Traceback (most recent call last):\n${formatStackEntries(error.entries)}`;
 * ```
 */
export function formatStackEntries(entries: readonly TracebackEntry[]): string {
  let text = "";
  const ordered = [...entries].reverse();
  let previous: TracebackEntry | undefined;
  let repeats = 0;
  const flush = (): void => {
    if (repeats > RECURSIVE_CUTOFF) {
      const more = repeats - RECURSIVE_CUTOFF;
      text += `  [Previous line repeated ${more} more time${more === 1 ? "" : "s"}]\n`;
    }
  };
  for (const entry of ordered) {
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
  return text;
}

/**
 * One `File "…", line N, in name` block with its source lines and carets.
 *
 * @example
 * ```ts
 * stderr.write(formatEntry(entry)); // '  File "x.py", line 3, in f\n    return 1/x\n           ~^~\n'
 * ```
 */
export function formatEntry(entry: TracebackEntry): string {
  // CPython: StackSummary.format_frame_summary (3.13, uncolored).
  const { range } = entry;
  let text = `  File "${entry.filename}", line ${range.line}, in ${entry.functionName}\n`;
  const sourceLines = entry.source.split("\n");
  const original: string[] = [];
  for (let line = range.line; line <= Math.max(range.line, range.endLine); line++)
    original.push((sourceLines[line - 1] ?? "").trimEnd());
  if (original.join("").trim() === "") return text;
  const allLines = dedent(original);
  const dedentCharacters = original[0]!.length - allLines[0]!.length;
  const startOffset = Math.max(0, range.column - dedentCharacters);
  const endOffset = Math.max(0, range.endColumn - dedentCharacters);
  const joined = allLines.join("\n");
  const segment = joined.slice(
    startOffset,
    joined.length - (allLines[allLines.length - 1]!.length - endOffset),
  );
  const anchors = anchorsOf(segment);
  const showCarets = shouldShowCarets(startOffset, endOffset, allLines, anchors !== undefined);
  let leftEnd = 0;
  let rightStart = 0;
  const significant = new Set([0, allLines.length - 1]);
  if (anchors !== undefined) {
    leftEnd = anchors.leftEndOffset + (anchors.leftEndLine === 0 ? startOffset : 0);
    rightStart = anchors.rightStartOffset + (anchors.rightStartLine === 0 ? startOffset : 0);
    for (const line of [anchors.leftEndLine, anchors.rightStartLine])
      for (let around = line - 1; around <= line + 1; around++) significant.add(around);
  }
  significant.delete(-1);
  significant.delete(allLines.length);
  const result: string[] = [];
  const outputLine = (lineno: number): void => {
    const line = allLines[lineno]!;
    result.push(line);
    if (!showCarets) return;
    const spaces = line.length - line.trimStart().length;
    const count = lineno === allLines.length - 1 ? endOffset : line.length;
    let carets = "";
    for (let column = 0; column < count; column++) {
      if (column < spaces || (lineno === 0 && column < startOffset)) carets += " ";
      else if (
        anchors !== undefined &&
        (lineno > anchors.leftEndLine || (lineno === anchors.leftEndLine && column >= leftEnd)) &&
        (lineno < anchors.rightStartLine ||
          (lineno === anchors.rightStartLine && column < rightStart))
      )
        carets += anchors.secondary;
      else carets += anchors?.primary ?? "^";
    }
    result.push(carets);
  };
  const ordered = [...significant].sort((a, b) => a - b);
  for (let i = 0; i < ordered.length; i++) {
    const lineno = ordered[i]!;
    if (i > 0) {
      const gap = lineno - ordered[i - 1]!;
      if (gap === 2) outputLine(lineno - 1);
      else if (gap > 2) result.push(`...<${gap - 1} lines>...`);
    }
    outputLine(lineno);
  }
  for (const line of dedent(result)) text += `    ${line}\n`;
  return text;
}

/** Python's `textwrap.dedent` on lines: removes the longest common leading whitespace. */
function dedent(lines: readonly string[]): string[] {
  let margin: string | undefined;
  for (const line of lines) {
    if (line.trim() === "") continue;
    const indent = /^[ \t]*/.exec(line)![0];
    if (margin === undefined || !indent.startsWith(margin)) {
      let common = 0;
      const previous: string = margin ?? indent;
      while (
        common < previous.length &&
        common < indent.length &&
        previous[common] === indent[common]
      )
        common++;
      margin = margin === undefined ? indent : previous.slice(0, common);
    }
  }
  const width = margin?.length ?? 0;
  return lines.map((line) => (line.trim() === "" ? "" : line.slice(width)));
}

/**
 * CPython 3.13's `_should_show_carets`: no carets for `x = f(...)` / `return f(...)` whose call
 * is the whole statement, nor when they would underline the whole line without anchors.
 */
function shouldShowCarets(
  start: number,
  end: number,
  allLines: readonly string[],
  anchored: boolean,
): boolean {
  try {
    const module = parse(allLines.join("\n"), { checkScopes: false });
    const statement = module.body[0];
    if (statement === undefined) return false;
    let value: SourceRange | undefined;
    if (
      statement.kind === "Return" &&
      statement.value?.kind === "Call" &&
      statement.value.func.kind === "Name"
    )
      value = statement.value;
    if (
      statement.kind === "Assign" &&
      statement.value.kind === "Call" &&
      statement.targets.length === 1 &&
      statement.targets[0]!.kind === "Name"
    )
      value = statement.value;
    if (
      value !== undefined &&
      value.line === 1 &&
      value.endLine === allLines.length &&
      value.column === start &&
      value.endColumn === end
    )
      return false;
  } catch {
    // Not parseable on its own (part of a larger statement): decide from the text.
  }
  if (anchored) return true;
  return (
    allLines[0]!.slice(0, start).trim() !== "" ||
    allLines[allLines.length - 1]!.slice(end).trim() !== ""
  );
}

/** Where the `^` part of a caret line starts and ends, in segment lines and columns. */
interface Anchors {
  readonly leftEndLine: number;
  readonly leftEndOffset: number;
  readonly rightStartLine: number;
  readonly rightStartOffset: number;
  readonly primary: string;
  readonly secondary: string;
}

/**
 * The operator of a binary operation, or the brackets of a subscript or call, in `segment`.
 * CPython: `_extract_caret_anchors_from_line_segment`.
 */
function anchorsOf(segment: string): Anchors | undefined {
  let node: Expression;
  try {
    const module = parse(`(\n${segment}\n)`, { checkScopes: false });
    const statement = module.body[0];
    if (module.body.length !== 1 || statement?.kind !== "Expr") return undefined;
    node = statement.value;
  } catch {
    return undefined;
  }
  const lines = segment.split("\n");
  const nextValid = (line: number, column: number): [number, number] => {
    while (line < lines.length && column >= lines[line]!.length) {
      column = 0;
      line++;
    }
    if (line >= lines.length) throw new RangeError("past the segment");
    return [line, column];
  };
  const incrementUntil = (
    start: [number, number],
    stop: (ch: string) => boolean,
  ): [number, number] => {
    let [line, column] = start;
    for (;;) {
      const ch = lines[line]![column]!;
      if (ch === "\\" || ch === "#") [line, column] = nextValid(line + 1, 0);
      else if (!stop(ch)) [line, column] = nextValid(line, column + 1);
      else return [line, column];
    }
  };
  const endOf = (expr: SourceRange): [number, number] =>
    nextValid(expr.endLine - 2, expr.endColumn);
  try {
    if (node.kind === "BinOp") {
      const [line, column] = incrementUntil(endOf(node.left), (ch) => !/\s/.test(ch) && ch !== ")");
      let right = column + 1;
      const text = lines[line]!;
      const ch = text[right];
      if (
        right < text.length &&
        (node.right.line - 2 > line || right < node.right.column) &&
        ch !== undefined &&
        !/\s/.test(ch) &&
        ch !== "\\" &&
        ch !== "#"
      )
        right++;
      return {
        leftEndLine: line,
        leftEndOffset: column,
        rightStartLine: line,
        rightStartOffset: right,
        primary: "~",
        secondary: "^",
      };
    }
    if (node.kind === "Subscript" || node.kind === "Call") {
      const open = node.kind === "Subscript" ? "[" : "(";
      const inner = node.kind === "Subscript" ? node.value : node.func;
      const [line, column] = incrementUntil(endOf(inner), (ch) => ch === open);
      return {
        leftEndLine: line,
        leftEndOffset: column,
        rightStartLine: node.endLine - 2,
        rightStartOffset: node.endColumn,
        primary: "~",
        secondary: "^",
      };
    }
  } catch {
    return undefined;
  }
  return undefined;
}
