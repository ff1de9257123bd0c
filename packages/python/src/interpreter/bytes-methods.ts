import type { Ptr } from "@pymem/core";
import { installByteArrayMethods } from "./bytearray-methods.js";
import { installMoreBytesMethods } from "./bytes-more-methods.js";
import {
  bytesData,
  bytesLength,
  bytesView,
  checkBytesSize,
  isBytesLike,
  newBytes,
  newBytesOfType,
} from "./bytes-objects.js";
import { bytesArgument, indexArgument, indexOfBytes, subArgument } from "./bytes-operations.js";
import { installCodecMethods } from "./codecs.js";
import { WRAPPER_CALLABLE_OFFSET } from "./descriptor-types.js";
import { iterate } from "./iteration.js";
import type { Machine } from "./machine.js";
import { bufferData } from "./memoryview-objects.js";
import type { NativeFunction } from "./native.js";
import { defineTypeMethod, type Keywords, keyword } from "./native-arguments.js";

/**
 * The methods `bytes` and `bytearray` share (`hex`, `fromhex`, `join`, `split`, `strip`,
 * `startswith`, `find`, `count`, `replace`, `upper`, `isdigit`, …), working on the bytes as
 * ASCII as CPython's `Objects/bytes_methods.c` does; each returns an object of its receiver's type.
 *
 * @module
 */

/** ASCII whitespace, as `bytes.split()` and `bytes.strip()` see it. CPython: `Py_ISSPACE`. */
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d]);

const isUpper = (byte: number): boolean => byte >= 0x41 && byte <= 0x5a;
const isLower = (byte: number): boolean => byte >= 0x61 && byte <= 0x7a;
const isDigit = (byte: number): boolean => byte >= 0x30 && byte <= 0x39;
const isAlpha = (byte: number): boolean => isUpper(byte) || isLower(byte);
const toUpper = (byte: number): number => (isLower(byte) ? byte - 32 : byte);
const toLower = (byte: number): number => (isUpper(byte) ? byte + 32 : byte);

/**
 * The `[start, end)` window of `find`/`count`/`startswith` from their optional `start` and `end`
 * arguments (ints or None), clamped as slice bounds are. CPython: `ADJUST_INDICES`.
 */
function window(
  m: Machine,
  length: number,
  start: Ptr | undefined,
  end: Ptr | undefined,
): [number, number] {
  const bound = (value: Ptr | undefined, fallback: number): number => {
    if (value === undefined || value === m.heap.none) return fallback;
    let index = m.intArgument(value, "slice indices");
    if (index < 0) index = Math.max(0, index + length);
    return Math.min(index, length);
  };
  return [bound(start, 0), bound(end, length)];
}

/** Occurrences of `needle` in `haystack[start, end)`, without overlaps. CPython: `stringlib_count`. */
function countBytes(haystack: Uint8Array, needle: Uint8Array, start: number, end: number): number {
  if (start > end) return 0;
  if (needle.length === 0) return end - start + 1;
  const part = haystack.subarray(start, end);
  let count = 0;
  for (
    let at = indexOfBytes(part, needle);
    at >= 0;
    at = indexOfBytes(part, needle, at + needle.length)
  )
    count++;
  return count;
}

/** The last index of `needle` in `haystack[start, end)`, or −1. */
function lastIndexOfBytes(
  haystack: Uint8Array,
  needle: Uint8Array,
  start: number,
  end: number,
): number {
  for (let at = end - needle.length; at >= start; at--) {
    let k = 0;
    while (k < needle.length && haystack[at + k] === needle[k]) k++;
    if (k === needle.length) return at;
  }
  return -1;
}

/** Splits on runs of ASCII whitespace, at most `max` times (−1: no limit). */
function splitWhitespace(data: Uint8Array, max: number): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let i = 0;
  while (i < data.length) {
    while (i < data.length && WHITESPACE.has(data[i]!)) i++;
    if (i === data.length) break;
    if (max >= 0 && parts.length === max) {
      parts.push(data.subarray(i));
      break;
    }
    const start = i;
    while (i < data.length && !WHITESPACE.has(data[i]!)) i++;
    parts.push(data.subarray(start, i));
  }
  return parts;
}

