import { Interpreter } from "@pymem/python";
import type { Runtime } from "@pymem/runtime";
import { describe, expect, it } from "vitest";
import { EXAMPLES } from "../examples/index.js";
import {
  DEFAULT_SESSION_SETTINGS,
  type InterpreterFactory,
  runReplayCursor,
  runSession,
  type SessionInterpreterOptions,
  type SessionSettings,
} from "./run-session.js";

// The recorder reads the heap while the program runs: it names objects (a class's, a function's,
// a module's repr), reads frames and walks the object graph. A read that allocated — one interned
// name, one temporary — would shift every later address, and a replay (which reads only the
// statements it captures) would no longer show what the recording showed. So: the same program
// run twice, once with the recorder capturing every statement and once with it capturing none,
// must have byte-identical heap memory before every statement.

/** Statements whose heap is fingerprinted: every one of a short program, then a sample. */
function fingerprinted(statement: number): boolean {
  return statement < 600 || statement % 211 === 0;
}

/** FNV-1a over the heap's words: equal memory, equal fingerprint. */
function fingerprint(runtime: Runtime): number {
  const words = runtime.heap.memory.u32;
  let hash = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) hash = Math.imul(hash ^ words[i]!, 0x01000193);
  return hash >>> 0;
}

/**
 * An interpreter factory that fingerprints the heap before the recorder sees each of the
 * program's statements and returns (so before it reads anything for that step).
 */
function fingerprinting(into: number[]): InterpreterFactory {
  return (options: SessionInterpreterOptions) => {
    let statement = 0;
    const before = (filename: string): void => {
      if (filename !== "main.py") return;
      if (fingerprinted(statement)) into.push(fingerprint(options.runtime));
      statement++;
    };
    const { onStatement, onReturn } = options;
    return new Interpreter({
      ...options,
      onStatement: (event) => {
        before(event.filename);
        onStatement?.(event);
      },
      onReturn: (event) => {
        before(event.filename);
        onReturn?.(event);
      },
    });
  };
}

/** Classes, closures, generators, modules, exceptions and cycles: the names the recorder reads. */
const PROGRAMS: Record<string, string> = {
  "classes and methods": `class Shape:
    sides = 0
    def __init__(self, name):
        self.name = name
    def describe(self):
        return f"{self.name} has {self.sides} sides"

class Square(Shape):
    sides = 4
    __slots__ = ("size",)

shapes = [Shape("blob"), Square("sq")]
for shape in shapes:
    print(shape.describe(), type(shape).__name__, Square.__mro__[1].__qualname__)
bound = shapes[1].describe
print(bound())
`,
  "closures and lambdas": `def make_counter(start):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

counters = [make_counter(i) for i in range(3)]
adders = [lambda x, k=k: x + k for k in range(3)]
print([c() for c in counters], [a(10) for a in adders], counters[0](5))
`,
  "generators and comprehensions": `def countdown(n):
    while n > 0:
        yield n
        n -= 1

def pairs(items):
    for i, item in enumerate(items):
        yield i, item

gen = countdown(4)
print(next(gen), list(gen), dict(pairs("abc")), {x % 3 for x in range(10)})
squares = (x * x for x in range(5))
print(sum(squares))
`,
  "modules, exceptions and cycles": `import gc
import math
import weakref
import collections

class Node:
    def __init__(self, value):
        self.value = value
        self.other = None

a = Node(1)
b = Node(2)
a.other = b
b.other = a
ref = weakref.ref(a)
del a, b
print(gc.collect(), ref() is None, math.sqrt(16), collections.Counter("abca").most_common(1))
try:
    raise ValueError("bad")
except ValueError as error:
    print(type(error).__name__, error)
point = collections.namedtuple("Point", "x y")(1, 2)
print(point, math, gc)
`,
};

const SOURCES: ReadonlyArray<readonly [string, string]> = [
  ...EXAMPLES.map((example) => [`example ${example.id}`, example.source] as const),
  ...Object.entries(PROGRAMS),
];

describe("the recorder's reads", () => {
  for (const [name, source] of SOURCES)
    it(`leave the heap as an unread run has it: ${name}`, { timeout: 120_000 }, () => {
      const settings: SessionSettings = {
        ...DEFAULT_SESSION_SETTINGS,
        // Every statement captured in full: frames, names, graph, pool map.
        recorder: { fullSnapshots: 2_000 },
      };
      const read: number[] = [];
      const recording = runSession(source, settings, fingerprinting(read));
      expect(recording.outcome.ok, recording.outcome.message).toBe(true);
      // The same program with a recorder that captures nothing and only counts statements.
      const unread: number[] = [];
      let captured = 0;
      runReplayCursor(source, settings, fingerprinting(unread), Number.POSITIVE_INFINITY, {
        pause: () => ({ from: Number.POSITIVE_INFINITY, to: Number.POSITIVE_INFINITY }),
        end: (snapshots) => {
          captured = snapshots.length;
        },
      });
      expect(captured).toBe(0);
      expect(read.length).toBeGreaterThan(0);
      expect(read.length).toBe(unread.length);
      const firstDifference = read.findIndex((hash, index) => hash !== unread[index]);
      expect(firstDifference, "first statement whose heap differs").toBe(-1);
    });
});
