import { readFileSync } from "node:fs";
import { basename } from "node:path";

/** The parts of V8's `.cpuprofile` JSON this summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Self time of one function in a CPU profile.
 *
 * @example
 * ```ts
 * for (const row of summarizeCpuProfile(file)) console.log(row.percent.toFixed(1), row.name);
 * ```
 */
export interface ProfileRow {
  /** `functionName file` (anonymous functions as `(anonymous)`). */
  name: string;
  /** Self time in milliseconds. */
  selfMs: number;
  /** Share of all sampled time, in percent. */
  percent: number;
}

/**
 * Reads a `.cpuprofile` written by `node --cpu-prof` and returns the functions with the most self
 * time, heaviest first; with `include`, only functions whose script URL passes it, and percentages
 * of their total.
 *
 * @remarks
 * TurboFan inlines small callees (an allocator's `malloc`/`free`) into the benchmark loop, whose
 * row then carries their time; run the case with `--no-turbo-inlining` (the bench's `--profile`
 * does) to see them apart, knowing the absolute timings of such a run are pessimistic.
 *
 * @example
 * ```ts
 * const rows = summarizeCpuProfile("bench/results/profiles/pool-cpython64-hot.cpuprofile", 10);
 * ```
 */
export function summarizeCpuProfile(
  file: string,
  top = 12,
  include: (url: string) => boolean = () => true,
): ProfileRow[] {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const nameOf = new Map<number, string>();
  for (const node of profile.nodes) {
    const { functionName, url } = node.callFrame;
    if (!include(url)) continue;
    nameOf.set(
      node.id,
      `${functionName || "(anonymous)"} ${url === "" ? "" : basename(url)}`.trim(),
    );
  }
  const selfMicroseconds = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    const name = nameOf.get(id);
    if (name === undefined) return;
    selfMicroseconds.set(name, (selfMicroseconds.get(name) ?? 0) + delta);
    total += delta;
  });
  return [...selfMicroseconds.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, microseconds]) => ({
      name,
      selfMs: microseconds / 1000,
      percent: total > 0 ? (100 * microseconds) / total : 0,
    }));
}
