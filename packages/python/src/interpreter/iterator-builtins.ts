import type { Ptr, TypeId } from "@pymem/core";
import { asyncAwaitableStep, isAsyncAwaitable } from "./async-generator-objects.js";
import { bytesLength } from "./bytes-objects.js";
import { call } from "./calls.js";
import { PyException } from "./exceptions.js";
import {
  closeGenerator,
  coroutineType,
  GeneratorState,
  generatorState,
  generatorType,
  ResumeMode,
  resumeGenerator,
} from "./generator-objects.js";
import { collect } from "./iteration.js";
import { installIteratorLengthHints } from "./iterator-length-hints.js";
import {
  CALLABLE_ITERATOR_CALLABLE_OFFSET,
  CALLABLE_ITERATOR_SENTINEL_OFFSET,
  ENUMERATE_INDEX_OFFSET,
  ENUMERATE_ITERATOR_OFFSET,
  ENUMERATE_RESULT_OFFSET,
  FILTER_FUNCTION_OFFSET,
  FILTER_ITERATOR_OFFSET,
  type IteratorRuntime,
  MAP_FUNCTION_OFFSET,
  MAP_ITERATORS_OFFSET,
  registerIteratorTypes,
  ZIP_ITERATORS_OFFSET,
  ZIP_RESULT_OFFSET,
  ZIP_STRICT_OFFSET,
} from "./iterator-objects.js";
import {
  getIterator,
  isInstance,
  isIterator,
  iteratorNext,
  newRangeIterator,
  newSequenceIterator,
} from "./iterator-protocol.js";
import type { Machine } from "./machine.js";
import { arity, defineMethod, defineTypeMethod, keyword, noKeywords } from "./native-arguments.js";
import { allocateOwning } from "./owned-allocation.js";

/**
 * The built-ins that make iterators — `iter`, `next`, `enumerate`, `zip`, `map`, `filter`,
 * `reversed` — as CPython 3.13 has them (the last five are types), and the methods of the
 * iterator and generator types (`__iter__`, `__next__`, `send`, `throw`, `close`).
 *
 * @module
 */

/**
 * Registers the iterator and generator types with `m` and installs the iterator built-ins into
 * `builtins` (a dict) and the iterator types' methods into their type dicts.
 *
 * @example
 * ```ts
 * installIteratorBuiltins(machine, machine.builtins);
 * ```
 * @internal
 */
