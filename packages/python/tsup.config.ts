import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.package.js";

// `@pymem/python/node` is its own entry so that browser bundles of the main one never see
// `node:fs` (the NodeFileSystem lives there).
export default defineConfig({
  ...packageBuild,
  entry: ["src/index.ts", "src/node.ts"],
});
