import type { Ptr } from "@pymem/core";

/**
 * Code-point indexing of non-ASCII strs. CPython stores a str in a fixed-width kind (1, 2 or 4
 * bytes per code point), so `s[i]` is O(1); pymem stores WTF-8, where the i-th code point's byte
 * offset needs a scan from the start. This cache keeps, for the few non-ASCII strs indexed most
 * recently, the byte offset of every code point, so a loop over `s[i]` scans the text once, not
 * once per index. The table is derived data kept on the JavaScript side (like the attribute
 * cache): the heap must call {@link StrIndexCache.forget} when a str's bytes change or its
 * memory is released, so that an address reused by another str never finds a stale table.
 *
 * @internal
 */
export class StrIndexCache {
  private readonly strs = new Uint32Array(STR_INDEX_ENTRIES);
  private readonly tables: Array<Uint32Array | undefined> = new Array(STR_INDEX_ENTRIES);
  /** The entry the next new table replaces (round robin). */
  private next = 0;

  /**
   * The byte offset (from the str's first data byte) of each of its `length` code points, for
   * the str at `obj` whose WTF-8 bytes are `u8[start, start + bytes)`.
   */
  offsets(obj: Ptr, u8: Uint8Array, start: number, bytes: number, length: number): Uint32Array {
    for (let i = 0; i < STR_INDEX_ENTRIES; i++) {
      const table = this.tables[i];
      if (this.strs[i] === obj && table !== undefined && table.length === length) return table;
    }
    const table = new Uint32Array(length);
    let count = 0;
    // Every byte that is not a continuation byte (10xxxxxx) starts a code point.
    for (let at = 0; at < bytes; at++) if ((u8[start + at]! & 0xc0) !== 0x80) table[count++] = at;
    const entry = this.next;
    this.next = (entry + 1) % STR_INDEX_ENTRIES;
    this.strs[entry] = obj;
    this.tables[entry] = table;
    return table;
  }

  /** Drops the table of `obj` (its bytes changed, or it is being released). */
  forget(obj: Ptr): void {
    for (let i = 0; i < STR_INDEX_ENTRIES; i++) {
      if (this.strs[i] === obj) {
        this.strs[i] = 0;
        this.tables[i] = undefined;
      }
    }
  }
}

/** How many strs keep a table: a few, for loops that index two or three strings in turn. */
const STR_INDEX_ENTRIES = 4;
