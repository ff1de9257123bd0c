/**
 * `@pymem/runtime`: `createRuntime()` wires the pymalloc pool, the heap of Python objects,
 * reference counting and a cycle collector, with `sys`- and `gc`-like helpers and conversions
 * between JavaScript values and Python objects.
 *
 * @packageDocumentation
 */

// The seed parser of RuntimeOptions.hashSeed, for embedders reading PYTHONHASHSEED.
export { parseHashSeed } from "@pymem/heap";
export { COLLECTOR_NAMES, type CollectorName, type RuntimeOptions, type TextSink } from "./api.js";
export { fromJS, type PythonValue, toJS } from "./convert.js";
export { collectorByName, isManagedCollector, UnknownCollectorError } from "./create-collector.js";
export { allocatorStatsLine, type FreeListSizes, formatFreeListStats } from "./free-list-stats.js";
export { atomRepr, floatRepr, repr, strRepr } from "./repr.js";
export { createRuntime, Runtime } from "./runtime.js";
export { TupleValue, tuple } from "./tuple-value.js";
