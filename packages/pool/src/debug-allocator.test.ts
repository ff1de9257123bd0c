import { execFileSync } from "node:child_process";
import {
  type Allocator,
  DoubleFreeError,
  HeapCorruptionError,
  InvalidPointerError,
  OutOfMemoryError,
  type Ptr,
  UseAfterFreeError,
} from "@pymem/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEBUG_DATA_OFFSET,
  DEBUG_EXTRA_BYTES,
  DebugAllocator,
  PYMEM_CLEANBYTE,
  PYMEM_DEADBYTE,
  PYMEM_FORBIDDENBYTE,
} from "./debug-allocator.js";
import { PoolAllocator } from "./pool-allocator.js";
import { RawAllocator } from "./raw-allocator.js";
import { findCPython313 } from "./test-support/cpython.js";

function setup(maximumBytes?: number) {
  const pool = new PoolAllocator(maximumBytes !== undefined ? { maximumBytes } : {});
  const debug = new DebugAllocator(pool);
  return { pool, debug };
}

function bytes(allocator: Allocator, from: number, count: number): number[] {
  return Array.from(allocator.memory.u8.subarray(from, from + count));
}

/** Runs `action`, expecting it to throw `errorClass`; returns the error for message checks. */
function catchError<E extends Error>(
  errorClass: new (...args: never[]) => E,
  action: () => unknown,
): E {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(errorClass);
    return error as E;
  }
  throw new Error(`expected ${errorClass.name}, nothing was thrown`);
}

/** Every underlying counter that a rejected operation must leave unchanged. */
function poolState(pool: PoolAllocator) {
  const { blocksInUse, bytesInUse, rawBlocks, arenasAllocatedCurrent } = pool.stats();
  return { blocksInUse, bytesInUse, rawBlocks, arenasAllocatedCurrent };
}

