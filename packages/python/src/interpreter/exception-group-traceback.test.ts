import { createRuntime } from "@pymem/runtime";
import { describe, expect, it } from "vitest";
import { EXCEPTION_GROUP_TRACEBACK_CASES } from "./exception-group-tracebacks.js";
import { runCaptured } from "./modules/run-python.js";

describe("uncaught exception groups: the boxed traceback identical to CPython 3.13", () => {
  it.each(EXCEPTION_GROUP_TRACEBACK_CASES.map((testCase, index) => [index, testCase] as const))(
    "program %i",
    (_index, testCase) => {
      const runtime = createRuntime();
      const before = runtime.heap.snapshot();
      const outcome = runCaptured(testCase.source, "case.py", { runtime });
      expect(outcome.stdout).toBe(testCase.stdout);
      expect(outcome.stderr).toBe(testCase.stderr);
      outcome.interpreter.dispose();
      runtime.verify();
      expect(runtime.heap.leaksSince(before)).toEqual([]);
    },
  );
});
