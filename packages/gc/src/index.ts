/**
 * `@pymem/gc`: CPython 3.13's generational cyclic garbage collector over objects in linear
 * memory, Python's `gc` module API on top of it, and alternative collectors behind core's
 * `Collector` interface.
 *
 * @packageDocumentation
 */
export type {
  BaconRajanCollectorOptions,
  DebugSink,
  GcCallback,
  GcCallbackInfo,
  GcPhase,
  GenerationalCollectorOptions,
  GenerationStats,
  IncrementalCollectorOptions,
  ManagedCollector,
  PauseObserver,
  ThresholdProfile,
} from "./api.js";
export { BaconRajanCollector } from "./bacon-rajan-collector.js";
export { CollectorBase } from "./collector-base.js";
export { DebugFlags } from "./debug-flags.js";
export { GcTypeError, GcValueError } from "./errors.js";
export { GcModule } from "./gc-module.js";
export { GenerationalCollector, NUM_GENERATIONS } from "./generational-collector.js";
export { IncrementalCollector } from "./incremental-collector.js";
