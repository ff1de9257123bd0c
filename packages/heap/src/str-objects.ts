import type { Ptr } from "@pymem/core";
import type { Heap } from "./heap.js";
import {
  STR_BYTES_OFFSET,
  STR_DATA_OFFSET,
  STR_HASH_OFFSET,
  STR_STATE_INTERNED,
  STR_STATE_OFFSET,
} from "./layouts.js";
import { ObjectKind } from "./object-kind.js";

/**
 * `str`: construction from JavaScript strings (UTF-8 inline), the intern table (CPython 3.13's
 * mortal interned strings) and reading text back.
 *
 * @module
 */

// Stateless, so one of each serves every heap. The decoder keeps a leading U+FEFF (a str may
// start with one) instead of dropping it as a byte-order mark.
const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * Writes `text` as WTF-8 from `at`: UTF-8, with each lone surrogate as its own 3-byte sequence
 * (CPython keeps lone surrogates in a str; `TextEncoder` would turn them into U+FFFD).
 */
function encodeWtf8(text: string, u8: Uint8Array, at: number): void {
  for (let i = 0; i < text.length; i++) {
    let unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (unit < 0x80) u8[at++] = unit;
    else if (unit < 0x800) {
      u8[at++] = 0xc0 | (unit >> 6);
      u8[at++] = 0x80 | (unit & 0x3f);
    } else if (unit < 0x10000) {
      u8[at++] = 0xe0 | (unit >> 12);
      u8[at++] = 0x80 | ((unit >> 6) & 0x3f);
      u8[at++] = 0x80 | (unit & 0x3f);
    } else {
      u8[at++] = 0xf0 | (unit >> 18);
      u8[at++] = 0x80 | ((unit >> 12) & 0x3f);
      u8[at++] = 0x80 | ((unit >> 6) & 0x3f);
      u8[at++] = 0x80 | (unit & 0x3f);
    }
  }
}

/**
 * The code point whose WTF-8 sequence starts at `u8[at]` (a lone surrogate decodes to itself).
 */
function decodeCodePoint(u8: Uint8Array, at: number): number {
  const lead = u8[at]!;
  if (lead < 0x80) return lead;
  if (lead < 0xe0) return ((lead & 0x1f) << 6) | (u8[at + 1]! & 0x3f);
  if (lead < 0xf0)
    return ((lead & 0x0f) << 12) | ((u8[at + 1]! & 0x3f) << 6) | (u8[at + 2]! & 0x3f);
  return (
    ((lead & 0x07) << 18) |
    ((u8[at + 1]! & 0x3f) << 12) |
    ((u8[at + 2]! & 0x3f) << 6) |
    (u8[at + 3]! & 0x3f)
  );
}

/** Non-ASCII strs shorter than this are indexed by decoding them (no table is worth keeping). */
const INDEXED_STR_MINIMUM = 32;

/**
 * Reads WTF-8 `bytes` back into a JavaScript string, lone surrogates included (the slow path of
 * `strValue`, taken only when `TextDecoder` produced U+FFFD, which a surrogate decodes to).
 */
function decodeWtf8(bytes: Uint8Array): string {
  const units: number[] = [];
  const pieces: string[] = [];
  for (let at = 0; at < bytes.length; ) {
    const lead = bytes[at]!;
    let codePoint: number;
    if (lead < 0x80) {
      codePoint = lead;
      at += 1;
    } else if (lead < 0xe0) {
      codePoint = ((lead & 0x1f) << 6) | (bytes[at + 1]! & 0x3f);
      at += 2;
    } else if (lead < 0xf0) {
      codePoint = ((lead & 0x0f) << 12) | ((bytes[at + 1]! & 0x3f) << 6) | (bytes[at + 2]! & 0x3f);
      at += 3;
    } else {
      codePoint =
        ((lead & 0x07) << 18) |
        ((bytes[at + 1]! & 0x3f) << 12) |
        ((bytes[at + 2]! & 0x3f) << 6) |
        (bytes[at + 3]! & 0x3f);
      at += 4;
    }
    if (codePoint < 0x10000) units.push(codePoint);
    else
      units.push(0xd800 + ((codePoint - 0x10000) >> 10), 0xdc00 + ((codePoint - 0x10000) & 0x3ff));
    if (units.length >= 4096) pieces.push(String.fromCharCode(...units.splice(0)));
  }
  pieces.push(String.fromCharCode(...units));
  return pieces.join("");
}

/**
 * The {@link Heap} methods for `str` objects.
 *
 * @example
 * ```ts
 * const s = heap.newStr("héllo");
 * heap.strLength(s); // 5
 * ```
 */
export interface StrOperations {
  /**
   * A new reference to a `str` holding `text` as UTF-8.
   *
   * @example
   * ```ts
   * const s = heap.newStr("héllo");
   * heap.strValue(s); // "héllo"
   * ```
   */
  newStr(text: string): Ptr;

