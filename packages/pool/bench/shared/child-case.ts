import { spawnSync } from "node:child_process";

/** Prefix of the one stdout line a case process reports its result on. */
export const CASE_RESULT_PREFIX = "@@case-result ";

/**
 * Options of {@link runCaseInChild}.
 *
 * @example
 * ```ts
 * const options: ChildCaseOptions = { script, args: ["--subject", "x"], nodeFlags: [] };
 * ```
 */
export interface ChildCaseOptions {
  /** The case script (a `.ts` file; run through the same loader as this process). */
  script: string;
  /** Its arguments. */
  args: string[];
  /** Extra `node` flags, e.g. `--cpu-prof`. */
  nodeFlags: string[];
  /**
   * Kill the case after this many milliseconds.
   * @defaultValue 600000
   */
  timeoutMs?: number;
}

/**
 * Runs one benchmark case in a fresh Node process and returns the JSON it reported.
 *
 * @remarks
 * One process per (subject, workload) keeps every call site monomorphic — a loop shared by five
 * allocator classes in one process would go megamorphic and penalise whichever ran last — and
 * keeps one subject's garbage (a million `Uint8Array`s) out of the next one's heap. The child
 * inherits this process's `execArgv`, i.e. tsx's loader.
 *
 * @example
 * ```ts
 * const result = runCaseInChild<MyResult>({ script, args, nodeFlags: [] });
 * ```
 */
export function runCaseInChild<Result>(options: ChildCaseOptions): Result {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, ...options.nodeFlags, options.script, ...options.args],
    { encoding: "utf8", maxBuffer: 64 << 20, timeout: options.timeoutMs ?? 600_000 },
  );
  const line = child.stdout
    ?.split("\n")
    .reverse()
    .find((candidate) => candidate.startsWith(CASE_RESULT_PREFIX));
  if (child.status !== 0 || line === undefined) {
    const why = child.signal !== null ? `killed by ${child.signal}` : `exit ${child.status}`;
    throw new Error(
      `case ${options.args.join(" ")} failed (${why}): ${(child.stderr ?? "").trim()}`,
    );
  }
  return JSON.parse(line.slice(CASE_RESULT_PREFIX.length)) as Result;
}

/**
 * Reports a case's result from inside the child process (the counterpart of {@link runCaseInChild}).
 *
 * @example
 * ```ts
 * reportCaseResult({ nsPerOp: [12.1, 12.3] });
 * ```
 */
export function reportCaseResult(result: unknown): void {
  process.stdout.write(`${CASE_RESULT_PREFIX}${JSON.stringify(result)}\n`);
}
