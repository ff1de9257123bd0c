import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The executable: a small ES module that loads the bundle below through V8's code cache.
    entry: ["src/main.ts"],
    format: ["esm"],
    sourcemap: true,
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
  },
]);
