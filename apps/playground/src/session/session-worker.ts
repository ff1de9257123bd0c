/// <reference lib="webworker" />
import { createInterpreter } from "./create-interpreter.js";
import { runSession } from "./run-session.js";
import type { WorkerRequest, WorkerResponse } from "./worker-protocol.js";

// The worker entry: records one run per request, off the page's main thread, so a long run
// never freezes the page and the page can stop it outright by terminating the worker.
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  let response: WorkerResponse;
  try {
    response = { recording: runSession(event.data.source, event.data.settings, createInterpreter) };
  } catch (error) {
    response = { error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
};
