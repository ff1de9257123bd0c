import { execFileSync } from "node:child_process";
import { cpus, freemem, loadavg, type as osType, release, totalmem } from "node:os";

/**
 * Where and with what a benchmark ran, for the JSON report.
 *
 * @example
 * ```ts
 * const { cpuModel, node } = describeMachine();
 * ```
 */
export interface MachineDescription {
  /** CPU model string of the first core. */
  cpuModel: string;
  /** Logical cores. */
  cpuCount: number;
  /** `os.type()` and `os.release()`. */
  os: string;
  /** Total memory, in MiB. */
  totalMemoryMiB: number;
  /** Free memory when the run started, in MiB. */
  freeMemoryMiB: number;
  /** 1-minute load average when the run started (other processes share the machine). */
  loadAverage1m: number;
  /** `process.version`. */
  node: string;
  /** `process.versions.v8`. */
  v8: string;
  /** First line of `gcc --version`, or undefined without gcc. */
  gcc: string | undefined;
}

/**
 * Describes the machine and runtimes the benchmark runs on.
 *
 * @example
 * ```ts
 * console.log(describeMachine().cpuModel);
 * ```
 */
export function describeMachine(): MachineDescription {
  let gcc: string | undefined;
  try {
    gcc = execFileSync("gcc", ["--version"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    })
      .split("\n")[0]
      ?.trim();
  } catch {
    gcc = undefined;
  }
  const cores = cpus();
  return {
    cpuModel: cores[0]?.model.trim() ?? "unknown",
    cpuCount: cores.length,
    os: `${osType()} ${release()}`,
    totalMemoryMiB: Math.round(totalmem() / 2 ** 20),
    freeMemoryMiB: Math.round(freemem() / 2 ** 20),
    loadAverage1m: loadavg()[0] ?? 0,
    node: process.version,
    v8: process.versions.v8,
    gcc,
  };
}
