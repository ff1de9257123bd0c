/**
 * `str` semantics by code point over JavaScript's UTF-16 strings: Python indexes, measures and
 * orders strs by code point, JavaScript by UTF-16 unit, and the two differ as soon as a str holds
 * a character outside the Basic Multilingual Plane (an emoji: one code point, two units).
 *
 * @module
 */

/**
 * `len(text)`: its code points (a surrogate pair counts once).
 *
 * @example
 * ```ts
 * codePointLength("a😀"); // 2 (3 UTF-16 units)
 * ```
 * @internal
 */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

/**
 * The code point index of UTF-16 index `unitIndex` in `text` (−1 stays −1), for results of
 * `indexOf` and friends. CPython: the index `str.find` returns.
 *
 * @example
 * ```ts
 * codePointIndex("😀b", 2); // 1
 * ```
 * @internal
 */
export function codePointIndex(text: string, unitIndex: number): number {
  return unitIndex <= 0 ? unitIndex : codePointLength(text.slice(0, unitIndex));
}

/**
 * Orders two strs by code point, as CPython compares them (`"😀" > "\uffff"`, where UTF-16 order
 * says the opposite): negative, zero or positive. CPython: `unicode_compare`.
 *
 * @example
 * ```ts
 * codePointOrder("😀", "\uffff") > 0; // true
 * ```
 * @internal
 */
export function codePointOrder(a: string, b: string): number {
  if (a === b) return 0;
  const shorter = Math.min(a.length, b.length);
  let i = 0;
  while (i < shorter && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === shorter) return a.length - b.length;
  // Equal high surrogates before: both differ in the low half of a pair, ordered as units.
  const previous = i > 0 ? a.charCodeAt(i - 1) : 0;
  if (previous >= 0xd800 && previous <= 0xdbff) return a.charCodeAt(i) - b.charCodeAt(i);
  return a.codePointAt(i)! - b.codePointAt(i)!;
}