/** Splits on `sep` at most `max` times (−1: no limit). */
function splitOn(data: Uint8Array, sep: Uint8Array, max: number): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let start = 0;
  for (let at = indexOfBytes(data, sep); at >= 0; at = indexOfBytes(data, sep, start)) {
    if (max >= 0 && parts.length === max) break;
    parts.push(data.subarray(start, at));
    start = at + sep.length;
  }
  parts.push(data.subarray(start));
  return parts;
}

/**
 * Lines of `data` split at `\n`, `\r\n` and `\r`, with the line ends when `keepends`.
 * CPython: `stringlib_splitlines` for bytes.
 */
function splitLines(data: Uint8Array, keepends: boolean): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  let i = 0;
  while (i < data.length) {
    const byte = data[i]!;
    if (byte !== 0x0a && byte !== 0x0d) {
      i++;
      continue;
    }
    const lineEnd = i;
    i += byte === 0x0d && data[i + 1] === 0x0a ? 2 : 1;
    lines.push(data.subarray(start, keepends ? i : lineEnd));
    start = i;
  }
  if (start < data.length) lines.push(data.subarray(start));
  return lines;
}

/** The hexadecimal text of `data`, `sep` between groups of `perSep` bytes counted from the right (left when negative). CPython: `_Py_strhex_impl`. */
function hexText(data: Uint8Array, sep: string, perSep: number): string {
  const digits = Array.from(data, (byte) => byte.toString(16).padStart(2, "0"));
  if (sep === "" || perSep === 0 || digits.length === 0) return digits.join("");
  const groups: string[] = [];
  const size = Math.abs(perSep);
  if (perSep > 0)
    for (let end = digits.length; end > 0; end -= size)
      groups.unshift(digits.slice(Math.max(0, end - size), end).join(""));
  else
    for (let start = 0; start < digits.length; start += size)
      groups.push(digits.slice(start, start + size).join(""));
  return groups.join(sep);
}

/**
 * `bytes.fromhex(text)`: pairs of hex digits, whitespace allowed between pairs.
 * CPython: `_PyBytes_FromHex`.
 */
function fromHex(m: Machine, text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; ) {
    if (/\s/.test(text[i]!) && text.charCodeAt(i) < 0x80) {
      i++;
      continue;
    }
    const high = Number.parseInt(text[i]!, 16);
    const low = i + 1 < text.length ? Number.parseInt(text[i + 1]!, 16) : Number.NaN;
    if (Number.isNaN(high) || !/[0-9a-fA-F]/.test(text[i]!))
      m.raise("ValueError", `non-hexadecimal number found in fromhex() arg at position ${i}`);
    if (Number.isNaN(low) || !/[0-9a-fA-F]/.test(text[i + 1]!))
      m.raise("ValueError", `non-hexadecimal number found in fromhex() arg at position ${i + 1}`);
    out.push(high * 16 + low);
    i += 2;
  }
  return Uint8Array.from(out);
}

/**
 * Installs a native as a classmethod of a built-in type (`bytes.fromhex`, `int.from_bytes`): the
 * class it is looked up on comes first in the call. CPython: `METH_CLASS`.
 *
 * @example
 * ```ts
 * defineClassMethod(machine, "bytes", "fromhex", (_c, [cls, text]) => …);
 * ```
 * @internal
 */
export function defineClassMethod(
  m: Machine,
  typeName: string,
  name: string,
  fn: NativeFunction,
): void {
  const builtin = m.newBuiltin(m.addNative(name, fn), 0);
  const wrapper = m.heap.allocate(m.descriptorTypes.classmethod);
  m.heap.memory.u32[(wrapper + WRAPPER_CALLABLE_OFFSET) >>> 2] = builtin;
  m.heap.dictSetItem(m.typeDict(m.builtinType(typeName)), m.name(name), wrapper);
  m.decref(wrapper);
}

/**
 * Installs the shared methods into `bytes` and `bytearray`, then `decode` / `str.encode`
 * (codecs.ts) and the bytearray-only mutators (bytearray-methods.ts).
 *
 * @example
 * ```ts
 * installBytesMethods(machine);
 * ```
 * @internal
 */
