import { createRuntime } from "@pymem/runtime";
import { readFileSync } from "node:fs";
import { it } from "vitest";
import { runCaptured } from "./interpreter/modules/run-python.js";
it("leak", () => {
  for (const f of ["typing/helpers"]) {
  const runtime = createRuntime();
  const before = runtime.heap.snapshot();
  const o = runCaptured(readFileSync(`packages/python/corpus/${f}.py`, "utf8"), "case.py", { runtime });
  o.interpreter.dispose();
  const leaks = runtime.heap.leaksSince(before);
  process.stdout.write(`LEAKS ${f} ${leaks.length}\n`);
  }
});
