import { fileURLToPath } from "node:url";
import type * as CliBundle from "./cli-bundle.js";
import { defaultCacheDirectory, requireWithCodeCache } from "./code-cache.js";

// The `pymem` executable: everything else lives in cli.ts (tests run it in-process). Built, it is
// bundled into cli-bundle.cjs, loaded through V8's code cache so start-up skips parsing and
// compiling it; run from source (tsx, as the differential tests do) the modules load as they are.
// Parsed library modules are kept beside the code cache, for this build of the bundle only.
// Built, this file is CommonJS (dist/package.json says so): Node starts a CommonJS entry without
// its ES module loader, ≈ 15 ms of CPU less per run; hence no top-level await.
async function main(): Promise<void> {
  const cacheDirectory = defaultCacheDirectory();
  const bundlePath = fileURLToPath(new URL("./cli-bundle.cjs", import.meta.url));
  const cli = import.meta.url.endsWith(".ts")
    ? { exports: await import("./cli-bundle.js"), saveCache: () => {}, build: undefined }
    : requireWithCodeCache<typeof CliBundle>(bundlePath, cacheDirectory);
  const syntaxCache =
    cacheDirectory === undefined || cli.build === undefined
      ? undefined
      : cli.exports.moduleSyntaxFiles(cacheDirectory, bundlePath, cli.build);
  process.exitCode = await cli.exports.runCli(
    process.argv.slice(2),
    cli.exports.processIo(syntaxCache),
  );
  cli.saveCache();
}

void main();
