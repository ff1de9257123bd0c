import type { NativeModuleFactory } from "../native.js";

/**
 * A module written in Python: the factory runs `source` (pymem's own code, never CPython's
 * library source) as the body of a new module named `name` on the importing interpreter, so
 * every object the module makes lives on the pymem heap and is counted, tracked and collected
 * like a script's own. `nativeTypes` maps the module's classes that are C types in CPython to the
 * `tp_name` CPython gives them in messages (`{ timedelta: "datetime.timedelta" }`).
 *
 * @example
 * ```ts
 * const answerModule = pythonSourceModule("answer", "def get():\n    return 42\n");
 * const interpreter = new Interpreter({ modules: { answer: answerModule } });
 * ```
 */
export function pythonSourceModule(
  name: string,
  source: string,
  nativeTypes: Readonly<Record<string, string>> = {},
): NativeModuleFactory {
  return (context) => {
    const module = context.runModuleSource(name, source, []);
    for (const [className, typeName] of Object.entries(nativeTypes)) {
      const type = context.getAttribute(module, className);
      context.setTypeName(type, typeName);
      context.release(type);
    }
    return module;
  };
}
