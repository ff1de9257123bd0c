import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { WorkloadSpec } from "./workload-sequence.js";

/**
 * The C allocators the anchor harness can call: CPython's `PyObject_Malloc` and glibc's `malloc`.
 *
 * @example
 * ```ts
 * runCAnchor(anchor, spec, { runs: 5, seed: 1, allocators: ["pymalloc"] satisfies CAllocatorName[] });
 * ```
 */
export type CAllocatorName = "pymalloc" | "glibc";

/**
 * A compiled C anchor, or the reason there is none.
 *
 * @example
 * ```ts
 * const anchor = buildCAnchor({ source, pythonVersion: "3.13.0" });
 * if (!anchor.ok) console.log(`anchor skipped: ${anchor.reason}`);
 * ```
 */
export type CAnchorBuild =
  | {
      ok: true;
      /** Path of the compiled harness. */
      binary: string;
      /** Directories of libpython, for `LD_LIBRARY_PATH`. */
      libraryPath: string[];
      /** The exact compiler command, for the report. */
      command: string;
      /** `gcc --version`, first line. */
      compiler: string;
    }
  | { ok: false; reason: string };

/**
 * Options of {@link buildCAnchor}.
 *
 * @example
 * ```ts
 * buildCAnchor({ source: "bench/anchors/pymalloc-bench.c", pythonVersion: "3.13.0" });
 * ```
 */
export interface CAnchorBuildOptions {
  /** The C source to compile (it must include `Python.h`). */
  source: string;
  /** The pyenv version whose `python3-config` supplies the flags. */
  pythonVersion: string;
}

function run(command: string, args: string[], env?: NodeJS.ProcessEnv): string {
  return execFileSync(command, args, {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: env ?? process.env,
  }).trim();
}

/** Finds `python3-config` of a pyenv version: under `pyenv prefix`, else via the pyenv shim. */
function findPythonConfig(pythonVersion: string): { command: string; env: NodeJS.ProcessEnv } {
  const env = { ...process.env, PYENV_VERSION: pythonVersion };
  try {
    const prefix = run("pyenv", ["prefix", pythonVersion], env);
    const candidate = join(prefix, "bin", "python3-config");
    if (existsSync(candidate)) return { command: candidate, env };
  } catch {
    // No pyenv on PATH: fall through to whatever python3-config the PATH offers.
  }
  return { command: "python3-config", env };
}

/**
 * Compiles the C anchor harness into a fresh temporary directory with `gcc -O2` and the flags of
 * the chosen CPython's `python3-config --cflags` / `--ldflags --embed`.
 *
 * @remarks
 * Never throws: a missing gcc, interpreter or header comes back as `{ ok: false, reason }`, which
 * the caller prints as a visible "anchor skipped" line.
 *
 * @example
 * ```ts
 * const anchor = buildCAnchor({ source, pythonVersion: "3.13.0" });
 * ```
 */
export function buildCAnchor(options: CAnchorBuildOptions): CAnchorBuild {
  let compiler: string;
  try {
    compiler = run("gcc", ["--version"]).split("\n")[0] ?? "gcc";
  } catch {
    return { ok: false, reason: "gcc not found on PATH" };
  }
  const config = findPythonConfig(options.pythonVersion);
  let cflags: string[];
  let ldflags: string[];
  try {
    // The interpreter's own -O3 / -g are dropped: the anchor is built at -O2 like the brief says.
    cflags = run(config.command, ["--cflags"], config.env)
      .split(/\s+/)
      .filter((flag) => flag !== "" && !/^-O\d?$|^-g$/.test(flag));
    ldflags = run(config.command, ["--ldflags", "--embed"], config.env)
      .split(/\s+/)
      .filter((flag) => flag !== "");
  } catch (error) {
    return {
      ok: false,
      reason: `no python3-config for CPython ${options.pythonVersion} (${(error as Error).message.split("\n")[0]})`,
    };
  }
  // A PATH fallback may find another CPython's python3-config: anchor to the requested one or none.
  const wanted = options.pythonVersion.split(".").slice(0, 2).join(".");
  const linked = ldflags.map((flag) => /^-lpython(\d+\.\d+)/.exec(flag)?.[1]).find(Boolean);
  if (linked !== wanted) {
    return {
      ok: false,
      reason: `CPython ${options.pythonVersion} not found (python3-config on PATH links python ${linked ?? "?"})`,
    };
  }
  const directory = mkdtempSync(join(tmpdir(), "pymem-anchor-"));
  const binary = join(directory, "pymalloc-bench");
  const args = [...cflags, "-O2", options.source, "-o", binary, ...ldflags];
  const result = spawnSync("gcc", args, { encoding: "utf8" });
  if (result.status !== 0) {
    return {
      ok: false,
      reason: `gcc failed: ${(result.stderr || result.error?.message || "").trim()}`,
    };
  }
  const libraryPath = ldflags.filter((flag) => flag.startsWith("-L")).map((flag) => flag.slice(2));
  return { ok: true, binary, libraryPath, command: `gcc ${args.join(" ")}`, compiler };
}

