/**
 * Circular doubly linked lists threaded through GC heads: CPython's `gc_list_*` helpers.
 *
 * ```text
 *   list head (8 bytes, collector-owned)        tracked object
 *   ┌───────────┬───────────┐                   ┌───────────┬──────────────────┬───────────┬─────
 *   │ gc_next ──┼───────────┼──────────────────►│ gc_next   │ gc_prev | flags  │ ob_refcnt │ …
 *   │ gc_prev   │           │◄──────────────────┼───────────┤ (bits 0–1)       │           │
 *   └───────────┴───────────┘                   └───────────┴──────────────────┴───────────┴─────
 *   ▲ head "address" h: words at h-8, h-4        ▲ obj-8      ▲ obj-4           ▲ obj
 * ```
 *
 * Links hold *object* addresses (where `ob_refcnt` is), so a list head is addressed like an object
 * whose GC head is the 8 bytes before it. `gc_prev`'s low two bits are flags (FINALIZED,
 * COLLECTING) that every link update preserves; while a collection runs, the bits above them may
 * hold `gc_refs` instead of a pointer (the list is then singly linked).
 *
 * Every function takes the memory's current `Uint32Array` view: callers re-read it after anything
 * that may allocate.
 *
 * @internal
 * @module
 */
import {
  GC_NEXT_OFFSET,
  GC_PREV_OFFSET,
  GC_NEXT_MASK_UNREACHABLE as IMPORTED_GC_NEXT_MASK_UNREACHABLE,
  GC_PREV_MASK as IMPORTED_GC_PREV_MASK,
  type Ptr,
} from "@pymem/core";

// Hot-path copies of imported constants (see architecture/hot-path-constants.md).
const GC_NEXT_MASK_UNREACHABLE = IMPORTED_GC_NEXT_MASK_UNREACHABLE;
const GC_PREV_MASK = IMPORTED_GC_PREV_MASK;

/** Word offset of `gc_next` from an object's word index. */
export const NEXT_WORD = GC_NEXT_OFFSET >> 2;
/** Word offset of `gc_prev` from an object's word index. */
export const PREV_WORD = GC_PREV_OFFSET >> 2;
/** The flag bits of `gc_prev` (FINALIZED | COLLECTING). */
export const PREV_FLAGS = ~GC_PREV_MASK;

/** `gc_next` without the UNREACHABLE bit. CPython: `GC_NEXT()`. */
export function gcNext(u32: Uint32Array, node: Ptr): Ptr {
  return (u32[(node >>> 2) + NEXT_WORD]! & ~GC_NEXT_MASK_UNREACHABLE) >>> 0;
}

/** The prev pointer part of `gc_prev`. CPython: `GC_PREV()`. */
export function gcPrev(u32: Uint32Array, node: Ptr): Ptr {
  return (u32[(node >>> 2) + PREV_WORD]! & GC_PREV_MASK) >>> 0;
}

/** Sets the prev pointer, keeping the flag bits. CPython: `_PyGCHead_SET_PREV`. */
export function setPrev(u32: Uint32Array, node: Ptr, prev: Ptr): void {
  const index = (node >>> 2) + PREV_WORD;
  u32[index] = (u32[index]! & PREV_FLAGS) | prev;
}

/** CPython: `gc_list_init`. */
export function listInit(u32: Uint32Array, head: Ptr): void {
  u32[(head >>> 2) + NEXT_WORD] = head;
  u32[(head >>> 2) + PREV_WORD] = head;
}

/** CPython: `gc_list_is_empty`. */
export function listIsEmpty(u32: Uint32Array, head: Ptr): boolean {
  return u32[(head >>> 2) + NEXT_WORD] === head;
}

/** Appends `node` at the tail of `list`. CPython: `gc_list_append`. */
export function listAppend(u32: Uint32Array, node: Ptr, list: Ptr): void {
  const last = u32[(list >>> 2) + PREV_WORD]!;
  setPrev(u32, node, last);
  u32[(last >>> 2) + NEXT_WORD] = node;
  u32[(node >>> 2) + NEXT_WORD] = list;
  u32[(list >>> 2) + PREV_WORD] = node;
}

/** Unlinks `node` and marks it untracked (`gc_next = 0`). CPython: `gc_list_remove`. */
export function listRemove(u32: Uint32Array, node: Ptr): void {
  const prev = gcPrev(u32, node);
  const next = gcNext(u32, node);
  u32[(prev >>> 2) + NEXT_WORD] = next;
  setPrev(u32, next, prev);
  u32[(node >>> 2) + NEXT_WORD] = 0;
}

/** Moves `node` from whatever list it is in to the tail of `list`. CPython: `gc_list_move`. */
export function listMove(u32: Uint32Array, node: Ptr, list: Ptr): void {
  const from = (node >>> 2) + NEXT_WORD;
  const prev = gcPrev(u32, node);
  const next = (u32[from]! & ~GC_NEXT_MASK_UNREACHABLE) >>> 0;
  u32[(prev >>> 2) + NEXT_WORD] = next;
  setPrev(u32, next, prev);
  const last = u32[(list >>> 2) + PREV_WORD]!;
  setPrev(u32, node, last);
  u32[(last >>> 2) + NEXT_WORD] = node;
  u32[from] = list;
  u32[(list >>> 2) + PREV_WORD] = node;
}

/** Appends all of `from` to `to`, leaving `from` empty. CPython: `gc_list_merge`. */
export function listMerge(u32: Uint32Array, from: Ptr, to: Ptr): void {
  if (listIsEmpty(u32, from)) return;
  const toTail = u32[(to >>> 2) + PREV_WORD]!;
  const fromHead = u32[(from >>> 2) + NEXT_WORD]!;
  const fromTail = u32[(from >>> 2) + PREV_WORD]!;
  u32[(toTail >>> 2) + NEXT_WORD] = fromHead;
  setPrev(u32, fromHead, toTail);
  u32[(fromTail >>> 2) + NEXT_WORD] = to;
  u32[(to >>> 2) + PREV_WORD] = fromTail;
  listInit(u32, from);
}

/** Number of nodes in `list`. CPython: `gc_list_size`. */
export function listSize(u32: Uint32Array, list: Ptr): number {
  let n = 0;
  for (let node = u32[(list >>> 2) + NEXT_WORD]!; node !== list; node = gcNext(u32, node)) n++;
  return n;
}
