import type { NativeFunction, NativeModuleFactory } from "../native.js";
import { makeAll } from "./module-support.js";

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
  return pythonSourceModuleWithNatives(name, source, {}, nativeTypes);
}

/**
 * {@link pythonSourceModule} whose source also sees `natives` as globals: TypeScript functions
 * (`builtin_function_or_method` objects named after their keys) that the Python part calls for
 * the work it should not do itself (digests, float packing).
 *
 * @example
 * ```ts
 * const module = pythonSourceModuleWithNatives("m", "def twice(x):\n    return _double(x)\n", {
 *   _double: (context, args) => context.binaryOperation("*", args[0]!, args[0]!),
 * });
 * ```
 */
export function pythonSourceModuleWithNatives(
  name: string,
  source: string,
  natives: Readonly<Record<string, NativeFunction>>,
  nativeTypes: Readonly<Record<string, string>> = {},
): NativeModuleFactory {
  return (context) => {
    const entries = Object.entries(natives);
    const functions = makeAll(
      context,
      entries.map(
        ([functionName, fn]) =>
          () =>
            context.newBuiltinFunction(functionName, fn),
      ),
    );
    let module: number;
    try {
      module = context.runModuleSource(
        name,
        source,
        entries.map(([functionName], i) => [functionName, functions[i]!] as const),
      );
    } finally {
      // The module's globals hold their own references.
      for (const fn of functions) context.release(fn);
    }
    try {
      for (const [className, typeName] of Object.entries(nativeTypes)) {
        const type = context.getAttribute(module, className);
        context.setTypeName(type, typeName);
        context.release(type);
      }
    } catch (error) {
      context.release(module);
      throw error;
    }
    return module;
  };
}
