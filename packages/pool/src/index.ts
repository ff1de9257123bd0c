/**
 * `@pymem/pool`: CPython's pymalloc — arenas, pools and size classes — over a `WebAssembly.Memory`
 * or resizable `ArrayBuffer`, with a TLSF raw allocator for large blocks and arenas.
 *
 * @packageDocumentation
 */
export type {
  ArenaInfo,
  PoolAllocatorOptions,
  PoolProfileName,
  PoolSnapshot,
  PoolStats,
  RawAllocatorOptions,
  RawAllocatorStats,
  SizeClassStats,
} from "./api.js";
export {
  DEBUG_DATA_OFFSET,
  DEBUG_EXTRA_BYTES,
  DEBUG_SIZE_T_BYTES,
  DebugAllocator,
  type DebugAllocatorOptions,
  type DebugAllocatorStats,
  type DebugApiId,
  PYMEM_CLEANBYTE,
  PYMEM_DEADBYTE,
  PYMEM_FORBIDDENBYTE,
} from "./debug-allocator.js";
export { formatDebugMallocStats, printOne } from "./debug-malloc-stats.js";
export {
  FaultInjectingAllocator,
  type FaultInjectingAllocatorOptions,
} from "./fault-injecting-allocator.js";
export { ForwardingAllocator } from "./forwarding-allocator.js";
export { PoolAllocator } from "./pool-allocator.js";
export {
  blocksPerPool,
  DUMMY_SIZE_INDEX,
  indexToSize,
  type PoolProfile,
  poolProfile,
  SMALL_REQUEST_THRESHOLD,
  sizeToIndex,
} from "./profile.js";
export { RAW_ALIGNMENT, RAW_BLOCK_HEADER, RawAllocator } from "./raw-allocator.js";
export { formatFixed, formatSignedCount, formatSize } from "./trace-format.js";
export { type Trace, TraceSnapshot } from "./trace-snapshot.js";
export { captureStack, parseStackFrames } from "./trace-stack.js";
export {
  Statistic,
  StatisticDiff,
  type StatisticKey,
  type StatisticKeyType,
  UNTAGGED_LABEL,
} from "./trace-statistic.js";
export { Traceback, type TraceFrame } from "./trace-traceback.js";
export {
  type TracedMemory,
  type TraceFrameSource,
  TracingAllocator,
  type TracingAllocatorOptions,
} from "./tracing-allocator.js";
