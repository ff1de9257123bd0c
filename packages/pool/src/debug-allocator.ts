import {
  type Allocator,
  DoubleFreeError,
  HeapCorruptionError,
  InvalidPointerError,
  type LinearMemory,
  OutOfMemoryError,
  type Ptr,
  UseAfterFreeError,
} from "@pymem/core";

// ---------------------------------------------------------------------------------------------
// Debug block layout (CPython: the comment above _PyMem_DebugRawAlloc(), PYMEM_DEBUG_SERIALNO on)
//
// S = DEBUG_SIZE_T_BYTES = 4 (sizeof(size_t) on the 32-bit target), n = bytes requested.
//
//   base                                   p = base + 2S                 tail = p + n
//   |                                      |                             |
//   +----------------+----+----------------+-----------------------------+----------------+----------------+
//   | n (big-endian) | ID | S-1 x 0xFD     | data: n x 0xCD (clean)      | S x 0xFD       | serial number  |
//   | S bytes        | 1  | leading pad    | (zeroes after calloc)       | trailing pad   | S bytes, BE    |
//   +----------------+----+----------------+-----------------------------+----------------+----------------+
//   base+0           base+S                base+2S                       tail             tail+S
//
// The underlying allocator is asked for n + 4S bytes and never sees p; the user never sees base.
// ---------------------------------------------------------------------------------------------

/**
 * Bytes of a `size_t` on the mirrored 32-bit target: the width of the size and serial fields and
 * of the trailing pad (CPython: `SST`).
 *
 * @example
 * ```ts
 * import { DEBUG_SIZE_T_BYTES } from "@pymem/pool";
 * const leadingPad = DEBUG_SIZE_T_BYTES - 1; // 3 FORBIDDENBYTEs before the data
 * ```
 */
export const DEBUG_SIZE_T_BYTES = 4;

/**
 * Offset from the returned pointer back to the block base: size field + API id + leading pad.
 *
 * @example
 * ```ts
 * import { DEBUG_DATA_OFFSET } from "@pymem/pool";
 * const base = ptr - DEBUG_DATA_OFFSET; // what the underlying allocator handed out
 * ```
 */
export const DEBUG_DATA_OFFSET = 2 * DEBUG_SIZE_T_BYTES;

/**
 * Extra bytes the debug hooks add to every request: size, id + leading pad, trailing pad, serial
 * (CPython: `PYMEM_DEBUG_EXTRA_BYTES` with `PYMEM_DEBUG_SERIALNO`).
 *
 * @example
 * ```ts
 * import { DEBUG_EXTRA_BYTES } from "@pymem/pool";
 * const underlyingRequest = size + DEBUG_EXTRA_BYTES; // 16 more bytes per block
 * ```
 */
export const DEBUG_EXTRA_BYTES = 4 * DEBUG_SIZE_T_BYTES;

/**
 * Fill byte of freshly allocated data, to expose reads of uninitialised memory (CPython:
 * `PYMEM_CLEANBYTE`, the Windows CRT debug value).
 *
 * @example
 * ```ts
 * import { PYMEM_CLEANBYTE } from "@pymem/pool";
 * const untouched = memory.u8[ptr] === PYMEM_CLEANBYTE;
 * ```
 */
export const PYMEM_CLEANBYTE = 0xcd;

/**
 * Fill byte of freed blocks, to expose use after free (CPython: `PYMEM_DEADBYTE`).
 *
 * @example
 * ```ts
 * import { PYMEM_DEADBYTE } from "@pymem/pool";
 * const looksFreed = memory.u8[ptr] === PYMEM_DEADBYTE;
 * ```
 */
export const PYMEM_DEADBYTE = 0xdd;

/**
 * Fill byte of the guard pads around the data, to expose under- and overruns (CPython:
 * `PYMEM_FORBIDDENBYTE`).
 *
 * @example
 * ```ts
 * import { PYMEM_FORBIDDENBYTE } from "@pymem/pool";
 * const guardIntact = memory.u8[ptr + size] === PYMEM_FORBIDDENBYTE;
 * ```
 */
export const PYMEM_FORBIDDENBYTE = 0xfd;

