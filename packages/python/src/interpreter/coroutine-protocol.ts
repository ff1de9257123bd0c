import type { Ptr } from "@pymem/core";
import type { SourceRange } from "../ast.js";
import {
  asyncGeneratorSend,
  asyncGeneratorType,
  isAsyncAwaitable,
} from "./async-generator-objects.js";
import { call } from "./calls.js";
import { PyException } from "./exceptions.js";
import type { Frame } from "./frame.js";
import {
  closeGenerator,
  coroutineType,
  generatorType,
  isGeneratorLike,
  ResumeMode,
} from "./generator-objects.js";
import { iteratorRuntime } from "./iterator-objects.js";
import { delegateStep, getIterator, isInstance, isIterator } from "./iterator-protocol.js";
import type { Machine } from "./machine.js";
import { findAttribute } from "./object-access.js";

/**
 * The run-time half of `await`, `async with` and `async for` (PEP 492) and of `yield from`
 * (PEP 380), which `await` is built on: finding the iterator an awaitable is driven by, and
 * driving a sub-iterator from a suspended generator or coroutine frame.
 *
 * @module
 */

/**
 * The iterator `await obj` drives (CPython: GET_AWAITABLE → `_PyCoro_GetAwaitableIter`): a
 * coroutine itself, else what the type's `__await__` returns, which must be an iterator and not a
 * coroutine. A new reference.
 *
 * @example
 * ```ts
 * const it = awaitableIterator(machine, awaitable); // then drive it with delegate()
 * ```
 */
export function awaitableIterator(m: Machine, obj: Ptr): Ptr {
  // An async generator's awaitables are their own iterators (CPython: am_await = SelfIter).
  if (m.typeIdOf(obj) === coroutineType(m) || isAsyncAwaitable(m, obj)) return m.incref(obj);
  const record = m.recordOf(obj);
  const method = record.user ? m.lookupType(record, m.name("__await__")) : 0;
  if (method === 0)
    m.raise("TypeError", `object ${m.typeName(obj)} can't be used in 'await' expression`);
  m.push(m.incref(method));
  let result: Ptr;
  try {
    result = call(m, method, [obj], undefined);
  } finally {
    m.sp--;
    m.decref(method);
  }
  if (m.typeIdOf(result) === coroutineType(m)) {
    m.decref(result);
    m.raise("TypeError", "__await__() returned a coroutine");
  }
  if (!isIterator(m, result)) {
    const name = m.typeName(result);
    m.decref(result);
    m.raise("TypeError", `__await__() returned non-iterator of type '${name}'`);
  }
  return result;
}

/**
 * Drives the sub-iterator at value-stack slot `f.stackBase + slot` to its end from a suspended
 * frame (CPython: the SEND / YIELD_VALUE loop with CLEANUP_THROW that `yield from` and `await`
 * compile to): every value it yields is yielded out, every value sent or exception thrown in is
 * passed down, GeneratorExit closes it. Returns its return value (a new reference) and unwinds
 * the stack to below the slot.
 *
 * @example
 * ```ts
 * const result = yield* delegate(machine, frame, machine.sp - 1 - frame.stackBase);
 * ```
 * @internal
 */
export function* delegate(m: Machine, f: Frame, slot: number): Generator<Ptr, Ptr, Ptr> {
  let mode: number = ResumeMode.SEND;
  let sent = m.incref(m.heap.none);
  for (;;) {
    const yielded = delegateStep(m, m.stack[f.stackBase + slot]!, mode, sent);
    if (yielded === 0) break;
    f.delegateSlot = slot;
    try {
      sent = yield yielded;
      f.delegateSlot = -1;
      mode = ResumeMode.SEND;
    } catch (thrown) {
      f.delegateSlot = -1;
      if (!(thrown instanceof PyException)) throw thrown;
      const sub = m.stack[f.stackBase + slot]!;
      if (isInstance(m, thrown.value, "GeneratorExit")) {
        closeSubiterator(m, sub);
        throw thrown;
      }
      if (!isGeneratorLike(m, sub) && findAttribute(m, sub, m.name("throw"), "throw") === 0)
        throw thrown;
      mode = ResumeMode.THROW;
      sent = m.incref(thrown.value);
      thrown.release(m);
      continue;
    }
    // Resumed after sendToDelegate drove the sub-iterator until it finished or raised.
    const outcome = f.delegateOutcome;
    if (outcome !== DelegateOutcome.NONE) {
      f.delegateOutcome = DelegateOutcome.NONE;
      if (outcome === DelegateOutcome.FINISHED) break;
      const error = f.delegateError;
      f.delegateError = undefined;
      throw error;
    }
  }
  const runtime = iteratorRuntime(m);
  // A sub-generator already exhausted returns nothing (0): `yield from` gives None, as CPython's
  // SEND does for the bare StopIteration it raises then.
  const result = runtime.generatorReturn === 0 ? m.incref(m.heap.none) : runtime.generatorReturn;
  runtime.generatorReturn = 0;
  m.unwindTo(f.stackBase + slot);
  return result;
}

