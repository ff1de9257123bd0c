import type { NativeModuleFactory } from "../native.js";

/**
 * A module written in Python: the factory runs `source` (pymem's own code, never CPython's
 * library source) as the body of a new module named `name` on the importing interpreter, so
 * every object the module makes lives on the pymem heap and is counted, tracked and collected
 * like a script's own.
 *
 * @example
 * ```ts
 * const answerModule = pythonSourceModule("answer", "def get():\n    return 42\n");
 * const interpreter = new Interpreter({ modules: { answer: answerModule } });
 * ```
 */
export function pythonSourceModule(name: string, source: string): NativeModuleFactory {
  return (context) => context.runModuleSource(name, source, []);
}
