import type { Recording, Snapshot } from "./recording.js";
import type { SessionSettings } from "./run-session.js";
import type { WorkerRequest, WorkerResponse } from "./worker-protocol.js";

/**
 * A recording in progress in a Web Worker; `cancel()` terminates the worker at once (whatever
 * the program is doing). Once recorded, `capture` snapshots any statement of the program by
 * running it again in the same worker.
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
  /** Snapshots of statements `from` to `to` (after `result` resolved); rejects after `cancel`. */
  capture(from: number, to: number): Promise<readonly Snapshot[]>;
  /** Stops the run (or a capture under way) and ends the worker. */
  cancel(): void;
}

/**
 * Records `source` in a fresh worker (its own runtime and memory, dropped with the worker).
 *
 * @example
 * ```ts
 * const recording = await recordInWorker("print(1)\n", DEFAULT_SESSION_SETTINGS).result;
 * ```
 */
export function recordInWorker(source: string, settings: SessionSettings): WorkerRun {
  const worker = new Worker(new URL("./session-worker.ts", import.meta.url), { type: "module" });
  let rejectRun: (reason: Error) => void = () => {};
  let resolveRun: (recording: Recording) => void = () => {};
  const captures = new Map<
    number,
    { resolve: (snapshots: readonly Snapshot[]) => void; reject: (error: Error) => void }
  >();
  let nextId = 0;
  let ended = false;
  const end = (reason: Error): void => {
    ended = true;
    worker.terminate();
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
    if (response.kind === "recording") resolveRun(response.recording);
    else if (response.kind === "snapshots") {
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
    capture(from, to) {
      if (ended) return Promise.reject(new Error("cancelled"));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        captures.set(id, { resolve, reject });
        worker.postMessage({ kind: "capture", id, from, to } satisfies WorkerRequest);
      });
    },
    cancel() {
      end(new Error("cancelled"));
    },
  };
}
