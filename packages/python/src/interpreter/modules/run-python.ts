import type { RuntimeOptions } from "@pymem/runtime";
import { Interpreter } from "../interpreter.js";

/**
 * Runs a script on a fresh interpreter for the modules' tests: output captured as strings,
 * unraisable reports and `gc` debug output on the captured stderr, the heap verified afterwards.
 *
 * @internal
 */
export function runPython(
  source: string,
  runtimeOptions: Partial<RuntimeOptions> = {},
): { stdout: string; stderr: string; ok: boolean; interpreter: Interpreter } {
  let stdout = "";
  let stderr = "";
  const interpreter = new Interpreter({
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    runtimeOptions: {
      unraisableSink: (text) => {
        stderr += text;
      },
      debugSink: (text) => {
        stderr += text;
      },
      ...runtimeOptions,
    },
  });
  const result = interpreter.run(source, "test.py");
  interpreter.runtime.verify();
  return {
    get stdout() {
      return stdout;
    },
    // Addresses differ from CPython's by design: compare the text around them.
    get stderr() {
      return stderr.replace(/ at 0x[0-9a-f]+/g, " at 0x…");
    },
    ok: result.ok,
    interpreter,
  };
}

/**
 * Lines of Python as one script (tests read better as arrays of lines).
 *
 * @internal
 */
export function lines(...source: string[]): string {
  return `${source.join("\n")}\n`;
}
