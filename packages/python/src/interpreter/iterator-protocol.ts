import { OB_REFCNT_OFFSET, type Ptr, type TypeId } from "@pymem/core";
import {
  DICT_ENTRIES_OFFSET,
  DICT_NENTRIES_OFFSET,
  ENTRY_KEY_OFFSET,
  ENTRY_SIZE,
  ENTRY_VALUE_OFFSET,
  TUPLE_ITEMS_OFFSET,
} from "@pymem/heap";
import { asyncAwaitableStep, isAsyncAwaitable } from "./async-generator-objects.js";
import { bytesIterator } from "./bytes-operations.js";
import { call } from "./calls.js";
import { PyException } from "./exceptions.js";
import { isGeneratorLike, ResumeMode, resumeGenerator } from "./generator-objects.js";
import {
  CALLABLE_ITERATOR_CALLABLE_OFFSET,
  CALLABLE_ITERATOR_SENTINEL_OFFSET,
  DICT_ITERATOR_DICT_OFFSET,
  DICT_ITERATOR_POSITION_OFFSET,
  DICT_ITERATOR_RESULT_OFFSET,
  DICT_ITERATOR_USED_OFFSET,
  ENUMERATE_INDEX_OFFSET,
  ENUMERATE_ITERATOR_OFFSET,
  ENUMERATE_RESULT_OFFSET,
  FILTER_FUNCTION_OFFSET,
  FILTER_ITERATOR_OFFSET,
  type IteratorRuntime,
  iteratorRuntime,
  MAP_FUNCTION_OFFSET,
  MAP_ITERATORS_OFFSET,
  RANGE_ITERATOR_NEXT_OFFSET,
  RANGE_ITERATOR_REMAINING_OFFSET,
  RANGE_ITERATOR_STEP_OFFSET,
  SEQ_ITERATOR_INDEX_OFFSET,
  SEQ_ITERATOR_SEQ_OFFSET,
  ZIP_ITERATORS_OFFSET,
  ZIP_RESULT_OFFSET,
  ZIP_STRICT_OFFSET,
} from "./iterator-objects.js";
import { Cmp, type Machine } from "./machine.js";
import { viewIterator } from "./memoryview-methods.js";
import { isMemoryview } from "./memoryview-objects.js";
import { findAttribute, getItem, raiseNoAttribute } from "./object-access.js";
import { VIEW_DICT_OFFSET } from "./object-layouts.js";
import { compare } from "./operators.js";

/**
 * The iteration protocol over heap objects (CPython: `PyObject_GetIter`, `tp_iter`,
 * `tp_iternext`, `PyIter_Next`): making an iterator object for any iterable, and stepping any
 * iterator — the built-in iterator objects, generators, native iterators and user classes with
 * `__iter__`/`__next__` (or the old `__getitem__` protocol).
 *
 * @module
 */

/** Dict iterator kinds (the dict's keys, values or items). */
const KEYS = 1;
const VALUES = 2;
const ITEMS = 3;

/**
 * `iter(obj)` (CPython: `PyObject_GetIter`): a new reference to an iterator over `obj`, or
 * TypeError "'X' object is not iterable".
 *
 * @example
 * ```ts
 * const it = getIterator(machine, listObject); // a list_iterator
 * ```
 */
