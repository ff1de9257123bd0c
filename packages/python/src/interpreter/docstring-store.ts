import type { Statement } from "../ast.js";

/**
 * A module's or class body's docstring, stored as CPython's compiler stores it: a leading string
 * expression statement becomes `__doc__ = "…"` (CPython: `compiler_body` emits STORE_NAME
 * `__doc__`), so `Class.__doc__` and the module's `__doc__` hold it, as doctest and help() expect.
 *
 * @example
 * ```ts
 * const body = withDocstringStored(module.body); // [Assign __doc__, …rest]
 * ```
 * @internal
 */
export function withDocstringStored(body: readonly Statement[]): Statement[] {
  const [first, ...rest] = body;
  if (
    first?.kind !== "Expr" ||
    first.value.kind !== "Constant" ||
    first.value.constantType !== "str"
  )
    return [...body];
  const target = { ...first.value, kind: "Name", id: "__doc__", ctx: "Store" } as const;
  const value = { ...first.value, value: cleanDocstring(first.value.value as string) };
  return [{ ...first, kind: "Assign", targets: [target], value } as Statement, ...rest];
}

/**
 * A docstring as Python 3.13's compiler stores it: tabs expanded, leading spaces removed from the
 * first line, and the common indentation of the later non-blank lines removed from every later
 * line (a blank line loses what it has of it). CPython: `_PyCompile_CleanDoc`.
 *
 * @example
 * ```ts
 * cleanDocstring("Sum.\n\n    Returns a + b.\n    "); // "Sum.\n\nReturns a + b.\n"
 * ```
 * @internal
 */
export function cleanDocstring(doc: string): string {
  const lines = expandTabs(doc).split("\n");
  let margin = Number.POSITIVE_INFINITY;
  for (const line of lines.slice(1)) {
    const indent = line.length - line.replace(/^ +/, "").length;
    if (indent < line.length) margin = Math.min(margin, indent);
  }
  if (margin === Number.POSITIVE_INFINITY) margin = 0;
  const cleaned = lines.map((line, i) => {
    if (i === 0) return line.replace(/^ +/, "");
    const indent = line.length - line.replace(/^ +/, "").length;
    return line.slice(Math.min(indent, margin));
  });
  return cleaned.join("\n");
}

/** `text.expandtabs()` (tab stops every 8 columns, restarting at each newline). */
function expandTabs(text: string): string {
  if (!text.includes("\t")) return text;
  let out = "";
  let column = 0;
  for (const c of text) {
    if (c === "\t") {
      const spaces = 8 - (column % 8);
      out += " ".repeat(spaces);
      column += spaces;
    } else {
      out += c;
      column = c === "\n" || c === "\r" ? 0 : column + 1;
    }
  }
  return out;
}
