import {
  IMMORTAL_REFCNT as IMPORTED_IMMORTAL_REFCNT,
  type Ptr,
  type ReferenceStack,
  ReferenceVisit,
  TypeFlags,
  type TypeId,
} from "@pymem/core";
import { END_DICT, instanceDictSlot } from "./builtin-subclass-types.js";
import type { Heap } from "./heap.js";
import {
  DICT_ENTRIES_OFFSET,
  DICT_NENTRIES_OFFSET,
  ENTRY_KEY_OFFSET,
  ENTRY_SIZE,
  ENTRY_VALUE_OFFSET,
  LIST_ALLOCATED_OFFSET,
  LIST_ITEMS_OFFSET,
  LIST_SIZE_OFFSET,
  SET_ENTRY_KEY_OFFSET,
  SET_ENTRY_SIZE,
  SET_MASK_OFFSET,
  SET_TABLE_OFFSET,
  TUPLE_ITEMS_OFFSET,
  TUPLE_SIZE_OFFSET,
} from "./layouts.js";
import { KIND_GENERIC, KIND_INSTANCE, KIND_LIST, ObjectKind } from "./object-kind.js";

// A hot-path copy of an imported constant (see architecture/hot-path-constants.md).
const IMMORTAL_REFCNT = IMPORTED_IMMORTAL_REFCNT;

/**
 * The first half of a dying object's deallocation, for `@pymem/refcount`'s iterative cascade: which
 * references each kind of object owns, pushed in the reverse of CPython's decref order (the
 * `tp_dealloc` of each built-in type and `subtype_dealloc`), and `disposeObject`, which fuses that
 * with the release for lists and tuples. The memory side (free lists, bitmaps, the allocator) is
 * the heap core's `releaseObject` / `releaseSequence`.
 *
 * @module
 */

/**
 * The {@link Heap} methods `@pymem/refcount`'s deallocation cascade drives. Plumbing between the
 * two packages: every member is internal (see `@pymem/heap/internal`).
 *
 * @example
 * ```ts
 * heap.disposeObject(obj, typeId, stack); // then pop and decref what it pushed
 * ```
 */
export interface DeallocOperations {
  /**
   * Pushes onto `stack` the references `obj` owns, in the reverse of CPython's decref order, so
   * that popping releases them in CPython's order (`list_dealloc`/`tupledealloc` last item first,
   * `free_keys_object` entry order key-then-value, `set_dealloc` table order, `subtype_dealloc` slots then `__dict__`).
   * Immortal referents are pushed too. Used by `@pymem/refcount`'s cascade.
   *
   * @internal
   */
  pushOwnedReferences(obj: Ptr, typeId: TypeId, stack: ReferenceStack): void;

  /**
   * A dying object's last step: pushes its references like {@link Heap.pushOwnedReferences}, then
   * releases it like {@link Heap.releaseObject}, with a fused fast path for lists and tuples (the
   * objects of the longest cascades). Used by `@pymem/refcount`'s cascade.
   *
   * @internal
   */
  disposeObject(obj: Ptr, typeId: TypeId, stack: ReferenceStack): void;

  /**
   * A built-in list's `tp_clear` for the cascade: empties the list (size, item pointer and
   * capacity 0), pushes its non-NULL, non-immortal items first to last — so popping drops them
   * last to first, as `_list_clear` does — and frees the item block. The caller owns the pushed references and must
   * drop them. Used by `@pymem/refcount` when a collector clears a list (`delete_garbage`).
   * CPython: `_list_clear`.
   *
   * @internal
   */
  clearListInto(obj: Ptr, stack: ReferenceStack): void;
}

/**
 * The implementation of {@link DeallocOperations}, installed on `Heap.prototype` by `heap.ts`.
 *
 * @internal
 */
export const deallocOperations: DeallocOperations & ThisType<Heap> = {
  pushOwnedReferences(obj, typeId, stack) {
    const kind = this.kinds[typeId]!;
    if (
      kind === KIND_INSTANCE ||
      (kind !== KIND_GENERIC && (this.types.flags[typeId]! & TypeFlags.HEAPTYPE) !== 0)
    )
      pushInstanceReferences(this, obj, typeId, kind, stack);
    else pushBuiltinReferences(this, obj, typeId, kind, stack);
  },

  disposeObject(obj, typeId, stack) {
    const kind = this.kinds[typeId]!;
    // Exact lists and tuples only: a subclass's instance also owns its fields and class.
    if (typeId === this.listType || typeId === this.tupleType) {
      const u32 = this.memory.u32;
      if (kind === KIND_LIST)
        pushRun(
          stack,
          u32,
          u32[(obj + LIST_ITEMS_OFFSET) >>> 2]! >>> 2,
          u32[(obj + LIST_SIZE_OFFSET) >>> 2]!,
        );
      else
        pushRun(
          stack,
          u32,
          (obj + TUPLE_ITEMS_OFFSET) >>> 2,
          u32[(obj + TUPLE_SIZE_OFFSET) >>> 2]!,
        );
      this.releaseSequence(obj, typeId, kind);
      return;
    }
    this.pushOwnedReferences(obj, typeId, stack);
    this.releaseObject(obj, typeId);
  },

  clearListInto(obj, stack) {
    const u32 = this.memory.u32;
    const items = u32[(obj + LIST_ITEMS_OFFSET) >>> 2]!;
    const size = u32[(obj + LIST_SIZE_OFFSET) >>> 2]!;
    u32[(obj + LIST_ITEMS_OFFSET) >>> 2] = 0;
    u32[(obj + LIST_SIZE_OFFSET) >>> 2] = 0;
    u32[(obj + LIST_ALLOCATED_OFFSET) >>> 2] = 0;
    if (items === 0) return;
    // The list is already empty when the caller drops these, so finalizers they run see a
    // consistent list; the block can go now, its words are on the stack. Immortal items (None,
    // small ints) are left out: dropping them would change nothing.
    stack.reserve(size);
    const i32 = this.memory.i32;
    const words = stack.items;
    let length = stack.length;
    for (let word = items >>> 2, end = word + size; word < end; word++) {
      const item = u32[word]!;
      if (item !== 0 && i32[item >> 2]! < IMMORTAL_REFCNT) words[length++] = item;
    }
    stack.length = length;
    this.allocator.free(items);
  },
};