/** Offset of the API id byte from the block base. */
const API_ID_OFFSET = DEBUG_SIZE_T_BYTES;
/** Offset of the first leading pad byte from the block base. */
const LEADING_PAD_OFFSET = DEBUG_SIZE_T_BYTES + 1;
/** Number of leading pad bytes (S - 1). */
const LEADING_PAD_BYTES = DEBUG_SIZE_T_BYTES - 1;
/** Number of trailing pad bytes (S). */
const TRAILING_PAD_BYTES = DEBUG_SIZE_T_BYTES;
/** Offset of the serial number from `tail`. */
const SERIAL_OFFSET_FROM_TAIL = DEBUG_SIZE_T_BYTES;
/** Bytes saved and DEADBYTE-erased at each end of the data by realloc (CPython: `ERASED_SIZE`). */
const ERASED_SIZE = 64;
/** Largest request the 32-bit size field can describe once the extra bytes are added. */
const MAX_REQUEST_BYTES = 0xffff_ffff - DEBUG_EXTRA_BYTES;
/** Bytes of data shown at each end by the dump (CPython prints up to 8 + 8). */
const DUMP_DATA_BYTES = 8;

/**
 * The allocator domain a debug block belongs to, stored in its API id byte (PEP 445): `'r'`
 * raw (`PyMem_RawMalloc`), `'m'` mem (`PyMem_Malloc`), `'o'` object (`PyObject_Malloc`).
 *
 * @example
 * ```ts
 * import type { DebugApiId } from "@pymem/pool";
 * const api: DebugApiId = "m";
 * ```
 */
export type DebugApiId = "r" | "m" | "o";

/**
 * Options of a {@link DebugAllocator}. Pass any subset to the constructor.
 *
 * @example
 * ```ts
 * import { DebugAllocator, PoolAllocator } from "@pymem/pool";
 * const mem = new DebugAllocator(new PoolAllocator(), { apiId: "m" });
 * ```
 */
export interface DebugAllocatorOptions {
  /**
   * The API id written into every block and required on every free, realloc and usableSize.
   * Use {@link DebugAllocator.forApi} to get a sibling domain over the same blocks.
   * @defaultValue "o"
   */
  apiId: DebugApiId;
}

/**
 * Counters of a {@link DebugAllocator}, on top of the underlying allocator's own stats.
 *
 * @example
 * ```ts
 * const { liveBlocks, serialNumber } = debug.debugStats();
 * ```
 */
export interface DebugAllocatorStats {
  /** Debug blocks allocated and not yet freed (all API ids sharing the state). */
  liveBlocks: number;
  /** Sum of the sizes originally requested for those blocks. */
  requestedBytes: number;
  /** Bytes the debug decorations add to those blocks (`liveBlocks * DEBUG_EXTRA_BYTES`). */
  overheadBytes: number;
  /** Calls to debug malloc/calloc/realloc so far (the last serial number handed out). */
  serialNumber: number;
}

/**
 * Bookkeeping shared by the API-id siblings of one debug allocator, like CPython's single
 * `serialno` shared by the raw, mem and object domains.
 * @internal
 */
class DebugState {
  /**
   * Block base → {@link liveEntry} (bytes requested and API id), for every live debug block: exact
   * foreign-pointer detection, and the id `verify()` expects even after the id byte is smashed.
   */
  readonly live = new Map<number, number>();
  /** Block base → bytes requested, for blocks freed and not since handed out again. */
  readonly freed = new Map<number, number>();
  /** Calls to debug malloc/realloc so far (CPython: `serialno`). */
  serialNumber = 0;
  /** realloc's copy of the erased bytes, allocated once (CPython: `save[2*ERASED_SIZE]`). */
  readonly save = new Uint8Array(2 * ERASED_SIZE);
}

/** Live-map entries keep the requested size in the low 32 bits and the API id code above them. */
const LIVE_ENTRY_API_SCALE = 2 ** 32;

function liveEntry(size: number, apiCode: number): number {
  return apiCode * LIVE_ENTRY_API_SCALE + size;
}

function entrySize(entry: number): number {
  return entry % LIVE_ENTRY_API_SCALE;
}

function entryApi(entry: number): number {
  return Math.floor(entry / LIVE_ENTRY_API_SCALE);
}

