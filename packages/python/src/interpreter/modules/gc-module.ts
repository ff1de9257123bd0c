import { type Ptr, ReferenceStack, TypeFlags } from "@pymem/core";
import type { GcCallback, GcCallbackInfo, GcModule, GcPhase } from "@pymem/gc";
import { ObjectKind } from "@pymem/heap";
import type { NativeContext, NativeFunction, NativeModuleFactory } from "../native.js";
import {
  booleanResult,
  cIntArgument,
  expectNoArguments,
  expectOneArgument,
  integerArgument,
  integerTuple,
  isInteger,
  listOf,
  noneResult,
  optionalArgument,
  rejectKeywords,
  tupleIntArgument,
} from "./arguments.js";
import { buildModule, callReportingErrors, makeAll, whenDisposed } from "./module-support.js";

/**
 * Python's `gc` module over `runtime.gc` (`@pymem/gc`'s {@link GcModule}): every function of
 * CPython 3.13's module with its argument checking and messages, `gc.callbacks` and
 * `gc.garbage` as real Python lists, and `DEBUG_*` output on the interpreter's stderr.
 *
 * @module
 */

/** CPython's `NUM_GENERATIONS`: what `collect` and `get_objects` accept whatever the collector. */
const GENERATIONS = 3;

/** `gc.DEBUG_*`, CPython's values. */
const DEBUG_CONSTANTS: ReadonlyArray<readonly [string, number]> = [
  ["DEBUG_STATS", 1],
  ["DEBUG_COLLECTABLE", 2],
  ["DEBUG_UNCOLLECTABLE", 4],
  ["DEBUG_SAVEALL", 32],
  ["DEBUG_LEAK", 38],
];

/**
 * The per-interpreter state CPython keeps in `struct _gc_runtime_state`: the two lists the
 * module exposes (one reference each, held until the interpreter is disposed).
 */
interface GcModuleState {
  readonly context: NativeContext;
  /** `runtime.gc`, or undefined with `collector: "none"` (then nothing is ever collected). */
  readonly gc: GcModule | undefined;
  /** `gc.callbacks`. CPython: `gcstate->callbacks`. */
  readonly callbacks: Ptr;
  /** `gc.garbage`. CPython: `gcstate->garbage`. */
  readonly garbage: Ptr;
  /** Stands in for the enabled flag when there is no collector. */
  enabledWithoutCollector: boolean;
}

/**
 * Builds the `gc` module the first time a script imports it.
 *
 * @remarks
 * The collector's own `garbage` array is drained into the Python list `gc.garbage` at the end of
 * every collection (before the "stop" callbacks run, as CPython fills `gc.garbage` during the
 * collection), so the list is the same object every time and Python code may edit it freely.
 * Collectors with fewer than three generations accept CPython's generations 0–2: `collect(n)`
 * collects the oldest generation they have.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { gc: gcModule } });
 * interpreter.run("import gc\nprint(gc.collect())");
 * ```
 */
