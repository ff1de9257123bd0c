import type { Ptr } from "@pymem/core";
import { ObjectKind, STR_BYTES_OFFSET, STR_DATA_OFFSET } from "@pymem/heap";
import { indexOfBytes } from "./bytes-operations.js";
import { codePointIndex } from "./code-points.js";
import type { Machine } from "./machine.js";
import { defineTypeMethod } from "./native-arguments.js";

/**
 * The searching methods of `str` with their optional `start` and `end` (CPython: the
 * `unicode_find`/`count`/`startswith` family over `ADJUST_INDICES`): `find`, `rfind`, `index`,
 * `rindex`, `count`, and `startswith`/`endswith` taking one string or a tuple of them. Indices
 * are code points, as Python's.
 *
 * @module
 */

/**
 * Installs the methods into `str`'s type dict.
 *
 * @example
 * ```ts
 * installStrSearch(machine);
 * ```
 * @internal
 */
export function installStrSearch(m: Machine): void {
  const heap = m.heap;
  const define = (name: string, fn: (text: string, args: readonly Ptr[]) => Ptr): void =>
    defineTypeMethod(
      m,
      "str",
      (obj) => heap.kinds[m.typeIdOf(obj)] === ObjectKind.STR,
      name,
      1,
      3,
      false,
      (self, args) => fn(heap.strValue(self), args),
    );
  const needleOf = (name: string, value: Ptr): string => {
    if (!m.isStr(value))
      m.raise("TypeError", `${name}() argument 1 must be str, not ${m.typeName(value)}`);
    return heap.strValue(value);
  };
  // CPython: ADJUST_INDICES — negative counts from the end; `end` is clamped, `start` may pass it.
  const adjust = (value: Ptr | undefined, fallback: number, length: number): number => {
    if (value === undefined || value === heap.none) return fallback;
    if (!m.isInt(value))
      m.raise("TypeError", "slice indices must be integers or None or have an __index__ method");
    const index = m.numberOf(value);
    if (index < 0) return Math.max(0, index + length);
    return index;
  };
  /** The searched part of `text` and the code point offset it starts at (undefined: none). */
  const window = (text: string, start: Ptr | undefined, end: Ptr | undefined) => {
    const points = /^[\0-\uD7FF\uE000-\uFFFF]*$/.test(text) ? undefined : [...text];
    const length = points === undefined ? text.length : points.length;
    const lo = adjust(start, 0, length);
    const hi = Math.min(length, adjust(end, length, length));
    if (lo > length) return undefined;
    const part = points === undefined ? text.slice(lo, hi) : points.slice(lo, hi).join("");
    return { part, lo, empty: hi < lo };
  };
  /**
   * `find`/`index` from the left over an ASCII str and needle, searched in place (code points
   * are bytes there), so `s.find(x, i)` costs the part searched; undefined when not ASCII.
   */
  const findAscii = (self: Ptr, sub: Ptr, start?: Ptr, end?: Ptr): number | undefined => {
    const length = heap.strLength(self);
    const u32 = heap.memory.u32;
    if (!m.isStr(sub) || u32[(self + STR_BYTES_OFFSET) >>> 2] !== length) return undefined;
    const needleLength = heap.strLength(sub);
    if (u32[(sub + STR_BYTES_OFFSET) >>> 2] !== needleLength) return undefined;
    const lo = adjust(start, 0, length);
    const hi = Math.min(length, adjust(end, length, length));
    if (lo > length || hi < lo) return -1;
    const u8 = heap.memory.u8;
    const base = self + STR_DATA_OFFSET;
    return indexOfBytes(
      u8.subarray(base, base + hi),
      u8.subarray(sub + STR_DATA_OFFSET, sub + STR_DATA_OFFSET + needleLength),
      lo,
    );
  };
  for (const [name, raising] of [
    ["find", false],
    ["index", true],
  ] as const)
    defineTypeMethod(
      m,
      "str",
      (obj) => heap.kinds[m.typeIdOf(obj)] === ObjectKind.STR,
      name,
      1,
      3,
      false,
      (self, [sub, start, end]) => {
        let found = findAscii(self, sub!, start, end);
        if (found === undefined)
          found = searchText(name, false, heap.strValue(self), sub!, start, end);
        if (found < 0 && raising) m.raise("ValueError", "substring not found");
        return m.newInt(found);
      },
    );
  const searchText = (
    name: string,
    fromEnd: boolean,
    text: string,
    sub: Ptr,
    start: Ptr | undefined,
    end: Ptr | undefined,
  ): number => {
    const needle = needleOf(name, sub);
    const searched = window(text, start, end);
    if (searched === undefined || searched.empty) return -1;
    const { part, lo } = searched;
    const at = fromEnd ? part.lastIndexOf(needle) : part.indexOf(needle);
    return at >= 0 ? lo + codePointIndex(part, at) : -1;
  };
  for (const [name, raising] of [
    ["rfind", false],
    ["rindex", true],
  ] as const)
    define(name, (text, [sub, start, end]) => {
      const found = searchText(name, true, text, sub!, start, end);
      if (found < 0 && raising) m.raise("ValueError", "substring not found");
      return m.newInt(found);
    });
  define("count", (text, [sub, start, end]) => {
    const needle = needleOf("count", sub!);
    const searched = window(text, start, end);
    if (searched === undefined || searched.empty) return m.newInt(0);
    const { part } = searched;
    return m.newInt(needle === "" ? [...part].length + 1 : part.split(needle).length - 1);
  });
  const affix = (name: "startswith" | "endswith"): void =>
    define(name, (text, [affixes, start, end]) => {
      const candidates =
        m.typeIdOf(affixes!) === heap.tupleType
          ? Array.from({ length: heap.tupleLength(affixes!) }, (_, i) =>
              heap.tupleGetItem(affixes!, i),
            )
          : [affixes!];
      const searched = window(text, start, end);
      let result = false;
      for (const candidate of candidates) {
        if (!m.isStr(candidate))
          m.raise(
            "TypeError",
            candidates.length === 1 && candidate === affixes
              ? `${name} first arg must be str or a tuple of str, not ${m.typeName(candidate)}`
              : `tuple for ${name} must only contain str, not ${m.typeName(candidate)}`,
          );
        const value = heap.strValue(candidate);
        if (searched !== undefined && !searched.empty)
          result ||=
            name === "startswith" ? searched.part.startsWith(value) : searched.part.endsWith(value);
        else if (searched !== undefined && value === "") result = true;
      }
      return m.newBool(result);
    });
  affix("startswith");
  affix("endswith");
}