describe("DebugAllocator layout", () => {
  it("decorates a block like CPython's debug malloc with S = 4 and a serial number", () => {
    const { pool, debug } = setup();
    const p = debug.malloc(16);
    const base = p - DEBUG_DATA_OFFSET;
    // CPython 3.13 PyMem_Malloc(16) with S = 8: 00..00 10 | 6d fd×7 | cd×16 | fd×8 (no serial).
    expect(bytes(pool, base, 16 + DEBUG_EXTRA_BYTES)).toEqual([
      0x00,
      0x00,
      0x00,
      0x10,
      0x6f,
      0xfd,
      0xfd,
      0xfd,
      ...new Array(16).fill(PYMEM_CLEANBYTE),
      0xfd,
      0xfd,
      0xfd,
      0xfd,
      0x00,
      0x00,
      0x00,
      0x01,
    ]);
    expect(debug.blockSerialNumber(p)).toBe(1);
    expect(p % 8).toBe(0);
  });

  it("stores the size big-endian, the API id and a growing serial number", () => {
    const { debug } = setup();
    const mem = debug.forApi("m");
    debug.malloc(1);
    const p = mem.malloc(0x1234);
    const base = p - DEBUG_DATA_OFFSET;
    expect(bytes(debug, base, 8)).toEqual([0x00, 0x00, 0x12, 0x34, 0x6d, 0xfd, 0xfd, 0xfd]);
    expect(bytes(debug, p + 0x1234 + 4, 4)).toEqual([0, 0, 0, 2]);
    expect(debug.serialNumber).toBe(2);
    expect(mem.serialNumber).toBe(2);
  });

  it("calloc zeroes the data and still writes the guards", () => {
    const { debug } = setup();
    const dirty = debug.malloc(40);
    debug.memory.u8.fill(0x77, dirty, dirty + 40);
    debug.free(dirty);
    const p = debug.calloc(5, 8);
    expect(bytes(debug, p, 40)).toEqual(new Array(40).fill(0));
    expect(bytes(debug, p - 3, 3)).toEqual([0xfd, 0xfd, 0xfd]);
    expect(bytes(debug, p + 40, 4)).toEqual([0xfd, 0xfd, 0xfd, 0xfd]);
    expect(debug.usableSize(p)).toBe(40);
    expect(() => debug.calloc(0x10000, 0x10000)).toThrow(OutOfMemoryError);
  });

  it("fills a freed block, decorations included, with DEADBYTE before freeing it underneath", () => {
    const { pool } = setup();
    let seen: number[] = [];
    // A pass-through that records the block's bytes at the moment the debug layer frees it.
    const recording: Allocator = {
      memory: pool.memory,
      malloc: (size) => pool.malloc(size),
      calloc: (count, size) => pool.calloc(count, size),
      realloc: (ptr, size) => pool.realloc(ptr, size),
      free: (ptr) => {
        seen = bytes(pool, ptr, 20 + DEBUG_EXTRA_BYTES);
        pool.free(ptr);
      },
      usableSize: (ptr) => pool.usableSize(ptr),
      stats: () => pool.stats(),
      verify: () => pool.verify(),
    };
    const debug = new DebugAllocator(recording);
    const p = debug.malloc(20);
    debug.free(p);
    expect(seen).toEqual(new Array(20 + DEBUG_EXTRA_BYTES).fill(PYMEM_DEADBYTE));
    expect(pool.stats().blocksInUse).toBe(0);
  });

  it("reports the requested size as usable and passes the underlying stats through", () => {
    const { pool, debug } = setup();
    const p = debug.malloc(13);
    expect(debug.usableSize(p)).toBe(13);
    expect(pool.usableSize(p - DEBUG_DATA_OFFSET)).toBeGreaterThanOrEqual(13 + DEBUG_EXTRA_BYTES);
    expect(debug.stats()).toEqual(pool.stats());
    expect(debug.stats().sizeClasses.length).toBeGreaterThan(0);
    expect(debug.debugStats()).toEqual({
      liveBlocks: 1,
      requestedBytes: 13,
      overheadBytes: DEBUG_EXTRA_BYTES,
      serialNumber: 1,
    });
  });

  it("gives malloc(0) a unique block whose trailing pad still catches a write", () => {
    const { pool, debug } = setup();
    const a = debug.malloc(0);
    const b = debug.malloc(0);
    expect(a).not.toBe(0);
    expect(a).not.toBe(b);
    debug.memory.u8[a] = 0x41;
    const error = catchError(HeapCorruptionError, () => debug.free(a));
    expect(error.message).toContain("bad trailing pad byte");
    expect(error.message).not.toContain("Data at p");
    debug.memory.u8[a] = PYMEM_FORBIDDENBYTE;
    debug.free(a);
    debug.free(b);
    pool.verify();
    debug.free(0);
  });

  it("rejects sizes that are negative or not integers", () => {
    const { debug } = setup();
    expect(() => debug.malloc(-1)).toThrow(RangeError);
    expect(() => debug.malloc(1.5)).toThrow(RangeError);
    expect(() => debug.calloc(-1, 4)).toThrow(RangeError);
    expect(() => debug.realloc(0, Number.NaN)).toThrow(RangeError);
    expect(() => new DebugAllocator(debug.underlying, { apiId: "x" as "o" })).toThrow(RangeError);
    expect(debug.debugStats().liveBlocks).toBe(0);
  });

  it("wraps any allocator, the raw allocator included", () => {
    const raw = new RawAllocator();
    const debug = new DebugAllocator(raw, { apiId: "r" });
    const p = debug.malloc(5000);
    expect(debug.memory.u8[p - 4]).toBe(0x72);
    debug.memory.u8[p + 5000] = 0;
    expect(() => debug.free(p)).toThrow(HeapCorruptionError);
    raw.verify();
    debug.memory.u8[p + 5000] = PYMEM_FORBIDDENBYTE;
    debug.free(p);
    debug.verify();
    expect(raw.stats().blocksInUse).toBe(0);
  });
});

