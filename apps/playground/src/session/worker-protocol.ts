import type { Recording } from "./recording.js";
import type { SessionSettings } from "./run-session.js";

/**
 * What the page sends the session worker: one program to record.
 *
 * @example
 * ```ts
 * worker.postMessage({ source, settings } satisfies WorkerRequest);
 * ```
 */
export interface WorkerRequest {
  /** The Python program. */
  readonly source: string;
  /** Collector, allocator profile and limits. */
  readonly settings: SessionSettings;
}

/**
 * What the worker answers: the recording, or why the playground itself failed.
 *
 * @example
 * ```ts
 * const response: WorkerResponse = { error: "no Interpreter" };
 * ```
 */
export type WorkerResponse = { readonly recording: Recording } | { readonly error: string };