export const gcModule: NativeModuleFactory = (context) => {
  const heap = context.heap;
  const gc = context.runtime.gc;
  const [callbacks, garbage] = makeAll(context, [() => heap.newList(), () => heap.newList()]) as [
    Ptr,
    Ptr,
  ];
  const state: GcModuleState = {
    context,
    gc,
    callbacks,
    garbage,
    enabledWithoutCollector: true,
  };
  const bridge: GcCallback = (phase, info) => invokeCallbacks(state, phase, info);
  if (gc !== undefined) {
    const collector = gc.collector;
    // What the script may change on a collector that outlives the interpreter (an embedder may
    // reuse the runtime): put back at dispose.
    const previousSink = collector.debugSink;
    const previousDebug = collector.debug;
    const previousEnabled = collector.enabled;
    const previousThresholds = collector.getThreshold();
    const frozenAtImport = collector.freezeCount();
    collector.debugSink = (text) => context.writeStderr(text);
    gc.callbacks.push(bridge);
    whenDisposed(context, () => {
      const index = gc.callbacks.indexOf(bridge);
      if (index >= 0) gc.callbacks.splice(index, 1);
      collector.debugSink = previousSink;
      // Restoring the flags also keeps DEBUG_SAVEALL from parking the interpreter's last cycles in
      // the collector's garbage during dispose's final collections (no gc.garbage list takes them
      // any more), and unfreezing lets those collections reach objects the script froze.
      collector.debug = previousDebug;
      if (frozenAtImport === 0 && collector.freezeCount() > 0) collector.unfreeze();
      collector.setThreshold(previousThresholds);
      collector.enabled = previousEnabled;
    });
  }
  whenDisposed(context, () => {
    context.release(callbacks);
    context.release(garbage);
  });

  const values = makeAll(
    context,
    DEBUG_CONSTANTS.map(
      ([, value]) =>
        () =>
          heap.newInt(value),
    ),
  );
  try {
    return buildModule(context, "gc", gcFunctions(state), [
      ...DEBUG_CONSTANTS.map(([name], i) => [name, values[i]!] as const),
      ["callbacks", callbacks],
      ["garbage", garbage],
    ]);
  } finally {
    for (const value of values) context.release(value);
  }
};

/**
 * Moves what the collector appended to its `garbage` array into the Python list, transferring
 * each reference.
 */
function drainGarbage(state: GcModuleState): void {
  const gc = state.gc;
  if (gc === undefined || gc.garbage.length === 0) return;
  const pending = gc.garbage.splice(0, gc.garbage.length);
  const heap = state.context.heap;
  try {
    for (let i = 0; i < pending.length; i++) heap.listAppend(state.garbage, pending[i]!);
  } finally {
    // The list took its own references (or appending failed): the collector's go either way.
    for (let i = 0; i < pending.length; i++) state.context.release(pending[i]!);
  }
}

/**
 * Calls every entry of `gc.callbacks` with `(phase, info)`. Re-reads the list's length each
 * round, so a callback that edits the list affects this very round.
 * CPython: `invoke_gc_callback()`.
 */
function invokeCallbacks(state: GcModuleState, phase: GcPhase, info: GcCallbackInfo): void {
  const context = state.context;
  const heap = context.heap;
  if (phase === "stop") drainGarbage(state);
  if (heap.listLength(state.callbacks) === 0) return;
  const infoDict = heap.newDict();
  const phaseName = heap.newStr(phase);
  try {
    for (const [key, value] of [
      ["generation", info.generation],
      ["collected", info.collected],
      ["uncollectable", info.uncollectable],
    ] as const) {
      setItem(context, infoDict, key, value);
    }
    for (let i = 0; i < heap.listLength(state.callbacks); i++) {
      callReportingErrors(context, heap.listGetItem(state.callbacks, i), [phaseName, infoDict]);
    }
  } finally {
    context.release(phaseName);
    context.release(infoDict);
  }
}

/** `d[key] = value` for a str key and an int value, dropping the temporaries. */
function setItem(context: NativeContext, dict: Ptr, key: string, value: number): void {
  const heap = context.heap;
  const keyObject = heap.newStr(key);
  let valueObject = 0;
  try {
    valueObject = heap.newInt(value);
    heap.dictSetItem(dict, keyObject, valueObject);
  } finally {
    context.release(keyObject);
    if (valueObject !== 0) context.release(valueObject);
  }
}

/** Pads a per-generation array to CPython's three generations. */
function threeGenerations(values: readonly number[]): number[] {
  const padded = values.slice(0, GENERATIONS);
  while (padded.length < GENERATIONS) padded.push(0);
  return padded;
}

/**
 * The tracked objects of a generation (-1: all). Generations a collector lacks map to its oldest,
 * as in `collect`; with no collector nothing is tracked.
 */