describe("DebugAllocator realloc", () => {
  it("keeps the data, fills growth with CLEANBYTE and bumps the serial number", () => {
    const { debug } = setup();
    let p = debug.malloc(8);
    debug.memory.u8.set([1, 2, 3, 4, 5, 6, 7, 8], p);
    p = debug.realloc(p, 600); // pool block to raw block: moves
    expect(bytes(debug, p, 8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(bytes(debug, p + 8, 592)).toEqual(new Array(592).fill(PYMEM_CLEANBYTE));
    expect(debug.usableSize(p)).toBe(600);
    expect(debug.blockSerialNumber(p)).toBe(2);
    p = debug.realloc(p, 3);
    expect(bytes(debug, p, 3)).toEqual([1, 2, 3]);
    expect(bytes(debug, p + 3, 4)).toEqual([0xfd, 0xfd, 0xfd, 0xfd]);
    debug.verify();
    debug.free(p);
    debug.verify();
  });

  it("preserves every byte of a large block, beyond the 2 x 64 erased ones", () => {
    const { debug } = setup();
    let p = debug.malloc(1000);
    const pattern = Array.from({ length: 1000 }, (_, i) => (i * 7) & 0xff);
    debug.memory.u8.set(pattern, p);
    p = debug.realloc(p, 5000);
    expect(bytes(debug, p, 1000)).toEqual(pattern);
    p = debug.realloc(p, 200);
    expect(bytes(debug, p, 200)).toEqual(pattern.slice(0, 200));
    p = debug.realloc(p, 100);
    expect(bytes(debug, p, 100)).toEqual(pattern.slice(0, 100));
    debug.verify();
  });

  it("treats the old address of a moved block as freed", () => {
    const { pool, debug } = setup();
    const p = debug.malloc(16);
    const q = debug.realloc(p, 4000);
    expect(q).not.toBe(p);
    expect(catchError(DoubleFreeError, () => debug.free(p)).message).toContain("already freed");
    expect(() => debug.realloc(p, 8)).toThrow(UseAfterFreeError);
    debug.free(q);
    expect(pool.stats().blocksInUse).toBe(0);
  });

  it("restores the decorations and data when the underlying realloc runs out of memory", () => {
    const { pool, debug } = setup(4 << 20);
    const p = debug.malloc(300);
    const pattern = Array.from({ length: 300 }, (_, i) => i & 0xff);
    debug.memory.u8.set(pattern, p);
    const serial = debug.serialNumber;
    const before = poolState(pool);
    expect(() => debug.realloc(p, 16 << 20)).toThrow(OutOfMemoryError);
    expect(bytes(debug, p, 300)).toEqual(pattern);
    expect(debug.usableSize(p)).toBe(300);
    expect(debug.blockSerialNumber(p)).toBe(1);
    expect(debug.serialNumber).toBe(serial);
    expect(poolState(pool)).toEqual(before);
    debug.verify();
  });

  it("realloc(NULL, n) is malloc(n)", () => {
    const { debug } = setup();
    const p = debug.realloc(0, 12);
    expect(bytes(debug, p, 12)).toEqual(new Array(12).fill(PYMEM_CLEANBYTE));
    debug.free(p);
  });
});

describe("DebugAllocator bad input", () => {
  it("reports a 1-byte overrun with CPython's dump and leaves the block allocated", () => {
    const { pool, debug } = setup();
    const p = debug.malloc(16);
    debug.memory.u8.fill(0x41, p, p + 17);
    const before = poolState(pool);
    const error = catchError(HeapCorruptionError, () => debug.free(p));
    const tail = (p + 16).toString(16);
    expect(error.address).toBe(p);
    expect(error.message).toBe(
      [
        `heap corruption at 0x${p.toString(16)}: free: bad trailing pad byte (debug block of 16 bytes originally requested)`,
        `Debug memory block at address p=0x${p.toString(16)}: API 'o'`,
        "    16 bytes originally requested",
        "    The 3 pad bytes at p-3 are FORBIDDENBYTE, as expected.",
        `    The 4 pad bytes at tail=0x${tail} are not all FORBIDDENBYTE (0xfd):`,
        "        at tail+0: 0x41 *** OUCH",
        "        at tail+1: 0xfd",
        "        at tail+2: 0xfd",
        "        at tail+3: 0xfd",
        "    The block was made by call #1 to debug malloc/realloc.",
        "    Data at p: 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41",
      ].join("\n"),
    );
    expect(debug.isLive(p)).toBe(true);
    expect(poolState(pool)).toEqual(before);
    pool.verify();
    expect(() => debug.verify()).toThrow(/verify: bad trailing pad byte/);
    expect(() => debug.usableSize(p)).toThrow(HeapCorruptionError);
  });

  it("reports an underrun into the leading pad, and one into the API id as a bad ID", () => {
    const { pool, debug } = setup();
    const p = debug.malloc(24);
    debug.memory.u8[p - 1] = 0x41;
    const leading = catchError(HeapCorruptionError, () => debug.free(p));
    expect(leading.message).toContain("free: bad leading pad byte (debug block of 24 bytes");
    expect(leading.message).toContain("The 3 pad bytes at p-3 are not all FORBIDDENBYTE (0xfd):");
    expect(leading.message).toContain(
      "        at p-3: 0xfd\n        at p-2: 0xfd\n        at p-1: 0x41 *** OUCH",
    );
    expect(leading.message).toContain(
      "may be bogus, and checking the trailing pad bytes may segfault.",
    );
    debug.memory.u8[p - 1] = PYMEM_FORBIDDENBYTE;
    debug.memory.u8[p - 4] = 0x41;
    const id = catchError(HeapCorruptionError, () => debug.free(p));
    expect(id.message).toContain("free: bad ID: Allocated using API 'A', verified using API 'o'");
    expect(() => debug.verify()).toThrow(
      /verify: bad ID: Allocated using API 'A', verified using API 'o'/,
    );
    pool.verify();
    expect(debug.isLive(p)).toBe(true);
  });

  it("tells a smashed size field apart", () => {
    const { pool, debug } = setup();
    const p = debug.malloc(24);
    debug.memory.u8[p - 6] = 0x7f; // the size field's second-lowest byte: 0x7f00 + 24
    const error = catchError(HeapCorruptionError, () => debug.free(p));
    expect(error.message).toContain(
      "bad size field: the header says 32536 bytes, 24 were requested",
    );
    pool.verify();
  });

  it("reports a double free and changes nothing", () => {
    const { pool, debug } = setup();
    const p = debug.malloc(32);
    const other = debug.malloc(32);
    debug.free(p);
    const before = poolState(pool);
    const error = catchError(DoubleFreeError, () => debug.free(p));
    expect(error.address).toBe(p);
    expect(error.message.split("\n").slice(0, 2)).toEqual([
      `double free of 0x${p.toString(16)}: free: the debug block of 32 bytes originally requested was already freed (filled with DEADBYTE 0xdd)`,
      `Debug memory block at address p=0x${p.toString(16)}: API '\\xdd'`,
    ]);
    expect(poolState(pool)).toEqual(before);
    pool.verify();
    debug.verify();
    debug.free(other);
  });

  it("reports realloc and usableSize of a freed block as use after free", () => {
    const { debug } = setup();
    const p = debug.malloc(32);
    debug.free(p);
    expect(() => debug.realloc(p, 64)).toThrow(UseAfterFreeError);
    expect(() => debug.usableSize(p)).toThrow(UseAfterFreeError);
    debug.verify();
  });

  it("reports foreign and interior pointers as invalid", () => {
    const { pool, debug } = setup();
    const live = debug.malloc(64);
    const foreign = pool.malloc(64); // allocated underneath, not through the debug layer
    const before = poolState(pool);
    const outside = catchError(InvalidPointerError, () => debug.free(foreign));
    expect(outside.message).toBe(
      `invalid pointer 0x${foreign.toString(16)}: free: not a live block of this debug allocator (no debug block was allocated at p-8)`,
    );
    const inside = catchError(InvalidPointerError, () => debug.free(live + 4));
    expect(inside.message).toContain(
      `lies 4 bytes from p=0x${live.toString(16)}, a live debug block of 64 bytes`,
    );
    expect(() => debug.free(12345679)).toThrow(InvalidPointerError);
    expect(() => debug.realloc(foreign, 8)).toThrow(InvalidPointerError);
    expect(() => debug.usableSize(3)).toThrow(InvalidPointerError);
    expect(() => debug.blockSerialNumber(foreign)).toThrow(InvalidPointerError);
    expect(poolState(pool)).toEqual(before);
    pool.verify();
    debug.verify();
    pool.free(foreign);
    debug.free(live);
  });

  it("reports a block freed through the wrong API as a bad ID, like PyObject_Free(PyMem_Malloc(n))", () => {
    const { pool, debug } = setup();
    const mem = debug.forApi("m");
    const p = mem.malloc(16);
    const error = catchError(HeapCorruptionError, () => debug.free(p));
    expect(error.message).toContain(
      "free: bad ID: Allocated using API 'm', verified using API 'o'",
    );
    expect(error.message).toContain(`Debug memory block at address p=0x${p.toString(16)}: API 'm'`);
    expect(error.message).toContain("    The 4 pad bytes at tail=0x");
    expect(error.message).toContain(
      "FORBIDDENBYTE, as expected.\n    The block was made by call #1",
    );
    debug.verify(); // the block itself is intact: verify checks each block against its own id
    mem.free(p);
    pool.verify();
    expect(pool.stats().blocksInUse).toBe(0);
  });

  it("refuses to realloc a damaged block and leaves it as it was", () => {
    const { pool, debug } = setup();
    const p = debug.malloc(40);
    debug.memory.u8.fill(0x11, p, p + 40);
    debug.memory.u8[p + 41] = 0x00;
    const before = poolState(pool);
    const snapshot = bytes(debug, p - DEBUG_DATA_OFFSET, 40 + DEBUG_EXTRA_BYTES);
    const error = catchError(HeapCorruptionError, () => debug.realloc(p, 4000));
    expect(error.message).toContain("realloc: bad trailing pad byte");
    expect(error.message).toContain("        at tail+1: 0x00 *** OUCH");
    expect(error.message).toContain(
      "    Data at p: 11 11 11 11 11 11 11 11 ... 11 11 11 11 11 11 11 11",
    );
    expect(bytes(debug, p - DEBUG_DATA_OFFSET, 40 + DEBUG_EXTRA_BYTES)).toEqual(snapshot);
    expect(poolState(pool)).toEqual(before);
    pool.verify();
    debug.memory.u8[p + 41] = PYMEM_FORBIDDENBYTE;
    const q = debug.realloc(p, 4000);
    expect(bytes(debug, q, 40)).toEqual(new Array(40).fill(0x11));
    debug.free(q);
    debug.verify();
  });

  it("reports a block freed underneath the debug layer instead of freeing it again", () => {
    const { pool, debug } = setup();
    const p = debug.malloc(48);
    const neighbour = debug.malloc(48);
    pool.free(p - DEBUG_DATA_OFFSET); // behind the debug layer's back
    const before = poolState(pool);
    const error = catchError(HeapCorruptionError, () => debug.free(p));
    expect(error.message).toContain("free: the underlying allocator does not hold the block");
    expect(() => debug.realloc(p, 8)).toThrow(HeapCorruptionError);
    expect(poolState(pool)).toEqual(before);
    pool.verify();
    expect(() => debug.verify()).toThrow(
      /verify: the underlying allocator does not hold the block/,
    );
    debug.free(neighbour);
  });

  it("verify finds damage in any live block", () => {
    const { debug } = setup();
    const blocks = [debug.malloc(8), debug.malloc(100), debug.malloc(1000)];
    debug.verify();
    const victim = blocks[1]!;
    debug.memory.u8[victim + 100 + 3] = 0;
    const error = catchError(HeapCorruptionError, () => debug.verify());
    expect(error.address).toBe(victim);
    expect(error.message).toContain("verify: bad trailing pad byte (debug block of 100 bytes");
  });

  it("dumps any address without reading outside memory", () => {
    const { debug } = setup();
    expect(debug.dumpAddress(0)).toBe("Debug memory block at address p=0x0:");
    expect(debug.dumpAddress(4)).toBe(
      "Debug memory block at address p=0x4: outside the linear memory",
    );
    const end = debug.memory.byteLength;
    expect(debug.dumpAddress(end + 8)).toContain("outside the linear memory");
    const p = debug.malloc(4);
    debug.memory.u8.fill(0xff, p - 8, p - 4); // size field now 4 GiB - 1
    expect(debug.dumpAddress(p)).toContain("4294967295 bytes originally requested");
    expect(debug.dumpAddress(p)).toContain("are outside the linear memory.");
    expect(
      debug
        .dumpAddress(p)
        .startsWith(`Debug memory block at address p=0x${p.toString(16)}: API 'o'`),
    ).toBe(true);
  });
});

describe("DebugAllocator against a model", () => {
  it("random malloc/calloc/realloc/free keep data, guards and the pool consistent", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom("malloc", "calloc", "realloc", "free"),
            size: fc.oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 5000 })),
            pick: fc.nat(),
          }),
          { maxLength: 60 },
        ),
        (operations) => {
          const { pool, debug } = setup();
          const model = new Map<Ptr, number[]>(); // live pointer → expected contents
          let stamp = 1;
          for (const { kind, size, pick } of operations) {
            const live = [...model.keys()];
            const target = live.length > 0 ? live[pick % live.length]! : 0;
            if (kind === "malloc" || kind === "calloc") {
              const p = kind === "malloc" ? debug.malloc(size) : debug.calloc(1, size);
              const fill = kind === "malloc" ? PYMEM_CLEANBYTE : 0;
              expect(bytes(debug, p, size)).toEqual(new Array(size).fill(fill));
              const contents = Array.from({ length: size }, (_, i) => (stamp + i) & 0xff);
              debug.memory.u8.set(contents, p);
              model.set(p, contents);
            } else if (kind === "realloc" && target !== 0) {
              const old = model.get(target)!;
              const q = debug.realloc(target, size);
              model.delete(target);
              const kept = old.slice(0, size);
              expect(bytes(debug, q, kept.length)).toEqual(kept);
              expect(bytes(debug, q + kept.length, size - kept.length)).toEqual(
                new Array(size - kept.length).fill(PYMEM_CLEANBYTE),
              );
              debug.memory.u8.fill(stamp & 0xff, q, q + size);
              model.set(q, new Array(size).fill(stamp & 0xff));
            } else if (kind === "free" && target !== 0) {
              debug.free(target);
              model.delete(target);
              expect(() => debug.free(target)).toThrow(DoubleFreeError);
            }
            stamp++;
          }
          for (const [p, contents] of model)
            expect(bytes(debug, p, contents.length)).toEqual(contents);
          expect(debug.debugStats().liveBlocks).toBe(model.size);
          expect(pool.stats().blocksInUse).toBe(model.size);
          debug.verify();
        },
      ),
      { numRuns: 60 },
    );
  });
});