function apiIdCode(apiId: DebugApiId): number {
  if (apiId !== "r" && apiId !== "m" && apiId !== "o") {
    throw new RangeError(`apiId must be 'r', 'm' or 'o', got ${String(apiId)}`);
  }
  return apiId.charCodeAt(0);
}

function validateSize(operation: string, size: number): void {
  if (!Number.isInteger(size) || size < 0) {
    throw new RangeError(`${operation}: size must be a non-negative integer, got ${size}`);
  }
}

/** A byte as C's `%c` would show it, escaped when not printable ASCII. */
function formatApiId(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\x${hex2(byte)}`;
}

function hex2(byte: number): string {
  return byte.toString(16).padStart(2, "0");
}

/** An address as glibc's `%p` prints it. */
function formatPointer(address: number): string {
  return `0x${(address >>> 0).toString(16)}`;
}

/** Reads S bytes at `address` as a big-endian size_t (CPython: `read_size_t()`). */
function readSizeT(u8: Uint8Array, address: number): number {
  return (
    ((u8[address]! << 24) |
      (u8[address + 1]! << 16) |
      (u8[address + 2]! << 8) |
      u8[address + 3]!) >>>
    0
  );
}

/** Writes `value` as a big-endian size_t, MSB first (CPython: `write_size_t()`). */
function writeSizeT(u8: Uint8Array, address: number, value: number): void {
  u8[address] = value >>> 24;
  u8[address + 1] = value >>> 16;
  u8[address + 2] = value >>> 8;
  u8[address + 3] = value;
}

/**
 * CPython's memory debug hooks (`PYTHONMALLOC=debug`) around any core {@link Allocator}: guard
 * bytes, fill patterns, a recorded size, API id and serial number per block, and exact reports of
 * overruns, underruns, double frees, foreign pointers and wrong-API frees.
 *
 * @remarks
 * Use it in development and tests, when a block's bytes are written by code you do not trust
 * (a WebAssembly module, a hand-written object layout). Every block costs 16 extra bytes and
 * every operation a side-map lookup, so keep it out of production paths.
 *
 * - `malloc` fills data with {@link PYMEM_CLEANBYTE}; `calloc` zeroes it; `free` checks the block,
 *   fills all of it with {@link PYMEM_DEADBYTE} and only then frees it underneath.
 * - `free`, `realloc`, `usableSize` and `verify` check the block first. A damaged guard or id throws
 *   `HeapCorruptionError`, a second free `DoubleFreeError`, a realloc or usableSize of a freed
 *   block `UseAfterFreeError`, anything else `InvalidPointerError`. Each message names the address,
 *   the size and what is wrong in CPython's words, followed by {@link dumpAddress}'s report.
 * - A reported block is left alone (not freed), so the underlying allocator stays consistent and
 *   its `verify()` still passes; this allocator's `verify()` keeps reporting the damage.
 * - `usableSize` is the size requested, so code cannot silently use the slack.
 *
 * @example
 * ```ts
 * import { DebugAllocator, PoolAllocator } from "@pymem/pool";
 * const debug = new DebugAllocator(new PoolAllocator());
 * const p = debug.malloc(16);
 * debug.memory.u8[p + 16] = 0x41;   // one-byte overrun
 * debug.free(p);                     // throws HeapCorruptionError: "... bad trailing pad byte ..."
 * ```
 *
 * @see CPython `Objects/obmalloc.c`: `_PyMem_DebugRawAlloc`, `_PyMem_DebugRawFree`,
 * `_PyMem_DebugRawRealloc`, `_PyMem_DebugCheckAddress`, `_PyObject_DebugDumpAddress`.
 */
export class DebugAllocator<Underlying extends Allocator = Allocator> implements Allocator {
  /** The allocator that holds the decorated blocks. */
  readonly underlying: Underlying;
  /** The API id this instance writes and verifies. */
  readonly apiId: DebugApiId;
  private readonly apiCode: number;
  /** Shared with the siblings made by {@link forApi}; replaced only there. */
  private state: DebugState;

  constructor(underlying: Underlying, options: Partial<DebugAllocatorOptions> = {}) {
    this.underlying = underlying;
    this.apiId = options.apiId ?? "o";
    this.apiCode = apiIdCode(this.apiId);
    this.state = new DebugState();
  }

  /**
   * A sibling debug allocator for another API id over the same underlying allocator, sharing the
   * live-block map and serial counter, as CPython's raw, mem and object domains do. Freeing a block
   * through the wrong sibling reports "bad ID".
   *
   * @example
   * ```ts
   * const obj = new DebugAllocator(new PoolAllocator());  // API 'o'
   * const mem = obj.forApi("m");
   * obj.free(mem.malloc(16)); // HeapCorruptionError: bad ID: Allocated using API 'm', verified using API 'o'
   * ```
   */
  forApi(apiId: DebugApiId): DebugAllocator<Underlying> {
    const sibling = new DebugAllocator(this.underlying, { apiId });
    sibling.state = this.state;
    return sibling;
  }

  /** The underlying allocator's memory. */
  get memory(): LinearMemory {
    return this.underlying.memory;
  }

  /**
   * The number of debug malloc/calloc/realloc calls so far; the serial number of the most recent
   * block (CPython: `serialno`).
   *
   * @example
   * ```ts
   * const before = debug.serialNumber;
   * const p = debug.malloc(8);
   * debug.blockSerialNumber(p) === before + 1; // true
   * ```
   */
  get serialNumber(): number {
    return this.state.serialNumber;
  }

  /**
   * Allocates `size` bytes filled with {@link PYMEM_CLEANBYTE} between guard pads.
   *
   * @example
   * ```ts
   * const p = debug.malloc(4);
   * debug.memory.u8[p] === 0xcd; // true
   * ```
   */
  malloc(size: number): Ptr {
    validateSize("malloc", size);
    return this.allocate(size, false);
  }

  /**
   * Allocates `count * size` zeroed bytes between guard pads. An overflowing product throws
   * `OutOfMemoryError`.
   *
   * @example
   * ```ts
   * const p = debug.calloc(4, 8); // 32 zero bytes
   * ```
   */
  calloc(count: number, size: number): Ptr {
    validateSize("calloc", count);
    validateSize("calloc", size);
    return this.allocate(count * size, true);
  }

  /**
   * Resizes a block the way CPython's debug realloc does: check it, save and DEADBYTE-erase up to
   * 64 bytes at each end plus the decorations, realloc underneath, rewrite the decorations, restore
   * the saved bytes and fill any growth with {@link PYMEM_CLEANBYTE}. The erasure makes a stale copy
   * of the old block (left behind by a move) visibly dead.
   *
   * @example
   * ```ts
   * let p = debug.malloc(8);
   * p = debug.realloc(p, 32); // bytes 8..31 are 0xcd
   * ```
   */
  realloc(ptr: Ptr, size: number): Ptr {
    validateSize("realloc", size);
    if (ptr === 0) return this.allocate(size, false);
    // CPython: _PyMem_DebugRawRealloc()
    this.checkAddress("realloc", ptr);
    if (size > MAX_REQUEST_BYTES) throw new OutOfMemoryError(size, this.memory.maximumBytes);
    const state = this.state;
    const save = state.save;
    let head = ptr - DEBUG_DATA_OFFSET;
    const originalSize = entrySize(state.live.get(head)!);
    let u8 = this.memory.u8;
    let tail = ptr + originalSize;
    let blockSerial = readSizeT(u8, tail + SERIAL_OFFSET_FROM_TAIL);
    if (originalSize <= save.length) {
      save.set(u8.subarray(ptr, ptr + originalSize));
      u8.fill(PYMEM_DEADBYTE, head, head + originalSize + DEBUG_EXTRA_BYTES);
    } else {
      save.set(u8.subarray(ptr, ptr + ERASED_SIZE), 0);
      u8.fill(PYMEM_DEADBYTE, head, ptr + ERASED_SIZE);
      save.set(u8.subarray(tail - ERASED_SIZE, tail), ERASED_SIZE);
      u8.fill(PYMEM_DEADBYTE, tail - ERASED_SIZE, tail + DEBUG_EXTRA_BYTES - DEBUG_DATA_OFFSET);
    }

    let newSize = size;
    let failed = false;
    let failure: unknown;
    let moved = false;
    try {
      const resized = this.underlying.realloc(head, size + DEBUG_EXTRA_BYTES);
      moved = resized !== head;
      head = resized;
      blockSerial = ++state.serialNumber >>> 0;
    } catch (error) {
      // The block is unchanged underneath: rewrite the decorations just erased, then rethrow.
      failed = true;
      failure = error;
      newSize = originalSize;
    }
    u8 = this.memory.u8; // the realloc may have grown (and so replaced) the memory's views
    const data = head + DEBUG_DATA_OFFSET;
    this.writeHeader(u8, head, newSize);
    tail = data + newSize;
    u8.fill(PYMEM_FORBIDDENBYTE, tail, tail + TRAILING_PAD_BYTES);
    writeSizeT(u8, tail + SERIAL_OFFSET_FROM_TAIL, blockSerial);

    if (originalSize <= save.length) {
      u8.set(save.subarray(0, Math.min(newSize, originalSize)), data);
    } else {
      const endStart = originalSize - ERASED_SIZE;
      u8.set(save.subarray(0, Math.min(newSize, ERASED_SIZE)), data);
      if (newSize > endStart) {
        u8.set(
          save.subarray(ERASED_SIZE, ERASED_SIZE + Math.min(newSize - endStart, ERASED_SIZE)),
          data + endStart,
        );
      }
    }
    if (failed) throw failure;

    if (newSize > originalSize) u8.fill(PYMEM_CLEANBYTE, data + originalSize, data + newSize);
    const oldHead = ptr - DEBUG_DATA_OFFSET;
    if (moved) {
      state.live.delete(oldHead);
      state.freed.set(oldHead, originalSize);
      state.freed.delete(head);
    }
    state.live.set(head, liveEntry(newSize, this.apiCode));
    return data;
  }

  /**
   * Checks a block, fills all of it (decorations included) with {@link PYMEM_DEADBYTE} and frees it
   * underneath. `free(0)` does nothing. A damaged block is reported and left allocated.
   *
   * @example
   * ```ts
   * debug.free(p);
   * debug.free(p); // throws DoubleFreeError
   * ```
   */
  free(ptr: Ptr): void {
    if (ptr === 0) return;
    // CPython: _PyMem_DebugRawFree()
    this.checkAddress("free", ptr);
    const state = this.state;
    const base = ptr - DEBUG_DATA_OFFSET;
    const size = entrySize(state.live.get(base)!);
    this.memory.u8.fill(PYMEM_DEADBYTE, base, base + size + DEBUG_EXTRA_BYTES);
    this.underlying.free(base);
    state.live.delete(base);
    state.freed.set(base, size);
  }

  /**
   * The size originally requested for the block (not the underlying block's slack), after checking
   * the block.
   *
   * @example
   * ```ts
   * debug.usableSize(debug.malloc(13)) === 13; // true
   * ```
   */
  usableSize(ptr: Ptr): number {
    this.checkAddress("usableSize", ptr);
    return entrySize(this.state.live.get(ptr - DEBUG_DATA_OFFSET)!);
  }

  /**
   * The underlying allocator's statistics, unchanged (they count decorated blocks). See
   * {@link debugStats} for the debug layer's own counters.
   *
   * @example
   * ```ts
   * const { blocksInUse } = debug.stats();
   * ```
   */
  stats(): ReturnType<Underlying["stats"]> {
    return this.underlying.stats() as ReturnType<Underlying["stats"]>;
  }

  /**
   * Counters of the debug layer: live blocks, bytes requested, decoration overhead, serial number.
   *
   * @example
   * ```ts
   * console.log(debug.debugStats().requestedBytes);
   * ```
   */
  debugStats(): DebugAllocatorStats {
    let requestedBytes = 0;
    for (const entry of this.state.live.values()) requestedBytes += entrySize(entry);
    const liveBlocks = this.state.live.size;
    return {
      liveBlocks,
      requestedBytes,
      overheadBytes: liveBlocks * DEBUG_EXTRA_BYTES,
      serialNumber: this.state.serialNumber,
    };
  }

  /**
   * Verifies the underlying allocator, then the id, guards and size field of every live debug block
   * (of every sibling API), throwing `HeapCorruptionError` with a dump at the first damaged one.
   *
   * @example
   * ```ts
   * debug.verify(); // after a test, proves nothing overran its block
   * ```
   */
  verify(): void {
    this.underlying.verify();
    const u8 = this.memory.u8;
    for (const [base, entry] of this.state.live) {
      const ptr = base + DEBUG_DATA_OFFSET;
      const size = entrySize(entry);
      // Each block is checked against the id it was allocated with, whichever sibling asks.
      const problem =
        this.findUnderlyingProblem(ptr, size) ?? this.findDamage(u8, ptr, size, entryApi(entry));
      if (problem !== undefined) {
        throw this.corruption("verify", ptr, size, problem);
      }
    }
  }

  /**
   * Whether `ptr` is the data pointer of a live block of this debug allocator (any API id).
   *
   * @example
   * ```ts
   * debug.isLive(p); // true until debug.free(p)
   * ```
   */
  isLive(ptr: Ptr): boolean {
    return this.state.live.has(ptr - DEBUG_DATA_OFFSET);
  }

  /**
   * The serial number stored in a live block: which debug malloc/realloc call made it. Use it to
   * stop a rerun at the moment a damaged block was handed out.
   *
   * @example
   * ```ts
   * const serial = debug.blockSerialNumber(p);
   * ```
   */
  blockSerialNumber(ptr: Ptr): number {
    const entry = this.state.live.get(ptr - DEBUG_DATA_OFFSET);
    if (entry === undefined) throw this.badPointer("blockSerialNumber", ptr);
    return readSizeT(this.memory.u8, ptr + entrySize(entry) + SERIAL_OFFSET_FROM_TAIL);
  }

  /**
   * The report CPython prints before a memory fatal error, for the block whose data starts at
   * `ptr`: API id, size requested, the state of both guard pads (byte by byte when damaged), the
   * serial number and the first and last 8 data bytes. Reads only bytes inside the memory, so it is
   * safe on any address.
   *
   * @example
   * ```ts
   * console.log(debug.dumpAddress(p));
   * // Debug memory block at address p=0x1058: API 'o'
   * //     16 bytes originally requested
   * //     The 3 pad bytes at p-3 are FORBIDDENBYTE, as expected.
   * //     The 4 pad bytes at tail=0x1068 are FORBIDDENBYTE, as expected.
   * //     The block was made by call #1 to debug malloc/realloc.
   * //     Data at p: cd cd cd cd cd cd cd cd cd cd cd cd cd cd cd cd
   * ```
   */
  dumpAddress(ptr: Ptr): string {
    // CPython: _PyObject_DebugDumpAddress()
    const u8 = this.memory.u8;
    const limit = u8.length;
    const lines: string[] = [];
    const header = `Debug memory block at address p=${formatPointer(ptr)}:`;
    if (ptr === 0) return header;
    if (ptr < DEBUG_DATA_OFFSET || ptr > limit) return `${header} outside the linear memory`;
    const base = ptr - DEBUG_DATA_OFFSET;
    lines.push(`${header} API '${formatApiId(u8[base + API_ID_OFFSET]!)}'`);
    const size = readSizeT(u8, base);
    lines.push(`    ${size} bytes originally requested`);

    let leadingOk = true;
    for (let i = 1; i <= LEADING_PAD_BYTES; i++)
      if (u8[ptr - i] !== PYMEM_FORBIDDENBYTE) leadingOk = false;
    lines.push(
      `    The ${LEADING_PAD_BYTES} pad bytes at p-${LEADING_PAD_BYTES} are ${
        leadingOk
          ? "FORBIDDENBYTE, as expected."
          : `not all FORBIDDENBYTE (0x${hex2(PYMEM_FORBIDDENBYTE)}):`
      }`,
    );
    if (!leadingOk) {
      for (let i = LEADING_PAD_BYTES; i >= 1; i--) {
        const byte = u8[ptr - i]!;
        lines.push(
          `        at p-${i}: 0x${hex2(byte)}${byte !== PYMEM_FORBIDDENBYTE ? " *** OUCH" : ""}`,
        );
      }
      lines.push(
        "    Because memory is corrupted at the start, the count of bytes requested",
        "       may be bogus, and checking the trailing pad bytes may segfault.",
      );
    }

    const tail = ptr + size;
    if (tail + DEBUG_DATA_OFFSET > limit) {
      lines.push(
        `    The ${TRAILING_PAD_BYTES} pad bytes at tail=${formatPointer(tail)} are outside the linear memory.`,
      );
      return lines.join("\n");
    }
    let trailingOk = true;
    for (let i = 0; i < TRAILING_PAD_BYTES; i++)
      if (u8[tail + i] !== PYMEM_FORBIDDENBYTE) trailingOk = false;
    lines.push(
      `    The ${TRAILING_PAD_BYTES} pad bytes at tail=${formatPointer(tail)} are ${
        trailingOk
          ? "FORBIDDENBYTE, as expected."
          : `not all FORBIDDENBYTE (0x${hex2(PYMEM_FORBIDDENBYTE)}):`
      }`,
    );
    if (!trailingOk) {
      for (let i = 0; i < TRAILING_PAD_BYTES; i++) {
        const byte = u8[tail + i]!;
        lines.push(
          `        at tail+${i}: 0x${hex2(byte)}${byte !== PYMEM_FORBIDDENBYTE ? " *** OUCH" : ""}`,
        );
      }
    }
    const serial = readSizeT(u8, tail + SERIAL_OFFSET_FROM_TAIL);
    lines.push(`    The block was made by call #${serial} to debug malloc/realloc.`);

    if (size > 0) {
      let text = "    Data at p:";
      let q = ptr;
      while (q < tail && q - ptr < DUMP_DATA_BYTES) text += ` ${hex2(u8[q++]!)}`;
      if (q < tail) {
        if (tail - q > DUMP_DATA_BYTES) {
          text += " ...";
          q = tail - DUMP_DATA_BYTES;
        }
        while (q < tail) text += ` ${hex2(u8[q++]!)}`;
      }
      lines.push(text);
    }
    return lines.join("\n");
  }

  // -------------------------------------------------------------------------------------------

  /** CPython: _PyMem_DebugRawAlloc() */
  private allocate(size: number, zeroed: boolean): Ptr {
    if (size > MAX_REQUEST_BYTES) throw new OutOfMemoryError(size, this.memory.maximumBytes);
    const total = size + DEBUG_EXTRA_BYTES;
    const base = zeroed ? this.underlying.calloc(1, total) : this.underlying.malloc(total);
    const state = this.state;
    const serial = ++state.serialNumber >>> 0;
    const u8 = this.memory.u8;
    const data = base + DEBUG_DATA_OFFSET;
    this.writeHeader(u8, base, size);
    if (!zeroed) u8.fill(PYMEM_CLEANBYTE, data, data + size);
    const tail = data + size;
    u8.fill(PYMEM_FORBIDDENBYTE, tail, tail + TRAILING_PAD_BYTES);
    writeSizeT(u8, tail + SERIAL_OFFSET_FROM_TAIL, serial);
    state.live.set(base, liveEntry(size, this.apiCode));
    state.freed.delete(base);
    return data;
  }

  /** Size field, API id and leading pad at `base`. */
  private writeHeader(u8: Uint8Array, base: number, size: number): void {
    writeSizeT(u8, base, size);
    u8[base + API_ID_OFFSET] = this.apiCode;
    u8.fill(PYMEM_FORBIDDENBYTE, base + LEADING_PAD_OFFSET, base + DEBUG_DATA_OFFSET);
  }

  /**
   * Throws unless `ptr` is a live, undamaged debug block of this API id.
   * CPython: _PyMem_DebugCheckAddress(), plus the live-block map CPython does not have.
   */
  private checkAddress(operation: string, ptr: Ptr): void {
    const entry = this.state.live.get(ptr - DEBUG_DATA_OFFSET);
    if (entry === undefined) throw this.badPointer(operation, ptr);
    const size = entrySize(entry);
    const u8 = this.memory.u8;
    const problem =
      this.findUnderlyingProblem(ptr, size) ?? this.findDamage(u8, ptr, size, this.apiCode);
    if (problem !== undefined) throw this.corruption(operation, ptr, size, problem);
  }

  /**
   * Whether the underlying allocator still holds the block whole: a block freed or shrunk behind
   * the debug layer's back must not be DEADBYTE-filled or freed again (that would corrupt the
   * underlying free lists), so it is reported instead.
   */
  private findUnderlyingProblem(ptr: Ptr, size: number): string | undefined {
    let usable: number;
    try {
      usable = this.underlying.usableSize(ptr - DEBUG_DATA_OFFSET);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return `the underlying allocator does not hold the block (freed behind the debug layer's back?): ${reason}`;
    }
    if (usable < size + DEBUG_EXTRA_BYTES) {
      return `the underlying block has ${usable} usable bytes, fewer than the ${size + DEBUG_EXTRA_BYTES} the debug block needs`;
    }
    return undefined;
  }

  /** What is wrong with a live block, in CPython's words, or undefined when it is intact. */
  private findDamage(
    u8: Uint8Array,
    ptr: Ptr,
    size: number,
    expectedApi: number,
  ): string | undefined {
    const id = u8[ptr - DEBUG_DATA_OFFSET + API_ID_OFFSET]!;
    if (id !== expectedApi) {
      return `bad ID: Allocated using API '${formatApiId(id)}', verified using API '${formatApiId(expectedApi)}'`;
    }
    // Leading pad first: an underrun may have hit the size field too (CPython's order).
    for (let i = LEADING_PAD_BYTES; i >= 1; i--) {
      if (u8[ptr - i] !== PYMEM_FORBIDDENBYTE) return "bad leading pad byte";
    }
    const recorded = readSizeT(u8, ptr - DEBUG_DATA_OFFSET);
    if (recorded !== size) {
      // Not a CPython check: the side map lets us tell a smashed size field apart.
      return `bad size field: the header says ${recorded} bytes, ${size} were requested`;
    }
    const tail = ptr + size;
    for (let i = 0; i < TRAILING_PAD_BYTES; i++) {
      if (u8[tail + i] !== PYMEM_FORBIDDENBYTE) return "bad trailing pad byte";
    }
    return undefined;
  }

  private corruption(
    operation: string,
    ptr: Ptr,
    size: number,
    problem: string,
  ): HeapCorruptionError {
    return new HeapCorruptionError(
      ptr,
      `${operation}: ${problem} (debug block of ${size} bytes originally requested)\n${this.dumpAddress(ptr)}`,
    );
  }

  /** The error for a pointer that is not a live debug block: double free, use after free or foreign. */
  private badPointer(operation: string, ptr: Ptr): Error {
    const base = ptr - DEBUG_DATA_OFFSET;
    const freedSize = this.state.freed.get(base);
    const container = this.liveBlockContaining(ptr);
    if (freedSize !== undefined && container === undefined) {
      const detail = `${operation}: the debug block of ${freedSize} bytes originally requested was already freed (filled with DEADBYTE 0x${hex2(PYMEM_DEADBYTE)})`;
      // CPython would go on to report "bad ID" for the DEADBYTE id; the dump shows what is left.
      const withDump = `${detail}\n${this.dumpAddress(ptr)}`;
      return operation === "free"
        ? new DoubleFreeError(ptr, withDump)
        : new UseAfterFreeError(ptr, withDump);
    }
    if (container !== undefined) {
      const [base, size] = container;
      const data = base + DEBUG_DATA_OFFSET;
      return new InvalidPointerError(
        ptr,
        `${operation}: not the start of a debug block; it lies ${ptr - data} bytes from p=${formatPointer(data)}, a live debug block of ${size} bytes originally requested`,
      );
    }
    return new InvalidPointerError(
      ptr,
      `${operation}: not a live block of this debug allocator (no debug block was allocated at p-${DEBUG_DATA_OFFSET})`,
    );
  }

  /** The live block whose decorated extent covers `address`; a linear scan, error path only. */
  private liveBlockContaining(address: number): [number, number] | undefined {
    for (const [base, entry] of this.state.live) {
      const size = entrySize(entry);
      if (address >= base && address < base + size + DEBUG_EXTRA_BYTES) return [base, size];
    }
    return undefined;
  }
}
