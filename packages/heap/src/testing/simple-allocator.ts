import {
  type Allocator,
  type AllocatorStats,
  DoubleFreeError,
  HeapCorruptionError,
  InvalidPointerError,
  LinearMemory,
  OutOfMemoryError,
  type Ptr,
} from "@pymem/core";

/*
 * A deliberately simple allocator for tests that must not depend on @pymem/pool's internals:
 * every block carries an 8-byte header {size, state} and freed blocks go on exact-size free lists.
 *
 *   block - 8 ──► │ usable size │ state (LIVE/FREE) │ payload …
 */
const HEADER = 8;
const LIVE = 0x4c495645;
const FREE = 0x46524545;
const BASE = 64;

/** @internal A bump + exact-size free-list allocator used by the tests only. */
export class SimpleAllocator implements Allocator {
  readonly memory: LinearMemory;
  private top = BASE;
  private readonly freeLists = new Map<number, Ptr[]>();
  private blocks = 0;
  private bytes = 0;

  constructor(memory = new LinearMemory({ maximumBytes: 1 << 30 })) {
    this.memory = memory;
  }

  malloc(size: number): Ptr {
    const usable = Math.max(8, (size + 7) & ~7);
    const list = this.freeLists.get(usable);
    let block: Ptr;
    if (list !== undefined && list.length > 0) {
      block = list.pop()!;
    } else {
      const end = this.top + HEADER + usable;
      if (end > this.memory.byteLength) {
        if (!this.memory.grow(end - this.memory.byteLength))
          throw new OutOfMemoryError(size, this.memory.maximumBytes);
      }
      block = this.top + HEADER;
      this.top = end;
      this.memory.u32[(block - 8) >>> 2] = usable;
    }
    this.memory.u32[(block - 4) >>> 2] = LIVE;
    this.blocks++;
    this.bytes += usable;
    return block;
  }

  calloc(count: number, size: number): Ptr {
    const block = this.malloc(count * size);
    this.memory.u8.fill(0, block, block + count * size);
    return block;
  }

  realloc(ptr: Ptr, size: number): Ptr {
    if (ptr === 0) return this.malloc(size);
    const old = this.usableSize(ptr);
    if (size <= old) return ptr;
    const block = this.malloc(size);
    this.memory.u8.copyWithin(block, ptr, ptr + old);
    this.free(ptr);
    return block;
  }

  free(ptr: Ptr): void {
    if (ptr === 0) return;
    this.check(ptr);
    const u32 = this.memory.u32;
    if (u32[(ptr - 4) >>> 2] === FREE) throw new DoubleFreeError(ptr);
    const usable = u32[(ptr - 8) >>> 2]!;
    u32[(ptr - 4) >>> 2] = FREE;
    let list = this.freeLists.get(usable);
    if (list === undefined) {
      list = [];
      this.freeLists.set(usable, list);
    }
    list.push(ptr);
    this.blocks--;
    this.bytes -= usable;
  }

  usableSize(ptr: Ptr): number {
    this.check(ptr);
    return this.memory.u32[(ptr - 8) >>> 2]!;
  }

  stats(): AllocatorStats {
    return {
      blocksInUse: this.blocks,
      bytesInUse: this.bytes,
      memoryBytes: this.memory.byteLength,
    };
  }

  verify(): void {
    const u32 = this.memory.u32;
    let blocks = 0;
    for (let block = BASE + HEADER; block < this.top; ) {
      const state = u32[(block - 4) >>> 2];
      if (state !== LIVE && state !== FREE) throw new HeapCorruptionError(block, "bad block state");
      if (state === LIVE) blocks++;
      block += u32[(block - 8) >>> 2]! + HEADER;
    }
    if (blocks !== this.blocks) throw new HeapCorruptionError(0, "live block count mismatch");
  }

  private check(ptr: Ptr): void {
    if (ptr < BASE + HEADER || ptr >= this.top || ptr % 8 !== 0)
      throw new InvalidPointerError(ptr, "not a block of this allocator");
    const state = this.memory.u32[(ptr - 4) >>> 2];
    if (state !== LIVE && state !== FREE)
      throw new InvalidPointerError(ptr, "not a block of this allocator");
  }
}
