import { type Ptr, TypeFlags, type TypeId } from "@pymem/core";
import type { Heap } from "@pymem/heap";
import { call } from "./calls.js";
import { awaitableIterator } from "./coroutine-protocol.js";
import { PyException, StepLimitError } from "./exceptions.js";
import type { Frame } from "./frame.js";
import {
  defineGeneratorType,
  GENERATOR_SIZE,
  type GeneratorBody,
  GeneratorState,
  generatorState,
  newGenerator,
  ResumeMode,
  resumeGenerator,
} from "./generator-objects.js";
import { exceptionToThrow, isCallable } from "./iterator-builtins.js";
import { iteratorRuntime, registerBuiltinType } from "./iterator-objects.js";
import { delegateStep, isInstance } from "./iterator-protocol.js";
import type { Machine } from "./machine.js";
import { repr } from "./object-repr.js";

/**
 * Asynchronous generators (PEP 525; CPython: the "Asynchronous Generators" half of
 * Objects/genobject.c): the `async_generator` object an `async def` with a `yield` returns, and
 * the awaitables its methods return — `async_generator_asend` (`__anext__()`, `asend(v)`),
 * `async_generator_athrow` (`athrow(...)`, `aclose()`) — with the value wrapper that tells an
 * `async for`'s item (`yield v` in the body) from a value the body's `await` passes to the
 * event loop; `anext(it, default)`'s `anext_awaitable`; and the `sys.set_asyncgen_hooks` state.
 *
 * An async generator is a generator object of another type (its body compiled in generator
 * form, generator-compiler.ts): `yield v` yields a wrapper around `v`; `await` yields what the
 * awaited object yields. The awaitables drive the generator with `resumeGenerator` and unwrap:
 * a wrapper ends the awaitable with StopIteration(v), anything else goes out to the event loop.
 *
 * ```text
 *  async_generator GC │ refcnt │ type │ …generator's fields… │ finalizer │ flags raw │ 40
 *  async_generator_asend GC │ refcnt │ type │ gen │ send value │ state raw │ 20
 *  async_generator_athrow GC │ refcnt │ type │ gen │ args tuple │ state raw │ 20
 *  async_generator_wrapped_value GC │ refcnt │ type │ value │ 12
 *  anext_awaitable GC │ refcnt │ type │ wrapped │ default │ its iterator │ 20
 * ```
 *
 * @module
 */

/** Async generator: the finalizer hook captured at first iteration. CPython: `ag_origin_or_finalizer`. */
export const ASYNC_GENERATOR_FINALIZER_OFFSET = GENERATOR_SIZE;
/** Async generator: {@link AsyncGeneratorFlag} bits (raw). */
export const ASYNC_GENERATOR_FLAGS_OFFSET = GENERATOR_SIZE + 4;
/** Size of an async generator object. */
export const ASYNC_GENERATOR_SIZE = GENERATOR_SIZE + 8;

/**
 * The flag bits of an async generator (CPython: `ag_hooks_inited`, `ag_closed`,
 * `ag_running_async`).
 *
 * @example
 * ```ts
 * hasFlag(machine, gen, AsyncGeneratorFlag.CLOSED);
 * ```
 */
export const AsyncGeneratorFlag = { HOOKS_INITED: 1, CLOSED: 2, RUNNING_ASYNC: 4 } as const;