export function getIterator(m: Machine, obj: Ptr, t: TypeId = m.typeIdOf(obj)): Ptr {
  const heap = m.heap;
  const runtime = iteratorRuntime(m);
  const types = runtime.types;
  if (t === heap.listType) return newSequenceIterator(m, types.listIterator, obj, 0);
  if (t === heap.tupleType) return newSequenceIterator(m, types.tupleIterator, obj, 0);
  if (t === heap.strType)
    return newSequenceIterator(
      m,
      isAscii(heap.strValue(obj)) ? types.strAsciiIterator : types.strIterator,
      obj,
      0,
    );
  if (t === heap.dictType) return newDictIterator(m, types.dictKeyIterator, obj);
  if (t === heap.setType || t === heap.frozensetType)
    return newSetIterator(m, types.setIterator, obj);
  if (t === m.types.bytes || t === m.types.bytearray) return bytesIterator(m, obj);
  if (isMemoryview(m, obj)) return viewIterator(m, obj);
  if (t === m.types.range) {
    const [start, stop, step] = m.rangeValues(obj);
    return newRangeIterator(m, start, step, m.rangeLength(start, stop, step));
  }
  const viewKind = m.viewKind(t);
  if (viewKind !== 0) {
    const kind =
      viewKind === KEYS
        ? types.dictKeyIterator
        : viewKind === VALUES
          ? types.dictValueIterator
          : types.dictItemIterator;
    return newDictIterator(m, kind, m.field(obj, VIEW_DICT_OFFSET));
  }
  if (isBuiltinIterator(runtime, t)) return m.incref(obj);
  const record = m.records[t];
  if (record?.user === true) {
    const iterMethod = m.lookupType(record, m.name("__iter__"));
    if (iterMethod !== 0) {
      const it = call(m, iterMethod, [obj], undefined);
      if (!isIterator(m, it)) {
        const name = m.typeName(it);
        m.decref(it);
        m.raise("TypeError", `iter() returned non-iterator of type '${name}'`);
      }
      return it;
    }
    if (m.lookupType(record, m.name("__getitem__")) !== 0)
      return newSequenceIterator(m, types.sequenceIterator, obj, 0);
  }
  return m.raise("TypeError", `'${m.typeName(obj)}' object is not iterable`);
}

/**
 * Whether `obj` is an iterator (CPython: `PyIter_Check` — its type has `__next__`).
 *
 * @example
 * ```ts
 * isIterator(machine, generatorObject); // true
 * ```
 */
export function isIterator(m: Machine, obj: Ptr): boolean {
  const t = m.typeIdOf(obj);
  if (isBuiltinIterator(iteratorRuntime(m), t)) return true;
  const record = m.records[t];
  return record?.user === true && m.lookupType(record, m.name("__next__")) !== 0;
}

function isBuiltinIterator(runtime: IteratorRuntime, t: TypeId): boolean {
  const types = runtime.types;
  return (
    (t >= types.listIterator && t <= types.setIterator) ||
    t === runtime.generatorType ||
    runtime.nativeTypeIds.has(t)
  );
}

/**
 * The next item of an iterator (CPython: `PyIter_Next`): a new reference, or 0 when it is
 * exhausted (a StopIteration it raised is swallowed, as `for` does).
 *
 * @example
 * ```ts
 * for (let item = iteratorNext(machine, it); item !== 0; item = iteratorNext(machine, it)) …
 * ```
 */
export function iteratorNext(m: Machine, it: Ptr): Ptr {
  const runtime = iteratorRuntime(m);
  if (!runtime.builtinNextsInstalled) installNexts(runtime);
  const t = m.typeIdOf(it);
  const next = runtime.nexts[t];
  if (next !== undefined) return next(m, it);
  if (t === runtime.generatorType) {
    const item = resumeGenerator(m, it, ResumeMode.SEND, m.incref(m.heap.none));
    if (item === 0) {
      m.xdecref(runtime.generatorReturn);
      runtime.generatorReturn = 0;
    }
    return item;
  }
  const record = m.records[t];
  const nextMethod = record?.user === true ? m.lookupType(record, m.name("__next__")) : 0;
  if (nextMethod === 0) m.raise("TypeError", `'${m.typeName(it)}' object is not an iterator`);
  return swallowStopIteration(m, () => call(m, nextMethod, [it], undefined));
}

