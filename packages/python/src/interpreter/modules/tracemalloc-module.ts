import type { Ptr } from "@pymem/core";
import { GC_HEAD_SIZE, TypeFlags } from "@pymem/core";
import type { Traceback, TracingAllocator } from "@pymem/pool";
import type { NativeContext, NativeFunction, NativeModuleFactory } from "../native.js";
import { booleanResult, integerArgument, noneResult } from "./arguments.js";
import { whenDisposed } from "./module-support.js";
import { TRACEMALLOC_SOURCE } from "./tracemalloc-classes.js";

/**
 * Python's `tracemalloc` module on pymem's allocator. Native (TypeScript): the tracing itself —
 * `@pymem/pool`'s `TracingAllocator`, installed under the heap by the first `start()`, recording
 * for every block the Python frames that allocated it (file and line, from the interpreter).
 * Python source run at import (tracemalloc-classes.ts): `Snapshot`, `Statistic`,
 * `StatisticDiff`, `Traceback`, `Frame`, `Trace`, `Filter`, `DomainFilter` and the module's
 * functions.
 *
 * @module
 */

/** CPython: `MAX_NFRAME` of `_tracemalloc.c`. */
const MAX_FRAMES = 65535;

/** The runtime's tracer when one exists, without installing one. */
function existingTracer(context: NativeContext): TracingAllocator | undefined {
  return context.runtime.tracer;
}

/** `((filename, lineno), ...)`, most recent first (the C order `_tracemalloc` returns). */
function framesTuple(context: NativeContext, traceback: Traceback): Ptr {
  const heap = context.heap;
  const frames: Ptr[] = [];
  try {
    for (let i = traceback.frames.length - 1; i >= 0; i--) {
      const frame = traceback.frames[i]!;
      const filename = heap.newStr(frame.filename);
      const lineno = heap.newInt(frame.lineno);
      frames.push(heap.newTuple([filename, lineno]));
      context.release(filename);
      context.release(lineno);
    }
    return heap.newTuple(frames);
  } finally {
    for (const frame of frames) context.release(frame);
  }
}

/** The frames tuple and `total_nframe` (None when unknown) of a traceback, as new references. */
function tracebackParts(
  context: NativeContext,
  traceback: Traceback,
  cache: Map<Traceback, readonly [Ptr, Ptr]>,
): readonly [frames: Ptr, total: Ptr] {
  let parts = cache.get(traceback);
  if (parts === undefined) {
    const heap = context.heap;
    const total =
      traceback.totalFrames === undefined
        ? context.newReference(heap.none)
        : heap.newInt(traceback.totalFrames);
    parts = [framesTuple(context, traceback), total];
    cache.set(traceback, parts);
  }
  return parts;
}

/** Releases what {@link tracebackParts} cached. */
function releaseParts(context: NativeContext, cache: Map<Traceback, readonly [Ptr, Ptr]>): void {
  for (const [frames, total] of cache.values()) {
    context.release(frames);
    context.release(total);
  }
}

/** The address the allocator handed out for `obj`'s memory (before the GC header, if any). */
function blockAddress(context: NativeContext, obj: Ptr): Ptr {
  const heap = context.heap;
  const flags = heap.types.flags[heap.typeOf(obj)]!;
  return (flags & TypeFlags.GC) !== 0 ? obj - GC_HEAD_SIZE : obj;
}