/** asend/athrow: the async generator. CPython: `ags_gen`, `agt_gen`. */
const AWAITABLE_GEN_OFFSET = 8;
/** asend: the value sent (0 for `__anext__()`); athrow: the argument tuple (0 for `aclose()`). */
const AWAITABLE_ARGUMENT_OFFSET = 12;
/** asend/athrow: an {@link AwaitableState} value (raw). */
const AWAITABLE_STATE_OFFSET = 16;
const AWAITABLE_SIZE = 20;
/** The wrapped value. CPython: `agw_val`. */
const WRAPPED_VALUE_OFFSET = 8;
const WRAPPED_SIZE = 12;
/** anext_awaitable: the awaitable `__anext__()` returned. CPython: `wrapped`. */
const ANEXT_WRAPPED_OFFSET = 8;
/** anext_awaitable: the default. CPython: `default_value`. */
const ANEXT_DEFAULT_OFFSET = 12;
/** anext_awaitable: the iterator of `__anext__()`'s awaitable, made at the first step (or 0). */
const ANEXT_AWAITABLE_OFFSET = 16;
const ANEXT_SIZE = 20;

/** CPython: `AwaitableState`. */
const AwaitableState = { INIT: 0, ITER: 1, CLOSED: 2 } as const;

/** The types of one heap, and the hooks `sys.set_asyncgen_hooks` set (owned references or 0). */
class AsyncGeneratorRuntime {
  /** The machine whose code the hooks run (the latest interpreter on this heap). */
  machine: Machine | undefined;
  asend: TypeId = 0;
  athrow: TypeId = 0;
  wrappedValue: TypeId = 0;
  anextAwaitable: TypeId = 0;
  /** CPython: `tstate->async_gen_firstiter`. */
  firstiter: Ptr = 0;
  /** CPython: `tstate->async_gen_finalizer`. */
  finalizer: Ptr = 0;
}

const runtimes = new WeakMap<Heap, AsyncGeneratorRuntime>();

/**
 * The async generator state of `heap` (its awaitable types defined on first use; `machine` set
 * once {@link asyncGeneratorType} ran for the heap's interpreter).
 *
 * @example
 * ```ts
 * asyncGeneratorRuntime(machine.heap).finalizer; // the finalizer hook, or 0
 * ```
 * @internal
 */
export function asyncGeneratorRuntime(heap: Heap): AsyncGeneratorRuntime {
  let runtime = runtimes.get(heap);
  if (runtime === undefined) {
    runtime = new AsyncGeneratorRuntime();
    const gc = TypeFlags.GC;
    const fixed = [AWAITABLE_GEN_OFFSET, AWAITABLE_ARGUMENT_OFFSET];
    const awaitable = (name: string): TypeId =>
      heap.defineType({ name, basicSize: AWAITABLE_SIZE, flags: gc, references: { fixed } });
    runtime.asend = awaitable("async_generator_asend");
    runtime.athrow = awaitable("async_generator_athrow");
    runtime.wrappedValue = heap.defineType({
      name: "async_generator_wrapped_value",
      basicSize: WRAPPED_SIZE,
      flags: gc,
      references: { fixed: [WRAPPED_VALUE_OFFSET] },
    });
    runtime.anextAwaitable = heap.defineType({
      name: "anext_awaitable",
      basicSize: ANEXT_SIZE,
      flags: gc,
      references: { fixed: [ANEXT_WRAPPED_OFFSET, ANEXT_DEFAULT_OFFSET, ANEXT_AWAITABLE_OFFSET] },
    });
    runtimes.set(heap, runtime);
  }
  return runtime;
}

/**
 * The `async_generator` type id of `m`'s heap (defined on first use; CPython: `PyAsyncGen_Type`),
 * registered with its awaitable types.
 *
 * @example
 * ```ts
 * machine.typeIdOf(obj) === asyncGeneratorType(machine);
 * ```
 */
