import { WASI } from "node:wasi";

/**
 * The CPU time of the calling thread, the one that runs JavaScript and the collector: what
 * CPython's `time.thread_time_ns()` reads (`CLOCK_THREAD_CPUTIME_ID`). `process.cpuUsage()` is
 * the whole process's, so a pause timed with it also counts the work V8's helper threads do
 * beside it on another core (concurrent compilation of the code the pause is running, concurrent
 * marking), which does not stop the program. Node 20 has no thread CPU clock of its own
 * (`process.threadCpuUsage` came in 23.9); its WASI layer (uvwasi) has one, reached here through
 * a 130-byte WebAssembly module that calls `clock_time_get(CLOCK_THREAD_CPUTIME_ID)`.
 *
 * @module
 */

const text = (value: string) => Buffer.from(value).toString("hex");

/**
 * The module, in the binary format: imports `wasi_snapshot_preview1.clock_time_get`, exports
 * its memory and `now()`, which stores the thread clock (id 3) at address 0 and returns it.
 */
const MODULE_HEX =
  "0061736d01000000" +
  // types: (i32 clock, i64 precision, i32 result address) → i32 errno; () → i64
  "010c02" +
  "60037f7e7f017f" +
  "6000017e" +
  // import 0: the WASI clock
  `022901 16${text("wasi_snapshot_preview1")} 0e${text("clock_time_get")} 0000` +
  // function 1 of type 1; one page of memory; exports
  "03020101" +
  "0503010001" +
  `071002 06${text("memory")} 0200 03${text("now")} 0001` +
  // now(): clock_time_get(3, 1, 0); drop the errno; i64.load(0)
  "0a12011000 4103 4201 4100 1000 1a 4100 290300 0b";

/** Thread CPU time in milliseconds through WASI, or undefined where WASI cannot give it. */
function wasiThreadClock(): (() => number) | undefined {
  try {
    const wasi = new WASI({ version: "preview1" });
    const bytes = Buffer.from(MODULE_HEX.replaceAll(" ", ""), "hex");
    const instance = new WebAssembly.Instance(
      new WebAssembly.Module(bytes),
      wasi.getImportObject() as WebAssembly.Imports,
    );
    wasi.initialize(instance);
    const now = instance.exports.now as () => bigint;
    const first = now();
    if (typeof first !== "bigint" || first <= 0n) return undefined;
    return () => Number(now()) / 1e6;
  } catch {
    return undefined;
  }
}

/** Process CPU time in milliseconds (user + system), every thread's, microsecond resolution. */
function processCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * A clock in milliseconds of the calling thread's CPU time, or of the whole process's where the
 * platform gives no per-thread figure, and which of the two it is.
 *
 * @example
 * ```ts
 * const { clock, scope } = threadCpuClock();
 * const startedAt = clock();
 * ```
 */
export function threadCpuClock(): { clock: () => number; scope: "thread" | "process" } {
  const clock = wasiThreadClock();
  return clock !== undefined
    ? { clock, scope: "thread" }
    : { clock: processCpuMs, scope: "process" };
}
