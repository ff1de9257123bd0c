import type { Machine } from "./machine.js";
import { defineTypeMethod, keyword } from "./native-arguments.js";

/**
 * `str.splitlines(keepends=False)`, at every line boundary CPython's str knows: `\n`, `\r`,
 * `\r\n`, `\v`, `\f`, `\x1c`, `\x1d`, `\x1e`, `\x85`, U+2028 and U+2029.
 * CPython: `unicode_splitlines_impl` → `stringlib_splitlines`.
 *
 * @module
 */

/** The code units that end a line (`\r\n` is one boundary, handled where `\r` is seen). */
const LINE_ENDS = new Set([0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029]);

/**
 * The lines of `text`, each with its line boundary when `keepends`.
 *
 * @example
 * ```ts
 * splitLines("a\r\nb", true); // ["a\r\n", "b"]
 * ```
 */
export function splitLines(text: string, keepends: boolean): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (!LINE_ENDS.has(unit)) continue;
    const lineEnd = i;
    if (unit === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    lines.push(text.slice(start, keepends ? i + 1 : lineEnd));
    start = i + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/**
 * Installs `str.splitlines`.
 *
 * @example
 * ```ts
 * installStrSplitlines(machine);
 * ```
 * @internal
 */
export function installStrSplitlines(m: Machine): void {
  defineTypeMethod(
    m,
    "str",
    (obj) => m.isStr(obj),
    "splitlines",
    0,
    1,
    true,
    (self, args, keywords) => {
      const options = keyword(m, "splitlines", keywords, ["keepends"]);
      const keepends = args[0] ?? options.get("keepends");
      const lines = splitLines(m.heap.strValue(self), keepends !== undefined && m.isTrue(keepends));
      return m.newStrList(lines);
    },
  );
}