export function asyncGeneratorType(m: Machine): TypeId {
  const runtime = iteratorRuntime(m);
  if (runtime.asyncGeneratorType === 0)
    runtime.asyncGeneratorType = defineGeneratorType(runtime, "async_generator", {
      basicSize: ASYNC_GENERATOR_SIZE,
      references: [ASYNC_GENERATOR_FINALIZER_OFFSET],
      finalize: (gen) => callFinalizerHook(runtime.machine, gen),
    });
  registerBuiltinType(m, "async_generator", runtime.asyncGeneratorType);
  const types = asyncGeneratorRuntime(m.heap);
  types.machine = m;
  registerBuiltinType(m, "async_generator_asend", types.asend);
  registerBuiltinType(m, "async_generator_athrow", types.athrow);
  registerBuiltinType(m, "anext_awaitable", types.anextAwaitable);
  // The awaitables are iterators (CPython: their tp_iternext): iter(), next() and `yield from`.
  for (const id of [types.asend, types.athrow, types.anextAwaitable]) {
    if (runtime.nativeTypeIds.has(id)) continue;
    runtime.nativeTypeIds.add(id);
    runtime.nexts[id] = awaitableNext;
  }
  return runtime.asyncGeneratorType;
}

/**
 * Makes the async generator an `async def` with a `yield` returns when called (CPython:
 * RETURN_GENERATOR of a CO_ASYNC_GENERATOR code → `PyAsyncGen_New`).
 *
 * @example
 * ```ts
 * f.returnValue = newAsyncGenerator(machine, f, body);
 * ```
 * @internal
 */
export function newAsyncGenerator(m: Machine, f: Frame, body: GeneratorBody): Ptr {
  return newGenerator(m, f, body, asyncGeneratorType(m));
}

/**
 * Wraps the value of `yield value` in an async generator (owned, moved into the wrapper;
 * CPython: CALL_INTRINSIC_1 INTRINSIC_ASYNC_GEN_WRAP → `_PyAsyncGenValueWrapperNew`).
 *
 * @example
 * ```ts
 * const sent = yield wrapAsyncYield(machine, value);
 * ```
 * @internal
 */
export function wrapAsyncYield(m: Machine, value: Ptr): Ptr {
  const heap = m.heap;
  m.push(value);
  const wrapper = heap.allocate(asyncGeneratorRuntime(heap).wrappedValue);
  m.sp--;
  heap.memory.u32[(wrapper + WRAPPED_VALUE_OFFSET) >>> 2] = value;
  return wrapper;
}

/** Whether the async generator has flag `flag`. */
function hasFlag(m: Machine, gen: Ptr, flag: number): boolean {
  return (m.heap.memory.u32[(gen + ASYNC_GENERATOR_FLAGS_OFFSET) >>> 2]! & flag) !== 0;
}

/** Sets or clears flag `flag` of the async generator. */
function setFlag(m: Machine, gen: Ptr, flag: number, on: boolean): void {
  const index = (gen + ASYNC_GENERATOR_FLAGS_OFFSET) >>> 2;
  const u32 = m.heap.memory.u32;
  u32[index] = on ? u32[index]! | flag : u32[index]! & ~flag;
}

/**
 * The first time the async generator is iterated (any of `__anext__`, `asend`, `athrow`,
 * `aclose`): captures the finalizer hook and calls the firstiter hook with it (CPython:
 * `async_gen_init_hooks`).
 */
function initHooks(m: Machine, gen: Ptr): void {
  if (hasFlag(m, gen, AsyncGeneratorFlag.HOOKS_INITED)) return;
  setFlag(m, gen, AsyncGeneratorFlag.HOOKS_INITED, true);
  const hooks = asyncGeneratorRuntime(m.heap);
  if (hooks.finalizer !== 0)
    m.heap.memory.u32[(gen + ASYNC_GENERATOR_FINALIZER_OFFSET) >>> 2] = m.incref(hooks.finalizer);
  const firstiter = hooks.firstiter;
  if (firstiter === 0) return;
  m.push(m.incref(firstiter));
  try {
    m.decref(call(m, firstiter, [gen], undefined));
  } finally {
    m.sp--;
    m.decref(firstiter);
  }
}

/**
 * `agen.__anext__()` (argument 0) or `agen.asend(value)`: a new `async_generator_asend`
 * (CPython: `async_gen_anext`, `async_gen_asend`).
 *
 * @example
 * ```ts
 * const awaitable = asyncGeneratorSend(machine, gen, 0);
 * ```
 */
