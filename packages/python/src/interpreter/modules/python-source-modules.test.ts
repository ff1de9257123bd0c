import { createRuntime } from "@pymem/runtime";
import { describe, expect, it } from "vitest";
import { Interpreter } from "../interpreter.js";
import { lines, runPython } from "./run-python.js";

/**
 * The modules written in Python (collections, itertools, functools, operator, copy, json, io,
 * atexit, __future__, heapq.merge, sys's Python part): their objects live on the pymem heap and
 * are counted, tracked and collected like a script's own; their work is charged to the step
 * limit and bounded by the heap cap; importing and disposing leaves the heap as it was. CPython's
 * observable behaviour is checked by the differential corpus folders of the same names.
 */
function runLimited(source: string, options: { stepLimit?: number; maximumBytes?: number }) {
  const runtime = createRuntime({ maximumBytes: options.maximumBytes ?? 64 << 20 });
  const interpreter = new Interpreter({
    runtime,
    stdout: () => {},
    stderr: () => {},
    stepLimit: options.stepLimit ?? 2_000_000,
  });
  const result = interpreter.run(source, "limits.py");
  runtime.verify();
  interpreter.dispose();
  runtime.verify();
  return result;
}

const MODULES = [
  "collections",
  "itertools",
  "functools",
  "operator",
  "copy",
  "json",
  "io",
  "atexit",
  "__future__",
  "heapq",
  "sys",
];

describe("modules written in Python", () => {
  it("import, run and dispose without leaving anything alive", { timeout: 60_000 }, () => {
    const runtime = createRuntime();
    const before = runtime.heap.snapshot();
    let stdout = "";
    const interpreter = new Interpreter({
      runtime,
      stdout: (text) => {
        stdout += text;
      },
    });
    const result = interpreter.run(
      lines(
        `import ${MODULES.join(", ")}`,
        "d = collections.deque([1, 2, 3], maxlen=2)",
        "c = collections.Counter('abracadabra')",
        "p = functools.partial(operator.add, 1)",
        "print(d, c.most_common(1), p(2), json.dumps(copy.deepcopy({'k': [1]})))",
        "print(list(itertools.islice(itertools.count(), 3)), list(heapq.merge([1, 3], [2])))",
      ),
      "modules.py",
    );
    interpreter.dispose();
    expect(result.ok).toBe(true);
    expect(stdout).toBe("deque([2, 3], maxlen=2) [('a', 5)] 3 {\"k\": [1]}\n[0, 1, 2] [1, 2, 3]\n");
    runtime.verify();
    expect(runtime.heap.leaksSince(before)).toEqual([]);
  });

  it("their containers are tracked by the collector and free their cycles", {
    timeout: 60_000,
  }, () => {
    const run = runPython(
      lines(
        "import gc, weakref, collections, functools",
        "print(gc.is_tracked(collections.deque()), gc.is_tracked(collections.defaultdict(list)))",
        "class Node:",
        "    pass",
        "n = Node()",
        "n.queue = collections.deque([n])",
        "n.call = functools.partial(print, n)",
        "n.cache = functools.lru_cache(maxsize=None)(lambda x: n)",
        "n.cache(1)",
        "r = weakref.ref(n)",
        "del n",
        "print(r() is not None, gc.collect() > 0, r() is None)",
      ),
    );
    expect(run.stdout).toBe("True True\nTrue True True\n");
    run.interpreter.dispose();
  });

  it("charge their work to the step limit", { timeout: 60_000 }, () => {
    for (const program of [
      "import collections\ncollections.deque(range(10**9))",
      "import itertools\nfor x in itertools.count():\n    pass",
      "import collections\ncollections.Counter(range(10**9))",
      "import json\njson.dumps(list(range(10**6)))",
      "import copy\ncopy.deepcopy(list(range(10**6)))",
    ]) {
      const result = runLimited(program, { stepLimit: 20_000 });
      expect(result.error?.typeName).toBe("StepLimitError");
    }
  });

  it("stay within the heap cap: a result too big ends in MemoryError", { timeout: 60_000 }, () => {
    const result = runLimited("import itertools\n''.join(itertools.repeat('x' * 100_000, 200))", {
      maximumBytes: 8 << 20,
    });
    expect(result.error?.typeName).toBe("MemoryError");
  });

  it("run atexit callbacks at dispose, last registered first", () => {
    const run = runPython(
      lines(
        "import atexit",
        "atexit.register(print, 'registered first')",
        "atexit.register(print, 'registered second')",
        "print('script done')",
      ),
    );
    expect(run.stdout).toBe("script done\n");
    run.interpreter.dispose();
    expect(run.stdout).toBe("script done\nregistered second\nregistered first\n");
  });
});
