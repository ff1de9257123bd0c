import { OutOfMemoryError } from "./errors.js";

/** The size of a WebAssembly page; linear memory always grows in whole pages. */
export const WASM_PAGE_SIZE = 65_536;

/** The largest linear memory a 32-bit address space can hold: 65,536 pages (4 GiB). */
export const MAX_LINEAR_MEMORY_BYTES = 65_536 * WASM_PAGE_SIZE;

/**
 * Which kind of buffer backs a {@link LinearMemory}.
 *
 * - `"wasm"`: a `WebAssembly.Memory`, shareable with WebAssembly code (the default).
 * - `"resizable-buffer"`: a resizable `ArrayBuffer` (or growable `SharedArrayBuffer` when
 *   `shared`), for hosts that never run WebAssembly.
 *
 * @example
 * ```ts
 * import { LinearMemory } from "@pymem/core";
 * const memory = new LinearMemory({ backing: "resizable-buffer" });
 * ```
 */
export type LinearMemoryBacking = "wasm" | "resizable-buffer";

/**
 * Options of a {@link LinearMemory}. Pass any subset to the constructor.
 *
 * @example
 * ```ts
 * import { LinearMemory } from "@pymem/core";
 * const memory = new LinearMemory({ initialBytes: 1 << 20, maximumBytes: 64 << 20, shared: true });
 * ```
 */
export interface LinearMemoryOptions {
  /**
   * Bytes available at creation, rounded up to whole 64 KiB pages.
   * @defaultValue 65536 (one page)
   */
  initialBytes: number;
  /**
   * The cap: the memory never grows past this many bytes (rounded up to whole pages). Allocations
   * beyond it fail with {@link OutOfMemoryError}.
   * @defaultValue 2147483648 (2 GiB)
   */
  maximumBytes: number;
  /**
   * The kind of buffer behind the memory.
   * @defaultValue "wasm"
   */
  backing: LinearMemoryBacking;
  /**
   * Back the memory with shared memory (a shared `WebAssembly.Memory` or a growable
   * `SharedArrayBuffer`) so that workers can map the same bytes. pymem's own structures are not
   * thread-safe: share for reading, or serialise writers yourself.
   *
   * Under Node.js a `"wasm"` memory is shared by default for speed: growing a non-shared
   * `WebAssembly.Memory` detaches its old buffer, and from the first detach on V8 adds a
   * "was this buffer detached?" test to every typed-array access of the process's optimised
   * code (measured: +15–35% on the pool's W-hot, the refcount pointer check's cost ×3); a shared
   * memory grows in place and never detaches. Browsers allow shared memory only on
   * cross-origin-isolated pages, so there the default stays `false`.
   * @defaultValue true for a `"wasm"` memory under Node.js, else false
   */
  shared: boolean;
  /**
   * Adopt an existing `WebAssembly.Memory` instead of creating one (for example the memory a
   * WebAssembly module exports). `initialBytes`, `backing` and `shared` are then ignored;
   * `maximumBytes` still caps growth.
   * @defaultValue undefined
   */
  memory: WasmMemory | undefined;
}

/**
 * The part of a `WebAssembly.Memory` pymem uses, declared here so that `@pymem/core`'s types
 * compile in a Node-only TypeScript project (`@types/node` has no `WebAssembly` namespace; the
 * DOM lib does). Any `WebAssembly.Memory` is one.
 *
 * @example
 * ```ts
 * const wasm: WasmMemory = new WebAssembly.Memory({ initial: 1, maximum: 16 });
 * const memory = new LinearMemory({ memory: wasm });
 * ```
 */
export interface WasmMemory {
  /** The memory's current buffer (replaced when a non-shared memory grows). */
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  /** Grows by `delta` pages; returns the previous size in pages. */
  grow(delta: number): number;
}

const DEFAULT_MAXIMUM_BYTES = 2 ** 31;