export function asyncGeneratorSend(m: Machine, gen: Ptr, value: Ptr): Ptr {
  initHooks(m, gen);
  return newAwaitable(
    m,
    asyncGeneratorRuntime(m.heap).asend,
    gen,
    value === 0 ? 0 : m.incref(value),
  );
}

/**
 * `agen.athrow(*args)` (`args` a tuple) or `agen.aclose()` (args 0): a new
 * `async_generator_athrow` (CPython: `async_gen_athrow`, `async_gen_aclose`).
 *
 * @example
 * ```ts
 * const awaitable = asyncGeneratorThrow(machine, gen, 0); // aclose()
 * ```
 */
export function asyncGeneratorThrow(m: Machine, gen: Ptr, args: Ptr): Ptr {
  initHooks(m, gen);
  return newAwaitable(
    m,
    asyncGeneratorRuntime(m.heap).athrow,
    gen,
    args === 0 ? 0 : m.incref(args),
  );
}

/** An asend/athrow awaitable over `gen` holding `argument` (owned). */
function newAwaitable(m: Machine, type: TypeId, gen: Ptr, argument: Ptr): Ptr {
  const heap = m.heap;
  if (argument !== 0) m.push(argument);
  const obj = heap.allocate(type);
  if (argument !== 0) m.sp--;
  const u32 = heap.memory.u32;
  u32[(obj + AWAITABLE_GEN_OFFSET) >>> 2] = m.incref(gen);
  u32[(obj + AWAITABLE_ARGUMENT_OFFSET) >>> 2] = argument;
  u32[(obj + AWAITABLE_STATE_OFFSET) >>> 2] = AwaitableState.INIT;
  return obj;
}

/**
 * `anext(iterator, default)`'s awaitable (CPython: `PyAnextAwaitable_New`, Objects/iterobject.c):
 * awaiting it awaits `wrapped` (what `iterator.__anext__()` returned), and gives `default` when
 * that raises StopAsyncIteration.
 *
 * @example
 * ```ts
 * const awaitable = newAnextAwaitable(machine, wrapped, defaultValue);
 * ```
 */
export function newAnextAwaitable(m: Machine, wrapped: Ptr, defaultValue: Ptr): Ptr {
  const heap = m.heap;
  const obj = heap.allocate(asyncGeneratorRuntime(heap).anextAwaitable);
  const u32 = heap.memory.u32;
  u32[(obj + ANEXT_WRAPPED_OFFSET) >>> 2] = m.incref(wrapped);
  u32[(obj + ANEXT_DEFAULT_OFFSET) >>> 2] = m.incref(defaultValue);
  return obj;
}

/**
 * Whether `obj` is one of the awaitables this module makes — its own iterator (`__await__`
 * returns it), stepped by {@link asyncAwaitableStep}.
 *
 * @example
 * ```ts
 * if (isAsyncAwaitable(machine, it)) asyncAwaitableStep(machine, it, ResumeMode.SEND, none);
 * ```
 */
export function isAsyncAwaitable(m: Machine, obj: Ptr): boolean {
  const runtime = runtimes.get(m.heap);
  if (runtime === undefined) return false;
  const t = m.typeIdOf(obj);
  return t === runtime.asend || t === runtime.athrow || t === runtime.anextAwaitable;
}

/**
 * One step of an awaitable of this module, as `delegateStep` takes steps: sends `value` (owned)
 * or throws the exception instance `value` (owned) in. Returns the value to pass to the event
 * loop (a new reference), or 0 when the awaitable finished, its result in
 * `runtime.generatorReturn` (CPython: StopIteration(result)).
 *
 * @example
 * ```ts
 * const out = asyncAwaitableStep(machine, asend, ResumeMode.SEND, machine.incref(machine.heap.none));
 * ```
 */
