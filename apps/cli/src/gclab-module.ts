import type { Ptr } from "@pymem/core";
import type { NativeContext, NativeFunction, NativeModuleFactory } from "@pymem/python";
import type { LabProbe } from "./gclab-probe.js";

/**
 * The `_gclab` module workloads import under pymem: the same functions as `gclab/_gclab.py`
 * gives them under CPython and Pyodide (`scaled`, `dropped`, `freed`, `sample`), backed by a
 * {@link LabProbe}.
 *
 * @module
 */

function countArgument(context: NativeContext, args: readonly Ptr[], name: string): number {
  const value = args[0];
  if (args.length !== 1 || value === undefined)
    context.raise("TypeError", `_gclab.${name}() takes exactly one argument`);
  const type = context.typeName(value);
  if (type !== "int" && type !== "float")
    context.raise("TypeError", `_gclab.${name}() expects a number, not '${type}'`);
  return context.heap.numberValue(value);
}

/**
 * Builds the `_gclab` module factory for one run.
 *
 * @param probe - where the counters go
 * @param scale - the workload size factor (`GCLAB_SCALE` under CPython)
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ runtime, modules: { ...nativeModules, _gclab: labModule(probe, 1) } });
 * ```
 */
export function labModule(probe: LabProbe, scale: number): NativeModuleFactory {
  return (context) => {
    const none = () => context.newReference(context.heap.none);
    const functions: Record<string, NativeFunction> = {
      scaled: (ctx, args) =>
        ctx.heap.newInt(Math.max(1, Math.trunc(countArgument(ctx, args, "scaled") * scale))),
      dropped: (ctx, args) => {
        probe.dropped(countArgument(ctx, args, "dropped"));
        return none();
      },
      freed: (ctx, args) => {
        probe.freed(countArgument(ctx, args, "freed"));
        return none();
      },
      sample: () => {
        probe.sample();
        return none();
      },
    };
    const members: [string, Ptr][] = [];
    try {
      for (const [name, fn] of Object.entries(functions))
        members.push([name, context.newBuiltinFunction(name, fn)]);
      return context.newModule("_gclab", members);
    } finally {
      for (const [, fn] of members) context.release(fn);
    }
  };
}
