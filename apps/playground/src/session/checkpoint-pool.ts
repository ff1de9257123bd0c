import {
  type CheckpointBudget,
  checkpointHomes,
  checkpointSpans,
  DEFAULT_CHECKPOINT_BUDGET,
  nearestBefore,
} from "./checkpoint-plan.js";
import type { Recording, Snapshot } from "./recording.js";
import type { SessionSettings } from "./run-session.js";
import type { CheckpointReport, CheckpointStart } from "./worker-protocol.js";

/**
 * Checkpoints replaying towards their home at once: one core is left to the page and to the
 * checkpoint serving the user.
 */
function startingAtOnce(): number {
  return Math.max(1, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1);
}

/**
 * Runs `task` once the page has drawn what a request brought: a replacement checkpoint replaying
 * towards its home takes a core, and on a two-core machine it would otherwise compete with the
 * drawing of the statement the user jumped to (and with the serving checkpoint capturing the
 * statements after it).
 */
function afterNextFrame(task: () => void): void {
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(task, 0));
  else setTimeout(task, 0);
}

/**
 * How a {@link CheckpointPool} stands: checkpoints waiting at their home, how many homes there
 * are, and how many requests checkpoints have served.
 *
 * @example
 * ```ts
 * const status: CheckpointStatus = { ready: 3, total: 4, served: 1 };
 * ```
 */
export interface CheckpointStatus {
  /** Checkpoints paused at their home. */
  readonly ready: number;
  /** Homes (checkpoints wanted). */
  readonly total: number;
  /** Jumps served by a checkpoint so far (the rest replayed from the start). */
  readonly served: number;
}

/** One paused replay in its worker. */
interface Checkpoint {
  readonly worker: Worker;
  readonly control: Int32Array;
  /** The statement it was started to wait at; undefined once it moved on from there. */
  home: number | undefined;
  /** The statement it is paused before; undefined while it runs. */
  position: number | undefined;
  /** When it last served a request (roaming ones are dropped least recently used first). */
  used: number;
  /** The last statement of the window it was last sent to capture (-1: none yet). */
  capturedThrough: number;
  /** The request it is running for. */
  request:
    | {
        readonly from: number;
        readonly resolve: (snapshots: readonly Snapshot[]) => void;
        readonly reject: (error: Error) => void;
      }
    | undefined;
}

/**
 * Checkpoints of a recorded run, so any statement is shown after a short replay instead of a
 * replay from the start: replays of the program paused in workers, evenly spread over the run
 * (see `checkpointHomes`), within a memory budget (see `checkpointSpans`). A request goes to the
 * furthest one paused at or before it, which runs on to the statements wanted and pauses after
 * them (so stepping on from there is short too); a replacement is started to wait at the home
 * it left.
 *
 * @remarks
 * The interpreter keeps part of a running program's state on the JavaScript stack (its
 * compiled closures), which no copy of the heap's memory restores; a thread blocked in
 * `Atomics.wait` keeps all of it. That needs `SharedArrayBuffer`, so a page that is not
 * cross-origin isolated (`crossOriginIsolated`) cannot have checkpoints ({@link supported}).
 * Each checkpoint's snapshots are those a fresh replay makes (see `runReplayCursor`).
 *
 * @example
 * ```ts
 * const pool = new CheckpointPool(source, settings, recording, (status) => show(status.ready));
 * const snapshots = await pool.capture(1_000_000, 1_000_048); // undefined: none paused before it yet
 * ```
 */
export class CheckpointPool {
  /** Whether this page can pause a replay in a worker (it is cross-origin isolated). */
  static supported(): boolean {
    return globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === "function";
  }

  private readonly start: Omit<CheckpointStart, "pauseAt" | "control">;
  private readonly checkpoints: Checkpoint[] = [];
  private readonly homes: readonly number[];
  private readonly onChange: (status: CheckpointStatus) => void;
  private readonly createWorker: () => Worker;
  /** Homes whose checkpoint waits to be started (see {@link startingAtOnce}). */
  private readonly queued: number[] = [];
  private clock = 0;
  private served = 0;
  /** Checkpoints that left their home to serve a request, kept for stepping on from there. */
  private readonly roaming: number;
  private disposed = false;

  constructor(
    source: string,
    settings: SessionSettings,
    recording: Pick<Recording, "statements" | "memoryBytes" | "outcome">,
    onChange: (status: CheckpointStatus) => void = () => {},
    budget: CheckpointBudget = DEFAULT_CHECKPOINT_BUDGET,
    createWorker: () => Worker = () =>
      new Worker(new URL("./checkpoint-worker.ts", import.meta.url), { type: "module" }),
  ) {
    this.start = { source, settings };
    this.onChange = onChange;
    this.createWorker = createWorker;
    this.roaming = budget.roamingCheckpoints;
    const spans = checkpointSpans(
      recording.statements,
      recording.outcome.milliseconds,
      recording.memoryBytes,
      budget,
    );
    this.homes = checkpointHomes(recording.statements, spans);
    this.queued.push(...this.homes);
    this.startQueued();
    this.changed();
  }

  /** How the pool stands. */
  get status(): CheckpointStatus {
    const ready = this.checkpoints.filter(
      (checkpoint) => checkpoint.home !== undefined && checkpoint.position === checkpoint.home,
    ).length;
    return { ready, total: this.homes.length, served: this.served };
  }

