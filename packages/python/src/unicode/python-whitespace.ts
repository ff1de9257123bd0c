/**
 * Python's whitespace — what `str.split()`, `str.strip()` and `str.isspace()` count — which is
 * not JavaScript's `\s`: CPython (`Py_UNICODE_ISSPACE`, Unicode 15.1) counts U+001C..U+001F and
 * U+0085 and does not count U+FEFF, so `"\ufeffx".strip()` keeps the byte order mark.
 * str-unicode.test.ts checks the class against the Unicode tables on every code point.
 *
 * @module
 */

/** A regular-expression character class of Python's whitespace (use with the `u` flag). @internal */
export const PYTHON_WHITESPACE_CLASS =
  "[\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";

const LEADING = new RegExp(`^${PYTHON_WHITESPACE_CLASS}+`, "u");
const TRAILING = new RegExp(`${PYTHON_WHITESPACE_CLASS}+$`, "u");
const RUN = new RegExp(`${PYTHON_WHITESPACE_CLASS}+`, "u");
const LAST_RUN = new RegExp(
  `${PYTHON_WHITESPACE_CLASS}+(?=[^${PYTHON_WHITESPACE_CLASS.slice(1)}*$)`,
  "u",
);

/**
 * `text` without Python whitespace at its start and/or end (`str.strip()` without arguments).
 *
 * @example
 * ```ts
 * stripWhitespace("\x1c a \ufeff", true, true); // "a \ufeff"
 * ```
 * @internal
 */
export function stripWhitespace(text: string, leading: boolean, trailing: boolean): string {
  let result = leading ? text.replace(LEADING, "") : text;
  if (trailing) result = result.replace(TRAILING, "");
  return result;
}

/**
 * The first run of Python whitespace in `text` (`str.split()`'s separator), or null.
 *
 * @example
 * ```ts
 * firstWhitespaceRun("a\x85 b")?.index; // 1
 * ```
 * @internal
 */
export function firstWhitespaceRun(text: string): RegExpExecArray | null {
  return RUN.exec(text);
}

/**
 * The last run of Python whitespace in `text` (`str.rsplit()`'s separator), or null.
 *
 * @example
 * ```ts
 * lastWhitespaceRun("a b\x1fc")?.index; // 3
 * ```
 * @internal
 */
export function lastWhitespaceRun(text: string): RegExpExecArray | null {
  return LAST_RUN.exec(text);
}