/**
 * `yield from`'s operand on the value stack (CPython: GET_YIELD_FROM_ITER): a generator is
 * delegated to as it is, anything else through its iterator. Takes `iterable` (owned); returns
 * the slot, relative to the frame's stack base, that {@link delegate} drives.
 *
 * @example
 * ```ts
 * const result = yield* delegate(machine, frame, pushYieldFromIterator(machine, frame, node, iterable));
 * ```
 * @internal
 */
export function pushYieldFromIterator(
  m: Machine,
  f: Frame,
  node: SourceRange,
  iterable: Ptr,
): number {
  m.push(iterable);
  f.node = node;
  const it =
    m.typeIdOf(iterable) === generatorType(m) ? m.incref(iterable) : getIterator(m, iterable);
  m.stack[m.sp - 1] = it;
  m.decref(iterable);
  return m.sp - 1 - f.stackBase;
}

/**
 * What {@link sendToDelegate} left for {@link delegate} in `Frame.delegateOutcome`.
 *
 * @example
 * ```ts
 * if (frame.delegateOutcome === DelegateOutcome.RAISED) throw frame.delegateError;
 * ```
 * @internal
 */
export const DelegateOutcome = { NONE: 0, FINISHED: 1, RAISED: 2 } as const;

/**
 * Resumes a generator frame suspended in {@link delegate} (its value stack restored at
 * `f.stackBase`) by sending `value` (owned) straight to its sub-iterator, leaving the frame's
 * JavaScript continuation suspended — CPython's SEND runs in the delegating frame without
 * unwinding anything either, so resuming `yield from` nested n deep costs n sends, not n chains
 * of JavaScript generators. Returns the value the sub-iterator yielded (a new reference, to be
 * yielded out as is), or 0 when it finished or raised: the continuation must then be resumed,
 * and `delegate` takes the outcome from `f.delegateOutcome` exactly where it would have met it.
 *
 * @example
 * ```ts
 * const yielded = sendToDelegate(machine, frame, frame.delegateSlot, sent);
 * if (yielded === 0) continuation.iterator.next(0);
 * ```
 * @internal
 */
export function sendToDelegate(m: Machine, f: Frame, slot: number, value: Ptr): Ptr {
  f.delegateSlot = -1;
  let yielded: Ptr;
  try {
    yielded = delegateStep(m, m.stack[f.stackBase + slot]!, ResumeMode.SEND, value);
  } catch (thrown) {
    f.delegateOutcome = DelegateOutcome.RAISED;
    f.delegateError = thrown;
    return 0;
  }
  if (yielded === 0) {
    f.delegateOutcome = DelegateOutcome.FINISHED;
    return 0;
  }
  f.delegateSlot = slot;
  return yielded;
}

/** PEP 380: on GeneratorExit the subiterator is closed (its `close()`, if it has one). */
function closeSubiterator(m: Machine, sub: Ptr): void {
  if (isGeneratorLike(m, sub)) {
    m.decref(closeGenerator(m, sub));
    return;
  }
  const close = findAttribute(m, sub, m.name("close"), "close");
  if (close === 0) return;
  m.push(close);
  const result = call(m, close, [], undefined);
  m.sp--;
  m.decref(close);
  m.decref(result);
}

/**
 * Calls the special method `name` of `obj`'s type with `args` after `obj` (a new reference), or
 * returns 0 when the type has none (CPython: `_PyObject_LookupSpecial` + call).
 */
function callSpecial(m: Machine, obj: Ptr, name: string, args: readonly Ptr[]): Ptr {
  const record = m.recordOf(obj);
  const method = record.user ? m.lookupType(record, m.name(name)) : 0;
  if (method === 0) return 0;
  m.push(m.incref(method));
  try {
    return call(m, method, [obj, ...args], undefined);
  } finally {
    m.sp--;
    m.decref(method);
  }
}

/**
 * `__aexit__` of an asynchronous context manager's type (a new reference), raising CPython's
 * TypeError when `__aenter__` or `__aexit__` is missing (CPython: BEFORE_ASYNC_WITH).
 *
 * @example
 * ```ts
 * const exit = asyncExitMethod(machine, manager); // then await manager.__aenter__()
 * ```
 */
