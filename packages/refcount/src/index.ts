/**
 * `@pymem/refcount`: reference counting for `@pymem/heap` — incref/decref, immortal objects,
 * PEP 442 finalizers, weakref clearing and an iterative deallocation cascade — plus the
 * `CollectorHost` a cycle collector attaches to.
 *
 * @packageDocumentation
 */
export {
  HeapWeakrefAccess,
  RefcountCollectorHost,
} from "./collector-host.js";
export { Refcounter, type RefcounterOptions } from "./refcounter.js";
