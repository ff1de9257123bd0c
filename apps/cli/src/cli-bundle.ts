/**
 * The entry of `dist/cli-bundle.cjs`: the whole command line (this app and every `@pymem/*`
 * package it uses) in one CommonJS file, which `main.ts` loads through V8's code cache
 * (`code-cache.ts`). One file means no module resolution at start-up; CommonJS because Node 20
 * can give cached code only to a `vm.Script`, not to an ES module.
 *
 * @module
 */
export { runCli } from "./cli.js";
export { processIo } from "./cli-io.js";
export { moduleSyntaxFiles } from "./module-syntax-files.js";