  /** Whether a checkpoint paused before statement `from` would serve a capture from there. */
  serves(from: number): boolean {
    const positions = this.checkpoints.map((checkpoint) => checkpoint.position);
    return !this.disposed && nearestBefore(positions, Math.max(0, from - 1)) >= 0;
  }

  /**
   * Snapshots of statements `from` to `to` from the nearest checkpoint paused before them, or
   * undefined when none is (still starting, or all busy): then replay from the start instead.
   * With `continues`, only from the checkpoint that just captured up to `from - 1` and paused
   * there, carrying that window on (the rest of a jump's neighbours, at no replay cost), or
   * undefined when there is none.
   */
  capture(from: number, to: number, continues = false): Promise<readonly Snapshot[]> | undefined {
    if (this.disposed) return undefined;
    // One statement more at the front, as a fresh replay captures it (the "previous" snapshot);
    // a window carried on has it already.
    const first = continues ? from : Math.max(0, from - 1);
    const index = continues
      ? this.checkpoints.findIndex(
          (checkpoint) => checkpoint.position === from && checkpoint.capturedThrough === from - 1,
        )
      : nearestBefore(
          this.checkpoints.map((checkpoint) => checkpoint.position),
          first,
        );
    if (index < 0) return undefined;
    const checkpoint = this.checkpoints[index]!;
    const snapshots = new Promise<readonly Snapshot[]>((resolve, reject) => {
      checkpoint.request = { from, resolve, reject };
    });
    checkpoint.position = undefined;
    checkpoint.used = ++this.clock;
    checkpoint.capturedThrough = to;
    // A window carried on is the rest of the jump it served already.
    if (!continues) this.served++;
    Atomics.store(checkpoint.control, 1, first);
    Atomics.store(checkpoint.control, 2, to);
    Atomics.store(checkpoint.control, 3, continues ? 1 : 0);
    Atomics.add(checkpoint.control, 0, 1);
    Atomics.notify(checkpoint.control, 0);
    // It leaves its home and roams with the user; once it has answered (not before: the two
    // would share the processor), another starts towards that home.
    const home = checkpoint.home;
    checkpoint.home = undefined;
    this.changed();
    if (home === undefined) return snapshots;
    const respawn = () => {
      if (this.disposed) return;
      this.queued.push(home);
      this.startQueued();
      this.dropIdleRoamers();
    };
    return snapshots.finally(() => afterNextFrame(respawn));
  }

  /** Ends every checkpoint's worker; requests under way reject. */
  dispose(): void {
    this.disposed = true;
    for (const checkpoint of this.checkpoints.splice(0)) this.end(checkpoint, "cancelled");
  }

  /** Starts queued checkpoints while fewer than {@link startingAtOnce} are on their way home. */
  private startQueued(): void {
    const starting = () =>
      this.checkpoints.filter(
        (checkpoint) => checkpoint.home !== undefined && checkpoint.position === undefined,
      ).length;
    while (!this.disposed && this.queued.length > 0 && starting() < startingAtOnce())
      this.spawn(this.queued.shift()!);
  }

  private spawn(home: number): void {
    const control = new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT));
    const worker = this.createWorker();
    const checkpoint: Checkpoint = {
      worker,
      control,
      home,
      position: undefined,
      used: 0,
      capturedThrough: -1,
      request: undefined,
    };
    this.checkpoints.push(checkpoint);
    worker.onmessage = (event: MessageEvent<CheckpointReport>) =>
      this.report(checkpoint, event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.remove(checkpoint, event.message || "the checkpoint worker failed to load");
    };
    worker.postMessage({
      ...this.start,
      pauseAt: home,
      control: control.buffer as SharedArrayBuffer,
    } satisfies CheckpointStart);
  }

  private report(checkpoint: Checkpoint, report: CheckpointReport): void {
    if (report.kind === "error") {
      this.remove(checkpoint, report.error);
      return;
    }
    const request = checkpoint.request;
    checkpoint.request = undefined;
    request?.resolve(report.snapshots.filter((snapshot) => snapshot.statement >= request.from));
    if (report.kind === "ended") this.remove(checkpoint, "ended");
    else {
      checkpoint.position = report.position;
      this.dropIdleRoamers();
    }
    this.startQueued();
    this.changed();
  }

  /** Keeps the {@link roaming} most recently used roaming checkpoints. */
  private dropIdleRoamers(): void {
    const idle = this.checkpoints
      .filter((checkpoint) => checkpoint.home === undefined && checkpoint.request === undefined)
      .sort((a, b) => b.used - a.used);
    const busy = this.checkpoints.filter(
      (checkpoint) => checkpoint.home === undefined && checkpoint.request !== undefined,
    ).length;
    for (const checkpoint of idle.slice(Math.max(0, this.roaming - busy)))
      this.remove(checkpoint, "dropped");
  }

  private remove(checkpoint: Checkpoint, reason: string): void {
    const index = this.checkpoints.indexOf(checkpoint);
    if (index >= 0) this.checkpoints.splice(index, 1);
    this.end(checkpoint, reason);
    this.startQueued();
    this.changed();
  }

  private end(checkpoint: Checkpoint, reason: string): void {
    checkpoint.worker.terminate();
    checkpoint.request?.reject(new Error(reason));
    checkpoint.request = undefined;
  }

  private changed(): void {
    this.onChange(this.status);
  }
}
