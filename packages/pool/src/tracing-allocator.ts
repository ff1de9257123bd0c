import { type Allocator, HeapCorruptionError, type Ptr } from "@pymem/core";
import { ForwardingAllocator } from "./forwarding-allocator.js";
import { TraceSnapshot, type TraceTables } from "./trace-snapshot.js";
import { captureStack, parseStackFrames } from "./trace-stack.js";
import { Traceback, type TraceFrame } from "./trace-traceback.js";

/**
 * Options of a {@link TracingAllocator}. Pass any subset to the constructor.
 *
 * @example
 * ```ts
 * import { PoolAllocator, TracingAllocator } from "@pymem/pool";
 * const tracer = new TracingAllocator(new PoolAllocator(), { captureStacks: 5, startTracing: true });
 * ```
 */
export interface TracingAllocatorOptions {
  /**
   * Frames of the JavaScript call stack to record per allocation (tracemalloc's `nframe`), via
   * `new Error().stack`. 0 records none: statistics by `"tag"` still work, and traceback keys all
   * read `<unknown>:0`. Capturing costs a stack walk per traced allocation.
   * @defaultValue 0
   */
  captureStacks: number;
  /**
   * Start tracing at construction, as `PYTHONTRACEMALLOC=1` does.
   * @defaultValue false
   */
  startTracing: boolean;
  /**
   * Where the frames of an allocation come from instead of the JavaScript stack: called per traced
   * allocation with the frame limit (`captureStacks`, when above 0), it returns the frames of the
   * embedder's own call stack, most recent first — an interpreter's Python frames, so that
   * statistics name the script's lines as CPython's tracemalloc does.
   * @defaultValue the JavaScript stack
   */
  frameSource: TraceFrameSource;
}

/**
 * The frames of the allocation being traced, most recent first, at most `limit` of them (see
 * {@link TracingAllocatorOptions.frameSource}).
 *
 * @example
 * ```ts
 * const source: TraceFrameSource = (limit) => [{ filename: "main.py", lineno: 3 }].slice(0, limit);
 * ```
 */
export type TraceFrameSource = (limit: number) => readonly TraceFrame[];

/**
 * Bytes traced now and at most since the last reset, as `tracemalloc.get_traced_memory()`.
 *
 * @example
 * ```ts
 * const { current, peak } = tracer.tracedMemory();
 * ```
 */
export interface TracedMemory {
  /** Bytes requested by the traced live blocks. */
  current: number;
  /** The highest `current` since tracing started, the traces were cleared or the peak was reset. */
  peak: number;
}

/** Frames between `captureStack` and the user's call: captureTraceback, addTrace, malloc & co. */
const INTERNAL_FRAMES = 3;
const INITIAL_SLOTS = 64;
/** Maps the absence of a tag to interned id 0, and a captured stack's absence to traceback 0. */
const NO_ID = 0;

/**
 * tracemalloc for any core {@link Allocator}: records the size, a caller-supplied tag and
 * optionally the call stack of every block allocated while tracing, and answers "who holds the
 * memory" with snapshots and statistics.
 *
 * @remarks
 * - Off by default and free when off: every operation forwards to the underlying allocator and
 *   tests one boolean; nothing is recorded.
 * - Sizes are the bytes requested (as tracemalloc), not the underlying block sizes.
 * - A realloc moves the trace to the new address with the new size, and — like tracemalloc — the
 *   tag and traceback of the realloc call. Blocks allocated before `start()` are not traced; freeing
 *   or reallocating them is fine.
 * - Errors from the underlying allocator propagate before any trace is touched, so a rejected
 *   free leaves the traces as they were.
 *
 * @example
 * ```ts
 * import { PoolAllocator, TracingAllocator } from "@pymem/pool";
 * const tracer = new TracingAllocator(new PoolAllocator());
 * tracer.start();
 * tracer.setTag("parser");
 * for (let i = 0; i < 1000; i++) tracer.malloc(100);
 * tracer.setTag(undefined);
 * console.log(tracer.takeSnapshot().statistics("tag").join("\n"));
 * // parser: size=97.7 KiB, count=1000, average=100 B
 * ```
 *
 * @see CPython `Modules/_tracemalloc.c` and `Lib/tracemalloc.py`.
 */
export class TracingAllocator<
  Underlying extends Allocator = Allocator,
