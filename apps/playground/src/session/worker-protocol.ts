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
      /**
       * A statement of the range to answer early at: the snapshots up to it are sent (`partial`)
       * as soon as it is captured, the rest when the range is done. Undefined: one answer.
       */
      readonly early?: number | undefined;
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
  | {
      readonly kind: "snapshots";
      readonly id: number;
      readonly snapshots: readonly Snapshot[];
      /** The early part of the range (see the request's `early`); the rest follows. */
      readonly partial?: boolean;
    }
  | { readonly kind: "error"; readonly id: number | undefined; readonly error: string };

/**
 * What the page sends a checkpoint worker (once): the program to replay, where to pause first,
 * and the shared control words it then waits on — `[0]` a counter the page bumps (and notifies)
 * to send it on, `[1]` and `[2]` the first and last statement to capture next.
 *
 * @example
 * ```ts
 * const control = new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT);
 * worker.postMessage({ source, settings, pauseAt: 500_000, control } satisfies CheckpointStart);
 * ```
 */
export interface CheckpointStart {
  /** The Python program (recorded before with the same settings). */
  readonly source: string;
  /** The settings it was recorded with. */
  readonly settings: SessionSettings;
  /** The statement to pause before first (0-based). */
  readonly pauseAt: number;
  /**
   * Four 32-bit words: counter, first and last statement wanted next, and 1 when that carries
   * on the window captured before the pause (see `CursorPlan.continues`).
   */
  readonly control: SharedArrayBuffer;
}

/**
 * What a checkpoint worker reports: it paused before statement `position` (with the snapshots
 * captured since it was last sent on), the program ended (with the last snapshots), or it failed.
 *
 * @example
 * ```ts
 * worker.onmessage = ({ data }: MessageEvent<CheckpointReport>) => { if (data.kind === "paused") use(data.snapshots); };
 * ```
 */
export type CheckpointReport =
  | { readonly kind: "paused"; readonly position: number; readonly snapshots: readonly Snapshot[] }
  | { readonly kind: "ended"; readonly snapshots: readonly Snapshot[] }
  | { readonly kind: "error"; readonly error: string };
