/// <reference lib="webworker" />
import { createInterpreter } from "./create-interpreter.js";
import { captureStatements, runSession, type SessionSettings } from "./run-session.js";
import type { WorkerRequest, WorkerResponse } from "./worker-protocol.js";

// The worker entry: records one program, off the page's main thread, so a long run never
// freezes the page and the page can stop it outright by terminating the worker. It then keeps
// the program and the step counter of each statement, to snapshot any statement on request by
// running the program again up to it.
const scope = self as unknown as DedicatedWorkerGlobalScope;
let recorded: { source: string; settings: SessionSettings; steps: Float64Array } | undefined;

function answer(request: WorkerRequest): WorkerResponse {
  const id = request.kind === "capture" ? request.id : 0;
  if (request.kind === "record") {
    const recording = runSession(request.source, request.settings, createInterpreter);
    recorded = {
      source: request.source,
      settings: request.settings,
      steps: recording.trace.steps,
    };
    return { kind: "recording", recording };
  }
  if (recorded === undefined) throw new Error("nothing recorded yet");
  const last = recorded.steps.length - 1;
  const to = Math.min(request.to, last);
  const from = Math.max(0, Math.min(request.from, to));
  const snapshots = captureStatements(
    recorded.source,
    recorded.settings,
    createInterpreter,
    from,
    to,
    recorded.steps[to]!,
    request.early === undefined || request.early >= to
      ? undefined
      : {
          at: request.early,
          send: (early) =>
            scope.postMessage({ kind: "snapshots", id, snapshots: early, partial: true }),
        },
  );
  return { kind: "snapshots", id: request.id, snapshots };
}

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  let response: WorkerResponse;
  try {
    response = answer(event.data);
  } catch (error) {
    response = {
      kind: "error",
      id: event.data.kind === "capture" ? event.data.id : undefined,
      error: error instanceof Error ? error.message : String(error),
    };
  }
  scope.postMessage(response);
};
