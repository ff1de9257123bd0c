/**
 * What each term the views use means, in a sentence a learner can follow: the hover help of the
 * object boxes, the pool map, the GC timeline's table and the statistics.
 *
 * @example
 * ```ts
 * cell.title = TERM_HELP.uncollectable;
 * ```
 */
export const TERM_HELP = {
  refcount:
    "refcount: how many references point at the object (ob_refcnt). Reference counting frees it the moment this reaches 0.",
  generation:
    "gen 0/1/2: the cycle collector's generation. New objects start in 0; each collection that finds them alive moves them one older, and older generations are collected less often.",
  tracked:
    "tracked: the cycle collector keeps it on a list and examines it, because it can hold references that form a cycle.",
  untracked:
    "untracked: the cycle collector ignores it: it holds nothing that could form a cycle (an int, a str, a tuple or dict of such).",
  immortal:
    "immortal: None, True, False, small ints and interned strings never die; their refcount is fixed and never changes.",
  unreachable:
    "unreachable: no variable reaches it, yet a reference cycle keeps every count above 0. Only the cycle collector can free it.",
  freed:
    "freed by reference counting: its refcount reached 0 during the last step, so it was deallocated at once.",
  collected:
    "freed by the cycle collector: the collection that ran during the last step found it unreachable and freed it.",
  arena:
    "arena: a large region (256 KiB, or 1 MiB on cpython64) pymalloc takes from the system and cuts into pools; it is given back once all its pools are empty.",
  pool: "pool: a page of an arena (4 KiB, or 16 KiB) that serves blocks of one size class only.",
  block:
    "block: one object's memory inside a pool. A freed block goes on its pool's free list and is reused first.",
  sizeClass:
    "size class: requests of up to 512 bytes are rounded up to a multiple of 8 (16 on cpython64); each such size is a class with pools of its own.",
  collections: "collections: how many times the cycle collector ran on this generation.",
  objectsCollected: "objects collected: unreachable objects the collections freed.",
  uncollectable:
    "uncollectable: unreachable objects the collector could not free (gc.garbage); none since Python 3.4 unless a finalizer resurrects them.",
  pause:
    "pause (JS): wall-clock time pymem's collector took in this tab's JavaScript; it varies with the machine's load and is not what CPython would take.",
  getCount:
    "gc.get_count(): allocations minus deallocations since generation 0 was last collected, then collections of each generation since the next was; a collection runs when a count passes its threshold.",
  mallocStats:
    "sys._debugmallocstats(): pymalloc's statistics as CPython prints them: per size class the pools and blocks in use and free, then arena totals.",
} as const;

/**
 * The hover help of an object box: what each term its meta line and state use means.
 *
 * @example
 * ```ts
 * objectHelp({ immortal: false, tracked: true, generation: 0, state: "live" });
 * ```
 */
export function objectHelp(object: {
  readonly immortal: boolean;
  readonly tracked: boolean;
  readonly generation: number | undefined;
  readonly state: "live" | "immortal" | "unreachable" | "collected" | "freed" | "summary";
}): string[] {
  if (object.state === "freed") return [TERM_HELP.freed];
  if (object.state === "collected") return [TERM_HELP.collected];
  if (object.state === "summary") return [];
  if (object.immortal) return [TERM_HELP.immortal];
  const help: string[] = [TERM_HELP.refcount];
  if (!object.tracked) help.push(TERM_HELP.untracked);
  else help.push(object.generation === undefined ? TERM_HELP.tracked : TERM_HELP.generation);
  if (object.state === "unreachable") help.push(TERM_HELP.unreachable);
  return help;
}
