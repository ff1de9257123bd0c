import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig } from "vite";

// Bundle the @pymem packages from source (as the tests run them), so the playground needs no
// prior `build` of the workspace.
// A subpath entry point (`@pymem/heap/internal`) is `src/internal.ts`: exact-match patterns, since
// a plain alias of `@pymem/heap` would also rewrite the imports under it.
const packagesDirectory = resolve(import.meta.dirname, "../../packages");
const alias = readdirSync(packagesDirectory)
  .filter((name) => existsSync(resolve(packagesDirectory, name, "src/index.ts")))
  .flatMap((name) => [
    {
      find: new RegExp(`^@pymem/${name}/([a-z-]+)$`),
      replacement: resolve(packagesDirectory, name, "src/$1.ts"),
    },
    {
      find: new RegExp(`^@pymem/${name}$`),
      replacement: resolve(packagesDirectory, name, "src/index.ts"),
    },
  ]);

const CROSS_ORIGIN_ISOLATION = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

export default defineConfig({
  // Relative asset URLs: the built folder works from any path (the docs site links it as a subfolder).
  base: "./",
  resolve: { alias },
  build: { target: "es2022", chunkSizeWarningLimit: 2000 },
  // Cross-origin isolation: SharedArrayBuffer and Atomics.wait, which keep the checkpoints of a
  // run paused in workers (src/session/checkpoint-pool.ts). Every resource is same-origin.
  server: { headers: CROSS_ORIGIN_ISOLATION },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true, headers: CROSS_ORIGIN_ISOLATION },
});
