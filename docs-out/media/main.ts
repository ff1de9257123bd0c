import { parseArgs } from "node:util";
import type { PoolProfileName } from "@pymem/pool";
import { runPoolDemo } from "./pool-demo.js";

const USAGE = `usage: pymem <command> [options]

commands:
  demo      run a mixed allocation workload through @pymem/pool and print its statistics
            --profile cpython64|cpython32   pymalloc constants (default: cpython64)
            --blocks N                      small blocks to allocate (default: 200000)
            --seed N                        PRNG seed (default: 42)
  help      show this text`;

function main(argv: string[]): number {
  const [command = "help", ...rest] = argv;
  if (command === "help" || command === "--help" || command === "-h") {
    console.log(USAGE);
    return 0;
  }
  if (command === "demo") {
    const { values } = parseArgs({
      args: rest,
      options: {
        profile: { type: "string", default: "cpython64" },
        blocks: { type: "string", default: "200000" },
        seed: { type: "string", default: "42" },
      },
    });
    if (values.profile !== "cpython64" && values.profile !== "cpython32") {
      console.error(`pymem demo: unknown profile '${values.profile}' (cpython64 or cpython32)`);
      return 2;
    }
    const blocks = Number(values.blocks);
    const seed = Number(values.seed);
    if (!Number.isInteger(blocks) || blocks < 2 || !Number.isInteger(seed)) {
      console.error("pymem demo: --blocks must be an integer ≥ 2 and --seed an integer");
      return 2;
    }
    runPoolDemo({
      profile: values.profile as PoolProfileName,
      blocks,
      seed,
      write: (line) => console.log(line),
    });
    return 0;
  }
  console.error(`pymem: unknown command '${command}'\n\n${USAGE}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