/**
 * Pushes the non-NULL words `u32[first .. first + count)` onto `stack`, growing it once rather
 * than checking capacity per item (the hot loop of every list and tuple death).
 */
function pushRun(stack: ReferenceStack, u32: Uint32Array, first: number, count: number): void {
  stack.reserve(count);
  let length = stack.length;
  const items = stack.items;
  for (let i = 0; i < count; i++) {
    const item = u32[first + i]!;
    if (item !== 0) items[length++] = item;
  }
  stack.length = length;
}

/**
 * Pushes the references of a class instance: the class object first (released last), then, for
 * a class deriving from a built-in type, the built-in's contents, then the instance's fields in
 * reverse release order. CPython: `subtype_dealloc` (own slots, the dict, the base's
 * `tp_dealloc`, then `Py_DECREF(type)`).
 */
function pushInstanceReferences(
  heap: Heap,
  obj: Ptr,
  typeId: TypeId,
  kind: number,
  stack: ReferenceStack,
): void {
  const u32 = heap.memory.u32;
  const info = heap.classes[typeId]!;
  if (info.typeObject !== 0) stack.push(info.typeObject);
  if (kind !== KIND_INSTANCE) {
    pushBuiltinReferences(heap, obj, typeId, kind, stack);
    // A dict after a variable-size body is in no fixed slot (CPython: negative tp_dictoffset).
    if (info.dictOffset === END_DICT) {
      const dict = u32[instanceDictSlot(heap, obj, info) >>> 2]!;
      if (dict !== 0) stack.push(dict);
    }
  }
  const order = info.deallocOrder;
  for (let i = order.length - 1; i >= 0; i--) {
    const referent = u32[(obj + order[i]!) >>> 2]!;
    if (referent !== 0) stack.push(referent);
  }
}

/** Pushes what a built-in object of `kind` owns, in the reverse of its `tp_dealloc` order. */
function pushBuiltinReferences(
  heap: Heap,
  obj: Ptr,
  typeId: TypeId,
  kind: number,
  stack: ReferenceStack,
): void {
  const u32 = heap.memory.u32;
  switch (kind) {
    case ObjectKind.TUPLE: {
      pushRun(stack, u32, (obj + TUPLE_ITEMS_OFFSET) >>> 2, u32[(obj + TUPLE_SIZE_OFFSET) >>> 2]!);
      return;
    }
    case ObjectKind.LIST: {
      pushRun(
        stack,
        u32,
        u32[(obj + LIST_ITEMS_OFFSET) >>> 2]! >>> 2,
        u32[(obj + LIST_SIZE_OFFSET) >>> 2]!,
      );
      return;
    }
    case ObjectKind.DICT: {
      const entries = u32[(obj + DICT_ENTRIES_OFFSET) >>> 2]!;
      for (let i = u32[(obj + DICT_NENTRIES_OFFSET) >>> 2]! - 1; i >= 0; i--) {
        const entry = entries + i * ENTRY_SIZE;
        const value = u32[(entry + ENTRY_VALUE_OFFSET) >>> 2]!;
        const key = u32[(entry + ENTRY_KEY_OFFSET) >>> 2]!;
        if (value !== 0) stack.push(value);
        if (key !== 0) stack.push(key);
      }
      return;
    }
    case ObjectKind.SET:
    case ObjectKind.FROZENSET: {
      // CPython: set_dealloc drops the keys in table order.
      const table = u32[(obj + SET_TABLE_OFFSET) >>> 2]!;
      for (let i = u32[(obj + SET_MASK_OFFSET) >>> 2]!; i >= 0; i--) {
        const key = u32[(table + i * SET_ENTRY_SIZE + SET_ENTRY_KEY_OFFSET) >>> 2]!;
        if (key !== 0) stack.push(key);
      }
      return;
    }
    case ObjectKind.GENERIC:
      // typeId is the dying object's own (read by the caller): the checked pushReferences
      // would only read it again.
      heap.types.visitReferences(obj, typeId, ReferenceVisit.PUSH, 0, stack);
      return;
    default:
      return;
  }
}