/** Fills the runtime's `tp_iternext` table for the built-in iterator types. */
function installNexts(runtime: IteratorRuntime): void {
  runtime.builtinNextsInstalled = true;
  const types = runtime.types;
  const nexts = runtime.nexts;
  nexts[types.listIterator] = listIteratorNext;
  nexts[types.tupleIterator] = tupleIteratorNext;
  nexts[types.listReverseIterator] = listReverseIteratorNext;
  nexts[types.strAsciiIterator] = strIteratorNext;
  nexts[types.strIterator] = strIteratorNext;
  nexts[types.sequenceIterator] = (m, it) => getItemNext(m, it, false);
  nexts[types.reversed] = (m, it) => getItemNext(m, it, true);
  nexts[types.rangeIterator] = rangeIteratorNext;
  nexts[types.dictKeyIterator] = (m, it) => dictIteratorNext(m, it, KEYS);
  nexts[types.dictValueIterator] = (m, it) => dictIteratorNext(m, it, VALUES);
  nexts[types.dictItemIterator] = (m, it) => dictIteratorNext(m, it, ITEMS);
  nexts[types.callableIterator] = callableNext;
  nexts[types.enumerate] = enumerateNext;
  nexts[types.zip] = zipNext;
  nexts[types.map] = mapNext;
  nexts[types.filter] = filterNext;
  nexts[types.setIterator] = setIteratorNext;
}

/** CPython: `listiter_next`. */
function listIteratorNext(m: Machine, it: Ptr): Ptr {
  const heap = m.heap;
  const u32 = heap.memory.u32;
  const seq = u32[(it + SEQ_ITERATOR_SEQ_OFFSET) >>> 2]!;
  if (seq === 0) return 0;
  const index = u32[(it + SEQ_ITERATOR_INDEX_OFFSET) >>> 2]!;
  if (index < heap.listLength(seq)) {
    u32[(it + SEQ_ITERATOR_INDEX_OFFSET) >>> 2] = index + 1;
    return m.incref(heap.listGetItem(seq, index));
  }
  return exhaust(m, it);
}

/** CPython: `tupleiter_next`. */
function tupleIteratorNext(m: Machine, it: Ptr): Ptr {
  const heap = m.heap;
  const u32 = heap.memory.u32;
  const seq = u32[(it + SEQ_ITERATOR_SEQ_OFFSET) >>> 2]!;
  if (seq === 0) return 0;
  const index = u32[(it + SEQ_ITERATOR_INDEX_OFFSET) >>> 2]!;
  if (index < heap.tupleLength(seq)) {
    u32[(it + SEQ_ITERATOR_INDEX_OFFSET) >>> 2] = index + 1;
    return m.incref(heap.tupleGetItem(seq, index));
  }
  return exhaust(m, it);
}

/** CPython: `listreviter_next`. */
function listReverseIteratorNext(m: Machine, it: Ptr): Ptr {
  const heap = m.heap;
  const seq = heap.memory.u32[(it + SEQ_ITERATOR_SEQ_OFFSET) >>> 2]!;
  if (seq === 0) return 0;
  const index = heap.memory.i32[(it + SEQ_ITERATOR_INDEX_OFFSET) >> 2]!;
  if (index >= 0 && index < heap.listLength(seq)) {
    heap.memory.i32[(it + SEQ_ITERATOR_INDEX_OFFSET) >> 2] = index - 1;
    return m.incref(heap.listGetItem(seq, index));
  }
  return exhaust(m, it);
}

/** CPython: `unicodeiter_next` / `unicode_ascii_iter_next` (by code point). */
function strIteratorNext(m: Machine, it: Ptr): Ptr {
  const heap = m.heap;
  const u32 = heap.memory.u32;
  const seq = u32[(it + SEQ_ITERATOR_SEQ_OFFSET) >>> 2]!;
  if (seq === 0) return 0;
  const text = heap.strValue(seq);
  const index = u32[(it + SEQ_ITERATOR_INDEX_OFFSET) >>> 2]!;
  if (index >= text.length) return exhaust(m, it);
  const char = String.fromCodePoint(text.codePointAt(index)!);
  heap.memory.u32[(it + SEQ_ITERATOR_INDEX_OFFSET) >>> 2] = index + char.length;
  return heap.newStr(char);
}