  /**
   * A new reference to the interned `str` equal to `text`, creating it if needed. The intern
   * table does not own a reference: an interned string dies like any other and leaves the table
   * (CPython 3.13's mortal interned strings). CPython: `PyUnicode_InternFromString`.
   *
   * @example
   * ```ts
   * heap.intern("name") === heap.intern("name"); // true (two references to one object)
   * ```
   */
  intern(text: string): Ptr;

  /**
   * The JavaScript string a `str` holds.
   *
   * @example
   * ```ts
   * heap.strValue(heap.newStr("abc")); // "abc"
   * ```
   */
  strValue(obj: Ptr): string;

  /**
   * `len(s)`: the number of code points of a `str`.
   *
   * @example
   * ```ts
   * heap.strLength(heap.newStr("héllo")); // 5
   * ```
   */
  strLength(obj: Ptr): number;

  /**
   * `s[index]` for an index already in range (`0 <= index < strLength(s)`): the code point at
   * `index` as a JavaScript string. An ASCII str (one byte per code point) is read in place, so
   * a loop over `s[i]` stays linear; others are decoded.
   *
   * @example
   * ```ts
   * heap.strCharAt(heap.newStr("héllo"), 1); // "é"
   * ```
   */
  strCharAt(obj: Ptr, index: number): string;

  /**
   * A new reference to `a + b` for two `str` objects, copied byte for byte (no JavaScript string
   * is built, so the cost is the result's length). With `growable`, the block gets spare room
   * (an eighth more, as `list_resize` over-allocates) so that appends to the result
   * ({@link StrOperations.strAppendInPlace}) usually need no new block: use it when the result
   * replaces `a` in a variable that a loop keeps appending to. The spare room is not part of the
   * object (`sys.getsizeof` does not count it). CPython: `PyUnicode_Concat`.
   *
   * @example
   * ```ts
   * heap.strValue(heap.strConcat(heap.newStr("ab"), heap.newStr("c"))); // "abc"
   * ```
   */
  strConcat(a: Ptr, b: Ptr, growable?: boolean): Ptr;

  /**
   * Appends the text of `b` to `a` in place and returns true, when `a` may change and its block
   * has room: the caller must hold the only reference to `a` apart from the variable the result
   * goes back into (CPython checks `Py_REFCNT(left) == 1` after dropping the variable's
   * reference); `a` must not be interned. Its cached hash is reset. Returns false, changing
   * nothing, when `a` is interned or its block is too small: then build the result with
   * {@link StrOperations.strConcat} (`growable`). This is what makes `s += piece` in a loop
   * linear rather than quadratic. CPython: `PyUnicode_Append` (`unicode_modifiable`,
   * `resize_compact`).
   *
   * @example
   * ```ts
   * const s = heap.strConcat(heap.newStr("ab"), heap.newStr("c"), true);
   * heap.strAppendInPlace(s, heap.newStr("d")); // true
   * heap.strValue(s); // "abcd"
   * ```
   */
  strAppendInPlace(a: Ptr, b: Ptr): boolean;

  /**
   * Removes a dying interned `str` from the intern table (a no-op for other strs). Called by
   * `releaseObject`. CPython 3.13: the mortal-interned branch of `unicode_dealloc`.
   *
   * @internal
   */
  forgetInterned(obj: Ptr): void;
}

/**
 * The implementation of {@link StrOperations}, installed on `Heap.prototype` by `heap.ts`.
 *
 * @internal
 */
