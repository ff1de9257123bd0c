import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.package.js";

// The internal entry point serves the sibling packages; the public types leave out every
// `@internal` member (stripInternal), which those siblings reach through `internalHeap`.
export default defineConfig({
  ...packageBuild,
  entry: ["src/index.ts", "src/internal.ts"],
  dts: { compilerOptions: { stripInternal: true } },
});