export function installIteratorBuiltins(m: Machine, builtins: Ptr): void {
  const heap = m.heap;
  generatorType(m);
  const runtime = registerIteratorTypes(m);
  const types = runtime.types;
  const define = (name: string, fn: (args: readonly Ptr[], keywords: Keywords) => Ptr): void => {
    const obj = m.newBuiltin(
      m.addNative(name, (_context, args, keywords) => fn(args, keywords)),
      0,
    );
    heap.dictSetItem(builtins, m.name(name), obj);
    m.decref(obj);
  };
  const typeBuiltin = (
    typeName: string,
    fn: (args: readonly Ptr[], keywords: Keywords) => Ptr,
  ): void => {
    defineMethod(m, typeName, "__new__", (_context, args, keywords) => fn(args, keywords));
    heap.dictSetItem(builtins, m.name(typeName), m.builtinType(typeName).object);
  };

  define("iter", (args, keywords) => {
    noKeywords(m, "iter", keywords);
    arity(m, "iter", args, 1, 2);
    if (args.length === 1) return getIterator(m, args[0]!);
    if (!isCallable(m, args[0]!)) m.raise("TypeError", "iter(v, w): v must be callable");
    const it = heap.allocate(types.callableIterator);
    heap.memory.u32[(it + CALLABLE_ITERATOR_CALLABLE_OFFSET) >>> 2] = m.incref(args[0]!);
    heap.memory.u32[(it + CALLABLE_ITERATOR_SENTINEL_OFFSET) >>> 2] = m.incref(args[1]!);
    return it;
  });

  define("next", (args, keywords) => {
    noKeywords(m, "next", keywords);
    arity(m, "next", args, 1, 2);
    const it = args[0]!;
    if (!isIterator(m, it)) m.raise("TypeError", `'${m.typeName(it)}' object is not an iterator`);
    if (args.length === 1) return nextOrStop(m, runtime, it);
    try {
      return nextOrStop(m, runtime, it);
    } catch (error) {
      if (error instanceof PyException && isInstance(m, error.value, "StopIteration")) {
        error.release(m);
        return m.incref(args[1]!);
      }
      throw error;
    }
  });

  typeBuiltin("enumerate", (args, keywords) => {
    const options = keyword(m, "enumerate", keywords, ["iterable", "start"]);
    if (args.length > 2)
      m.raise("TypeError", `enumerate() takes at most 2 arguments (${args.length} given)`);
    const iterable = args[0] ?? options.get("iterable");
    if (iterable === undefined)
      m.raise("TypeError", "enumerate() missing required argument 'iterable'");
    const startObj = args[1] ?? options.get("start");
    const start = startObj !== undefined ? m.intArgument(startObj, "start") : 0;
    const inner = getIterator(m, iterable);
    const obj = allocateOwning(m, types.enumerate, [inner]);
    heap.memory.u32[(obj + ENUMERATE_ITERATOR_OFFSET) >>> 2] = inner;
    heap.memory.f64[(obj + ENUMERATE_INDEX_OFFSET) >>> 3] = start;
    // CPython: enum_new — `en_result = PyTuple_Pack(2, Py_None, Py_None)`.
    return withResultTuple(m, obj, ENUMERATE_RESULT_OFFSET, 2);
  });

  typeBuiltin("zip", (args, keywords) => {
    const options = keyword(m, "zip", keywords, ["strict"]);
    const strict = options.get("strict");
    const iterators = m.tupleSteal(collectIterators(m, args));
    const obj = allocateOwning(m, types.zip, [iterators]);
    heap.memory.u32[(obj + ZIP_ITERATORS_OFFSET) >>> 2] = iterators;
    heap.memory.u32[(obj + ZIP_STRICT_OFFSET) >>> 2] =
      strict !== undefined && m.isTrue(strict) ? 1 : 0;
    // CPython: zip_new — a result tuple of Nones, one per iterator.
    return withResultTuple(m, obj, ZIP_RESULT_OFFSET, heap.tupleLength(iterators));
  });

  typeBuiltin("map", (args, keywords) => {
    noKeywords(m, "map", keywords);
    if (args.length < 2) m.raise("TypeError", "map() must have at least two arguments.");
    const iterators = m.tupleSteal(collectIterators(m, args.slice(1)));
    const obj = allocateOwning(m, types.map, [iterators]);
    heap.memory.u32[(obj + MAP_FUNCTION_OFFSET) >>> 2] = m.incref(args[0]!);
    heap.memory.u32[(obj + MAP_ITERATORS_OFFSET) >>> 2] = iterators;
    return obj;
  });

  typeBuiltin("filter", (args, keywords) => {
    noKeywords(m, "filter", keywords);
    arity(m, "filter", args, 2, 2);
    const inner = getIterator(m, args[1]!);
    const obj = allocateOwning(m, types.filter, [inner]);
    heap.memory.u32[(obj + FILTER_FUNCTION_OFFSET) >>> 2] = m.incref(args[0]!);
    heap.memory.u32[(obj + FILTER_ITERATOR_OFFSET) >>> 2] = inner;
    return obj;
  });

  typeBuiltin("reversed", (args, keywords) => {
    noKeywords(m, "reversed", keywords);
    arity(m, "reversed", args, 1, 1);
    return reversedIterator(m, runtime, args[0]!);
  });

  // Every iterator type: __iter__ returns the iterator, __next__ steps it.
  const iteratorTypeIds: Array<[string, TypeId]> = [
    ["list_iterator", types.listIterator],
    ["list_reverseiterator", types.listReverseIterator],
    ["tuple_iterator", types.tupleIterator],
    ["str_ascii_iterator", types.strAsciiIterator],
    ["str_iterator", types.strIterator],
    ["iterator", types.sequenceIterator],
    ["reversed", types.reversed],
    ["range_iterator", types.rangeIterator],
    ["dict_keyiterator", types.dictKeyIterator],
    ["dict_valueiterator", types.dictValueIterator],
    ["dict_itemiterator", types.dictItemIterator],
    ["callable_iterator", types.callableIterator],
    ["enumerate", types.enumerate],
    ["zip", types.zip],
    ["map", types.map],
    ["filter", types.filter],
    ["generator", runtime.generatorType],
  ];
  for (const [typeName, id] of iteratorTypeIds) {
    const isSelf = (obj: Ptr): boolean => m.typeIdOf(obj) === id;
    defineTypeMethod(m, typeName, isSelf, "__iter__", 0, 0, false, (self) => m.incref(self));
    defineTypeMethod(m, typeName, isSelf, "__next__", 0, 0, false, (self) =>
      nextOrStop(m, runtime, self),
    );
  }
  installIteratorLengthHints(m, types);
  installGeneratorMethods(m, runtime);
}