export function asyncAwaitableStep(m: Machine, obj: Ptr, mode: number, value: Ptr): Ptr {
  const runtime = asyncGeneratorRuntime(m.heap);
  const t = m.typeIdOf(obj);
  if (t === runtime.asend) return asendStep(m, obj, mode, value);
  if (t === runtime.athrow) return athrowStep(m, obj, mode, value);
  return anextStep(m, obj, mode, value);
}

/**
 * `awaitable.close()` of an asend/athrow (CPython: `async_gen_asend_close`,
 * `async_gen_athrow_close`): it cannot be awaited any more.
 *
 * @example
 * ```ts
 * closeAsyncAwaitable(machine, asend);
 * ```
 */
export function closeAsyncAwaitable(m: Machine, obj: Ptr): void {
  if (m.typeIdOf(obj) === asyncGeneratorRuntime(m.heap).anextAwaitable) {
    const awaitable = m.field(obj, ANEXT_AWAITABLE_OFFSET);
    if (awaitable !== 0) closeAsyncAwaitable(m, awaitable);
    return;
  }
  m.heap.memory.u32[(obj + AWAITABLE_STATE_OFFSET) >>> 2] = AwaitableState.CLOSED;
}

/** An awaitable's `tp_iternext`: the value for the event loop, or 0 once it finished. */
function awaitableNext(m: Machine, obj: Ptr): Ptr {
  const result = asyncAwaitableStep(m, obj, ResumeMode.SEND, m.incref(m.heap.none));
  if (result === 0) dropGeneratorReturn(m);
  return result;
}

/** The awaitable's state field index. */
function stateIndex(obj: Ptr): number {
  return (obj + AWAITABLE_STATE_OFFSET) >>> 2;
}

/** Ends a step: the result of the awaitable (owned) goes to the caller as StopIteration's value. */
function finishedWith(m: Machine, result: Ptr): Ptr {
  iteratorRuntime(m).generatorReturn = result;
  return 0;
}

/** CPython: `async_gen_asend_send` and `async_gen_asend_throw`. */
function asendStep(m: Machine, obj: Ptr, mode: number, value: Ptr): Ptr {
  const u32 = m.heap.memory.u32;
  const state = u32[stateIndex(obj)]!;
  if (state === AwaitableState.CLOSED) {
    m.decref(value);
    m.raise("RuntimeError", "cannot reuse already awaited __anext__()/asend()");
  }
  const gen = u32[(obj + AWAITABLE_GEN_OFFSET) >>> 2]!;
  if (state === AwaitableState.INIT) {
    if (hasFlag(m, gen, AsyncGeneratorFlag.RUNNING_ASYNC)) {
      u32[stateIndex(obj)] = AwaitableState.CLOSED;
      m.decref(value);
      m.raise("RuntimeError", "anext(): asynchronous generator is already running");
    }
    const sent = u32[(obj + AWAITABLE_ARGUMENT_OFFSET) >>> 2]!;
    if (mode === ResumeMode.SEND && value === m.heap.none && sent !== 0) {
      m.decref(value);
      value = m.incref(sent);
    }
    u32[stateIndex(obj)] = AwaitableState.ITER;
  }
  setFlag(m, gen, AsyncGeneratorFlag.RUNNING_ASYNC, true);
  let result: Ptr;
  try {
    result = resumeAndUnwrap(m, gen, mode, value);
  } catch (error) {
    m.heap.memory.u32[stateIndex(obj)] = AwaitableState.CLOSED;
    throw error;
  }
  // Finished (StopIteration with the item): it cannot be awaited again.
  if (result === 0) m.heap.memory.u32[stateIndex(obj)] = AwaitableState.CLOSED;
  return result;
}

/**
 * What a step of the generator gives an awaitable (CPython: `async_gen_unwrap_value`): a wrapped
 * value (`yield v`) finishes the awaitable with `v`; the generator's end raises
 * StopAsyncIteration; anything else passes through to the event loop. On any end the
 * generator stops running asynchronously; StopAsyncIteration and GeneratorExit close it.
 */
