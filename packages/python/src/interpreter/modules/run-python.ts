import type { RuntimeOptions } from "@pymem/runtime";
import { Interpreter, type InterpreterOptions } from "../interpreter.js";

/**
 * What a captured run printed (read live: `dispose()` may print more) and how it ended.
 *
 * @example
 * ```ts
 * const { stdout, ok } = runCaptured("print(1)", "case.py");
 * ```
 * @internal
 */
export interface CapturedRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly ok: boolean;
  readonly interpreter: Interpreter;
}

/**
 * Runs `source` as `filename` on a new interpreter made from `options`, with stdout and stderr
 * captured as strings (and, when the interpreter makes its own runtime, that runtime's unraisable
 * reports and `gc` debug output on the captured stderr); verifies the heap afterwards.
 *
 * @example
 * ```ts
 * const run = runCaptured("x = [1]\nprint(x)", "case.py", { runtime });
 * run.interpreter.dispose();
 * ```
 * @internal
 */
export function runCaptured(
  source: string,
  filename: string,
  options: Partial<InterpreterOptions> = {},
): CapturedRun {
  let stdout = "";
  let stderr = "";
  const interpreter = new Interpreter({
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    ...options,
    runtimeOptions: {
      unraisableSink: (text) => {
        stderr += text;
      },
      debugSink: (text) => {
        stderr += text;
      },
      ...options.runtimeOptions,
    },
  });
  const result = interpreter.run(source, filename);
  interpreter.runtime.verify();
  return {
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    ok: result.ok,
    interpreter,
  };
}

/**
 * Runs a script on a fresh interpreter for the modules' tests: {@link runCaptured} as `test.py`,
 * with addresses in stderr masked.
 *
 * @internal
 */
export function runPython(
  source: string,
  runtimeOptions: Partial<RuntimeOptions> = {},
): CapturedRun {
  const run = runCaptured(source, "test.py", { runtimeOptions });
  return {
    get stdout() {
      return run.stdout;
    },
    // Addresses differ from CPython's by design: compare the text around them.
    get stderr() {
      return run.stderr.replace(/ at 0x[0-9a-f]+/g, " at 0x…");
    },
    ok: run.ok,
    interpreter: run.interpreter,
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