> extends ForwardingAllocator<Underlying> {
  // The one flag every operation tests.
  private tracing: boolean;
  // Set while untraced() runs: new blocks are not traced (tracemalloc's reentrancy guard).
  private suspended = false;
  private stackLimit: number;
  private currentTag: string | undefined = undefined;
  private readonly frameSource: TraceFrameSource | undefined;

  // Traces as columns indexed by slot; slotByAddress finds a block's slot.
  private readonly slotByAddress = new Map<number, number>();
  private sizes = new Float64Array(INITIAL_SLOTS);
  private tagIds = new Uint32Array(INITIAL_SLOTS);
  private tracebackIds = new Uint32Array(INITIAL_SLOTS);
  private freeSlots = new Uint32Array(INITIAL_SLOTS);
  private freeSlotCount = 0;
  private slotCount = 0;

  private tracedBytes = 0;
  private peakBytes = 0;

  // Interned tags and tracebacks; append-only so that snapshots can share them.
  private readonly tags: (string | undefined)[] = [undefined];
  private readonly tagIdByName = new Map<string, number>();
  private readonly tracebacks: Traceback[] = [new Traceback([])];
  private readonly tracebackIdByStack = new Map<string, number>();

  constructor(underlying: Underlying, options: Partial<TracingAllocatorOptions> = {}) {
    super(underlying);
    this.stackLimit = validateFrameCount(options.captureStacks ?? 0);
    this.tracing = options.startTracing ?? false;
    this.frameSource = options.frameSource;
  }

  /**
   * Starts tracing (`tracemalloc.start(nframe)`); `captureStacks` changes the number of frames
   * recorded from now on. Starting while tracing keeps the traces.
   *
   * @example
   * ```ts
   * tracer.start(10); // record up to 10 frames per allocation
   * ```
   */
  start(captureStacks?: number): void {
    if (captureStacks !== undefined) this.stackLimit = validateFrameCount(captureStacks);
    this.tracing = true;
  }

  /**
   * Stops tracing and drops every trace (`tracemalloc.stop()`); traced memory reads 0 again.
   *
   * @example
   * ```ts
   * tracer.stop();
   * tracer.tracedMemory(); // { current: 0, peak: 0 }
   * ```
   */
  stop(): void {
    this.tracing = false;
    this.clearTraces();
  }

  /**
   * Whether allocations are being traced (`tracemalloc.is_tracing()`).
   *
   * @example
   * ```ts
   * if (!tracer.isTracing()) tracer.start();
   * ```
   */
  isTracing(): boolean {
    return this.tracing;
  }

  /**
   * Frames recorded per allocation (`tracemalloc.get_traceback_limit()`); 0 when stacks are off.
   *
   * @example
   * ```ts
   * tracer.tracebackLimit; // 0 unless captureStacks was set
   * ```
   */
  get tracebackLimit(): number {
    return this.stackLimit;
  }

  /**
   * Sets the tag recorded with subsequent allocations (`undefined`: none). A tag passed to
   * `malloc`/`calloc`/`realloc` overrides it for that call.
   *
   * @example
   * ```ts
   * tracer.setTag("compiler");
   * compile(source);
   * tracer.setTag(undefined);
   * ```
   */
  setTag(tag: string | undefined): void {
    this.currentTag = tag;
  }

  /** The tag recorded with subsequent allocations. */
  get tag(): string | undefined {
    return this.currentTag;
  }

  /**
   * Allocates `size` bytes; when tracing, records a trace under `tag` (default: the current tag).
   *
   * @example
   * ```ts
   * const p = tracer.malloc(64, "buffers");
   * ```
   */
  override malloc(size: number, tag?: string): Ptr {
    const ptr = this.underlying.malloc(size);
    if (this.tracing && !this.suspended) this.addTrace(ptr, size, tag);
    return ptr;
  }

  /**
   * Allocates `count * size` zeroed bytes; when tracing, records a trace of `count * size` bytes.
   *
   * @example
   * ```ts
   * const table = tracer.calloc(256, 4, "tables");
   * ```
   */
  override calloc(count: number, size: number, tag?: string): Ptr {
    const ptr = this.underlying.calloc(count, size);
    if (this.tracing && !this.suspended) this.addTrace(ptr, count * size, tag);
    return ptr;
  }

  /**
   * Resizes a block; when tracing, the trace moves to the new address with the new size and the
   * tag and stack of this call (tracemalloc's behaviour).
   *
   * @example
   * ```ts
   * p = tracer.realloc(p, 4096);
   * ```
   */
  override realloc(ptr: Ptr, size: number, tag?: string): Ptr {
    const moved = this.underlying.realloc(ptr, size);
    if (this.tracing) {
      if (moved !== ptr && ptr !== 0) this.removeTrace(ptr);
      if (!this.suspended) this.addTrace(moved, size, tag);
      else if (moved === ptr) this.removeTrace(ptr);
    }
    return moved;
  }

  /**
   * Frees a block and, when tracing, forgets its trace.
   *
   * @example
   * ```ts
   * tracer.free(p);
   * ```
   */
  override free(ptr: Ptr): void {
    this.underlying.free(ptr);
    if (this.tracing) this.removeTrace(ptr);
  }

  /**
   * Verifies the underlying allocator, then that the traces add up to the traced memory and that
   * every traced address is a block the underlying allocator knows; throws `HeapCorruptionError`.
   *
   * @example
   * ```ts
   * tracer.verify();
   * ```
   */
  override verify(): void {
    this.underlying.verify();
    let total = 0;
    for (const [address, slot] of this.slotByAddress) {
      total += this.sizes[slot]!;
      try {
        this.underlying.usableSize(address);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new HeapCorruptionError(
          address,
          `traced block is not allocated underneath (freed behind the tracer's back?): ${reason}`,
        );
      }
    }
    if (total !== this.tracedBytes) {
      throw new HeapCorruptionError(
        0,
        `traces add up to ${total} bytes but the tracer counts ${this.tracedBytes}`,
      );
    }
  }

  /**
   * `{ current, peak }` bytes traced (`tracemalloc.get_traced_memory()`); both 0 when not tracing.
   *
   * @example
   * ```ts
   * const { peak } = tracer.tracedMemory();
   * ```
   */
  tracedMemory(): TracedMemory {
    return { current: this.tracedBytes, peak: this.peakBytes };
  }

  /**
   * Sets the peak to the current traced size (`tracemalloc.reset_peak()`), to measure the peak of
   * one phase.
   *
   * @example
   * ```ts
   * tracer.resetPeak();
   * runPhase();
   * console.log(tracer.tracedMemory().peak);
   * ```
   */
  resetPeak(): void {
    this.peakBytes = this.tracedBytes;
  }

  /**
   * Runs `body` with tracing suspended: blocks it allocates are not traced (blocks it frees or
   * resizes lose their traces as usual), as CPython's tracemalloc ignores its own allocations
   * while it builds the result of `take_snapshot()`.
   *
   * @example
   * ```ts
   * const copy = tracer.untraced(() => buildReport(tracer.takeSnapshot()));
   * ```
   */
  untraced<T>(body: () => T): T {
    const wasSuspended = this.suspended;
    this.suspended = true;
    try {
      return body();
    } finally {
      this.suspended = wasSuspended;
    }
  }

  /**
   * Drops every trace and zeroes current and peak (`tracemalloc.clear_traces()`); tracing goes on.
   *
   * @example
   * ```ts
   * tracer.clearTraces();
   * ```
   */
  clearTraces(): void {
    this.slotByAddress.clear();
    this.freeSlotCount = 0;
    this.slotCount = 0;
    this.tracedBytes = 0;
    this.peakBytes = 0;
  }

  /**
   * Number of blocks traced now.
   *
   * @example
   * ```ts
   * tracer.traceCount; // 0 after stop()
   * ```
   */
  get traceCount(): number {
    return this.slotByAddress.size;
  }

  /**
   * The trace of one block (`tracemalloc.get_object_traceback()`), or undefined when it is not
   * traced.
   *
   * @example
   * ```ts
   * console.log(tracer.traceOf(p)?.traceback.format().join("\n"));
   * ```
   */
  traceOf(ptr: Ptr): { size: number; tag: string | undefined; traceback: Traceback } | undefined {
    const slot = this.slotByAddress.get(ptr);
    if (slot === undefined) return undefined;
    return {
      size: this.sizes[slot]!,
      tag: this.tags[this.tagIds[slot]!],
      traceback: this.tracebacks[this.tracebackIds[slot]!]!,
    };
  }

  /**
   * An immutable copy of all traces (`tracemalloc.take_snapshot()`). Throws when not tracing, as
   * tracemalloc raises `RuntimeError`.
   *
   * @example
   * ```ts
   * const snapshot = tracer.takeSnapshot();
   * console.log(snapshot.statistics("lineno").slice(0, 10).join("\n"));
   * ```
   */
  takeSnapshot(): TraceSnapshot {
    if (!this.tracing) {
      throw new Error(
        "the tracing allocator must be tracing memory allocations to take a snapshot",
      );
    }
    const count = this.slotByAddress.size;
    const addresses = new Uint32Array(count);
    const sizes = new Float64Array(count);
    const tagIds = new Uint32Array(count);
    const tracebackIds = new Uint32Array(count);
    let i = 0;
    for (const [address, slot] of this.slotByAddress) {
      addresses[i] = address;
      sizes[i] = this.sizes[slot]!;
      tagIds[i] = this.tagIds[slot]!;
      tracebackIds[i] = this.tracebackIds[slot]!;
      i++;
    }
    const tables: TraceTables = { tags: this.tags, tracebacks: this.tracebacks };
    return new TraceSnapshot({ addresses, sizes, tagIds, tracebackIds }, tables, this.stackLimit);
  }

  // -------------------------------------------------------------------------------------------

  /** CPython: tracemalloc_add_trace() — replaces an existing trace at the same address. */
  private addTrace(ptr: Ptr, size: number, tag: string | undefined): void {
    const tracebackId = this.stackLimit > 0 ? this.captureTraceback() : NO_ID;
    let slot = this.slotByAddress.get(ptr);
    if (slot !== undefined) {
      this.tracedBytes -= this.sizes[slot]!;
    } else {
      slot = this.allocateSlot();
      this.slotByAddress.set(ptr, slot);
    }
    this.sizes[slot] = size;
    this.tagIds[slot] = this.internTag(tag ?? this.currentTag);
    this.tracebackIds[slot] = tracebackId;
    this.tracedBytes += size;
    if (this.tracedBytes > this.peakBytes) this.peakBytes = this.tracedBytes;
  }

  /** CPython: tracemalloc_remove_trace() — untraced addresses are ignored. */
  private removeTrace(ptr: Ptr): void {
    const slot = this.slotByAddress.get(ptr);
    if (slot === undefined) return;
    this.slotByAddress.delete(ptr);
    this.tracedBytes -= this.sizes[slot]!;
    if (this.freeSlotCount === this.freeSlots.length) this.freeSlots = grow(this.freeSlots);
    this.freeSlots[this.freeSlotCount++] = slot;
  }

  private allocateSlot(): number {
    if (this.freeSlotCount > 0) return this.freeSlots[--this.freeSlotCount]!;
    if (this.slotCount === this.sizes.length) {
      this.sizes = grow(this.sizes);
      this.tagIds = grow(this.tagIds);
      this.tracebackIds = grow(this.tracebackIds);
    }
    return this.slotCount++;
  }

  private internTag(tag: string | undefined): number {
    if (tag === undefined) return NO_ID;
    let id = this.tagIdByName.get(tag);
    if (id === undefined) {
      id = this.tags.length;
      this.tags.push(tag);
      this.tagIdByName.set(tag, id);
    }
    return id;
  }

  /** Captures the caller's stack and interns it; must be called from addTrace (frame count). */
  private captureTraceback(): number {
    if (this.frameSource !== undefined) return this.internFrames(this.frameSource(this.stackLimit));
    const stack = captureStack(INTERNAL_FRAMES, this.stackLimit);
    let id = this.tracebackIdByStack.get(stack);
    if (id === undefined) {
      id = this.tracebacks.length;
      this.tracebacks.push(new Traceback(parseStackFrames(stack)));
      this.tracebackIdByStack.set(stack, id);
    }
    return id;
  }

  /** Interns frames from the frame source (most recent first, cut to the limit). */
  private internFrames(frames: readonly TraceFrame[]): number {
    const kept = frames.length > this.stackLimit ? frames.slice(0, this.stackLimit) : frames;
    let key = "";
    for (const frame of kept) key += `${frame.filename}\u0000${frame.lineno}\u0001`;
    let id = this.tracebackIdByStack.get(key);
    if (id === undefined) {
      id = this.tracebacks.length;
      this.tracebacks.push(new Traceback(kept, frames.length));
      this.tracebackIdByStack.set(key, id);
    }
    return id;
  }
}

function validateFrameCount(frames: number): number {
  if (!Number.isInteger(frames) || frames < 0) {
    throw new RangeError(`captureStacks must be a non-negative integer, got ${frames}`);
  }
  return frames;
}

function grow<T extends Float64Array | Uint32Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}