/** CPython: `rangeiter_next`. */
function rangeIteratorNext(m: Machine, it: Ptr): Ptr {
  const f64 = m.heap.memory.f64;
  const remaining = f64[(it + RANGE_ITERATOR_REMAINING_OFFSET) >>> 3]!;
  if (remaining <= 0) return 0;
  const value = f64[(it + RANGE_ITERATOR_NEXT_OFFSET) >>> 3]!;
  f64[(it + RANGE_ITERATOR_NEXT_OFFSET) >>> 3] =
    value + f64[(it + RANGE_ITERATOR_STEP_OFFSET) >>> 3]!;
  f64[(it + RANGE_ITERATOR_REMAINING_OFFSET) >>> 3] = remaining - 1;
  return m.newInt(value);
}

/**
 * CPython: `enum_next` — the `(index, item)` tuple is the enumerate object's own result tuple,
 * refilled, when nothing else holds it (the previous item was unpacked and let go), else a new one.
 */
function enumerateNext(m: Machine, it: Ptr): Ptr {
  const item = iteratorNext(m, m.heap.memory.u32[(it + ENUMERATE_ITERATOR_OFFSET) >>> 2]!);
  if (item === 0) return 0;
  const index = m.heap.memory.f64[(it + ENUMERATE_INDEX_OFFSET) >>> 3]!;
  let next: Ptr;
  try {
    next = m.newInt(index);
  } catch (error) {
    m.decref(item);
    throw error;
  }
  const memory = m.heap.memory;
  memory.f64[(it + ENUMERATE_INDEX_OFFSET) >>> 3] = index + 1;
  const result = memory.u32[(it + ENUMERATE_RESULT_OFFSET) >>> 2]!;
  if (!isUniquelyReferenced(m, result)) return m.tupleSteal([next, item]);
  m.incref(result);
  const first = (result + TUPLE_ITEMS_OFFSET) >>> 2;
  const oldIndex = memory.u32[first]!;
  const oldItem = memory.u32[first + 1]!;
  memory.u32[first] = next;
  memory.u32[first + 1] = item;
  m.decref(oldIndex);
  m.decref(oldItem);
  retrackResult(m, result);
  return result;
}

/** Whether only its iterator holds the result tuple `result` (CPython: `Py_REFCNT(result) == 1`). */
function isUniquelyReferenced(m: Machine, result: Ptr): boolean {
  return result !== 0 && m.heap.memory.u32[(result + OB_REFCNT_OFFSET) >>> 2] === 1;
}

/**
 * A reused result tuple is tracked again: a collection may have untracked it while it held only
 * atomic items (CPython: bpo-42536, `_PyObject_GC_TRACK` in enum_next, zip_next, dictiter).
 */
function retrackResult(m: Machine, result: Ptr): void {
  const collector = m.heap.collector;
  if (collector !== undefined && !collector.isTracked(result)) collector.track(result);
}

/** Runs `step`; a StopIteration it raises means "exhausted" (0). */
function swallowStopIteration(m: Machine, step: () => Ptr): Ptr {
  try {
    return step();
  } catch (error) {
    if (error instanceof PyException && isInstance(m, error.value, "StopIteration")) {
      error.release(m);
      return 0;
    }
    throw error;
  }
}

/** Whether `value` is an instance of the built-in class `name` or a subclass. */
export function isInstance(m: Machine, value: Ptr, name: string): boolean {
  const ancestor = m.builtinTypes.get(name);
  return ancestor !== undefined && m.isSubtype(m.recordOf(value), ancestor);
}

/** A new sequence iterator of type `t` over `seq` (borrowed), starting at `index`. */
export function newSequenceIterator(m: Machine, t: TypeId, seq: Ptr, index: number): Ptr {
  const it = m.heap.allocate(t);
  m.heap.memory.u32[(it + SEQ_ITERATOR_SEQ_OFFSET) >>> 2] = m.incref(seq);
  m.heap.memory.i32[(it + SEQ_ITERATOR_INDEX_OFFSET) >> 2] = index;
  return it;
}

