import type { Ptr } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import type { NativeContext, NativeFunction, NativeModuleFactory } from "../native.js";
import {
  expectNoArguments,
  expectOneArgument,
  floatResult,
  integerArgument,
  integerResult,
  isInteger,
  noneResult,
  rejectKeywords,
} from "./arguments.js";
import { TIME_SOURCE } from "./time-python-part.js";

/**
 * Python's `time` module: the clocks and `sleep` here — `time`, `perf_counter`, `monotonic`,
 * `process_time` and their `_ns` forms, `sleep` — and the calendar functions in Python
 * (time-python-part.ts) over what the host knows of the local time zone. Clocks come from
 * `performance` (browsers and Node.js alike); `process_time` is the process's CPU time where the
 * host reports one (Node.js) and the time since the page loaded in browsers, which expose no CPU
 * clock. The local time zone is the host's (`TZ` under Node.js, the browser's own zone).
 *
 * @module
 */

/** Seconds since the epoch with sub-millisecond resolution. */
function epochSeconds(): number {
  return (performance.timeOrigin + performance.now()) / 1000;
}

/** Nanoseconds since the epoch, as an exact int. */
function epochNanoseconds(): bigint {
  const whole = Math.floor(performance.timeOrigin);
  return (
    BigInt(whole) * 1_000_000n +
    BigInt(Math.round((performance.timeOrigin - whole + performance.now()) * 1e6))
  );
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
function clock(name: string, read: () => number | bigint, nanoseconds: boolean): NativeFunction {
  return (context, args, keywords) => {
    expectNoArguments(context, `time.${name}`, args, keywords);
    const value = read();
    return nanoseconds ? integerResult(context, value) : floatResult(context, Number(value));
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

/** Minutes east of UTC of the host's local time zone at `date` (JavaScript counts them west). */
function minutesEast(date: Date): number {
  return -date.getTimezoneOffset();
}

/** The zone's standard and daylight-saving offsets (minutes east): January's and July's. */
function yearOffsets(year: number): [standard: number, daylight: number] {
  const january = minutesEast(new Date(year, 0, 1));
  const july = minutesEast(new Date(year, 6, 1));
  return [Math.min(january, july), Math.max(january, july)];
}

/** The formatter that names zones, made at first need: making one loads ICU's zone names. */
let zoneNameFormat: Intl.DateTimeFormat | undefined;

/** The host's short name for its local zone at `date` ("UTC", "CET", "GMT+2", …). */
function zoneName(date: Date): string {
  // A host in UTC (CI, containers) is known without the formatter, whose first making costs
  // ≈ 40 ms of `import time`: V8's date text names the same ICU zone the formatter calls "UTC".
  if (date.getTimezoneOffset() === 0 && date.toString().endsWith("(Coordinated Universal Time)"))
    return "UTC";
  zoneNameFormat ??= new Intl.DateTimeFormat("en-US", { timeZoneName: "short" });
  const parts = zoneNameFormat.formatToParts(date);
  return parts.find((part) => part.type === "timeZoneName")?.value ?? "UTC";
}

/**
 * `_local_zone(seconds)`: `(utc_offset_seconds, is_dst, zone_name)` of the local zone at that
 * instant (CPython reads `tm_gmtoff`, `tm_isdst` and `tm_zone` from `localtime_r`).
 */
const localZone: NativeFunction = (context, args, keywords) => {
  const seconds = context.heap.numberValue(
    expectOneArgument(context, "_local_zone", args, keywords),
  );
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime()))
    context.raise("OverflowError", "timestamp out of range for platform time_t");
  const offset = minutesEast(date);
  const [standard] = yearOffsets(date.getFullYear());
  return tupleOf(context, [
    context.heap.newInt(offset * 60),
    context.heap.newInt(offset > standard ? 1 : 0),
    context.heap.newStr(zoneName(date)),
  ]);
};

/** `_local_seconds(year, month, day, hour, minute, second)`: CPython's `mktime` of local time. */
const localSeconds: NativeFunction = (context, args, keywords) => {
  rejectKeywords(context, "_local_seconds", keywords);
  const [year, month, day, hour, minute, second] = args.map((arg) => integerArgument(context, arg));
  const date = new Date(2000, (month ?? 1) - 1, day, hour, minute, second);
  date.setFullYear(year ?? 2000);
  const milliseconds = date.getTime();
  if (Number.isNaN(milliseconds)) context.raise("OverflowError", "mktime argument out of range");
  return floatResult(context, milliseconds / 1000);
};

/**
 * `_zone_info()`: `(std_name, dst_name, timezone, altzone, daylight)` for this year, as CPython's
 * `init_timezone` sets `tzname`, `timezone`, `altzone` and `daylight` (seconds west of UTC).
 */
const zoneInfo: NativeFunction = (context, args, keywords) => {
  expectNoArguments(context, "_zone_info", args, keywords);
  const year = new Date().getFullYear();
  const [standard, daylight] = yearOffsets(year);
  const standardDate = new Date(year, standard === minutesEast(new Date(year, 0, 1)) ? 0 : 6, 1);
  const daylightDate = new Date(year, standardDate.getMonth() === 0 ? 6 : 0, 1);
  const heap = context.heap;
  return tupleOf(context, [
    heap.newStr(zoneName(standardDate)),
    heap.newStr(standard === daylight ? zoneName(standardDate) : zoneName(daylightDate)),
    heap.newInt(-standard * 60),
    heap.newInt(-daylight * 60),
    heap.newInt(standard === daylight ? 0 : 1),
  ]);
};

/** A new tuple made of `items` (new references, stolen). */
function tupleOf(context: NativeContext, items: Ptr[]): Ptr {
  try {
    return context.heap.newTuple(items);
  } finally {
    for (const item of items) context.release(item);
  }
}

/**
 * Builds the `time` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { time: timeModule } });
 * interpreter.run("import time\nstart = time.perf_counter()\ntime.sleep(0.01)\nprint(time.perf_counter() - start >= 0.01)");
 * ```
 */
export const timeModule: NativeModuleFactory = (context) => {
  const functions: Record<string, NativeFunction> = {
    time: clock("time", epochSeconds, false),
    time_ns: clock("time_ns", epochNanoseconds, true),
    perf_counter: clock("perf_counter", () => monotonicNanoseconds() / 1e9, false),
    perf_counter_ns: clock("perf_counter_ns", monotonicNanoseconds, true),
    monotonic: clock("monotonic", () => monotonicNanoseconds() / 1e9, false),
    monotonic_ns: clock("monotonic_ns", monotonicNanoseconds, true),
    process_time: clock("process_time", () => processNanoseconds() / 1e9, false),
    process_time_ns: clock("process_time_ns", processNanoseconds, true),
    sleep,
    _local_zone: localZone,
    _local_seconds: localSeconds,
    _zone_info: zoneInfo,
  };
  const values: [string, Ptr][] = [];
  try {
    for (const [name, fn] of Object.entries(functions))
      values.push([name, context.newBuiltinFunction(name, fn)]);
    return context.runModuleSource("time", TIME_SOURCE, values);
  } finally {
    for (const [, value] of values) context.release(value);
  }
};
