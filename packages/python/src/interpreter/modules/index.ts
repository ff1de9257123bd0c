import type { NativeModuleFactory } from "../native.js";
import { gcModule } from "./gc-module.js";
import { mathModule } from "./math-module.js";
import { sysModule } from "./sys-module.js";
import { weakrefModule } from "./weakref-module.js";

/**
 * The native modules `import` finds: `gc`, `sys` and `weakref`, written in TypeScript against
 * {@link NativeContext}.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: nativeModules });
 * interpreter.run("import gc\nprint(gc.isenabled())"); // True
 * ```
 */
export const nativeModules: Readonly<Record<string, NativeModuleFactory>> = {
  gc: gcModule,
  math: mathModule,
  sys: sysModule,
  weakref: weakrefModule,
};

export { gcModule } from "./gc-module.js";
export { mathModule } from "./math-module.js";
export { sysModule } from "./sys-module.js";
export { weakrefModule } from "./weakref-module.js";
