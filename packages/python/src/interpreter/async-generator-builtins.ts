import type { Ptr } from "@pymem/core";
import {
  asyncAwaitableStep,
  asyncGeneratorRuntime,
  asyncGeneratorSend,
  asyncGeneratorThrow,
  asyncGeneratorType,
  clearAsyncGeneratorHooks,
  closeAsyncAwaitable,
  newAnextAwaitable,
  setAsyncGeneratorHooks,
} from "./async-generator-objects.js";
import { call } from "./calls.js";
import { ResumeMode } from "./generator-objects.js";
import { exceptionToThrow, raiseStopIteration } from "./iterator-builtins.js";
import { iteratorRuntime } from "./iterator-objects.js";
import type { Machine } from "./machine.js";
import { whenDisposed } from "./modules/module-support.js";
import type { NativeContext, NativeFunction } from "./native.js";
import { arity, defineTypeMethod, noKeywords } from "./native-arguments.js";

/**
 * The Python face of asynchronous generators (PEP 525): the methods of `async_generator`
 * (`__aiter__`, `__anext__`, `asend`, `athrow`, `aclose`) and of its awaitables (`__await__`,
 * `send`, `throw`, `close`), and the `aiter()` and `anext()` built-ins (PEP 525's companions,
 * Python 3.10), with CPython 3.13's TypeErrors; and `sys`'s async generator hooks.
 *
 * @module
 */

/**
 * Installs the async generator types' methods and the `aiter`/`anext` built-ins into `builtins`.
 *
 * @example
 * ```ts
 * installAsyncGeneratorBuiltins(machine, machine.builtins);
 * ```
 * @internal
 */
export function installAsyncGeneratorBuiltins(m: Machine, builtins: Ptr): void {
  const genType = asyncGeneratorType(m);
  const types = asyncGeneratorRuntime(m.heap);
  const isAsyncGenerator = (obj: Ptr): boolean => m.typeIdOf(obj) === genType;
  const method = (
    typeName: string,
    isSelf: (obj: Ptr) => boolean,
    name: string,
    min: number,
    max: number,
    fn: (self: Ptr, args: readonly Ptr[]) => Ptr,
  ): void => defineTypeMethod(m, typeName, isSelf, name, min, max, false, fn);

  // CPython: async_gen_as_async, async_gen_methods.
  const generator = "async_generator";
  method(generator, isAsyncGenerator, "__aiter__", 0, 0, (self) => m.incref(self));
  method(generator, isAsyncGenerator, "__anext__", 0, 0, (self) => asyncGeneratorSend(m, self, 0));
  method(generator, isAsyncGenerator, "asend", 1, 1, (self, [value]) =>
    asyncGeneratorSend(m, self, value!),
  );
  // CPython 3.13 takes any arguments here and checks them when the awaitable is first sent to.
  method(generator, isAsyncGenerator, "athrow", 0, Number.POSITIVE_INFINITY, (self, args) => {
    const tuple = m.newTuple(args);
    try {
      return asyncGeneratorThrow(m, self, tuple);
    } finally {
      m.decref(tuple);
    }
  });
  method(generator, isAsyncGenerator, "aclose", 0, 0, (self) => asyncGeneratorThrow(m, self, 0));

  // CPython: async_gen_asend_methods, async_gen_athrow_methods, anextawaitable_methods.
  for (const [typeName, id] of [
    ["async_generator_asend", types.asend],
    ["async_generator_athrow", types.athrow],
    ["anext_awaitable", types.anextAwaitable],
  ] as const) {
    const isSelf = (obj: Ptr): boolean => m.typeIdOf(obj) === id;
    const step = (self: Ptr, mode: number, value: Ptr): Ptr => {
      const result = asyncAwaitableStep(m, self, mode, value);
      if (result !== 0) return result;
      const runtime = iteratorRuntime(m);
      const returned = runtime.generatorReturn;
      runtime.generatorReturn = 0;
      return raiseStopIteration(m, returned);
    };
    method(typeName, isSelf, "__await__", 0, 0, (self) => m.incref(self));
    method(typeName, isSelf, "__iter__", 0, 0, (self) => m.incref(self));
    method(typeName, isSelf, "__next__", 0, 0, (self) =>
      step(self, ResumeMode.SEND, m.incref(m.heap.none)),
    );
    method(typeName, isSelf, "send", 1, 1, (self, [value]) =>
      step(self, ResumeMode.SEND, m.incref(value!)),
    );
    method(typeName, isSelf, "throw", 1, 3, (self, args) =>
      step(self, ResumeMode.THROW, exceptionToThrow(m, args)),
    );
    method(typeName, isSelf, "close", 0, 0, (self) => {
      closeAsyncAwaitable(m, self);
      return m.incref(m.heap.none);
    });
  }

  const define = (name: string, fn: (args: readonly Ptr[]) => Ptr): void => {
    const obj = m.newBuiltin(
      m.addNative(name, (_context, args, keywords) => {
        noKeywords(m, name, keywords);
        return fn(args);
      }),
      0,
    );
    m.heap.dictSetItem(builtins, m.name(name), obj);
    m.decref(obj);
  };

  // CPython: builtin_aiter → PyObject_GetAIter.
  define("aiter", (args) => {
    arity(m, "aiter", args, 1, 1);
    const iterable = args[0]!;
    const it = callSlot(m, iterable, "__aiter__");
    if (it === 0) m.raise("TypeError", `'${m.typeName(iterable)}' object is not an async iterable`);
    if (!hasSlot(m, it, "__anext__")) {
      const name = m.typeName(it);
      m.decref(it);
      m.raise("TypeError", `aiter() returned not an async iterator of type '${name}'`);
    }
    return it;
  });

  // CPython: builtin_anext — the awaitable of `__anext__()`, wrapped when a default is given.
  define("anext", (args) => {
    arity(m, "anext", args, 1, 2);
    const iterator = args[0]!;
    const awaitable = callSlot(m, iterator, "__anext__");
    if (awaitable === 0)
      m.raise("TypeError", `'${m.typeName(iterator)}' object is not an async iterator`);
    if (args.length === 1) return awaitable;
    m.push(awaitable);
    try {
      return newAnextAwaitable(m, awaitable, args[1]!);
    } finally {
      m.sp--;
      m.decref(awaitable);
    }
  });
}

