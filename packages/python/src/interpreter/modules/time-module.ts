import { ObjectKind } from "@pymem/heap";
import type { NativeContext, NativeFunction, NativeModuleFactory } from "../native.js";
import {
  expectNoArguments,
  expectOneArgument,
  floatResult,
  integerResult,
  isInteger,
  noneResult,
} from "./arguments.js";
import { buildModule } from "./module-support.js";

/**
 * Python's `time` module, the clocks and `sleep`: `time`, `perf_counter`, `monotonic`,
 * `process_time` (and their `_ns` forms, except `time_ns`, whose value needs ints beyond
 * pymem's 2**53), `sleep`. Clocks come from `performance` (browsers and Node.js alike);
 * `process_time` is the process's CPU time where the host reports one (Node.js) and the time
 * since the page loaded in browsers, which expose no CPU clock.
 *
 * @module
 */

/** Seconds since the epoch with sub-millisecond resolution. */
function epochSeconds(): number {
  return (performance.timeOrigin + performance.now()) / 1000;
}

/** Nanoseconds on the monotonic clock (origin: when the host started). */
function monotonicNanoseconds(): number {
  return Math.round(performance.now() * 1e6);
}

/** CPU nanoseconds of this process (Node.js), or elapsed nanoseconds (browsers). */
function processNanoseconds(): number {
  const host = globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } };
  const usage = host.process?.cpuUsage?.();
  return usage === undefined ? monotonicNanoseconds() : (usage.user + usage.system) * 1000;
}

/** A clock function without arguments. */
function clock(name: string, read: () => number, nanoseconds: boolean): NativeFunction {
  return (context, args, keywords) => {
    expectNoArguments(context, `time.${name}`, args, keywords);
    return nanoseconds ? integerResult(context, read()) : floatResult(context, read());
  };
}

/** Blocks for `seconds`: Atomics.wait where allowed (Node.js, workers), else a busy wait. */
function block(seconds: number): void {
  const milliseconds = seconds * 1000;
  if (milliseconds <= 0) return;
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
    return;
  } catch {
    // A browser's main thread may not block: spin instead.
  }
  const end = performance.now() + milliseconds;
  while (performance.now() < end) {
    // spin
  }
}

/** CPython: `time_sleep()` — the argument converted by `_PyTime_FromSecondsObject`. */
const sleep: NativeFunction = (context: NativeContext, args, keywords) => {
  const secondsObj = expectOneArgument(context, "time.sleep", args, keywords);
  const heap = context.heap;
  if (!isInteger(context, secondsObj) && heap.kindOf(secondsObj) !== ObjectKind.FLOAT)
    context.raise(
      "TypeError",
      `'${context.typeName(secondsObj)}' object cannot be interpreted as an integer`,
    );
  const seconds = heap.numberValue(secondsObj);
  if (Number.isNaN(seconds)) context.raise("ValueError", "Invalid value NaN (not a number)");
  if (seconds < 0) context.raise("ValueError", "sleep length must be non-negative");
  if (seconds > 9.2e9)
    context.raise("OverflowError", "timestamp too large to convert to C _PyTime_t");
  block(seconds);
  return noneResult(context);
};

/**
 * Builds the `time` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { time: timeModule } });
 * interpreter.run("import time\nstart = time.perf_counter()\ntime.sleep(0.01)\nprint(time.perf_counter() - start >= 0.01)");
 * ```
 */
export const timeModule: NativeModuleFactory = (context) =>
  buildModule(
    context,
    "time",
    {
      time: clock("time", epochSeconds, false),
      perf_counter: clock("perf_counter", () => monotonicNanoseconds() / 1e9, false),
      perf_counter_ns: clock("perf_counter_ns", monotonicNanoseconds, true),
      monotonic: clock("monotonic", () => monotonicNanoseconds() / 1e9, false),
      monotonic_ns: clock("monotonic_ns", monotonicNanoseconds, true),
      process_time: clock("process_time", () => processNanoseconds() / 1e9, false),
      process_time_ns: clock("process_time_ns", processNanoseconds, true),
      sleep,
    },
    [],
  );
