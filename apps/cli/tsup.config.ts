import { readFileSync, writeFileSync } from "node:fs";
import { defineConfig } from "tsup";
import { asciiJavaScript } from "./src/ascii-source.js";

export default defineConfig([
  {
    // The executable: a small CommonJS file that loads the bundle below through V8's code cache.
    // It keeps the name main.js (the `bin`, scripts and benchmarks run it): dist/package.json
    // makes .js files in dist/ CommonJS, so Node does not start its ES module loader for it.
    entry: ["src/main.ts"],
    format: ["cjs"],
    outExtension: () => ({ js: ".js" }),
    shims: true,
    sourcemap: true,
    onSuccess: async () => {
      writeFileSync("dist/package.json", `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);
    },
    // A 3 MB JavaScript stack (Node defaults to about 1 MB), so Python recursion reaches CPython's
    // limit of 1000 calls even through try blocks and nested expressions; the main thread has 8 MB.
    banner: { js: "#!/usr/bin/env -S node --stack-size=3000" },
    // Only the from-source path of main.ts imports it; built, main.js loads cli-bundle.cjs.
    external: ["./cli-bundle.js"],
  },
  {
    // Everything else, @pymem/* packages included, in one CommonJS file (see src/cli-bundle.ts).
    entry: ["src/cli-bundle.ts"],
    format: ["cjs"],
    outExtension: () => ({ js: ".cjs" }),
    noExternal: [/^@pymem\//],
    shims: true,
    sourcemap: true,
    // ASCII only, so main.js reads it as a one-byte string (≈ 7 ms of CPU less per start): esbuild
    // escapes strings, the rest (comments, String.raw Python sources) is escaped here.
    onSuccess: async () => {
      const path = "dist/cli-bundle.cjs";
      writeFileSync(path, asciiJavaScript(readFileSync(path, "utf8")));
    },
  },
]);
