import { createRuntime } from "@pymem/runtime";
import { describe, expect, it } from "vitest";
import { lines, runCaptured } from "./run-python.js";

// The differential corpus (corpus/weakref-containers) compares the output with CPython's; these
// pin down what it cannot see: the at-exit phase of dispose() and the heap afterwards.

describe("weakref containers and finalize", () => {
  it("calls live finalizers at exit, newest first, then leaves nothing behind", {
    timeout: 30_000,
  }, () => {
    const runtime = createRuntime();
    const before = runtime.heap.snapshot();
    const run = runCaptured(
      lines(
        "import weakref",
        "class T: pass",
        "keep = [T(), T(), T()]",
        "fs = [weakref.finalize(t, print, 'exit', i) for i, t in enumerate(keep)]",
        "fs[1].atexit = False",
        "cache = weakref.WeakValueDictionary(a=keep[0])",
        "seen = weakref.WeakSet(keep)",
        "print('script done', len(cache), len(seen))",
      ),
      "<string>",
      { runtime },
    );
    expect(run.ok).toBe(true);
    expect(run.stdout).toBe("script done 1 3\n");
    run.interpreter.dispose();
    expect(run.stdout).toBe("script done 1 3\nexit 2\nexit 0\n");
    expect(run.stderr).toBe("");
    expect(runtime.heap.leaksSince(before)).toEqual([]);
    runtime.verify();
  });

  it("reports a finalizer that raises at exit and still runs the others", {
    timeout: 30_000,
  }, () => {
    const run = runCaptured(
      lines(
        "import weakref",
        "class T: pass",
        "a, b = T(), T()",
        "weakref.finalize(a, print, 'first registered')",
        "def boom(): raise ValueError('at exit')",
        "weakref.finalize(b, boom)",
      ),
      "<string>",
    );
    run.interpreter.dispose();
    expect(run.stdout).toBe("first registered\n");
    expect(run.stderr).toContain("ValueError: at exit");
  });

  it("drops WeakValueDictionary entries in a collection, before any __del__ of the garbage", {
    timeout: 30_000,
  }, () => {
    const run = runCaptured(
      lines(
        "import gc, weakref",
        "d = weakref.WeakValueDictionary()",
        "class N:",
        "    def __del__(self): print('del', len(d))",
        "a = N(); a.me = a; d['a'] = a; del a",
        "print(len(d)); gc.collect(); print(len(d))",
      ),
      "<string>",
    );
    expect(run.stdout).toBe("1\ndel 0\n0\n");
    run.interpreter.dispose();
  });
});
