import type { Allocator, Ptr } from "@pymem/core";

/**
 * The data stack that plain function calls lay their interpreter frames out on (CPython 3.11+:
 * the thread state's `datastack_chunk`, `_PyThreadState_PushFrame`, `push_chunk`): a call takes
 * the next bytes of the current chunk and gives them back when it returns, so entering a
 * function allocates nothing from the object allocator. A frame that must outlive its call or be
 * seen as an object — a frame object, a traceback entry — is copied to the heap first (see
 * `moveFrameToHeap` in frame-objects.ts); generator frames live on the heap from the start.
 *
 * Chunks are raw blocks of the allocator the heap had when the machine was made (CPython
 * allocates them with `_PyObject_VirtualAlloc`, which `tracemalloc` does not see either). Memory
 * above {@link FrameDataStack.top} is always zero: a returning call clears its slots, so a new
 * frame needs no fill.
 *
 * @module
 */

/** Bytes of a chunk unless one frame needs more (CPython: `DATA_STACK_CHUNK_SIZE`, 16 KiB). */
const CHUNK_BYTES = 16 * 1024;

/**
 * A stack of frame records in linear memory, in chunks. {@link FrameDataStack.push} returns the
 * address of a zeroed record; the caller remembers the {@link FrameDataStack.top} it saw before
 * and hands it to {@link FrameDataStack.pop} when the frame is gone (with its slots zeroed).
 *
 * @example
 * ```ts
 * const mark = machine.frameData.top;
 * const record = machine.frameData.push(20 + 4 * slotCount);
 * try { … } finally { machine.frameData.pop(mark); }
 * ```
 */
export class FrameDataStack {
  /** The next free byte of the current chunk (0 before the first push). */
  top = 0;
  /** The end of the current chunk. */
  private limit = 0;
  /** The start of the current chunk. */
  private start = 0;
  /** Chunks allocated so far (the current one, those below it, at most one spare above it). */
  private readonly chunks: Ptr[] = [];
  private readonly chunkEnds: number[] = [];
  /** Index of the current chunk in {@link chunks}, -1 before the first push (then never again). */
  private current = -1;

  constructor(private readonly allocator: Allocator) {}

  /** Reserves `bytes` (a multiple of 4) for a frame and returns their zeroed address. */
  push(bytes: number): Ptr {
    const at = this.top;
    if (at + bytes > this.limit) return this.pushChunk(bytes);
    this.top = at + bytes;
    return at;
  }

  /** Gives back every frame pushed since {@link top} was `mark`. */
  pop(mark: number): void {
    if (mark >= this.start && mark <= this.limit) this.top = mark;
    else this.popChunk(mark);
  }

  /** Frees every chunk (the interpreter is being disposed; no frame is on the stack). */
  dispose(): void {
    for (const chunk of this.chunks) this.allocator.free(chunk);
    this.chunks.length = 0;
    this.chunkEnds.length = 0;
    this.current = -1;
    this.top = this.limit = this.start = 0;
  }

  /** CPython: `push_chunk` — the next chunk (the spare one if it is big enough), then `bytes` of it. */
  private pushChunk(bytes: number): Ptr {
    const next = this.current + 1;
    const spare = this.chunks[next];
    if (spare !== undefined && this.chunkEnds[next]! - spare < bytes) {
      this.allocator.free(spare);
      this.chunks.length = next;
      this.chunkEnds.length = next;
    }
    if (this.chunks[next] === undefined) {
      const size = Math.max(CHUNK_BYTES, bytes);
      const chunk = this.allocator.calloc(1, size);
      this.chunks.push(chunk);
      this.chunkEnds.push(chunk + size);
    }
    this.current = next;
    this.start = this.chunks[next]!;
    this.limit = this.chunkEnds[next]!;
    this.top = this.start + bytes;
    return this.start;
  }

  /**
   * Returns to the chunk holding `mark` — the first chunk, emptied, for the 0 the very first
   * frame saw — freeing the chunks above it but one spare, so a recursion that crosses a chunk
   * boundary back and forth does not allocate each time, and a deep recursion does not keep its
   * memory (CPython frees a chunk as soon as it empties).
   */
  private popChunk(mark: number): void {
    let index = this.current - 1;
    while (index > 0 && !(mark >= this.chunks[index]! && mark <= this.chunkEnds[index]!)) index--;
    if (index < 0) index = 0;
    this.current = index;
    this.start = this.chunks[index]!;
    this.limit = this.chunkEnds[index]!;
    this.top = mark >= this.start && mark <= this.limit ? mark : this.start;
    for (let spare = this.chunks.length - 1; spare > index + 1; spare--) {
      this.allocator.free(this.chunks[spare]!);
      this.chunks.length = spare;
      this.chunkEnds.length = spare;
    }
  }
}