type Keywords = ReadonlyArray<readonly [string, Ptr]>;

/** `send`, `throw` and `close` of generators and coroutines (CPython: gen_methods, coro_methods). */
function installGeneratorMethods(m: Machine, runtime: IteratorRuntime): void {
  coroutineType(m);
  for (const typeName of ["generator", "coroutine"] as const)
    installResumeMethods(m, runtime, typeName);
}

function installResumeMethods(
  m: Machine,
  runtime: IteratorRuntime,
  typeName: "generator" | "coroutine",
): void {
  const type = typeName === "generator" ? runtime.generatorType : runtime.coroutineType;
  const isKind = (obj: Ptr): boolean => m.typeIdOf(obj) === type;
  const method = (
    name: string,
    min: number,
    max: number,
    fn: (self: Ptr, args: readonly Ptr[]) => Ptr,
  ): void => defineTypeMethod(m, typeName, isKind, name, min, max, false, fn);
  method("send", 1, 1, (self, [value]) =>
    yieldedOrStop(m, runtime, resumeGenerator(m, self, ResumeMode.SEND, m.incref(value!))),
  );
  method("throw", 1, 3, (self, args) => {
    const exception = exceptionToThrow(m, args);
    return yieldedOrStop(m, runtime, resumeGenerator(m, self, ResumeMode.THROW, exception));
  });
  method("close", 0, 0, (self) => closeGenerator(m, self));
}

/**
 * The exception instance `gen.throw(...)` throws in (CPython: `_gen_throw`'s argument checks), a
 * new reference.
 *
 * @example
 * ```ts
 * resumeGenerator(machine, gen, ResumeMode.THROW, exceptionToThrow(machine, args));
 * ```
 * @internal
 */
export function exceptionToThrow(m: Machine, args: readonly Ptr[]): Ptr {
  const [type, value] = args;
  if (m.isType(type!) && m.recordOfType(type!).exception) {
    if (value !== undefined && value !== m.heap.none && m.recordOf(value).exception)
      return m.incref(value);
    const callArgs = value === undefined || value === m.heap.none ? [] : [value];
    return call(m, type!, callArgs, undefined);
  }
  if (m.recordOf(type!).exception) {
    if (value !== undefined && value !== m.heap.none)
      m.raise("TypeError", "instance exception may not have a separate value");
    return m.incref(type!);
  }
  return m.raise(
    "TypeError",
    `exceptions must be classes or instances deriving from BaseException, not ${m.typeName(type!)}`,
  );
}

/** A generator's step as `send`/`throw` return it: the value, or StopIteration(return value). */
function yieldedOrStop(m: Machine, runtime: IteratorRuntime, yielded: Ptr): Ptr {
  if (yielded !== 0) return yielded;
  const result = runtime.generatorReturn;
  runtime.generatorReturn = 0;
  return raiseStopIteration(m, result);
}

/**
 * Raises StopIteration carrying `value` (owned; None or 0 gives a bare StopIteration, as CPython).
 *
 * @example
 * ```ts
 * raiseStopIteration(machine, result);
 * ```
 * @internal
 */
export function raiseStopIteration(m: Machine, value: Ptr): never {
  const exception = m.newException("StopIteration", undefined);
  if (value !== 0 && value !== m.heap.none) {
    const args = m.heap.newTuple([value]);
    m.heap.setSlot(exception, "args", args);
    m.decref(args);
  }
  if (value !== 0) m.decref(value);
  throw m.exception(exception);
}

/**
 * `next(it)` (CPython: `builtin_next` → `tp_iternext`): the next item, or StopIteration — with a
 * generator's return value, and as a user `__next__` raised it.
 */
function nextOrStop(m: Machine, runtime: IteratorRuntime, it: Ptr): Ptr {
  // An async generator's awaitable finishes with its item as StopIteration's value.
  if (isAsyncAwaitable(m, it))
    return yieldedOrStop(
      m,
      runtime,
      asyncAwaitableStep(m, it, ResumeMode.SEND, m.incref(m.heap.none)),
    );
  if (m.typeIdOf(it) === runtime.generatorType) {
    if (generatorState(m, it) === GeneratorState.COMPLETED) return raiseStopIteration(m, 0);
    return yieldedOrStop(
      m,
      runtime,
      resumeGenerator(m, it, ResumeMode.SEND, m.incref(m.heap.none)),
    );
  }
  const record = m.recordOf(it);
  if (record.user) {
    const method = m.lookupType(record, m.name("__next__"));
    if (method !== 0) return call(m, method, [it], undefined);
  }
  const item = iteratorNext(m, it);
  if (item === 0) raiseStopIteration(m, 0);
  return item;
}