/** The natives the Python part calls (arguments already checked there). */
const tracemallocNatives: Record<string, NativeFunction> = {
  // CPython: _tracemalloc_start_impl
  _start(context, args) {
    const frames = integerArgument(context, args[0]!);
    if (frames < 1 || frames > MAX_FRAMES)
      context.raise("ValueError", `the number of frames must be in range [1; ${MAX_FRAMES}]`);
    const tracer = context.runtime.installTracer({
      frameSource: (limit) => context.pythonFrames(limit),
    });
    tracer.start(frames);
    return noneResult(context);
  },
  // CPython: _tracemalloc_stop_impl
  _stop(context) {
    existingTracer(context)?.stop();
    return noneResult(context);
  },
  // CPython: _tracemalloc_is_tracing_impl
  _is_tracing(context) {
    return booleanResult(context, existingTracer(context)?.isTracing() ?? false);
  },
  // CPython: _tracemalloc_get_traced_memory_impl
  _traced_memory(context) {
    const tracer = existingTracer(context);
    const { current, peak } =
      tracer?.isTracing() === true ? tracer.tracedMemory() : { current: 0, peak: 0 };
    const heap = context.heap;
    const currentObj = heap.newInt(current);
    const peakObj = heap.newInt(peak);
    const result = heap.newTuple([currentObj, peakObj]);
    context.release(currentObj);
    context.release(peakObj);
    return result;
  },
  // CPython: _tracemalloc_reset_peak_impl
  _reset_peak(context) {
    const tracer = existingTracer(context);
    if (tracer?.isTracing() === true) tracer.resetPeak();
    return noneResult(context);
  },
  // CPython: _tracemalloc_clear_traces_impl
  _clear_traces(context) {
    const tracer = existingTracer(context);
    if (tracer?.isTracing() === true) tracer.clearTraces();
    return noneResult(context);
  },
  // CPython: _tracemalloc_get_traceback_limit_impl (1 until start() sets another)
  _traceback_limit(context) {
    const tracer = existingTracer(context);
    return context.heap.newInt(tracer === undefined ? 1 : Math.max(1, tracer.tracebackLimit));
  },
  // CPython: _tracemalloc__get_traces_impl — [(domain, size, frames, total_nframe), ...]; the
  // traces are copied first, and the result is built untraced (tracemalloc ignores its own
  // allocations), so snapshots do not list the previous snapshots' tuples.
  _traces(context) {
    const tracer = existingTracer(context);
    const heap = context.heap;
    if (tracer === undefined || !tracer.isTracing()) return heap.newList([]);
    const traces = tracer.takeSnapshot().traces;
    return tracer.untraced(() => {
      const cache = new Map<Traceback, readonly [Ptr, Ptr]>();
      const domain = heap.newInt(0);
      const items: Ptr[] = [];
      try {
        for (const trace of traces) {
          const size = heap.newInt(trace.size);
          const [frames, total] = tracebackParts(context, trace.traceback, cache);
          items.push(heap.newTuple([domain, size, frames, total]));
          context.release(size);
        }
        return heap.newList(items);
      } finally {
        for (const item of items) context.release(item);
        releaseParts(context, cache);
        context.release(domain);
      }
    });
  },
  // CPython: _tracemalloc__get_object_traceback — (frames, total_nframe) or None
  _object_traceback(context, args) {
    const tracer = existingTracer(context);
    const trace =
      tracer?.isTracing() === true ? tracer.traceOf(blockAddress(context, args[0]!)) : undefined;
    if (trace === undefined) return noneResult(context);
    const cache = new Map<Traceback, readonly [Ptr, Ptr]>();
    try {
      const [frames, total] = tracebackParts(context, trace.traceback, cache);
      return context.heap.newTuple([frames, total]);
    } finally {
      releaseParts(context, cache);
    }
  },
  // linecache.getline for Traceback.format()
  _source_line(context, args) {
    const heap = context.heap;
    return heap.newStr(
      context.sourceLine(heap.strValue(args[0]!), integerArgument(context, args[1]!)),
    );
  },
};

/**
 * Builds `tracemalloc` the first time a script imports it.
 *
 * @remarks
 * Sizes are the bytes pymem's objects request from its allocator (pymem's 32-bit layout), so
 * they are smaller than CPython's 64-bit ones; counts and lines follow the program. Memory
 * reused from an object free list is not a new allocation here, nor in CPython. The frames are
 * the statements' lines (CPython's are the executing instruction's, which differ inside a
 * statement spanning several lines). `Snapshot.dump`/`load` (pickle files) and
 * `get_tracemalloc_memory` are not provided. Frames of the interpreter's own Python parts read
 * `<contextlib>`, `<tracemalloc>`, … where CPython names its library files.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { tracemalloc: tracemallocModule } });
 * interpreter.run("import tracemalloc\ntracemalloc.start()\nx = [1]*100\nprint(tracemalloc.get_traced_memory()[0] > 0)");
 * ```
 */
export const tracemallocModule: NativeModuleFactory = (context) => {
  // CPython's finalization stops tracing (_PyTraceMalloc_Fini).
  whenDisposed(context, () => existingTracer(context)?.stop());
  const members: [string, Ptr][] = [];
  try {
    for (const [name, fn] of Object.entries(tracemallocNatives))
      members.push([name, context.newBuiltinFunction(name, fn)]);
    return context.runModuleSource("tracemalloc", TRACEMALLOC_SOURCE, members);
  } finally {
    for (const [, value] of members) context.release(value);
  }
};
