import { fileURLToPath } from "node:url";
import type { CliIo } from "./cli-io.js";
import { runScript, type SessionOptions } from "./run-command.js";

/**
 * `pymem demo`: the first run of a fresh clone — the four example scripts, one per mechanism of
 * Python's memory management, run on the pymem interpreter with the allocator's and collector's
 * statistics after the last one, then where to go next.
 *
 * @module
 */

/** The shipped examples, in the order the tour runs them, with what each shows. */
export const TOUR_EXAMPLES: ReadonlyArray<readonly [file: string, title: string]> = [
  ["reference-counting.py", "Reference counting: objects die the moment their last reference goes"],
  [
    "automatic-allocation.py",
    "Automatic allocation and deallocation: lifetimes follow the program",
  ],
  ["garbage-collection.py", "Garbage collection of cycles: what reference counting cannot free"],
  ["memory-pools.py", "Memory pools: small objects come from arenas, pools and blocks"],
];

/** Where the examples live: `apps/cli/examples`, beside `src/` and `dist/`. */
export function examplesDirectory(): string {
  return fileURLToPath(new URL("../examples/", import.meta.url));
}

/**
 * Runs the tour and returns the exit status (0 when every example ran to completion).
 *
 * @example
 * ```ts
 * const status = runTour(processIo());
 * ```
 */
export function runTour(io: CliIo): number {
  const directory = examplesDirectory();
  let status = 0;
  TOUR_EXAMPLES.forEach(([file, title], index) => {
    const path = `${directory}${file}`;
    io.stdout(`\n━━ ${index + 1}/${TOUR_EXAMPLES.length} ${title}\n`);
    io.stdout(`   pymem run ${path}${index === TOUR_EXAMPLES.length - 1 ? " --stats" : ""}\n\n`);
    const options: SessionOptions = {
      collector: "generational",
      debug: false,
      // The last example ends with the allocator's and collector's statistics (on stdout here).
      stats: index === TOUR_EXAMPLES.length - 1,
      trace: false,
      stepLimit: undefined,
      maximumBytes: undefined,
      hashSeed: undefined,
      warnOptions: [],
    };
    const exampleIo: CliIo = { ...io, stderr: options.stats ? io.stdout : io.stderr };
    status = Math.max(status, runScript(path, options, exampleIo));
  });
  io.stdout(`
━━ Next
   pnpm pymem run FILE.py [--trace] [--stats] [--collector NAME]   run your own Python
   pnpm pymem repl                                                 type Python at a prompt
   pnpm pymem pool-demo                                            the allocator alone, narrated
   pnpm --filter @pymem/playground serve                           watch it live in the browser
                                                                   (http://127.0.0.1:4173/)
`);
  return status;
}
