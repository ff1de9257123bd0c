import type { SourceRange } from "./ast.js";

/**
 * Source ranges of nodes built by the parser. CPython's node ranges run from the first to the
 * last *token* of a rule, so a node built around a parenthesized expression spans the
 * parentheses, while the parenthesized expression keeps its own range.
 *
 * @module
 * @internal
 */

const PARENTHESIZED_SPANS = new WeakMap<object, SourceRange>();

/**
 * Record that `node` was written inside parentheses spanning `span`.
 *
 * @example
 * ```ts
 * markParenthesized(inner, range(openToken, closeToken));
 * ```
 * @internal
 */
export function markParenthesized(node: object, span: SourceRange): void {
  PARENTHESIZED_SPANS.set(node, { ...span });
}

/**
 * Whether `node` was written inside parentheses (`(x): int` is not a simple annotation target).
 *
 * @example
 * ```ts
 * isParenthesized(target); // true for the `(x)` in `(x): int`
 * ```
 * @internal
 */
export function isParenthesized(node: object): boolean {
  return PARENTHESIZED_SPANS.has(node);
}

/**
 * The range from the first token of `start` to the last token of `end` (parentheses included).
 *
 * @example
 * ```ts
 * const node = { kind: "BinOp", left, op: "Add", right, ...range(left, right) };
 * ```
 * @internal
 */
export function range(start: SourceRange, end: SourceRange): SourceRange {
  const from = PARENTHESIZED_SPANS.get(start) ?? start;
  const to = PARENTHESIZED_SPANS.get(end) ?? end;
  return { line: from.line, column: from.column, endLine: to.endLine, endColumn: to.endColumn };
}