function trackedObjects(state: GcModuleState, generation: number): Ptr[] {
  const gc = state.gc;
  if (gc === undefined) return [];
  if (generation === -1) return gc.getObjects(-1);
  return gc.getObjects(Math.min(generation, gc.collector.generationCount - 1));
}

/** The functions of the module, closing over its state. */
function gcFunctions(state: GcModuleState): Record<string, NativeFunction> {
  const gc = state.gc;
  const stack = new ReferenceStack(16);
  return {
    enable(context, args, keywords) {
      expectNoArguments(context, "gc.enable", args, keywords);
      if (gc !== undefined) gc.enable();
      else state.enabledWithoutCollector = true;
      return noneResult(context);
    },
    disable(context, args, keywords) {
      expectNoArguments(context, "gc.disable", args, keywords);
      if (gc !== undefined) gc.disable();
      else state.enabledWithoutCollector = false;
      return noneResult(context);
    },
    isenabled(context, args, keywords) {
      expectNoArguments(context, "gc.isenabled", args, keywords);
      return booleanResult(
        context,
        gc !== undefined ? gc.isEnabled() : state.enabledWithoutCollector,
      );
    },
    // CPython: gc_collect_impl(module, generation=2)
    collect(context, args, keywords) {
      const argument = optionalArgument(context, "collect", "generation", args, keywords);
      const generation = argument === undefined ? GENERATIONS - 1 : cIntArgument(context, argument);
      if (generation < 0 || generation >= GENERATIONS)
        context.raise("ValueError", "invalid generation");
      if (gc === undefined) return context.heap.newInt(0);
      const collected = gc.collect(Math.min(generation, gc.collector.generationCount - 1));
      drainGarbage(state);
      return context.heap.newInt(collected);
    },
    get_count(context, args, keywords) {
      expectNoArguments(context, "gc.get_count", args, keywords);
      return integerTuple(context, threeGenerations(gc?.getCount() ?? []));
    },
    get_threshold(context, args, keywords) {
      expectNoArguments(context, "gc.get_threshold", args, keywords);
      return integerTuple(context, threeGenerations(gc?.getThreshold() ?? []));
    },
    // CPython: gc_set_threshold (PyArg_ParseTuple "i|ii:set_threshold")
    set_threshold(context, args, keywords) {
      rejectKeywords(context, "set_threshold", keywords);
      if (args.length < 1 || args.length > 3)
        context.raise("TypeError", "gc.set_threshold requires 1 to 3 arguments");
      const thresholds = args.map((arg) => tupleIntArgument(context, arg));
      gc?.setThreshold(...thresholds.slice(0, gc.collector.getThreshold().length || 1));
      return noneResult(context);
    },
    get_stats(context, args, keywords) {
      expectNoArguments(context, "gc.get_stats", args, keywords);
      return statsList(context, gc);
    },
    // CPython: gc_get_objects_impl(module, generation=None)
    get_objects(context, args, keywords) {
      const argument = optionalArgument(context, "get_objects", "generation", args, keywords);
      let generation = -1;
      if (argument !== undefined && argument !== context.heap.none) {
        if (!isInteger(context, argument))
          context.raise(
            "TypeError",
            `argument should be integer or None, not '${context.typeName(argument)}'`,
          );
        generation = integerArgument(context, argument);
        if (generation >= GENERATIONS)
          context.raise(
            "ValueError",
            `generation parameter must be less than the number of available generations (${GENERATIONS})`,
          );
        // CPython 3.13 accepts -1 (every generation, like None) and rejects only -2 and below.
        if (generation < -1) context.raise("ValueError", "generation parameter cannot be negative");
      }
      return listOf(context, trackedObjects(state, generation));
    },
    // CPython: gc_get_referrers_impl — every tracked object that refers to any argument.
    get_referrers(context, args, keywords) {
      rejectKeywords(context, "gc.get_referrers", keywords);
      if (gc !== undefined) return listOf(context, gc.getReferrers(...args));
      return listOf(context, []);
    },
    // CPython: gc_get_referents_impl — what tp_traverse reports, for GC-capable arguments only.
    get_referents(context, args, keywords) {
      rejectKeywords(context, "gc.get_referents", keywords);
      const referents: Ptr[] = [];
      for (const obj of args) pushReferentsInTraverseOrder(context, obj, stack, referents);
      return listOf(context, referents);
    },
    is_tracked(context, args, keywords) {
      const obj = expectOneArgument(context, "gc.is_tracked", args, keywords);
      return booleanResult(context, gc?.isTracked(obj) === true);
    },
    is_finalized(context, args, keywords) {
      const obj = expectOneArgument(context, "gc.is_finalized", args, keywords);
      return booleanResult(context, gc?.isFinalized(obj) === true);
    },
    freeze(context, args, keywords) {
      expectNoArguments(context, "gc.freeze", args, keywords);
      gc?.freeze();
      return noneResult(context);
    },
    unfreeze(context, args, keywords) {
      expectNoArguments(context, "gc.unfreeze", args, keywords);
      gc?.unfreeze();
      return noneResult(context);
    },
    get_freeze_count(context, args, keywords) {
      expectNoArguments(context, "gc.get_freeze_count", args, keywords);
      return context.heap.newInt(gc?.getFreezeCount() ?? 0);
    },
    set_debug(context, args, keywords) {
      const flags = cIntArgument(
        context,
        expectOneArgument(context, "gc.set_debug", args, keywords),
      );
      gc?.setDebug(flags);
      return noneResult(context);
    },
    get_debug(context, args, keywords) {
      expectNoArguments(context, "gc.get_debug", args, keywords);
      return context.heap.newInt(gc?.getDebug() ?? 0);
    },
  };
}