export const strOperations: StrOperations & ThisType<Heap> = {
  newStr(text) {
    // Measure the UTF-8 length first so the object is allocated once and encoded in place.
    const units = text.length;
    let bytes = 0;
    let codePoints = 0;
    let ascii = true;
    let loneSurrogate = false;
    for (let i = 0; i < units; i++) {
      const unit = text.charCodeAt(i);
      codePoints++;
      if (unit < 0x80) bytes += 1;
      else {
        ascii = false;
        if (unit < 0x800) bytes += 2;
        else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < units) {
          const low = text.charCodeAt(i + 1);
          if (low >= 0xdc00 && low <= 0xdfff) {
            bytes += 4;
            i++;
          } else {
            bytes += 3;
            loneSurrogate = true;
          }
        } else {
          bytes += 3; // BMP, or a lone surrogate (3 bytes of WTF-8)
          if (unit >= 0xd800 && unit <= 0xdfff) loneSurrogate = true;
        }
      }
    }
    const obj = this.allocateObject(this.strType, STR_DATA_OFFSET + bytes, false);
    const u32 = this.memory.u32;
    u32[(obj + STR_BYTES_OFFSET) >>> 2] = bytes;
    this.memory.i32[(obj + STR_HASH_OFFSET) >> 2] = -1;
    u32[(obj + STR_STATE_OFFSET) >>> 2] = codePoints << 1;
    const start = obj + STR_DATA_OFFSET;
    const u8 = this.memory.u8;
    if (ascii) for (let i = 0; i < units; i++) u8[start + i] = text.charCodeAt(i);
    else if (loneSurrogate) encodeWtf8(text, u8, start);
    else encoder.encodeInto(text, u8.subarray(start, start + bytes));
    return obj;
  },

  intern(text) {
    const existing = this.interned.get(text);
    if (existing !== undefined) {
      this.requireLifetime().incref(existing);
      return existing;
    }
    const obj = this.newStr(text);
    this.memory.u32[(obj + STR_STATE_OFFSET) >>> 2]! |= STR_STATE_INTERNED;
    this.interned.set(text, obj);
    return obj;
  },

  strValue(obj) {
    this.expectKind(obj, ObjectKind.STR, "str");
    const bytes = this.memory.u32[(obj + STR_BYTES_OFFSET) >>> 2]!;
    const start = obj + STR_DATA_OFFSET;
    const data = this.memory.u8.subarray(start, start + bytes);
    const text = decoder.decode(data);
    // U+FFFD in the result: either the character itself or a lone surrogate (invalid UTF-8).
    return text.indexOf("\ufffd") < 0 ? text : decodeWtf8(data);
  },

  strLength(obj) {
    this.expectKind(obj, ObjectKind.STR, "str");
    return this.memory.u32[(obj + STR_STATE_OFFSET) >>> 2]! >>> 1;
  },

  strCharAt(obj, index) {
    const length = this.strLength(obj);
    const bytes = this.memory.u32[(obj + STR_BYTES_OFFSET) >>> 2]!;
    const u8 = this.memory.u8;
    const start = obj + STR_DATA_OFFSET;
    if (bytes === length) return String.fromCharCode(u8[start + index]!);
    if (length < INDEXED_STR_MINIMUM) return [...this.strValue(obj)][index]!;
    const at = start + this.strIndex.offsets(obj, u8, start, bytes, length)[index]!;
    return String.fromCodePoint(decodeCodePoint(u8, at));
  },

  strConcat(a, b, growable = false) {
    this.expectKind(a, ObjectKind.STR, "str");
    this.expectKind(b, ObjectKind.STR, "str");
    let u32 = this.memory.u32;
    const bytesA = u32[(a + STR_BYTES_OFFSET) >>> 2]!;
    const bytesB = u32[(b + STR_BYTES_OFFSET) >>> 2]!;
    const codePoints =
      (u32[(a + STR_STATE_OFFSET) >>> 2]! >>> 1) + (u32[(b + STR_STATE_OFFSET) >>> 2]! >>> 1);
    const bytes = bytesA + bytesB;
    const room = growable ? bytes + (bytes >>> 3) + 8 : bytes;
    const obj = this.allocateObject(this.strType, STR_DATA_OFFSET + room, false);
    u32 = this.memory.u32; // the allocation may have grown the memory
    u32[(obj + STR_BYTES_OFFSET) >>> 2] = bytes;
    this.memory.i32[(obj + STR_HASH_OFFSET) >> 2] = -1;
    u32[(obj + STR_STATE_OFFSET) >>> 2] = codePoints << 1;
    const u8 = this.memory.u8;
    const start = obj + STR_DATA_OFFSET;
    u8.copyWithin(start, a + STR_DATA_OFFSET, a + STR_DATA_OFFSET + bytesA);
    u8.copyWithin(start + bytesA, b + STR_DATA_OFFSET, b + STR_DATA_OFFSET + bytesB);
    return obj;
  },

  strAppendInPlace(a, b) {
    this.expectKind(a, ObjectKind.STR, "str");
    this.expectKind(b, ObjectKind.STR, "str");
    const u32 = this.memory.u32;
    const state = u32[(a + STR_STATE_OFFSET) >>> 2]!;
    if ((state & STR_STATE_INTERNED) !== 0) return false;
    const bytesA = u32[(a + STR_BYTES_OFFSET) >>> 2]!;
    const bytesB = u32[(b + STR_BYTES_OFFSET) >>> 2]!;
    if (STR_DATA_OFFSET + bytesA + bytesB > this.allocator.usableSize(a)) return false;
    this.strIndex.forget(a);
    const start = a + STR_DATA_OFFSET;
    this.memory.u8.copyWithin(start + bytesA, b + STR_DATA_OFFSET, b + STR_DATA_OFFSET + bytesB);
    u32[(a + STR_BYTES_OFFSET) >>> 2] = bytesA + bytesB;
    u32[(a + STR_STATE_OFFSET) >>> 2] = state + (u32[(b + STR_STATE_OFFSET) >>> 2]! & ~1);
    this.memory.i32[(a + STR_HASH_OFFSET) >> 2] = -1;
    return true;
  },

  forgetInterned(obj) {
    if ((this.memory.u32[(obj + STR_STATE_OFFSET) >>> 2]! & STR_STATE_INTERNED) === 0) return;
    const text = this.strValue(obj);
    if (this.interned.get(text) === obj) this.interned.delete(text);
  },
};
