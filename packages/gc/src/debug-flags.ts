/**
 * `gc.set_debug` flags, with CPython's values (`Modules/gcmodule.c` / `Python/gc.c`).
 *
 * @example
 * ```ts
 * import { DebugFlags } from "@pymem/gc";
 * gc.setDebug(DebugFlags.DEBUG_STATS | DebugFlags.DEBUG_COLLECTABLE);
 * ```
 */
export const DebugFlags = {
  /** Print statistics during collection ("gc: collecting generation 0..."). */
  DEBUG_STATS: 1,
  /** Print "gc: collectable <type 0xaddr>" for each collectable object found. */
  DEBUG_COLLECTABLE: 2,
  /** Print "gc: uncollectable <type 0xaddr>" for each uncollectable object found. */
  DEBUG_UNCOLLECTABLE: 4,
  /** Keep every unreachable object in `garbage` instead of freeing it. */
  DEBUG_SAVEALL: 32,
  /** `DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL`: debugging a leaking program. */
  DEBUG_LEAK: 38,
} as const;
