/// <reference lib="webworker" />
import { createInterpreter } from "./create-interpreter.js";
import { runReplayCursor } from "./run-session.js";
import type { CheckpointReport, CheckpointStart } from "./worker-protocol.js";

// A checkpoint: replays a recorded program up to a statement and waits there, blocked in
// Atomics.wait (the interpreter's state lives on this worker's JavaScript stack, which only a
// paused thread keeps). When the page bumps the shared counter it runs on, capturing the
// statements asked for, and pauses again after them. The page ends it with terminate().
const scope = self as unknown as DedicatedWorkerGlobalScope;

function report(message: CheckpointReport): void {
  scope.postMessage(message);
}

scope.onmessage = (event: MessageEvent<CheckpointStart>) => {
  const { source, settings, pauseAt, control } = event.data;
  const words = new Int32Array(control);
  let seen = Atomics.load(words, 0);
  try {
    runReplayCursor(source, settings, createInterpreter, pauseAt, {
      pause(position, snapshots) {
        report({ kind: "paused", position, snapshots });
        Atomics.wait(words, 0, seen);
        seen = Atomics.load(words, 0);
        return {
          from: Atomics.load(words, 1),
          to: Atomics.load(words, 2),
          continues: Atomics.load(words, 3) === 1,
        };
      },
      end(snapshots) {
        report({ kind: "ended", snapshots });
      },
    });
  } catch (error) {
    report({ kind: "error", error: error instanceof Error ? error.message : String(error) });
  }
};
