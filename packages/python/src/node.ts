/**
 * `@pymem/python/node`: what only Node.js can run — the {@link NodeFileSystem} that gives a
 * program the real disk. A separate entry point so that browser bundles of `@pymem/python`
 * never import `node:fs`.
 *
 * @example
 * ```ts
 * import { Interpreter } from "@pymem/python";
 * import { NodeFileSystem } from "@pymem/python/node";
 * const interpreter = new Interpreter({ fileSystem: new NodeFileSystem(), cwd: process.cwd() });
 * ```
 *
 * @module
 */
export { NodeFileSystem } from "./interpreter/files/node-file-system.js";