export function asyncExitMethod(m: Machine, manager: Ptr): Ptr {
  const record = m.recordOf(manager);
  const name = m.typeName(manager);
  const enter = record.user ? m.lookupType(record, m.name("__aenter__")) : 0;
  if (enter === 0)
    m.raise(
      "TypeError",
      `'${name}' object does not support the asynchronous context manager protocol`,
    );
  const exit = m.lookupType(record, m.name("__aexit__"));
  if (exit === 0)
    m.raise(
      "TypeError",
      `'${name}' object does not support the asynchronous context manager protocol (missed __aexit__ method)`,
    );
  return m.incref(exit);
}

/**
 * The awaitable of `manager.__aenter__()`, as an iterator to drive (a new reference).
 *
 * @example
 * ```ts
 * machine.push(asyncEnterIterator(machine, manager));
 * ```
 */
export function asyncEnterIterator(m: Machine, manager: Ptr): Ptr {
  return awaitedIterator(m, callSpecial(m, manager, "__aenter__", []));
}

/** The iterator `await` drives for a freshly returned awaitable (owned, released here). */
function awaitedIterator(m: Machine, awaitable: Ptr): Ptr {
  m.push(awaitable);
  try {
    return awaitableIterator(m, awaitable);
  } finally {
    m.sp--;
    m.decref(awaitable);
  }
}

/**
 * `aiter(iterable)` for `async for` (CPython: GET_AITER): the result of `__aiter__`, which must
 * have `__anext__`. A new reference.
 *
 * @example
 * ```ts
 * const iterator = asyncIterator(machine, iterable);
 * ```
 */
export function asyncIterator(m: Machine, iterable: Ptr): Ptr {
  if (m.typeIdOf(iterable) === asyncGeneratorType(m)) return m.incref(iterable);
  const it = callSpecial(m, iterable, "__aiter__", []);
  if (it === 0)
    m.raise(
      "TypeError",
      `'async for' requires an object with __aiter__ method, got ${m.typeName(iterable)}`,
    );
  // An async generator (what an `async def __aiter__` with `yield` returns) has __anext__ natively.
  if (m.typeIdOf(it) === asyncGeneratorType(m)) return it;
  const record = m.recordOf(it);
  if (!record.user || m.lookupType(record, m.name("__anext__")) === 0) {
    const name = m.typeName(it);
    m.decref(it);
    m.raise(
      "TypeError",
      `'async for' received an object from __aiter__ that does not implement __anext__: ${name}`,
    );
  }
  return it;
}

/**
 * The iterator driving `await iterator.__anext__()` for one `async for` step (CPython:
 * GET_ANEXT). A new reference.
 *
 * @example
 * ```ts
 * machine.push(asyncNextIterator(machine, iterator));
 * ```
 */
export function asyncNextIterator(m: Machine, iterator: Ptr): Ptr {
  if (m.typeIdOf(iterator) === asyncGeneratorType(m)) return asyncGeneratorSend(m, iterator, 0);
  const awaitable = callSpecial(m, iterator, "__anext__", []);
  m.push(awaitable);
  try {
    return awaitableIterator(m, awaitable);
  } catch (error) {
    if (error instanceof PyException && isInstance(m, error.value, "TypeError")) {
      error.release(m);
      m.raise(
        "TypeError",
        `'async for' received an invalid object from __anext__: ${m.typeName(awaitable)}`,
      );
    }
    throw error;
  } finally {
    m.sp--;
    m.decref(awaitable);
  }
}

/**
 * One step of an `async for` (CPython: GET_ANEXT, the `await` loop, END_ASYNC_FOR): the next item
 * of `iterator` (a new reference), or 0 when `__anext__()`'s awaitable raised StopAsyncIteration.
 *
 * @example
 * ```ts
 * const item = yield* asyncForNext(machine, frame, iterator);
 * ```
 * @internal
 */
export function* asyncForNext(m: Machine, f: Frame, iterator: Ptr): Generator<Ptr, Ptr, Ptr> {
  m.push(asyncNextIterator(m, iterator));
  // Relative to the frame: the generator may resume at another stack height.
  const slot = m.sp - 1 - f.stackBase;
  try {
    return yield* delegate(m, f, slot);
  } catch (thrown) {
    if (!(thrown instanceof PyException) || !isInstance(m, thrown.value, "StopAsyncIteration"))
      throw thrown;
    thrown.release(m);
    m.unwindTo(f.stackBase + slot);
    return 0;
  }
}

/**
 * The iterator driving `await exit(manager, type, value, traceback)` when an `async with` block
 * ends (`args` as `exitContext` builds them). A new reference.
 *
 * @example
 * ```ts
 * machine.push(asyncExitIterator(machine, exit, [manager, none, none, none]));
 * ```
 */
export function asyncExitIterator(m: Machine, exit: Ptr, args: readonly Ptr[]): Ptr {
  return awaitedIterator(m, call(m, exit, args, undefined));
}
