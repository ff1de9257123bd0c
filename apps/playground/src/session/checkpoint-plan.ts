/**
 * How many paused replays (checkpoints) a run gets and where they wait: enough that any
 * statement is at most {@link CheckpointBudget.replayMilliseconds} of replay past one, no more
 * than the memory budget holds.
 *
 * @example
 * ```ts
 * const homes = checkpointHomes(2_000_000, 4); // [500000, 1000000, 1500000]
 * ```
 *
 * @module
 */

/**
 * The bounds {@link checkpointSpans} works within.
 *
 * @example
 * ```ts
 * const budget: CheckpointBudget = { memoryBytes: 384 * 2 ** 20, perCheckpointBytes: 24 * 2 ** 20, replayMilliseconds: 150, maximumCheckpoints: 12 };
 * ```
 */
export interface CheckpointBudget {
  /** Memory all checkpoints together may hold. */
  readonly memoryBytes: number;
  /** What one holds besides the program's heap (the interpreter, its code, the worker). */
  readonly perCheckpointBytes: number;
  /**
   * Checkpoints kept besides those waiting at their homes: ones that served a jump stay where
   * it left them (for stepping on from there) while a replacement replays towards the home.
   */
  readonly roamingCheckpoints: number;
  /** The longest replay from a checkpoint to the statement wanted. */
  readonly replayMilliseconds: number;
  /** The most checkpoints, whatever the budget allows. */
  readonly maximumCheckpoints: number;
}

/**
 * The playground's budget: 384 MiB, a checkpoint every 60 ms of replay, at most 48 (a jump
 * is that replay at most, plus its snapshots and drawing; the replay is most of it, so the
 * spacing is what bench/step-in-browser.ts turns on), 2 roaming.
 * What one checkpoint holds besides the program's heap is measured by bench/step-in-browser.ts
 * (the browser's memory before and after its checkpoints start): 16.0 MiB each on 2026-12-07
 * (37 checkpoints of a 2,000,000-statement run whose heap is 0.3 MiB; an earlier build measured
 * 5.4, then 11.9). The heap is the least of it: a paused worker keeps its JavaScript engine's
 * young generation, grown to its largest by the replay's allocations (32 MiB reserved in Node
 * after a million statements, against 6 before), and the interpreter's own objects — which is
 * why sharing the heap's pages between checkpoints would save nothing, and fewer checkpoints
 * are what keeps the budget.
 *
 * @example
 * ```ts
 * checkpointSpans(recording.statements, recording.outcome.milliseconds, recording.memoryBytes, DEFAULT_CHECKPOINT_BUDGET);
 * ```
 */
export const DEFAULT_CHECKPOINT_BUDGET: CheckpointBudget = {
  memoryBytes: 384 * 1024 * 1024,
  perCheckpointBytes: 16 * 1024 * 1024,
  roamingCheckpoints: 2,
  replayMilliseconds: 60,
  maximumCheckpoints: 48,
};

/**
 * Into how many spans a run of `statements` statements is cut (see {@link checkpointHomes}: one
 * checkpoint fewer): one per `budget.replayMilliseconds` of the recorded run (`milliseconds`,
 * an overestimate of a replay, which captures less), at least 1, at most what
 * `budget.memoryBytes` holds when each checkpoint holds a heap of `heapBytes` — the roaming
 * ones counted (see {@link checkpointMemoryBytes}) — and at most `budget.maximumCheckpoints`
 * checkpoints.
 *
 * @example
 * ```ts
 * checkpointSpans(2_000_000, 1200, 8 * 2 ** 20, DEFAULT_CHECKPOINT_BUDGET); // 8
 * ```
 */
export function checkpointSpans(
  statements: number,
  milliseconds: number,
  heapBytes: number,
  budget: CheckpointBudget,
): number {
  if (statements <= 0) return 1;
  const wanted = Math.ceil(milliseconds / budget.replayMilliseconds);
  const affordable =
    Math.floor(budget.memoryBytes / (heapBytes + budget.perCheckpointBytes)) -
    budget.roamingCheckpoints;
  return 1 + Math.max(0, Math.min(wanted - 1, affordable, budget.maximumCheckpoints));
}

/**
 * The most memory the checkpoints of a run cut into `spans` spans hold at once, by the
 * budget's accounting: one per home, plus the roaming ones once there is any (the
 * replay from the start needs none), each with a heap of `heapBytes`.
 *
 * @example
 * ```ts
 * checkpointMemoryBytes(22, 320 * 1024, DEFAULT_CHECKPOINT_BUDGET) <= DEFAULT_CHECKPOINT_BUDGET.memoryBytes; // true
 * ```
 */
export function checkpointMemoryBytes(
  spans: number,
  heapBytes: number,
  budget: CheckpointBudget,
): number {
  const homes = Math.max(0, spans - 1);
  const kept = homes === 0 ? 0 : homes + budget.roamingCheckpoints;
  return kept * (heapBytes + budget.perCheckpointBytes);
}

/**
 * Where checkpoints wait when a run of `statements` statements is cut into `spans` equal spans:
 * at the start of every span but the first, which a replay from the start serves (in the
 * worker that recorded the run, whose compiled code is warm — a checkpoint waiting at the
 * first statement would run it cold, and slower). No statement is further than
 * `statements / spans` from the start or a checkpoint below it.
 *
 * @example
 * ```ts
 * checkpointHomes(10, 3); // [3, 6]
 * ```
 */
export function checkpointHomes(statements: number, spans: number): number[] {
  return Array.from({ length: Math.max(0, spans - 1) }, (_, i) =>
    Math.floor(((i + 1) * statements) / spans),
  );
}

/**
 * The checkpoint to send on to reach statement `first`: the furthest one already paused at or
 * before it (a replay only moves forward), or -1 when none is.
 *
 * @example
 * ```ts
 * nearestBefore([0, 500, 1000], 700); // 1 (the one at 500)
 * ```
 */
export function nearestBefore(positions: readonly (number | undefined)[], first: number): number {
  let best = -1;
  for (const [index, position] of positions.entries())
    if (position !== undefined && position <= first && (best < 0 || position > positions[best]!))
      best = index;
  return best;
}
