/**
 * Runs benchmark programs under Pyodide (CPython compiled to WebAssembly, the `pyodide` npm
 * package) in this process: loads Pyodide once, then executes each program as `__main__` in fresh
 * globals, and prints one JSON line
 * `{"loadMs", "programs": {path: {"executionMs", "output"} | {"error"}}}` — the time
 * `loadPyodide()` took and each program's execution time, apart. Spawned once per round by
 * `python-programs.ts` (one load per round: Pyodide takes seconds to load, the programs well under
 * one).
 *
 *   node --import tsx packages/python/bench/pyodide-runner.ts programs/nbody.py programs/go.py
 */
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const paths = process.argv.slice(2);
let output = "";
const loadStarted = performance.now();
const pyodide = await loadPyodide({
  stdout: (line: string) => {
    output += `${line}\n`;
  },
  stderr: () => {},
});
const loadMs = performance.now() - loadStarted;
const programs: Record<string, { executionMs: number; output: string } | { error: string }> = {};
for (const path of paths) {
  pyodide.globals.set("benchmark_source", readFileSync(path, "utf8"));
  output = "";
  try {
    // Timed inside Python, after collecting what earlier programs and Pyodide's own runPython
    // machinery left behind (gc_collect and cyclic-garbage count what their collections free).
    const seconds = pyodide.runPython(
      [
        "import gc, time",
        "gc.collect()",
        "benchmark_started = time.perf_counter()",
        "exec(compile(benchmark_source, 'program.py', 'exec'), {'__name__': '__main__'})",
        "time.perf_counter() - benchmark_started",
      ].join("\n"),
    ) as number;
    programs[path] = { executionMs: seconds * 1000, output };
  } catch (error) {
    programs[path] = { error: String(error).trim().split("\n").pop() ?? "failed" };
  }
}
process.stdout.write(`${JSON.stringify({ loadMs, programs })}\n`);
