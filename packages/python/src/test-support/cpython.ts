import { spawnSync } from "node:child_process";

/**
 * Test helper: run a Python script under CPython 3.13 (pyenv) with JSON on stdin and parse the
 * JSON it prints. `available` is false (with a reason) when that interpreter is missing.
 * `PYTHONHASHSEED=0` makes CPython's str and bytes hashes — and so the iteration order of sets of
 * strings — the same from run to run.
 * @internal
 */
export const CPYTHON_ENVIRONMENT = { ...process.env, PYENV_VERSION: "3.13.0", PYTHONHASHSEED: "0" };

function probe(): { available: boolean; reason: string } {
  const result = spawnSync("python3", ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], {
    env: CPYTHON_ENVIRONMENT,
    encoding: "utf8",
  });
  if (result.error !== undefined)
    return { available: false, reason: `python3 not runnable: ${result.error.message}` };
  const version = result.stdout.trim();
  if (version !== "3.13")
    return {
      available: false,
      reason: `PYENV_VERSION=3.13.0 python3 reports ${version || result.stderr.trim()}`,
    };
  return { available: true, reason: "" };
}

/** Whether CPython 3.13 can be spawned, and why not. @internal */
export const cpython = probe();

/** Run `script` with `input` serialized as JSON on stdin; returns the parsed JSON from stdout. @internal */
export function runCPython<T>(script: string, input: unknown): T {
  const result = spawnSync("python3", ["-c", script], {
    env: CPYTHON_ENVIRONMENT,
    input: JSON.stringify(input),
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  if (result.status !== 0) throw new Error(`CPython failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