/** A new range iterator. */
export function newRangeIterator(m: Machine, start: number, step: number, length: number): Ptr {
  const it = m.heap.allocate(iteratorRuntime(m).types.rangeIterator);
  const f64 = m.heap.memory.f64;
  f64[(it + RANGE_ITERATOR_NEXT_OFFSET) >>> 3] = start;
  f64[(it + RANGE_ITERATOR_STEP_OFFSET) >>> 3] = step;
  f64[(it + RANGE_ITERATOR_REMAINING_OFFSET) >>> 3] = length;
  return it;
}

function newDictIterator(m: Machine, t: TypeId, dict: Ptr): Ptr {
  const it = m.heap.allocate(t);
  const u32 = m.heap.memory.u32;
  u32[(it + DICT_ITERATOR_DICT_OFFSET) >>> 2] = m.incref(dict);
  u32[(it + DICT_ITERATOR_USED_OFFSET) >>> 2] = m.heap.dictLength(dict);
  return it;
}

/** CPython: `set_iter` — the set and its size; the position field holds the last position + 1. */
function newSetIterator(m: Machine, t: TypeId, set: Ptr): Ptr {
  const it = m.heap.allocate(t);
  const u32 = m.heap.memory.u32;
  u32[(it + DICT_ITERATOR_DICT_OFFSET) >>> 2] = m.incref(set);
  u32[(it + DICT_ITERATOR_USED_OFFSET) >>> 2] = m.heap.setLength(set);
  return it;
}

/** CPython: `setiter_iternext` — the next occupied slot, size-checked like a dict iterator. */
function setIteratorNext(m: Machine, it: Ptr): Ptr {
  const heap = m.heap;
  const u32 = heap.memory.u32;
  const set = u32[(it + DICT_ITERATOR_DICT_OFFSET) >>> 2]!;
  if (set === 0) return 0;
  if (heap.setLength(set) !== u32[(it + DICT_ITERATOR_USED_OFFSET) >>> 2]) {
    u32[(it + DICT_ITERATOR_USED_OFFSET) >>> 2] = 0xffffffff;
    m.raise("RuntimeError", "Set changed size during iteration");
  }
  const position = heap.setNextPosition(set, u32[(it + DICT_ITERATOR_POSITION_OFFSET) >>> 2]! - 1);
  if (position < 0) {
    u32[(it + DICT_ITERATOR_DICT_OFFSET) >>> 2] = 0;
    m.decref(set);
    return 0;
  }
  u32[(it + DICT_ITERATOR_POSITION_OFFSET) >>> 2] = position + 1;
  return m.incref(heap.setKeyAt(set, position));
}

/** An exhausted sequence iterator drops its sequence (CPython: `it->it_seq = NULL`). */
function exhaust(m: Machine, it: Ptr): 0 {
  const u32 = m.heap.memory.u32;
  const seq = u32[(it + SEQ_ITERATOR_SEQ_OFFSET) >>> 2]!;
  u32[(it + SEQ_ITERATOR_SEQ_OFFSET) >>> 2] = 0;
  if (seq !== 0) m.decref(seq);
  return 0;
}