const python = findCPython313("import ctypes; ctypes.pythonapi.PyMem_Malloc");

/** Runs a PyMem_Malloc(16) misuse under CPython's debug hooks and returns its fatal report. */
function cpythonReport(mode: "overrun" | "underrun" | "api"): string {
  const script = `
import ctypes, sys
f = ctypes.pythonapi
f.PyMem_Malloc.restype = ctypes.c_void_p
f.PyMem_Malloc.argtypes = [ctypes.c_size_t]
f.PyMem_Free.argtypes = [ctypes.c_void_p]
f.PyObject_Free.argtypes = [ctypes.c_void_p]
p = f.PyMem_Malloc(16)
mode = sys.argv[1]
if mode == "overrun":
    ctypes.memset(p, 0x41, 17); f.PyMem_Free(p)
elif mode == "underrun":
    ctypes.memset(p - 1, 0x41, 1); f.PyMem_Free(p)
else:
    f.PyObject_Free(p)
`;
  try {
    execFileSync(python!, ["-c", script, mode], {
      env: { ...process.env, PYENV_VERSION: "3.13.0", PYTHONMALLOC: "debug" },
      stdio: ["ignore", "ignore", "pipe"],
      encoding: "utf8",
    });
  } catch (error) {
    return String((error as { stderr: string }).stderr);
  }
  throw new Error("CPython did not abort");
}