/** Whether `obj`'s type defines the special method `name` (CPython: a `tp_as_async` slot). */
function hasSlot(m: Machine, obj: Ptr, name: string): boolean {
  return m.lookupType(m.recordOf(obj), m.name(name)) !== 0;
}

/** Calls the special method `name` of `obj`'s type (a new reference), or returns 0 without one. */
function callSlot(m: Machine, obj: Ptr, name: string): Ptr {
  const method = m.lookupType(m.recordOf(obj), m.name(name));
  if (method === 0) return 0;
  m.push(m.incref(method));
  try {
    return call(m, method, [obj], undefined);
  } finally {
    m.sp--;
    m.decref(method);
  }
}

/**
 * `sys.set_asyncgen_hooks(firstiter, finalizer)` and the native half of
 * `sys.get_asyncgen_hooks()` (a `(firstiter, finalizer)` tuple that sys's Python part makes an
 * `asyncgen_hooks` record of), for the sys module (CPython: `sys_set_asyncgen_hooks`,
 * `sys_get_asyncgen_hooks`). The hooks are dropped when the interpreter is disposed.
 *
 * @example
 * ```ts
 * for (const [name, fn] of Object.entries(asyncGeneratorHookFunctions(context))) …
 * ```
 * @internal
 */
export function asyncGeneratorHookFunctions(
  context: NativeContext,
): Record<string, NativeFunction> {
  const machine = (): Machine => asyncGeneratorRuntime(context.heap).machine!;
  whenDisposed(context, () => clearAsyncGeneratorHooks(machine()));
  return {
    set_asyncgen_hooks: (_context, args, keywords) => {
      const m = machine();
      if (args.length > 2)
        m.raise(
          "TypeError",
          `set_asyncgen_hooks() takes at most 2 arguments (${args.length} given)`,
        );
      let [firstiter, finalizer] = args;
      for (const [name, value] of keywords) {
        if (name === "firstiter" && firstiter === undefined) firstiter = value;
        else if (name === "finalizer" && finalizer === undefined) finalizer = value;
        else m.raise("TypeError", `this function got an unexpected keyword argument '${name}'`);
      }
      setAsyncGeneratorHooks(m, firstiter, finalizer);
      return m.incref(m.heap.none);
    },
    _get_asyncgen_hooks: () => {
      const m = machine();
      const hooks = asyncGeneratorRuntime(m.heap);
      const none = m.heap.none;
      return m.newTuple([hooks.firstiter || none, hooks.finalizer || none]);
    },
  };
}
