import type { Recording } from "./recording.js";
import type { SessionSettings } from "./run-session.js";
import type { WorkerRequest, WorkerResponse } from "./worker-protocol.js";

/**
 * A recording in progress in a Web Worker; `cancel()` terminates the worker at once (whatever
 * the program is doing).
 *
 * @example
 * ```ts
 * const run = recordInWorker(source, settings);
 * stopButton.onclick = () => run.cancel();
 * const recording = await run.result;
 * ```
 */
export interface WorkerRun {
  /** The recording; rejects with the failure, or with "cancelled". */
  readonly result: Promise<Recording>;
  /** Stops the run. */
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
  const result = new Promise<Recording>((resolve, reject) => {
    rejectRun = reject;
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      worker.terminate();
      const response = event.data;
      if ("recording" in response) resolve(response.recording);
      else reject(new Error(response.error));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || "the session worker failed to load"));
    };
  });
  worker.postMessage({ source, settings } satisfies WorkerRequest);
  return {
    result,
    cancel() {
      worker.terminate();
      rejectRun(new Error("cancelled"));
    },
  };
}