function unwrapValue(m: Machine, gen: Ptr, result: Ptr): Ptr {
  if (result === 0) {
    dropGeneratorReturn(m);
    endAsyncRun(m, gen, true);
    throw m.exception(m.newException("StopAsyncIteration", undefined));
  }
  if (m.typeIdOf(result) !== asyncGeneratorRuntime(m.heap).wrappedValue) return result;
  const value = m.incref(m.field(result, WRAPPED_VALUE_OFFSET));
  m.decref(result);
  setFlag(m, gen, AsyncGeneratorFlag.RUNNING_ASYNC, false);
  return finishedWith(m, value);
}

/** Drops the return value an ended generator left (an async generator's is None; 0 if it had ended). */
function dropGeneratorReturn(m: Machine): void {
  const runtime = iteratorRuntime(m);
  m.xdecref(runtime.generatorReturn);
  runtime.generatorReturn = 0;
}

/** The generator's step ended (`closed`: it will not run again). */
function endAsyncRun(m: Machine, gen: Ptr, closed: boolean): void {
  if (closed) setFlag(m, gen, AsyncGeneratorFlag.CLOSED, true);
  setFlag(m, gen, AsyncGeneratorFlag.RUNNING_ASYNC, false);
}

/** Resumes the generator and unwraps, closing it when it raised StopAsyncIteration or GeneratorExit. */
function resumeAndUnwrap(m: Machine, gen: Ptr, mode: number, value: Ptr): Ptr {
  let result: Ptr;
  try {
    result = resumeGenerator(m, gen, mode, value);
  } catch (error) {
    endAsyncRun(m, gen, isClosingError(m, error));
    throw error;
  }
  return unwrapValue(m, gen, result);
}

/** Whether `error` is StopAsyncIteration or GeneratorExit (they close the generator). */
function isClosingError(m: Machine, error: unknown): boolean {
  return (
    error instanceof PyException &&
    (isInstance(m, error.value, "StopAsyncIteration") ||
      isInstance(m, error.value, "GeneratorExit"))
  );
}

