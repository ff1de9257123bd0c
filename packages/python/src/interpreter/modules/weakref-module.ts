import type { Ptr } from "@pymem/core";
import type { NativeContext, NativeFunction, NativeModuleFactory } from "../native.js";
import { expectOneArgument } from "./arguments.js";
import { atInterpreterExit, callReportingErrors, whenDisposed } from "./module-support.js";
import { WEAKREF_CLASSES_SOURCE } from "./weakref-classes.js";

/**
 * Python's `weakref` module. Native (TypeScript): `ref(obj[, callback])`, `getweakrefcount`,
 * `getweakrefs`, with callbacks that are Python callables — strong references from the weak
 * reference that the collector traverses, called with the dead reference when the referent dies,
 * exceptions reported as unraisable on the interpreter's stderr. Python source run at import
 * (weakref-classes.ts): `proxy`, `WeakMethod`, `WeakValueDictionary`, `WeakKeyDictionary`,
 * `WeakSet`, `finalize`.
 *
 * @module
 */

/**
 * Builds the `weakref` module the first time a script imports it, and installs the heap's caller
 * for Python callbacks (`heap.setWeakrefCallbackCaller`), uninstalled when the interpreter is
 * disposed.
 *
 * @remarks
 * Order of callbacks follows CPython 3.13, which the heap and collectors implement: on a
 * reference-count death, `__del__` runs first, then the callbacks (newest first); in a
 * collection, callbacks of weak references that are not garbage themselves run before any
 * `__del__` of the garbage (`handle_weakrefs`). `weakref.ref` is the weakref type
 * (`weakref.ReferenceType`, see weakref-type.ts), which classes may derive from.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { weakref: weakrefModule } });
 * interpreter.run("import weakref\nclass C: pass\nc = C()\nr = weakref.ref(c)\nprint(r() is c)");
 * ```
 */
export const weakrefModule: NativeModuleFactory = (context) => {
  const heap = context.heap;
  heap.setWeakrefCallbackCaller((callback, ref) => callReportingErrors(context, callback, [ref]));
  whenDisposed(context, () => heap.setWeakrefCallbackCaller(undefined));
  // The weakref type itself (weakref-type.ts), borrowed: the members are released below.
  const ref = context.builtinType("weakref.ReferenceType");
  const members: [string, Ptr][] = [
    ["ref", ref],
    ["ReferenceType", ref],
  ];
  try {
    for (const [name, fn] of Object.entries(weakrefFunctions))
      members.push([name, context.newBuiltinFunction(name, fn)]);
    return context.runModuleSource("weakref", WEAKREF_CLASSES_SOURCE, members);
  } finally {
    for (const [name, value] of members)
      if (name !== "ref" && name !== "ReferenceType") context.release(value);
  }
};

/** The weak references to `obj`, in its list's order (the callback-less one first). */
function weakReferencesTo(context: NativeContext, obj: Ptr): Ptr[] {
  const heap = context.heap;
  const refs: Ptr[] = [];
  for (let ref = heap.weakrefFirst(obj); ref !== 0; ref = heap.weakrefNext(ref)) refs.push(ref);
  return refs;
}

/** The native functions of `weakref` besides `ref`, and the helpers its Python part uses. */
const weakrefFunctions: Record<string, NativeFunction> = {
  // The Python part's `types.MethodType(func, obj)` (WeakMethod rebuilds its bound method).
  _bind_method(context, args) {
    return context.newMethod(args[0]!, args[1]!);
  },
  // Registers a function to call at interpreter exit (finalize's atexit calls).
  _at_exit(context, args) {
    const fn = context.newReference(args[0]!);
    atInterpreterExit(context, () => {
      try {
        callReportingErrors(context, fn, []);
      } finally {
        context.release(fn);
      }
    });
    return context.newReference(context.heap.none);
  },
  // Calls a function, reporting an exception it raises as unraisable (finalize at exit).
  _call_reporting_errors(context, args) {
    callReportingErrors(context, args[0]!, []);
    return context.newReference(context.heap.none);
  },
  // CPython: _weakref_getweakrefcount_impl
  getweakrefcount(context, args, keywords) {
    const obj = expectOneArgument(context, "_weakref.getweakrefcount", args, keywords);
    return context.heap.newInt(weakReferencesTo(context, obj).length);
  },
  // CPython: _weakref_getweakrefs
  getweakrefs(context, args, keywords) {
    const obj = expectOneArgument(context, "_weakref.getweakrefs", args, keywords);
    return context.heap.newList(weakReferencesTo(context, obj));
  },
};