/** CPython: `dictiter_iternextkey` / `…value` / `…item` — by entry position, size-checked. */
function dictIteratorNext(m: Machine, it: Ptr, kind: number): Ptr {
  const heap = m.heap;
  let u32 = heap.memory.u32;
  const dict = u32[(it + DICT_ITERATOR_DICT_OFFSET) >>> 2]!;
  if (dict === 0) return 0;
  if (heap.dictLength(dict) !== u32[(it + DICT_ITERATOR_USED_OFFSET) >>> 2]) {
    // CPython: di_used = -1, so every later step raises too.
    u32[(it + DICT_ITERATOR_USED_OFFSET) >>> 2] = 0xffffffff;
    m.raise("RuntimeError", "dictionary changed size during iteration");
  }
  const entries = u32[(dict + DICT_ENTRIES_OFFSET) >>> 2]!;
  const count = u32[(dict + DICT_NENTRIES_OFFSET) >>> 2]!;
  let position = u32[(it + DICT_ITERATOR_POSITION_OFFSET) >>> 2]!;
  while (position < count && u32[(entries + position * ENTRY_SIZE + ENTRY_KEY_OFFSET) >>> 2] === 0)
    position++;
  if (position >= count) {
    u32[(it + DICT_ITERATOR_DICT_OFFSET) >>> 2] = 0;
    m.decref(dict);
    return 0;
  }
  u32[(it + DICT_ITERATOR_POSITION_OFFSET) >>> 2] = position + 1;
  const entry = entries + position * ENTRY_SIZE;
  const key = u32[(entry + ENTRY_KEY_OFFSET) >>> 2]!;
  const value = u32[(entry + ENTRY_VALUE_OFFSET) >>> 2]!;
  if (kind !== ITEMS) return m.incref(kind === KEYS ? key : value);
  // CPython's items iterator keeps its last result tuple (di_result) until the next step.
  const pair = heap.newTuple([key, value]);
  u32 = heap.memory.u32;
  const previous = u32[(it + DICT_ITERATOR_RESULT_OFFSET) >>> 2]!;
  u32[(it + DICT_ITERATOR_RESULT_OFFSET) >>> 2] = m.incref(pair);
  if (previous !== 0) m.decref(previous);
  return pair;
}

/** The `__getitem__` protocol (CPython: `iter_iternext`, `reversed_next`). */
function getItemNext(m: Machine, it: Ptr, reversed: boolean): Ptr {
  const heap = m.heap;
  const seq = heap.memory.u32[(it + SEQ_ITERATOR_SEQ_OFFSET) >>> 2]!;
  if (seq === 0) return 0;
  const index = heap.memory.i32[(it + SEQ_ITERATOR_INDEX_OFFSET) >> 2]!;
  if (reversed && index < 0) return exhaust(m, it);
  heap.memory.i32[(it + SEQ_ITERATOR_INDEX_OFFSET) >> 2] = reversed ? index - 1 : index + 1;
  const key = m.newInt(index);
  m.push(key);
  let item: Ptr;
  try {
    item = getItem(m, seq, key);
  } catch (error) {
    if (
      error instanceof PyException &&
      (isInstance(m, error.value, "IndexError") || isInstance(m, error.value, "StopIteration"))
    ) {
      error.release(m);
      m.sp--;
      m.decref(key);
      return exhaust(m, it);
    }
    throw error;
  }
  m.sp--;
  m.decref(key);
  return item;
}

/** CPython: `zip_next`, with 3.10's `strict=True` length check. */
function zipNext(m: Machine, it: Ptr): Ptr {
  const heap = m.heap;
  const iterators = heap.memory.u32[(it + ZIP_ITERATORS_OFFSET) >>> 2]!;
  const count = heap.tupleLength(iterators);
  if (count === 0) return 0;
  const result = heap.memory.u32[(it + ZIP_RESULT_OFFSET) >>> 2]!;
  if (isUniquelyReferenced(m, result)) {
    // The zip object's own result tuple, refilled item by item (CPython: zip_next's reuse).
    m.incref(result);
    for (let i = 0; i < count; i++) {
      let item: Ptr;
      try {
        item = iteratorNext(m, heap.tupleGetItem(iterators, i));
      } catch (error) {
        m.decref(result);
        throw error;
      }
      if (item === 0) {
        m.decref(result);
        if (heap.memory.u32[(it + ZIP_STRICT_OFFSET) >>> 2] !== 0) zipStrictCheck(m, iterators, i);
        return 0;
      }
      const slot = (result + TUPLE_ITEMS_OFFSET + 4 * i) >>> 2;
      const old = heap.memory.u32[slot]!;
      heap.memory.u32[slot] = item;
      m.decref(old);
    }
    retrackResult(m, result);
    return result;
  }
  const items: Ptr[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const item = iteratorNext(m, heap.tupleGetItem(iterators, i));
      if (item === 0) {
        if (heap.memory.u32[(it + ZIP_STRICT_OFFSET) >>> 2] !== 0) zipStrictCheck(m, iterators, i);
        for (const held of items) m.decref(held);
        return 0;
      }
      items.push(item);
    }
  } catch (error) {
    for (const held of items) m.decref(held);
    throw error;
  }
  return m.tupleSteal(items);
}