/** CPython: `async_gen_athrow_send` and `async_gen_athrow_throw`. */
function athrowStep(m: Machine, obj: Ptr, mode: number, value: Ptr): Ptr {
  const u32 = m.heap.memory.u32;
  const state = u32[stateIndex(obj)]!;
  if (state === AwaitableState.CLOSED) {
    m.decref(value);
    m.raise("RuntimeError", "cannot reuse already awaited aclose()/athrow()");
  }
  const gen = u32[(obj + AWAITABLE_GEN_OFFSET) >>> 2]!;
  const args = u32[(obj + AWAITABLE_ARGUMENT_OFFSET) >>> 2]!;
  const closing = args === 0;
  if (mode === ResumeMode.SEND && generatorState(m, gen) === GeneratorState.COMPLETED) {
    u32[stateIndex(obj)] = AwaitableState.CLOSED;
    m.decref(value);
    return finishedWith(m, m.incref(m.heap.none));
  }
  if (state === AwaitableState.INIT) {
    if (hasFlag(m, gen, AsyncGeneratorFlag.RUNNING_ASYNC)) {
      u32[stateIndex(obj)] = AwaitableState.CLOSED;
      m.decref(value);
      m.raise(
        "RuntimeError",
        `${closing ? "aclose" : "athrow"}(): asynchronous generator is already running`,
      );
    }
    if (mode === ResumeMode.SEND) {
      if (hasFlag(m, gen, AsyncGeneratorFlag.CLOSED)) {
        u32[stateIndex(obj)] = AwaitableState.CLOSED;
        m.decref(value);
        throw m.exception(m.newException("StopAsyncIteration", undefined));
      }
      const isNone = value === m.heap.none;
      m.decref(value);
      if (!isNone) m.raise("RuntimeError", "can't send non-None value to a just-started coroutine");
    }
    u32[stateIndex(obj)] = AwaitableState.ITER;
    setFlag(m, gen, AsyncGeneratorFlag.RUNNING_ASYNC, true);
    if (mode === ResumeMode.SEND) {
      // The first step throws in what the awaitable was made for. CPython 3.13 checks athrow()'s
      // argument count only now, leaving the generator marked running when it is wrong.
      if (closing) setFlag(m, gen, AsyncGeneratorFlag.CLOSED, true);
      else checkAthrowArguments(m, m.heap.tupleLength(args));
      try {
        value = closing
          ? m.newException("GeneratorExit", undefined)
          : exceptionToThrow(m, tupleItems(m, args));
      } catch (error) {
        // CPython: _gen_throw's argument errors end the step (check_error).
        m.heap.memory.u32[stateIndex(obj)] = AwaitableState.CLOSED;
        endAsyncRun(m, gen, false);
        throw error;
      }
      mode = ResumeMode.THROW;
    }
  }
  try {
    if (!closing) {
      const result = resumeAndUnwrap(m, gen, mode, value);
      if (result === 0) m.heap.memory.u32[stateIndex(obj)] = AwaitableState.CLOSED;
      return result;
    }
    // aclose(): the generator must not yield a value any more; it may still await.
    const result = resumeGenerator(m, gen, mode, value);
    if (result === 0) {
      dropGeneratorReturn(m);
      throw m.exception(m.newException("StopAsyncIteration", undefined));
    }
    if (m.typeIdOf(result) !== asyncGeneratorRuntime(m.heap).wrappedValue) return result;
    m.decref(result);
    endAsyncRun(m, gen, false);
    m.heap.memory.u32[stateIndex(obj)] = AwaitableState.CLOSED;
    return m.raise("RuntimeError", "async generator ignored GeneratorExit");
  } catch (error) {
    m.heap.memory.u32[stateIndex(obj)] = AwaitableState.CLOSED;
    endAsyncRun(m, gen, isClosingError(m, error));
    // aclose() is done when the generator ended: StopIteration, not the error.
    if (closing && isClosingError(m, error)) {
      (error as PyException).release(m);
      return finishedWith(m, m.incref(m.heap.none));
    }
    throw error;
  }
}

/** CPython: `PyArg_UnpackTuple(args, "athrow", 1, 3, …)` at the athrow awaitable's first step. */
function checkAthrowArguments(m: Machine, count: number): void {
  if (count < 1) m.raise("TypeError", `athrow expected at least 1 argument, got ${count}`);
  if (count > 3) m.raise("TypeError", `athrow expected at most 3 arguments, got ${count}`);
}

/** The items of a tuple (borrowed). */
function tupleItems(m: Machine, tuple: Ptr): Ptr[] {
  const items: Ptr[] = [];
  for (let i = 0; i < m.heap.tupleLength(tuple); i++) items.push(m.heap.tupleGetItem(tuple, i));
  return items;
}

/**
 * CPython: `anextawaitable_proxy` — steps the iterator of the wrapped awaitable (found at the
 * first step: `anextawaitable_getiter`), replacing StopAsyncIteration with the default as the
 * result.
 */
function anextStep(m: Machine, obj: Ptr, mode: number, value: Ptr): Ptr {
  const u32 = m.heap.memory.u32;
  let awaitable = u32[(obj + ANEXT_AWAITABLE_OFFSET) >>> 2]!;
  if (awaitable === 0) {
    m.push(value);
    try {
      awaitable = awaitableIterator(m, u32[(obj + ANEXT_WRAPPED_OFFSET) >>> 2]!);
    } finally {
      m.sp--;
    }
    m.heap.memory.u32[(obj + ANEXT_AWAITABLE_OFFSET) >>> 2] = awaitable;
  }
  try {
    return delegateStep(m, awaitable, mode, value);
  } catch (error) {
    if (!(error instanceof PyException) || !isInstance(m, error.value, "StopAsyncIteration"))
      throw error;
    error.release(m);
    return finishedWith(m, m.incref(m.field(obj, ANEXT_DEFAULT_OFFSET)));
  }
}