/**
 * Appends what `obj`'s `tp_traverse` visits, in CPython's order: `list_traverse` and
 * `tupletraverse` go from the last item to the first; `dict_traverse` visits each entry's value
 * then its key, and only the values of a dict whose keys are all str (a "unicode" keys table).
 * Other types report their references in layout order.
 */
function pushReferentsInTraverseOrder(
  context: NativeContext,
  obj: Ptr,
  stack: ReferenceStack,
  into: Ptr[],
): void {
  const heap = context.heap;
  const types = heap.types;
  if ((types.flags[types.typeOf(obj)]! & TypeFlags.GC) === 0) return;
  const kind = heap.kindOf(obj);
  if (kind === ObjectKind.DICT) {
    const items = heap.dictItems(obj);
    const keysAreStr = items.every(([key]) => heap.kindOf(key) === ObjectKind.STR);
    for (const [key, value] of items) {
      into.push(value);
      if (!keysAreStr) into.push(key);
    }
    return;
  }
  stack.length = 0;
  types.pushReferences(obj, stack);
  if (kind === ObjectKind.LIST || kind === ObjectKind.TUPLE) {
    for (let i = stack.length - 1; i >= 0; i--) into.push(stack.items[i]!);
  } else {
    for (let i = 0; i < stack.length; i++) into.push(stack.items[i]!);
  }
  stack.length = 0;
}

/** `gc.get_stats()`: one dict per generation. */
function statsList(context: NativeContext, gc: GcModule | undefined): Ptr {
  const heap = context.heap;
  const stats = gc?.getStats() ?? [];
  const list = heap.newList();
  try {
    for (let generation = 0; generation < GENERATIONS; generation++) {
      const entry = stats[generation];
      const dict = heap.newDict();
      try {
        setItem(context, dict, "collections", entry?.collections ?? 0);
        setItem(context, dict, "collected", entry?.collected ?? 0);
        setItem(context, dict, "uncollectable", entry?.uncollectable ?? 0);
        heap.listAppend(list, dict);
      } finally {
        context.release(dict);
      }
    }
  } catch (error) {
    context.release(list);
    throw error;
  }
  return list;
}