export function installBytesMethods(m: Machine): void {
  const heap = m.heap;
  for (const typeName of ["bytes", "bytearray"]) {
    const method = (
      name: string,
      min: number,
      max: number,
      fn: (data: Uint8Array, args: readonly Ptr[], keywords: Keywords, self: Ptr) => Ptr,
      acceptsKeywords = false,
    ): void =>
      defineTypeMethod(
        m,
        typeName,
        (obj) => isBytesLike(m, obj),
        name,
        min,
        max,
        acceptsKeywords,
        (self, args, keywords) => fn(bytesData(m, self), args, keywords, self),
      );
    const same = (self: Ptr, data: Uint8Array): Ptr => newBytesOfType(m, m.typeIdOf(self), data);
    const list = (self: Ptr, parts: Uint8Array[]): Ptr =>
      m.listSteal(parts.map((part) => same(self, part)));

    method(
      "hex",
      0,
      2,
      (data, args, keywords) => {
        const options = keyword(m, "hex", keywords, ["sep", "bytes_per_sep"]);
        const sepObj = args[0] ?? options.get("sep");
        const perSepObj = args[1] ?? options.get("bytes_per_sep");
        let sep = "";
        if (sepObj !== undefined) {
          sep = isBytesLike(m, sepObj)
            ? String.fromCharCode(...bytesData(m, sepObj))
            : m.isStr(sepObj)
              ? heap.strValue(sepObj)
              : m.raise("TypeError", `object of type '${m.typeName(sepObj)}' has no len()`);
          if ([...sep].length !== 1) m.raise("ValueError", "sep must be length 1.");
        }
        const perSep = perSepObj !== undefined ? indexArgument(m, perSepObj) : 1;
        checkBytesSize(heap, data.length * 3);
        return m.newStr(hexText(data, sep, perSep));
      },
      true,
    );
    defineClassMethod(m, typeName, "fromhex", (_context, args) => {
      const [cls, text] = args;
      if (args.length !== 2)
        m.raise("TypeError", `fromhex() takes exactly one argument (${args.length - 1} given)`);
      if (!m.isStr(text!))
        m.raise("TypeError", `fromhex() argument must be str, not ${m.typeName(text!)}`);
      const data = fromHex(m, heap.strValue(text!));
      return m.recordOfType(cls!) === m.builtinType("bytearray")
        ? newBytesOfType(m, m.types.bytearray, data)
        : newBytes(m, data);
    });
    method("join", 1, 1, (data, [iterable], _keywords, self) => {
      const parts: Uint8Array[] = [];
      let size = 0;
      iterate(m, iterable!, (item) => {
        parts.push(
          bufferData(m, item) ??
            m.raise(
              "TypeError",
              `sequence item ${parts.length}: expected a bytes-like object, ${m.typeName(item)} found`,
            ),
        );
        size += parts[parts.length - 1]!.length + (parts.length > 1 ? data.length : 0);
        checkBytesSize(heap, size);
        return true;
      });
      const out = new Uint8Array(size);
      let at = 0;
      parts.forEach((part, i) => {
        if (i > 0) {
          out.set(data, at);
          at += data.length;
        }
        out.set(part, at);
        at += part.length;
      });
      return same(self, out);
    });
    for (const name of ["split", "rsplit"])
      method(
        name,
        0,
        2,
        (data, args, keywords, self) => {
          const options = keyword(m, name, keywords, ["sep", "maxsplit"]);
          const sepObj = args[0] ?? options.get("sep");
          const maxObj = args[1] ?? options.get("maxsplit");
          const max = maxObj !== undefined ? indexArgument(m, maxObj) : -1;
          const reverse = name === "rsplit";
          const source = reverse ? data.slice().reverse() : data;
          let parts: Uint8Array[];
          if (sepObj === undefined || sepObj === heap.none) parts = splitWhitespace(source, max);
          else {
            const sep = bytesArgument(m, sepObj, false);
            if (sep.length === 0) m.raise("ValueError", "empty separator");
            parts = splitOn(source, reverse ? sep.slice().reverse() : sep, max);
          }
          if (reverse) parts = parts.map((part) => part.slice().reverse()).reverse();
          return list(self, parts);
        },
        true,
      );
    method(
      "splitlines",
      0,
      1,
      (data, args, keywords, self) => {
        const options = keyword(m, "splitlines", keywords, ["keepends"]);
        const keepends = args[0] ?? options.get("keepends");
        return list(self, splitLines(data, keepends !== undefined && m.isTrue(keepends)));
      },
      true,
    );
    for (const [name, left, right] of [
      ["strip", true, true],
      ["lstrip", true, false],
      ["rstrip", false, true],
    ] as const)
      method(name, 0, 1, (data, [chars], _keywords, self) => {
        const strip =
          chars === undefined || chars === heap.none
            ? WHITESPACE
            : new Set(bytesArgument(m, chars, false));
        let start = 0;
        let end = data.length;
        if (left) while (start < end && strip.has(data[start]!)) start++;
        if (right) while (end > start && strip.has(data[end - 1]!)) end--;
        return same(self, data.subarray(start, end));
      });
    for (const name of ["startswith", "endswith"])
      method(name, 1, 3, (data, [affix, start, end]) => {
        const [from, to] = window(m, data.length, start, end);
        const candidates =
          m.typeIdOf(affix!) === heap.tupleType
            ? Array.from({ length: heap.tupleLength(affix!) }, (_x, i) =>
                heap.tupleGetItem(affix!, i),
              )
            : [affix!];
        for (const candidate of candidates) {
          if (!isBytesLike(m, candidate))
            m.raise(
              "TypeError",
              `${name} first arg must be bytes or a tuple of bytes, not ${m.typeName(candidate)}`,
            );
          const needle = bytesData(m, candidate);
          if (to - from < needle.length) continue;
          const at = name === "startswith" ? from : to - needle.length;
          if (needle.every((byte, k) => data[at + k] === byte)) return heap.true;
        }
        return heap.false;
      });
    // The arguments first (their __index__ may run code), then a search over a view of the
    // object's own bytes: nothing allocates in between, and nothing is copied.
    for (const name of ["find", "index", "rfind", "rindex"])
      defineTypeMethod(
        m,
        typeName,
        (obj) => isBytesLike(m, obj),
        name,
        1,
        3,
        false,
        (self, [sub, start, end]) => {
          const needle = subArgument(m, sub!);
          const [from, bound] = window(m, bytesLength(m, self), start, end);
          const data = bytesView(m, self);
          const to = Math.min(bound, data.length);
          let at = -1;
          if (to - from >= needle.length)
            at = name.startsWith("r")
              ? lastIndexOfBytes(data, needle, from, to)
              : indexOfBytes(data.subarray(0, to), needle, from);
          if (at < 0 && name.endsWith("index")) m.raise("ValueError", "subsection not found");
          return m.newInt(at);
        },
      );
    method("count", 1, 3, (data, [sub, start, end]) => {
      const [from, to] = window(m, data.length, start, end);
      return m.newInt(countBytes(data, subArgument(m, sub!), from, to));
    });
    method("replace", 2, 3, (data, [old, replacement, countObj], _keywords, self) => {
      const from = bytesArgument(m, old!, false);
      const to = bytesArgument(m, replacement!, false);
      let count = countObj !== undefined ? indexArgument(m, countObj) : -1;
      const pieces: Uint8Array[] = [];
      let size = 0;
      let start = 0;
      const add = (piece: Uint8Array): void => {
        pieces.push(piece);
        size += piece.length;
        checkBytesSize(heap, size);
      };
      if (from.length === 0) {
        // CPython: an empty needle inserts before every byte and at the end.
        for (let i = 0; i <= data.length && count !== 0; i++, count--) {
          add(to);
          if (i < data.length) add(data.subarray(i, i + 1));
          start = i + 1;
        }
        if (start <= data.length) add(data.subarray(start));
      } else {
        for (let at = indexOfBytes(data, from); at >= 0 && count !== 0; count--) {
          add(data.subarray(start, at));
          add(to);
          start = at + from.length;
          at = indexOfBytes(data, from, start);
        }
        add(data.subarray(start));
      }
      const out = new Uint8Array(size);
      let at = 0;
      for (const piece of pieces) {
        out.set(piece, at);
        at += piece.length;
      }
      return same(self, out);
    });
    for (const name of ["partition", "rpartition"])
      method(name, 1, 1, (data, [sepObj], _keywords, self) => {
        const sep = bytesArgument(m, sepObj!, false);
        if (sep.length === 0) m.raise("ValueError", "empty separator");
        const at =
          name === "partition"
            ? indexOfBytes(data, sep)
            : lastIndexOfBytes(data, sep, 0, data.length);
        const empty = new Uint8Array(0);
        const parts =
          at >= 0
            ? [data.subarray(0, at), sep, data.subarray(at + sep.length)]
            : name === "partition"
              ? [data, empty, empty]
              : [empty, empty, data];
        return m.tupleSteal(parts.map((part) => same(self, part)));
      });
    // CPython: stringlib pad() — `center` puts the odd byte left when the width is odd.
    for (const name of ["ljust", "rjust", "center"])
      method(name, 1, 2, (data, [widthObj, fillObj], _keywords, self) => {
        const width = indexArgument(m, widthObj!);
        let fill = 0x20;
        if (fillObj !== undefined) {
          if (!isBytesLike(m, fillObj) || bytesLength(m, fillObj) !== 1)
            m.raise(
              "TypeError",
              `${name}() argument 2 must be a byte string of length 1, not ${m.typeName(fillObj)}`,
            );
          fill = bytesData(m, fillObj)[0]!;
        }
        const padding = Math.max(0, width - data.length);
        checkBytesSize(heap, data.length + padding);
        const left =
          name === "ljust"
            ? 0
            : name === "rjust"
              ? padding
              : Math.floor(padding / 2) + (padding & width & 1);
        const out = new Uint8Array(data.length + padding).fill(fill);
        out.set(data, left);
        return same(self, out);
      });
    method("zfill", 1, 1, (data, [widthObj], _keywords, self) => {
      const width = indexArgument(m, widthObj!);
      const padding = Math.max(0, width - data.length);
      checkBytesSize(heap, data.length + padding);
      const signed = data[0] === 0x2b || data[0] === 0x2d ? 1 : 0;
      const out = new Uint8Array(data.length + padding).fill(0x30);
      out.set(data.subarray(0, signed), 0);
      out.set(data.subarray(signed), signed + padding);
      return same(self, out);
    });
    const mapped = (name: string, fn: (data: Uint8Array) => Uint8Array): void =>
      method(name, 0, 0, (data, _args, _keywords, self) => same(self, fn(data)));
    mapped("upper", (data) => data.map(toUpper));
    mapped("lower", (data) => data.map(toLower));
    mapped("swapcase", (data) =>
      data.map((byte) => (isUpper(byte) ? toLower(byte) : toUpper(byte))),
    );
    mapped("capitalize", (data) =>
      data.map((byte, i) => (i === 0 ? toUpper(byte) : toLower(byte))),
    );
    mapped("title", (data) =>
      data.map((byte, i) => (i > 0 && isAlpha(data[i - 1]!) ? toLower(byte) : toUpper(byte))),
    );
    const predicate = (name: string, test: (byte: number) => boolean, emptyIs = false): void =>
      method(name, 0, 0, (data) =>
        m.newBool(data.length === 0 ? emptyIs : data.every((byte) => test(byte))),
      );
    predicate("isdigit", isDigit);
    predicate("isalpha", isAlpha);
    predicate("isalnum", (byte) => isAlpha(byte) || isDigit(byte));
    predicate("isspace", (byte) => WHITESPACE.has(byte));
    predicate("isascii", (byte) => byte < 0x80, true);
    for (const [name, cased, other] of [
      ["isupper", isUpper, isLower],
      ["islower", isLower, isUpper],
    ] as const)
      method(name, 0, 0, (data) => m.newBool(data.some(cased) && !data.some(other)));
  }
  installMoreBytesMethods(m);
  installCodecMethods(m);
  installByteArrayMethods(m);
}
