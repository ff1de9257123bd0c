import { runCli } from "./cli.js";
import { processIo } from "./cli-io.js";

// The `pymem` executable: everything else lives in cli.ts so tests can run it in-process.
process.exitCode = await runCli(process.argv.slice(2), processIo());
