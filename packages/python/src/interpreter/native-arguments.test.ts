import { describe, expect, it } from "vitest";
import { runCaptured } from "./modules/run-python.js";

// Each call and the TypeError message CPython 3.13 gives for it
// (`PYENV_VERSION=3.13.0 python3 -c "…"`, captured when this file was written).
const CPYTHON_MESSAGES: ReadonlyArray<readonly [call: string, message: string]> = [
  ["[].append()", "list.append() takes exactly one argument (0 given)"],
  ["[].append(1, 2)", "list.append() takes exactly one argument (2 given)"],
  ["[].insert(1)", "insert expected 2 arguments, got 1"],
  ["[].pop(1, 2)", "pop expected at most 1 argument, got 2"],
  ["[].clear(1)", "list.clear() takes no arguments (1 given)"],
  ["[].remove()", "list.remove() takes exactly one argument (0 given)"],
  ["[].append(x=1)", "list.append() takes no keyword arguments"],
  ["{}.get()", "get expected at least 1 argument, got 0"],
  ["{}.get(1, 2, 3)", "get expected at most 2 arguments, got 3"],
  ["{}.pop()", "pop expected at least 1 argument, got 0"],
  ["{}.setdefault()", "setdefault expected at least 1 argument, got 0"],
  ["{}.update(1, 2)", "update expected at most 1 argument, got 2"],
  ["{}.keys(1)", "dict.keys() takes no arguments (1 given)"],
  ["{}.get(x=1)", "dict.get() takes no keyword arguments"],
  ["''.join()", "str.join() takes exactly one argument (0 given)"],
  ["''.zfill()", "str.zfill() takes exactly one argument (0 given)"],
  ["''.upper(1)", "str.upper() takes no arguments (1 given)"],
  ["''.ljust()", "ljust expected at least 1 argument, got 0"],
  ["''.join(x=1)", "str.join() takes no keyword arguments"],
  ["list.append(1, 2)", "descriptor 'append' for 'list' objects doesn't apply to a 'int' object"],
  ["dict.keys(1)", "descriptor 'keys' for 'dict' objects doesn't apply to a 'int' object"],
  ["str.upper(1)", "descriptor 'upper' for 'str' objects doesn't apply to a 'int' object"],
];

describe("built-in methods: argument checking as CPython 3.13's method descriptors", () => {
  it.each(CPYTHON_MESSAGES)("%s", (call, message) => {
    const run = runCaptured(`try:\n    ${call}\nexcept TypeError as e:\n    print(e)\n`, "case.py");
    expect(run.ok).toBe(true);
    expect(run.stdout).toBe(`${message}\n`);
    run.interpreter.dispose();
  });
});
