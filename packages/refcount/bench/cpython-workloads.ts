import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Runs the `workloads.py` that sits next to a benchmark under CPython 3.13
 * (`PYENV_VERSION=3.13.0 python3 workloads.py N rounds`) and parses its `name value` lines, so the
 * benchmark can print pymem's figures against CPython's from the same run. A `version` line is
 * printed, not returned. When CPython is missing it says why and returns `undefined` (pymem only).
 *
 * Shared by the refcount and gc benchmarks (gc imports it by relative path: bench code is not
 * part of any package's API).
 *
 * @example
 * ```ts
 * const anchor = runCpythonWorkloads(import.meta.url, 1_000_000, 5);
 * const cpythonChain = anchor?.get("chain");
 * ```
 *
 * @internal
 */
export function runCpythonWorkloads(
  benchUrl: string,
  n: number,
  rounds: number,
): Map<string, number> | undefined {
  const script = join(dirname(fileURLToPath(benchUrl)), "workloads.py");
  const result = spawnSync("python3", [script, String(n), String(rounds)], {
    env: { ...process.env, PYENV_VERSION: "3.13.0" },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    const why = result.stderr?.trim().split("\n").pop() || result.error?.message;
    console.log(`CPython 3.13 not available (${why}); pymem only`);
    return undefined;
  }
  const values = new Map<string, number>();
  for (const line of result.stdout.trim().split("\n")) {
    const [name, value] = line.split(" ");
    if (name === "version") console.log(`CPython ${value}`);
    else values.set(name!, Number(value));
  }
  return values;
}
