import type { Recording, Snapshot } from "./recording.js";
import type { SessionSettings } from "./run-session.js";

/**
 * What the page sends the session worker: a program to record, or — for the program it recorded
 * last — a range of statements to snapshot by running it again.
 *
 * @example
 * ```ts
 * worker.postMessage({ kind: "record", source, settings } satisfies WorkerRequest);
 * worker.postMessage({ kind: "capture", id: 7, from: 5000, to: 5040 } satisfies WorkerRequest);
 * ```
 */
export type WorkerRequest =
  | {
      readonly kind: "record";
      /** The Python program. */
      readonly source: string;
      /** Collector, allocator profile and limits. */
      readonly settings: SessionSettings;
    }
  | {
      readonly kind: "capture";
      /** Echoed in the answer. */
      readonly id: number;
      /** First statement wanted (0-based). */
      readonly from: number;
      /** Last statement wanted. */
      readonly to: number;
    };

/**
 * What the worker answers: the recording, snapshots for a capture request, or why the
 * playground itself failed.
 *
 * @example
 * ```ts
 * const response: WorkerResponse = { kind: "error", error: "no Interpreter" };
 * ```
 */
export type WorkerResponse =
  | { readonly kind: "recording"; readonly recording: Recording }
  | { readonly kind: "snapshots"; readonly id: number; readonly snapshots: readonly Snapshot[] }
  | { readonly kind: "error"; readonly id: number | undefined; readonly error: string };