/** A byte count option: a non-negative integer, within what pymem can address. */
function checkBytes(name: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0)
    throw new RangeError(
      `${name} must be a non-negative integer number of bytes, got ${String(value)}`,
    );
  if (value > MAX_LINEAR_MEMORY_BYTES) {
    throw new RangeError(
      `${name} ${value} is above ${MAX_LINEAR_MEMORY_BYTES} (4 GiB), the most a 32-bit address space holds`,
    );
  }
}

/** Rejects nonsense options with a message naming the option, before any engine call. */
function checkOptions(options: Partial<LinearMemoryOptions>): void {
  if (typeof options !== "object" || options === null)
    throw new TypeError("LinearMemory options must be an object");
  checkBytes("initialBytes", options.initialBytes);
  checkBytes("maximumBytes", options.maximumBytes);
  const { backing, shared, memory } = options;
  if (backing !== undefined && backing !== "wasm" && backing !== "resizable-buffer")
    throw new RangeError(`backing must be "wasm" or "resizable-buffer", got ${String(backing)}`);
  if (shared !== undefined && typeof shared !== "boolean")
    throw new TypeError(`shared must be a boolean, got ${String(shared)}`);
  if (memory !== undefined && !(memory instanceof WebAssembly.Memory))
    throw new TypeError("memory must be a WebAssembly.Memory");
  if (memory !== undefined && memory.buffer.byteLength > MAX_LINEAR_MEMORY_BYTES)
    throw new RangeError("the adopted WebAssembly.Memory is larger than 4 GiB");
}

/**
 * The default of {@link LinearMemoryOptions.shared} for a `"wasm"` memory: shared under Node.js,
 * where `SharedArrayBuffer` is always available, so that growth never detaches a buffer.
 */
