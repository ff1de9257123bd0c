/// <reference lib="dom" /> // the WebAssembly global's types (TypeScript declares them in its DOM lib)
import { Worker } from "node:worker_threads";
import { PoolAllocator } from "@pymem/pool";
import { assembleModule } from "./wasm-module.js";

// The worker: instantiates the same module over the shared memory, sums the block it is given and
// publishes the result with Atomics. Plain JavaScript, so it runs without a TypeScript loader, and
// no `require` or `import`, so it runs whether the project is an ES module or CommonJS.
const workerSource = `
const { parentPort, workerData } = process.getBuiltinModule("node:worker_threads");
const { memory, module, ints, count, result } = workerData;
const wasm = new WebAssembly.Instance(module, { env: { memory } }).exports;
const view = new Int32Array(memory.buffer);
Atomics.store(view, (result >>> 2) + 1, wasm.sum(ints, count));
Atomics.store(view, result >>> 2, 1); // done flag
Atomics.notify(view, result >>> 2);
parentPort.postMessage("done");
`;

export async function sharedMemoryWorker(log: (line: string) => void = console.log) {
  // A shared WebAssembly.Memory: its buffer is a SharedArrayBuffer that other threads can map.
  const pool = new PoolAllocator({ shared: true, maximumBytes: 64 << 20 });
  const memory = pool.memory;
  log(`shared: ${memory.buffer instanceof SharedArrayBuffer}`);

  // The allocator's bookkeeping is single-threaded: this thread allocates and frees; other
  // threads read and write the blocks' contents.
  const count = 10_000;
  const ints = pool.malloc(count * 4); // 40,000 bytes: a raw block
  for (let i = 0; i < count; i++) memory.i32[(ints >>> 2) + i] = i;
  const result = pool.malloc(8); // { done flag, sum }

  const worker = new Worker(workerSource, {
    eval: true,
    workerData: {
      memory: memory.wasmMemory,
      module: new WebAssembly.Module(assembleModule(true)),
      ints,
      count,
      result,
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    worker.once("message", () => resolve());
    worker.once("error", reject);
  });
  await finished;
  await worker.terminate();
  const view = new Int32Array(memory.buffer);
  log(`done flag: ${Atomics.load(view, result >>> 2)}`);
  log(`sum computed by the worker: ${Atomics.load(view, (result >>> 2) + 1)}`); // 0 + 1 + … + 9999

  pool.free(result);
  pool.free(ints);
  pool.verify();
  return pool;
}
