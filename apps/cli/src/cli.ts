import { parseArgs } from "node:util";
import type { PoolProfileName } from "@pymem/pool";
import { COLLECTOR_NAMES } from "@pymem/runtime";
import type { CliIo } from "./cli-io.js";
import { runPoolDemo } from "./pool-demo.js";
import { runRepl } from "./repl.js";
import { parseSessionArguments, runScript, UsageError } from "./run-command.js";
import { runTour } from "./tour-demo.js";

/**
 * The `pymem` command line, independent of the process: `runCli(argv, io)` returns the exit
 * status, so tests drive it in-process.
 *
 * @module
 */

/** `pymem help`. */
export const USAGE = `usage: pymem <command> [options]

commands:
  run SCRIPT.py   run a Python script on the pymem runtime and print its output
  repl            read Python statements from stdin (>>> prompts, values echoed)
  demo            a tour: the four example scripts (reference counting, automatic allocation,
                  cycles and the collector, memory pools), then what to try next
  pool-demo       run a mixed allocation workload through @pymem/pool and print its statistics
  gclab           every collector on real Python workloads, with CPython 3.13 and Pyodide (3.14)
                  measured in the same run: time, pauses, garbage outstanding
  help            show this text

options of run and repl:
  --collector NAME   cycle collector: ${COLLECTOR_NAMES.join(", ")} (default: generational)
  --debug            debug allocator (guard bytes, dead-byte fill) and use-after-free checks
  --stats            print allocator (sys._debugmallocstats) and GC statistics at exit (stderr)
  --trace            print, per executed statement, its allocations, frees and collections (stderr)
  --step-limit N     stop after N statements and loop iterations (default: no limit, as python3)
  --max-bytes N      cap the linear memory at N bytes (MemoryError beyond it)
  -W ARG             warning filter action:message:category:module:lineno, as CPython's -W
                     (repeatable; -W error turns every warning into an exception)

environment of run and repl:
  PYTHONHASHSEED     str hash seed: "random" (the default) or 0..4294967295 (0: CPython's
                     deterministic hashes)
  PYTHONWARNINGS     comma-separated warning filters, applied before the -W ones

options of gclab:
  --scale X                  workload size factor (default: 1)
  --repeat N                 run everything N times; each pause counts its shortest (default: 1)
  --clock wall|cpu           time pauses on the wall clock or in CPU time (default: wall)
  --only W1,W2               workloads to run (default: all)
  --collectors A,B           pymem collectors to run (default: all but none)
  --no-cpython, --no-pyodide skip an anchor
  --write                    write apps/cli/bench/results/gclab-*.json for the benchmarks guide

options of pool-demo:
  --profile cpython64|cpython32   pymalloc constants (default: cpython64)
  --blocks N                      small blocks to allocate (default: 200000)
  --seed N                        PRNG seed (default: 42)

exit status: 0 success, 1 uncaught Python exception, 2 usage error or unreadable file`;

/**
 * Runs one `pymem` command and returns its exit status (0 ok, 1 uncaught exception, 2 usage).
 *
 * @example
 * ```ts
 * const status = await runCli(["run", "examples/reference-counting.py", "--stats"], processIo());
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command = "help", ...rest] = argv;
  try {
    switch (command) {
      case "help":
      case "--help":
      case "-h":
        io.stdout(`${USAGE}\n`);
        return 0;
      case "run": {
        const { options, positionals } = parseSessionArguments(rest, io.environment);
        if (positionals.length !== 1)
          throw new UsageError(
            positionals.length === 0
              ? "run needs a script: pymem run SCRIPT.py"
              : `run takes one script, got ${positionals.length}: ${positionals.join(" ")}`,
          );
        return runScript(positionals[0]!, options, io);
      }
      case "repl": {
        const { options, positionals } = parseSessionArguments(rest, io.environment);
        if (positionals.length !== 0)
          throw new UsageError(`repl takes no arguments, got: ${positionals.join(" ")}`);
        return await runRepl(options, io);
      }
      case "demo":
        if (rest.length !== 0)
          throw new UsageError(`demo takes no arguments, got: ${rest.join(" ")}`);
        return runTour(io);
      case "pool-demo":
        return runPoolDemoCommand(rest, io);
      // Loaded on demand: the lab's modules (child processes, Pyodide) would slow every start-up.
      case "gclab":
        return await (await import("./gclab-command.js")).runGcLab(rest, io);
      case "gclab-worker":
        return await (await import("./gclab-command.js")).runLabWorker(rest, io);
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`pymem ${command}: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
}

function runPoolDemoCommand(argv: readonly string[], io: CliIo): number {
  let values: { profile?: string; blocks?: string; seed?: string };
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        profile: { type: "string", default: "cpython64" },
        blocks: { type: "string", default: "200000" },
        seed: { type: "string", default: "42" },
      },
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.profile !== "cpython64" && values.profile !== "cpython32")
    throw new UsageError(`unknown profile '${values.profile}' (cpython64 or cpython32)`);
  const blocks = Number(values.blocks);
  const seed = Number(values.seed);
  if (!Number.isInteger(blocks) || blocks < 2 || !Number.isInteger(seed))
    throw new UsageError("--blocks must be an integer ≥ 2 and --seed an integer");
  runPoolDemo({
    profile: values.profile as PoolProfileName,
    blocks,
    seed,
    write: (line) => io.stdout(`${line}\n`),
  });
  return 0;
}
