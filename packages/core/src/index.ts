/**
 * `@pymem/core`: the object-model contract every pymem package shares — the linear memory, the
 * object header layout, type specs with declarative reference layouts, the `Allocator`,
 * `Lifetime` and `Collector` interfaces, and the typed errors.
 *
 * @packageDocumentation
 */
export type { Allocator, AllocatorStats } from "./allocator.js";
export type { Collector, CollectorHost, CollectorStats, WeakrefAccess } from "./collector.js";
export {
  DoubleFreeError,
  HeapCorruptionError,
  InvalidPointerError,
  isPymemError,
  NegativeRefcountError,
  OutOfMemoryError,
  PymemError,
  type PymemErrorCode,
  UseAfterFreeError,
  UserHookError,
} from "./errors.js";
export {
  GC_HEAD_SIZE,
  GC_NEXT_MASK_UNREACHABLE,
  GC_NEXT_OFFSET,
  GC_PREV_MASK,
  GC_PREV_MASK_COLLECTING,
  GC_PREV_MASK_FINALIZED,
  GC_PREV_OFFSET,
  GC_PREV_SHIFT,
  IMMORTAL_REFCNT,
  OB_REFCNT_OFFSET,
  OB_SIZE_OFFSET,
  OB_TYPE_OFFSET,
  OBJECT_HEAD_SIZE,
  type TypeId,
  VAR_OBJECT_HEAD_SIZE,
} from "./layout.js";
export type { Lifetime } from "./lifetime.js";
export {
  LinearMemory,
  type LinearMemoryBacking,
  type LinearMemoryOptions,
  MAX_LINEAR_MEMORY_BYTES,
  WASM_PAGE_SIZE,
  type WasmMemory,
} from "./memory.js";
export { formatAddress, NULL, type Ptr } from "./ptr.js";
export { ReferenceStack } from "./reference-stack.js";
export { findRoots } from "./roots.js";
export {
  DerivedTypeFlags,
  type ItemReferenceLayout,
  type ReferenceLayout,
  TypeFlags,
  type TypeSpec,
  type ValuesReferenceLayout,
} from "./type-spec.js";
export { LayoutShape, ReferenceVisit, TypeTable } from "./type-table.js";
