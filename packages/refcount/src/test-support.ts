import { Heap, type HeapOptions } from "@pymem/heap";
import { Refcounter, type RefcounterOptions } from "./refcounter.js";

/** @internal A heap + refcounter whose unraisable reports are collected instead of printed. */
export function setup(
  options: Partial<HeapOptions> = {},
  rcOptions: Partial<RefcounterOptions> = {},
) {
  const unraisable: string[] = [];
  const heap = new Heap({ unraisableSink: (text) => unraisable.push(text), ...options });
  const rc = new Refcounter(heap, rcOptions);
  return { heap, rc, unraisable };
}
