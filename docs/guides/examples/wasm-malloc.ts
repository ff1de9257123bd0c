/// <reference lib="dom" /> // the WebAssembly global's types (TypeScript declares them in its DOM lib)
import { LinearMemory } from "@pymem/core";
import { PoolAllocator } from "@pymem/pool";
import { assembleModule, type IntArrayModule } from "./wasm-module.js";

export function wasmMalloc(log: (line: string) => void = console.log) {
  // One WebAssembly.Memory, shared by the module and the allocator.
  const wasmMemory = new WebAssembly.Memory({ initial: 1, maximum: 1024 }); // 64 KiB, up to 64 MiB
  const memory = new LinearMemory({ memory: wasmMemory });
  // heapStart keeps the first KiB for the module's own static data: the pool never touches it.
  const pool = new PoolAllocator({ memory, heapStart: 1024 });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(assembleModule()), {
    env: { memory: wasmMemory },
  });
  const wasm = instance.exports as unknown as IntArrayModule;

  // Allocate in JavaScript, write in WebAssembly, read back in JavaScript.
  const count = 100;
  const ints = pool.malloc(count * 4); // 400 bytes: a pool block (requests up to 512 bytes)
  wasm.fill(ints, count, 7);
  log(`wasm filled ${count} ints at ${ints}: sum ${wasm.sum(ints, count)}`);
  memory.i32[(ints >>> 2) + 10] = 1000; // JavaScript writes one of them
  log(`after a JS write: sum ${wasm.sum(ints, count)}`);

  // A large request grows the memory; the module sees the new pages at once (same Memory).
  const pagesBefore = wasmMemory.buffer.byteLength / 65536;
  const big = pool.malloc(4 << 20); // 4 MiB: from the raw allocator, not a pool
  wasm.fill(big, 1 << 20, 1);
  log(
    `memory grew from ${pagesBefore} to ${wasmMemory.buffer.byteLength / 65536} pages; sum of 1M ones: ${wasm.sum(big, 1 << 20)}`,
  );
  log(`blocks start above heapStart: ${ints >= 1024 && big >= 1024}`);

  pool.free(big);
  pool.free(ints);
  pool.verify();
  return pool;
}
