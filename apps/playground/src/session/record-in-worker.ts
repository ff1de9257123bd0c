import { CheckpointPool, type CheckpointStatus } from "./checkpoint-pool.js";
import type { Recording, Snapshot } from "./recording.js";
import type { SessionSettings } from "./run-session.js";
import type { WorkerRequest, WorkerResponse } from "./worker-protocol.js";

/**
 * A recording in progress in a Web Worker; `cancel()` terminates the worker at once (whatever
 * the program is doing). Once recorded, `capture` snapshots any statement of the program: from
 * the nearest checkpoint (a replay paused in a worker, see {@link CheckpointPool}; started by
 * the first capture) when the page can have them and one is ready, else by running it again
 * from the start in the same worker.
 *
 * @example
 * ```ts
 * const run = recordInWorker(source, settings);
 * stopButton.onclick = () => run.cancel();
 * const recording = await run.result;
 * const [snapshot] = await run.capture(5000, 5000);
 * ```
 */
export interface WorkerRun {
  /** The recording; rejects with the failure, or with "cancelled". */
  readonly result: Promise<Recording>;
  /**
   * Snapshots of statements `from` to `to` (after `result` resolved); rejects after `cancel`.
   * With `early`, a replay from the start hands the snapshots up to statement `early.at` to
   * `early.send` as soon as it has them, and resolves with the rest (a checkpoint answers at
   * once: the caller splits its requests itself, see {@link WorkerRun.captureNext}).
   */
  capture(
    from: number,
    to: number,
    early?: { readonly at: number; readonly send: (snapshots: readonly Snapshot[]) => void },
  ): Promise<readonly Snapshot[]>;
  /** Whether a checkpoint would serve a capture from statement `from` (no replay from the start). */
  fromCheckpoint(from: number): boolean;
  /**
   * Snapshots of statements `from` to `to` carrying on the window a checkpoint captured just
   * before (up to `from - 1`), at no replay cost; undefined when no checkpoint did.
   */
  captureNext(from: number, to: number): Promise<readonly Snapshot[]> | undefined;
  /** Stops the run (or a capture under way) and ends the worker. */
  cancel(): void;
}

/**
 * Records `source` in a fresh worker (its own runtime and memory, dropped with the worker). A
 * run longer than its recorded snapshots gets checkpoints at its first capture when the page is
 * cross-origin isolated; `onCheckpoints` hears how they stand.
 *
 * @example
 * ```ts
 * const recording = await recordInWorker("print(1)\n", DEFAULT_SESSION_SETTINGS).result;
 * ```
 */
export function recordInWorker(
  source: string,
  settings: SessionSettings,
  onCheckpoints: (status: CheckpointStatus) => void = () => {},
): WorkerRun {
  const worker = new Worker(new URL("./session-worker.ts", import.meta.url), { type: "module" });
  let rejectRun: (reason: Error) => void = () => {};
  let resolveRun: (recording: Recording) => void = () => {};
  const captures = new Map<
    number,
    {
      resolve: (snapshots: readonly Snapshot[]) => void;
      reject: (error: Error) => void;
      early: ((snapshots: readonly Snapshot[]) => void) | undefined;
    }
  >();
  let nextId = 0;
  let ended = false;
  let recording: Recording | undefined;
  let checkpoints: CheckpointPool | undefined;
  const end = (reason: Error): void => {
    ended = true;
    worker.terminate();
    checkpoints?.dispose();
    rejectRun(reason);
    for (const pending of captures.values()) pending.reject(reason);
    captures.clear();
  };
  const result = new Promise<Recording>((resolve, reject) => {
    rejectRun = reject;
    resolveRun = resolve;
  });
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const response = event.data;
    if (response.kind === "recording") {
      recording = response.recording;
      resolveRun(recording);
    } else if (response.kind === "snapshots" && response.partial === true) {
      captures.get(response.id)?.early?.(response.snapshots);
    } else if (response.kind === "snapshots") {
      captures.get(response.id)?.resolve(response.snapshots);
      captures.delete(response.id);
    } else if (response.id === undefined) end(new Error(response.error));
    else {
      captures.get(response.id)?.reject(new Error(response.error));
      captures.delete(response.id);
    }
  };
  worker.onerror = (event) => end(new Error(event.message || "the session worker failed to load"));
  worker.postMessage({ kind: "record", source, settings } satisfies WorkerRequest);
  return {
    result,
    capture(from, to, early) {
      if (ended) return Promise.reject(new Error("cancelled"));
      // The first request past the recorded snapshots starts the checkpoints (a run only
      // looked at as a whole costs no replays) and is itself replayed from the start.
      if (
        checkpoints === undefined &&
        recording !== undefined &&
        recording.statements > recording.snapshots.length &&
        CheckpointPool.supported()
      )
        checkpoints = new CheckpointPool(source, settings, recording, onCheckpoints);
      const fromCheckpoint = checkpoints?.capture(from, to);
      if (fromCheckpoint !== undefined) return fromCheckpoint;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        captures.set(id, { resolve, reject, early: early?.send });
        worker.postMessage({
          kind: "capture",
          id,
          from,
          to,
          early: early?.at,
        } satisfies WorkerRequest);
      });
    },
    fromCheckpoint(from) {
      return !ended && checkpoints !== undefined && checkpoints.serves(from);
    },
    captureNext(from, to) {
      return ended ? undefined : checkpoints?.capture(from, to, true);
    },
    cancel() {
      end(new Error("cancelled"));
    },
  };
}