/**
 * Timings of one C allocator on one workload.
 *
 * @example
 * ```ts
 * const nsPerOp = result.runsNs.map((ns) => ns / result.operations);
 * ```
 */
export interface CAnchorRuns {
  /** The warm-up run's elapsed nanoseconds. */
  warmupNs: number;
  /** Elapsed nanoseconds of each timed run. */
  runsNs: number[];
  /** Free+malloc pairs per run. */
  operations: number;
}

/**
 * What one invocation of the C anchor printed.
 *
 * @example
 * ```ts
 * const output = runCAnchor(anchor, spec, { runs: 5, seed: 0x9e3779b9 });
 * if (output.checksum !== sequence.checksum) throw new Error("sequence mismatch");
 * ```
 */
export interface CAnchorOutput {
  /** FNV-1a of the whole sequence as the C side drew it. */
  checksum: number;
  /** `Py_GetVersion()`. */
  python: string;
  /** Timings per allocator. */
  allocators: Partial<Record<CAllocatorName, CAnchorRuns>>;
}

/**
 * Options of {@link runCAnchor}.
 *
 * @example
 * ```ts
 * const options: CAnchorRunOptions = { runs: 5, seed: 1, allocators: ["pymalloc"] };
 * ```
 */
export interface CAnchorRunOptions {
  /** Timed runs (after one warm-up). */
  runs: number;
  /** The xorshift32 seed shared with the TypeScript side. */
  seed: number;
  /**
   * Which allocators to run.
   * @defaultValue ["pymalloc", "glibc"]
   */
  allocators?: CAllocatorName[];
}

/**
 * Runs the compiled anchor on one workload and parses its output.
 *
 * @example
 * ```ts
 * const output = runCAnchor(anchor, { name: "hot", kind: "churn", size: 1024, units: 2e6, description: "" }, { runs: 5, seed: 1 });
 * ```
 */
export function runCAnchor(
  anchor: Extract<CAnchorBuild, { ok: true }>,
  spec: WorkloadSpec,
  options: CAnchorRunOptions,
): CAnchorOutput {
  const allocators = options.allocators ?? ["pymalloc", "glibc"];
  const args = [
    spec.kind,
    String(spec.size),
    String(spec.units),
    String(options.runs),
    `0x${(options.seed >>> 0).toString(16)}`,
    ...allocators,
  ];
  const libraryPath = [...anchor.libraryPath, process.env.LD_LIBRARY_PATH ?? ""]
    .filter((part) => part !== "")
    .join(":");
  const result = spawnSync(anchor.binary, args, {
    encoding: "utf8",
    env: { ...process.env, LD_LIBRARY_PATH: libraryPath },
    maxBuffer: 16 << 20,
  });
  if (result.status !== 0) {
    throw new Error(
      `C anchor failed on ${spec.name} (exit ${result.status}): ${(result.stderr || result.error?.message || "").trim()}`,
    );
  }
  const output: CAnchorOutput = { checksum: -1, python: "", allocators: {} };
  for (const line of result.stdout.split("\n")) {
    const fields = line.trim().split(" ");
    if (fields[0] === "checksum") output.checksum = Number.parseInt(fields[1] ?? "", 16);
    else if (fields[0] === "python") output.python = fields.slice(1).join(" ");
    else if (fields[0] === "run") {
      const name = fields[1] as CAllocatorName;
      const index = Number(fields[2]);
      const elapsed = Number(fields[3]);
      const operations = Number(fields[4]);
      const runs = output.allocators[name] ?? { warmupNs: 0, runsNs: [], operations };
      if (index === 0) runs.warmupNs = elapsed;
      else runs.runsNs.push(elapsed);
      output.allocators[name] = runs;
    }
  }
  return output;
}

/**
 * Deletes the temporary directory a successful {@link buildCAnchor} compiled into.
 *
 * @example
 * ```ts
 * if (anchor.ok) disposeCAnchor(anchor);
 * ```
 */
export function disposeCAnchor(anchor: Extract<CAnchorBuild, { ok: true }>): void {
  rmSync(dirname(anchor.binary), { recursive: true, force: true });
}