/** Iterators for each iterable, as new references (released if one fails). */
/**
 * Gives the new iterator `obj` the result tuple of `size` Nones its steps reuse, stored at
 * `offset`; when that allocation fails, `obj` is released (CPython: `Py_DECREF(en)` on
 * enum_new's failure path).
 */
function withResultTuple(m: Machine, obj: Ptr, offset: number, size: number): Ptr {
  let result: Ptr;
  try {
    result = m.heap.newTuple(new Array<Ptr>(size).fill(m.heap.none));
  } catch (error) {
    m.decref(obj);
    throw error;
  }
  m.heap.memory.u32[(obj + offset) >>> 2] = result;
  return obj;
}

function collectIterators(m: Machine, iterables: readonly Ptr[]): Ptr[] {
  const iterators: Ptr[] = [];
  try {
    for (const iterable of iterables) iterators.push(getIterator(m, iterable));
  } catch (error) {
    for (const it of iterators) m.decref(it);
    throw error;
  }
  return iterators;
}

/** `reversed(seq)` (CPython: `reversed_new_impl`, `list___reversed__`, `range_reverse`). */
function reversedIterator(m: Machine, runtime: IteratorRuntime, seq: Ptr): Ptr {
  const heap = m.heap;
  const types = runtime.types;
  const t = m.typeIdOf(seq);
  if (t === heap.listType)
    return newSequenceIterator(m, types.listReverseIterator, seq, heap.listLength(seq) - 1);
  if (t === m.types.range) {
    const [start, stop, step] = m.rangeValues(seq);
    const length = m.rangeLength(start, stop, step);
    return newRangeIterator(m, start + (length - 1) * step, -step, length);
  }
  if (t === heap.dictType || m.viewKind(t) !== 0) {
    // CPython has dict_reversekeyiterator (…value…, …item…); pymem walks a snapshot of the
    // keys, values or items.
    const keys = m.listSteal(collect(m, seq));
    try {
      return newSequenceIterator(m, types.listReverseIterator, keys, heap.listLength(keys) - 1);
    } finally {
      m.decref(keys); // the iterator holds it (or, after a MemoryError, nothing does)
    }
  }
  const record = m.recordOf(seq);
  if (record.user) {
    const method = m.lookupType(record, m.name("__reversed__"));
    if (method !== 0) return call(m, method, [seq], undefined);
  }
  const isBytes = t === m.types.bytes || t === m.types.bytearray;
  const hasSequenceProtocol =
    t === heap.tupleType ||
    t === heap.strType ||
    isBytes ||
    (record.user &&
      m.lookupType(record, m.name("__len__")) !== 0 &&
      m.lookupType(record, m.name("__getitem__")) !== 0);
  if (!hasSequenceProtocol) m.raise("TypeError", `'${m.typeName(seq)}' object is not reversible`);
  let length: number;
  if (t === heap.tupleType) length = heap.tupleLength(seq);
  else if (t === heap.strType) length = heap.strLength(seq);
  else if (isBytes) length = bytesLength(m, seq);
  else {
    const lengthObj = m.callSpecial(seq, "__len__", []);
    length = m.intArgument(lengthObj, "__len__()");
    m.decref(lengthObj);
  }
  return newSequenceIterator(m, types.reversed, seq, length - 1);
}

/**
 * Whether `obj` can be called (CPython: `PyCallable_Check`).
 *
 * @example
 * ```ts
 * if (!isCallable(machine, hook)) machine.raise("TypeError", "callable expected");
 * ```
 * @internal
 */
export function isCallable(m: Machine, obj: Ptr): boolean {
  const t = m.typeIdOf(obj);
  const types = m.types;
  if (t === types.function || t === types.method || t === types.builtin || t === types.type)
    return true;
  if (t === m.heap.weakrefType || t === m.descriptorTypes.staticmethod) return true;
  const record = m.records[t];
  return record?.user === true && m.lookupType(record, m.name("__call__")) !== 0;
}