/** Hides what legitimately differs: addresses, and pad counts (S = 8 there, 4 here). */
function normalise(line: string): string {
  return line
    .replace(/(p|tail)=0x[0-9a-f]+/g, "$1=ADDR")
    .replace(/The \d+ pad bytes at p-\d+/, "The N pad bytes at p-N")
    .replace(/The \d+ pad bytes at tail=/, "The N pad bytes at tail=");
}

describe("DebugAllocator against CPython's debug hooks", () => {
  it.skipIf(python === undefined)(
    "prints the same report lines and reason as PYTHONMALLOC=debug (needs CPython 3.13 as python3; skipped without it)",
    () => {
      for (const mode of ["overrun", "underrun", "api"] as const) {
        const { debug } = setup();
        const mem = debug.forApi("m");
        const p = mem.malloc(16);
        if (mode === "overrun") debug.memory.u8.fill(0x41, p, p + 17);
        if (mode === "underrun") debug.memory.u8[p - 1] = 0x41;
        const error = catchError(HeapCorruptionError, () => (mode === "api" ? debug : mem).free(p));
        const [first, ...dump] = error.message.split("\n");
        const theirs = cpythonReport(mode).split("\n").map(normalise);
        // Our reason is CPython's fatal error text.
        const reason = /free: (.*) \(debug block of/.exec(first!)![1]!;
        expect(theirs).toContain(`Fatal Python error: _PyMem_DebugRawFree: ${reason}`);
        // Every dump line but the serial number (CPython builds omit it) appears in CPython's
        // report, in the same order; CPython just has 4 more pad-byte lines per damaged pad.
        let at = 0;
        for (const line of dump.map(normalise)) {
          if (line.includes("The block was made by call #")) continue;
          const found = theirs.indexOf(line, at);
          expect(found, `${mode}: "${line}" in CPython's report`).toBeGreaterThanOrEqual(0);
          at = found + 1;
        }
      }
    },
  );
});
