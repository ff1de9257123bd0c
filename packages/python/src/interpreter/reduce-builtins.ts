import type { Ptr } from "@pymem/core";
import { call } from "./calls.js";
import type { Machine } from "./machine.js";
import { arity, defineMethod } from "./native-arguments.js";
import { getAttribute } from "./object-access.js";

/**
 * The pickling protocol of the built-in types — `object.__reduce_ex__`, `object.__reduce__`,
 * `object.__getstate__` (CPython: `Objects/typeobject.c` `object___reduce_ex___impl`,
 * `_common_reduce`, `reduce_newobj`, `object_getstate`) and the `__reduce__` /
 * `__getnewargs__` / `__setstate__` of the built-in types that have one. Each method is a
 * native that calls the function of the same job in pymem's `copyreg` module (Python source),
 * so `pickle`, `copy` and `copyreg` share one reduction path.
 *
 * @module
 */

/** [type, method, copyreg function, arguments after self]. */
const DELEGATED: ReadonlyArray<readonly [string, string, string, number]> = [
  ["object", "__reduce_ex__", "_object_reduce_ex", 1],
  ["object", "__reduce__", "_object_reduce", 0],
  ["object", "__getstate__", "_object_getstate", 0],
  ["set", "__reduce__", "_set_reduce", 0],
  ["frozenset", "__reduce__", "_set_reduce", 0],
  ["range", "__reduce__", "_range_reduce", 0],
  ["slice", "__reduce__", "_slice_reduce", 0],
  ["int", "__getnewargs__", "_int_getnewargs", 0],
  ["float", "__getnewargs__", "_float_getnewargs", 0],
  ["str", "__getnewargs__", "_str_getnewargs", 0],
  ["bytes", "__getnewargs__", "_bytes_getnewargs", 0],
  ["tuple", "__getnewargs__", "_tuple_getnewargs", 0],
  ["complex", "__getnewargs__", "_complex_getnewargs", 0],
  ["BaseException", "__reduce__", "_exception_reduce", 0],
  ["BaseException", "__setstate__", "_exception_setstate", 1],
  ["builtin_function_or_method", "__reduce__", "_builtin_reduce", 0],
  ["method", "__reduce__", "_method_reduce", 0],
  ["ellipsis", "__reduce__", "_singleton_reduce", 0],
  ["NotImplementedType", "__reduce__", "_singleton_reduce", 0],
];

/**
 * Installs the reduction methods of {@link DELEGATED} on the built-in types. Each call passes
 * the copyreg function `self`, its arguments and the first class of `type(self)`'s MRO that is
 * not a heap type (CPython's solid base for `tp_new` / `copyreg._reduce_ex`'s search), which
 * Python code cannot find itself without `__flags__`.
 *
 * @example
 * ```ts
 * installReduceBuiltins(machine); // then object.__reduce_ex__(obj, 2) works
 * ```
 * @internal
 */
export function installReduceBuiltins(m: Machine): void {
  for (const [type, method, target, count] of DELEGATED)
    defineMethod(m, type, method, (_context, args, keywords) => {
      if (args.length === 0)
        m.raise("TypeError", `descriptor '${method}' of '${type}' object needs an argument`);
      if (keywords.length > 0)
        m.raise("TypeError", `${type}.${method}() takes no keyword arguments`);
      arity(m, method, args.slice(1), count, count);
      return callCopyreg(m, target, args);
    });
}

/** `copyreg.<target>(*args, native_base)`, importing copyreg on first use. */
function callCopyreg(m: Machine, target: string, args: readonly Ptr[]): Ptr {
  const self = args[0]!;
  const base = m.recordOf(self).mro.find((record) => !record.user)!.object;
  const module = m.importModule("copyreg");
  try {
    const fn = getAttribute(m, module, m.name(target), target);
    try {
      return call(m, fn, [...args, base], []);
    } finally {
      m.decref(fn);
    }
  } finally {
    m.decref(module);
  }
}