const SHARED_BY_DEFAULT =
  typeof SharedArrayBuffer === "function" &&
  typeof (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions?.node ===
    "string";

function pagesFor(bytes: number): number {
  return Math.ceil(bytes / WASM_PAGE_SIZE);
}

/**
 * One growable linear memory: the address space every pymem object and block lives in.
 *
 * @remarks
 * The four typed-array views (`u8`, `i32`, `u32`, `f64`) cover the whole memory and are
 * re-derived whenever the memory grows, because growing a non-shared `WebAssembly.Memory`
 * detaches its old buffer. **Read the view from the memory at each use** (`memory.u32[p >>> 2]`)
 * rather than keeping your own copy across a call that may allocate; a single property load is
 * all it costs. If WebAssembly code grows the memory behind pymem's back, call {@link refresh}.
 *
 * @example
 * ```ts
 * import { LinearMemory } from "@pymem/core";
 * const memory = new LinearMemory({ maximumBytes: 16 << 20 });
 * memory.grow(1 << 20);            // at least 1 MiB more, or false at the cap
 * memory.u32[16 >>> 2] = 42;       // store a 32-bit word at address 16
 * ```
 */
export class LinearMemory {
  /** Byte view of the whole memory. */
  u8: Uint8Array;
  /** Signed 32-bit view; index with `address >> 2`. */
  i32: Int32Array;
  /** Unsigned 32-bit view; index with `address >>> 2`. */
  u32: Uint32Array;
  /** 64-bit float view; index with `address >>> 3`. */
  f64: Float64Array;
  /** The cap on `byteLength`, in bytes (a multiple of the page size). */
  readonly maximumBytes: number;
  /** Which kind of buffer backs this memory. */
  readonly backing: LinearMemoryBacking;
  /** Whether the memory is shared (backed by shared memory). */
  readonly shared: boolean;
  /** The `WebAssembly.Memory` behind this memory, when `backing` is `"wasm"`. */
  readonly wasmMemory: WasmMemory | undefined;
  /** Counts how many times the views were re-derived; lets a cache notice a growth cheaply. */
  viewGeneration = 0;

  private readonly resizable: ArrayBuffer | SharedArrayBuffer | undefined;

  constructor(options: Partial<LinearMemoryOptions> = {}) {
    checkOptions(options);
    const maximumPages = pagesFor(options.maximumBytes ?? DEFAULT_MAXIMUM_BYTES);
    if (!(maximumPages >= 1)) throw new RangeError("maximumBytes must be at least one page");
    this.maximumBytes = maximumPages * WASM_PAGE_SIZE;
    const initialPages = Math.max(1, pagesFor(options.initialBytes ?? WASM_PAGE_SIZE));
    if (initialPages > maximumPages) throw new RangeError("initialBytes exceeds maximumBytes");

    if (options.memory !== undefined) {
      this.backing = "wasm";
      this.wasmMemory = options.memory;
      this.shared =
        typeof SharedArrayBuffer !== "undefined" &&
        options.memory.buffer instanceof SharedArrayBuffer;
      this.resizable = undefined;
    } else if ((options.backing ?? "wasm") === "wasm") {
      this.backing = "wasm";
      this.shared = options.shared ?? SHARED_BY_DEFAULT;
      this.wasmMemory = new WebAssembly.Memory({
        initial: initialPages,
        maximum: maximumPages,
        shared: this.shared,
      });
      this.resizable = undefined;
    } else {
      this.backing = "resizable-buffer";
      this.shared = options.shared ?? false;
      this.wasmMemory = undefined;
      const initialBytes = initialPages * WASM_PAGE_SIZE;
      this.resizable = this.shared
        ? new SharedArrayBuffer(initialBytes, { maxByteLength: this.maximumBytes })
        : new ArrayBuffer(initialBytes, { maxByteLength: this.maximumBytes });
    }
    const buffer = this.buffer;
    this.u8 = new Uint8Array(buffer);
    this.i32 = new Int32Array(buffer);
    this.u32 = new Uint32Array(buffer);
    this.f64 = new Float64Array(buffer);
  }

  /** The buffer currently backing the memory. */
  get buffer(): ArrayBuffer | SharedArrayBuffer {
    return this.wasmMemory !== undefined ? this.wasmMemory.buffer : this.resizable!;
  }

  /** The current size of the memory in bytes (a multiple of the page size). */
  get byteLength(): number {
    return this.buffer.byteLength;
  }

  /**
   * Grows the memory by at least `additionalBytes` (rounded up to whole pages) and re-derives the
   * views. Returns `false`, changing nothing, when that would pass {@link maximumBytes}.
   *
   * @example
   * ```ts
   * if (!memory.grow(needed)) throw new OutOfMemoryError(needed, memory.maximumBytes);
   * ```
   */
  grow(additionalBytes: number): boolean {
    const pages = pagesFor(Math.max(0, additionalBytes));
    if (pages === 0) return true;
    const newBytes = this.byteLength + pages * WASM_PAGE_SIZE;
    if (newBytes > this.maximumBytes) return false;
    try {
      if (this.wasmMemory !== undefined) this.wasmMemory.grow(pages);
      else if (this.resizable instanceof ArrayBuffer) this.resizable.resize(newBytes);
      else (this.resizable as SharedArrayBuffer).grow(newBytes);
    } catch (error) {
      // The engine refused (no address space left): report it as the cap being reached.
      if (error instanceof RangeError) return false;
      throw error;
    }
    this.refresh();
    return true;
  }

  /**
   * Grows the memory like {@link grow} but throws {@link OutOfMemoryError} at the cap.
   *
   * @example
   * ```ts
   * memory.growOrThrow(1 << 20);
   * ```
   */
  growOrThrow(additionalBytes: number): void {
    if (!this.grow(additionalBytes)) throw new OutOfMemoryError(additionalBytes, this.maximumBytes);
  }

  /**
   * Re-derives the views if the buffer changed underneath them (a WebAssembly module grew the
   * memory itself). Cheap when nothing changed.
   *
   * @example
   * ```ts
   * wasmInstance.exports.grow_a_lot();
   * memory.refresh();
   * ```
   */
  refresh(): void {
    const buffer = this.buffer;
    if (this.u8.buffer === buffer && this.u8.byteLength === buffer.byteLength) return;
    this.u8 = new Uint8Array(buffer);
    this.i32 = new Int32Array(buffer);
    this.u32 = new Uint32Array(buffer);
    this.f64 = new Float64Array(buffer);
    this.viewGeneration++;
  }
}
