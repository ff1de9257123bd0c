// The arena objects (CPython: struct arena_object), one row of ARENA_FIELDS uint32s per arena in a
// Uint32Array, linked by row index (NO_ARENA = 0xffffffff is NULL):
//
//   row*8 + 0  address        start of the arena's memory, 0 = unassociated (on unused_arena_objects)
//   row*8 + 1  poolAddress    next never-carved pool (pool-aligned)
//   row*8 + 2  freePoolCount  empty + never-carved pools (CPython: nfreepools)
//   row*8 + 3  totalPoolCount pools the arena holds (CPython: ntotalpools)
//   row*8 + 4  freePools      head of the empty-pool list, threaded through pool headers' nextpool
//   row*8 + 5  nextArena      usable_arenas / unused_arena_objects link
//   row*8 + 6  prevArena      usable_arenas back link
//   row*8 + 7  (padding to a power-of-two stride)

/** @internal uint32s per arena row. */
export const ARENA_FIELDS = 8;
/** @internal */
export const ARENA_ADDRESS = 0;
/** @internal */
export const ARENA_POOL_ADDRESS = 1;
/** @internal */
export const ARENA_FREE_POOL_COUNT = 2;
/** @internal */
export const ARENA_TOTAL_POOL_COUNT = 3;
/** @internal */
export const ARENA_FREE_POOLS = 4;
/** @internal */
export const ARENA_NEXT = 5;
/** @internal */
export const ARENA_PREV = 6;
/** @internal The NULL arena index. */
export const NO_ARENA = 0xffff_ffff;
/** @internal Arena objects allocated first; the table doubles when exhausted (CPython: INITIAL_ARENA_OBJECTS). */
export const INITIAL_ARENA_OBJECTS = 16;
