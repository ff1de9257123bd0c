import { internalHeap } from "@pymem/heap/internal";
import { createRuntime } from "@pymem/runtime";
import { describe, expect, it } from "vitest";
import { Interpreter } from "../interpreter.js";
import { runCaptured } from "./run-python.js";

const SCRIPT = `import gc, sys, weakref
class C:
    pass
c = C()
def cb(r):
    print("callback")
w = weakref.ref(c, cb)
gc.callbacks.append(lambda phase, info: print(phase))
gc.set_debug(gc.DEBUG_SAVEALL)
l = []
l.append(l)
del l
gc.collect()
print(len(gc.garbage), sys.getrefcount(c))
frozen = []
frozen.append(frozen)
gc.freeze()
gc.disable()
gc.set_threshold(5, 6, 7)
`;

describe("native modules and Interpreter.dispose()", () => {
  it("leave nothing behind: no leaked objects, no hooks on the runtime", () => {
    const runtime = createRuntime();
    const before = runtime.heap.snapshot();
    const outcome = runCaptured(SCRIPT, "<string>", { runtime });
    expect(outcome.ok).toBe(true);
    expect(outcome.stdout).toBe("start\nstop\n1 2\n");
    outcome.interpreter.dispose();
    expect(outcome.stdout).toBe("start\nstop\n1 2\ncallback\n");
    expect(outcome.stderr).toBe("");
    // The weakref's referent died during dispose: its Python callback ran before the caller
    // was uninstalled, and nothing of the interpreter is left.
    expect(runtime.heap.leaksSince(before)).toEqual([]);
    expect(runtime.gc!.callbacks).toEqual([]);
    expect(runtime.gc!.getDebug()).toBe(0);
    expect(runtime.gc!.isEnabled()).toBe(true);
    expect(runtime.gc!.getThreshold()).toEqual([2000, 10, 10]);
    expect(runtime.gc!.getFreezeCount()).toBe(0);
    expect(internalHeap(runtime.heap).callbacks.objectCaller).toBeUndefined();
    runtime.verify();
  });

  it("let a second interpreter reuse the runtime without the first one's callbacks", () => {
    const runtime = createRuntime();
    const first = new Interpreter({ runtime, stdout: () => {}, stderr: () => {} });
    first.run("import gc\ngc.callbacks.append(lambda p, i: print('first', p))\n");
    first.dispose();
    let stdout = "";
    const second = new Interpreter({
      runtime,
      stdout: (text) => {
        stdout += text;
      },
    });
    expect(second.run("import gc\nprint(gc.callbacks, gc.collect() >= 0)\n").ok).toBe(true);
    expect(stdout).toBe("[] True\n");
    second.dispose();
    runtime.verify();
  });
});