/**
 * The finalizer hook branch of `_PyGen_Finalize`: an async generator that captured a finalizer
 * at its first iteration and is not closed is handed to it (asyncio schedules its `aclose()`)
 * instead of being closed here. Returns whether it was.
 */
function callFinalizerHook(m: Machine, gen: Ptr): boolean {
  const finalizer = m.field(gen, ASYNC_GENERATOR_FINALIZER_OFFSET);
  if (finalizer === 0 || hasFlag(m, gen, AsyncGeneratorFlag.CLOSED)) return false;
  const level = m.sp;
  const handling = m.handling.splice(0);
  m.push(m.incref(finalizer));
  try {
    m.decref(call(m, finalizer, [gen], undefined));
  } catch (thrown) {
    m.unwindTo(level + 1);
    if (!(thrown instanceof StepLimitError)) {
      const error = m.toPyException(thrown);
      try {
        m.stderr(`Exception ignored in: ${repr(m, gen)}\n${m.formatException(error)}`);
      } finally {
        error.release(m);
      }
    }
  } finally {
    m.unwindTo(level);
    m.handling.push(...handling);
  }
  return true;
}

/**
 * An async generator's own attributes (CPython: `async_gen_memberlist`, `async_gen_getsetlist`):
 * `ag_running` (running asynchronously: an `__anext__()` is being awaited). A new reference, or
 * 0 for any other name (generator-objects.ts answers the shared ones and `ag_await`).
 *
 * @example
 * ```ts
 * asyncGeneratorAttribute(machine, gen, "ag_running");
 * ```
 */
export function asyncGeneratorAttribute(m: Machine, gen: Ptr, name: string): Ptr {
  if (name === "ag_running") return m.newBool(hasFlag(m, gen, AsyncGeneratorFlag.RUNNING_ASYNC));
  return 0;
}

/**
 * `sys.set_asyncgen_hooks(firstiter, finalizer)`'s effect: replaces the hooks given (`undefined`
 * keeps one; None clears it), after CPython's checks (`sys_set_asyncgen_hooks`).
 *
 * @example
 * ```ts
 * setAsyncGeneratorHooks(machine, undefined, finalizer);
 * ```
 */
export function setAsyncGeneratorHooks(
  m: Machine,
  firstiter: Ptr | undefined,
  finalizer: Ptr | undefined,
): void {
  const none = m.heap.none;
  if (finalizer !== undefined && finalizer !== none && !isCallable(m, finalizer))
    m.raise("TypeError", `callable finalizer expected, got ${m.typeName(finalizer)}`);
  if (firstiter !== undefined && firstiter !== none && !isCallable(m, firstiter))
    m.raise("TypeError", `callable firstiter expected, got ${m.typeName(firstiter)}`);
  const hooks = asyncGeneratorRuntime(m.heap);
  const replace = (old: Ptr, value: Ptr | undefined): Ptr => {
    if (value === undefined) return old;
    if (old !== 0) m.decref(old);
    return value === none ? 0 : m.incref(value);
  };
  hooks.finalizer = replace(hooks.finalizer, finalizer);
  hooks.firstiter = replace(hooks.firstiter, firstiter);
}

/**
 * Drops the hooks (the interpreter's disposal: CPython clears them with the thread state).
 *
 * @example
 * ```ts
 * clearAsyncGeneratorHooks(machine);
 * ```
 */
export function clearAsyncGeneratorHooks(m: Machine): void {
  setAsyncGeneratorHooks(m, m.heap.none, m.heap.none);
}