/** `zip(strict=True)`: iterator `stopped` ran out; the others must too (CPython's messages). */
function zipStrictCheck(m: Machine, iterators: Ptr, stopped: number): void {
  const heap = m.heap;
  if (stopped > 0) {
    const plural = stopped === 1 ? " " : "s 1-";
    m.raise(
      "ValueError",
      `zip() argument ${stopped + 1} is shorter than argument${plural}${stopped}`,
    );
  }
  for (let i = 1; i < heap.tupleLength(iterators); i++) {
    const item = iteratorNext(m, heap.tupleGetItem(iterators, i));
    if (item !== 0) {
      m.decref(item);
      const plural = i === 1 ? " " : "s 1-";
      m.raise("ValueError", `zip() argument ${i + 1} is longer than argument${plural}${i}`);
    }
  }
}

/** CPython: `map_next`. */
function mapNext(m: Machine, it: Ptr): Ptr {
  const heap = m.heap;
  const iterators = heap.memory.u32[(it + MAP_ITERATORS_OFFSET) >>> 2]!;
  const level = m.sp;
  for (let i = 0; i < heap.tupleLength(iterators); i++) {
    const item = iteratorNext(m, heap.tupleGetItem(iterators, i));
    if (item === 0) {
      m.unwindTo(level);
      return 0;
    }
    m.push(item);
  }
  const fn = heap.memory.u32[(it + MAP_FUNCTION_OFFSET) >>> 2]!;
  const result = call(m, fn, Array.from(m.stack.subarray(level, m.sp)), undefined);
  m.unwindTo(level);
  return result;
}

/** CPython: `filter_next`. */
function filterNext(m: Machine, it: Ptr): Ptr {
  const heap = m.heap;
  const inner = heap.memory.u32[(it + FILTER_ITERATOR_OFFSET) >>> 2]!;
  const fn = heap.memory.u32[(it + FILTER_FUNCTION_OFFSET) >>> 2]!;
  for (;;) {
    const item = iteratorNext(m, inner);
    if (item === 0) return 0;
    m.push(item);
    let keep: boolean;
    if (fn === heap.none) keep = m.isTrue(item);
    else {
      const verdict = call(m, fn, [item], undefined);
      m.push(verdict);
      keep = m.isTrue(verdict);
      m.sp--;
      m.decref(verdict);
    }
    m.sp--;
    if (keep) return item;
    m.decref(item);
  }
}

/** CPython: `calliter_iternext` — call until the result equals the sentinel. */
function callableNext(m: Machine, it: Ptr): Ptr {
  const u32 = m.heap.memory.u32;
  const callable = u32[(it + CALLABLE_ITERATOR_CALLABLE_OFFSET) >>> 2]!;
  if (callable === 0) return 0;
  const result = swallowStopIteration(m, () => call(m, callable, [], undefined));
  if (result !== 0) {
    m.push(result);
    const sentinel = u32[(it + CALLABLE_ITERATOR_SENTINEL_OFFSET) >>> 2]!;
    const done = result === sentinel || compare(m, Cmp.EQ, result, sentinel);
    m.sp--;
    if (!done) return result;
    m.decref(result);
  }
  const fields = m.heap.memory.u32;
  const sentinel = fields[(it + CALLABLE_ITERATOR_SENTINEL_OFFSET) >>> 2]!;
  fields[(it + CALLABLE_ITERATOR_CALLABLE_OFFSET) >>> 2] = 0;
  fields[(it + CALLABLE_ITERATOR_SENTINEL_OFFSET) >>> 2] = 0;
  m.decref(callable);
  m.decref(sentinel);
  return 0;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * One step of `yield from` delegation (CPython: `SEND` / `gen_send_ex`, and `_gen_throw` for
 * non-generator iterators): sends `value` (owned; None for plain `next`) or throws the exception
 * instance `value` (owned) into `it`. Returns the value it yielded (new reference), or 0 when it
 * finished, with its return value (or StopIteration's value) in `runtime.generatorReturn`.
 *
 * @example
 * ```ts
 * const item = delegateStep(machine, subIterator, ResumeMode.SEND, machine.heap.none);
 * ```
 * @internal
 */
export function delegateStep(m: Machine, it: Ptr, mode: number, value: Ptr): Ptr {
  const runtime = iteratorRuntime(m);
  if (isGeneratorLike(m, it)) return resumeGenerator(m, it, mode, value);
  if (isAsyncAwaitable(m, it)) return asyncAwaitableStep(m, it, mode, value);
  const heap = m.heap;
  let methodName: string;
  if (mode === ResumeMode.THROW) methodName = "throw";
  else if (value === heap.none) methodName = "__next__";
  else methodName = "send";
  let result: Ptr;
  try {
    if (methodName === "__next__" && !(m.records[m.typeIdOf(it)]?.user === true)) {
      result = iteratorNext(m, it);
      if (result === 0) runtime.generatorReturn = m.incref(heap.none);
      return result;
    }
    const key = m.name(methodName);
    const method = findAttribute(m, it, key, methodName);
    if (method === 0) {
      if (mode === ResumeMode.THROW) throw m.exception(m.incref(value));
      raiseNoAttribute(m, it, methodName);
    }
    m.push(method);
    try {
      // `__next__` takes no argument (CPython: tp_iternext when None is sent).
      result = call(m, method, methodName === "__next__" ? [] : [value], undefined);
    } finally {
      m.sp--;
      m.decref(method);
    }
  } catch (error) {
    if (error instanceof PyException && isInstance(m, error.value, "StopIteration")) {
      runtime.generatorReturn = stopIterationValue(m, error.value);
      error.release(m);
      return 0;
    }
    throw error;
  } finally {
    m.decref(value);
  }
  return result;
}

/** `StopIteration.value`: its first argument or None (a new reference). */
export function stopIterationValue(m: Machine, exception: Ptr): Ptr {
  const args = m.heap.getSlot(exception, "args");
  if (args !== 0 && m.heap.tupleLength(args) > 0) return m.incref(m.heap.tupleGetItem(args, 0));
  return m.incref(m.heap.none);
}

/**
 * The items of an unpacking `a, b = iterable` (CPython: UNPACK_SEQUENCE's `unpack_iterable`):
 * exactly `count` new references, pulling at most one item more to check there is none — with
 * CPython's ValueErrors.
 *
 * @example
 * ```ts
 * const [a, b] = unpackIterable(machine, generatorObject, 2);
 * ```
 */
export function unpackIterable(m: Machine, iterable: Ptr, count: number): Ptr[] {
  const it = getIterator(m, iterable);
  const items: Ptr[] = [];
  try {
    while (items.length < count) {
      const item = iteratorNext(m, it);
      if (item === 0)
        m.raise(
          "ValueError",
          `not enough values to unpack (expected ${count}, got ${items.length})`,
        );
      items.push(item);
    }
    const extra = iteratorNext(m, it);
    if (extra !== 0) {
      m.decref(extra);
      m.raise("ValueError", `too many values to unpack (expected ${count})`);
    }
  } catch (error) {
    for (const item of items) m.decref(item);
    throw error;
  } finally {
    m.decref(it);
  }
  return items;
}
