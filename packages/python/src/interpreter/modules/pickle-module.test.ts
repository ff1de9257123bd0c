import { createRuntime } from "@pymem/runtime";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Interpreter } from "../interpreter.js";

/**
 * `pickle.loads` on hostile input: random byte strings, and valid pickles of every protocol
 * truncated, with bytes flipped or spliced. Every input must end in one of the exceptions
 * CPython's unpickler raises for bad data (or load something), never in an internal error; the
 * heap verifies afterwards and disposing the interpreter leaves nothing alive. The bytes
 * `dumps` writes and the messages are checked against CPython by the corpus folder `pickle/`.
 */

/** The exceptions malformed pickles raise in CPython 3.13 (C unpickler). */
const EXPECTED_ERRORS = new Set([
  "UnpicklingError",
  "EOFError",
  "ValueError",
  "TypeError",
  "KeyError",
  "IndexError",
  "AttributeError",
  "ModuleNotFoundError",
  "ImportError",
  "UnicodeDecodeError",
  "OverflowError",
  "MemoryError",
  "RecursionError",
  "ZeroDivisionError",
  "LookupError",
]);

/** Valid pickles of built-in data in every protocol, made by pymem's own dumps in the run. */
const SEED_SOURCE = `
import pickle
from fractions import Fraction
shared = [1, 'two']
cycle = [shared]
cycle.append(cycle)
values = [None, True, 7, -300, 2**70, 1.5, 'h\\xe9\\u20ac', b'by', bytearray(b'ba'), (1, (2,)),
          {'k': shared, 3: frozenset({4})}, {5, 6}, cycle, Fraction(1, 3), range(2)]
seeds = [pickle.dumps(values, p) for p in range(6)]
`;

function bytesLiteral(data: Uint8Array): string {
  return `b'${Array.from(data, (byte) => `\\x${byte.toString(16).padStart(2, "0")}`).join("")}'`;
}

/** Runs the unpickler over every input in one interpreter; returns the exception names seen. */
function loadAll(inputsSource: string): { errors: string[]; ok: boolean; stderr: string } {
  const runtime = createRuntime({ maximumBytes: 64 << 20 });
  const before = runtime.heap.snapshot();
  let stdout = "";
  let stderr = "";
  const interpreter = new Interpreter({
    runtime,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stepLimit: 20_000_000,
  });
  const result = interpreter.run(
    `${SEED_SOURCE}${inputsSource}
seen = set()
for data in inputs:
    try:
        pickle.loads(data)
    except Exception as e:
        seen.add(type(e).__name__)
print(' '.join(sorted(seen)))
`,
    "fuzz.py",
  );
  runtime.verify();
  interpreter.dispose();
  runtime.gc?.collect();
  runtime.heap.clearFreeLists();
  runtime.verify();
  expect(runtime.heap.leaksSince(before)).toEqual([]);
  return {
    errors: stdout.trim().split(" ").filter(Boolean),
    ok: result.error === undefined,
    stderr,
  };
}

describe("pickle.loads on malformed input", () => {
  it("random byte strings end in CPython's exceptions; the heap verifies", {
    timeout: 240_000,
  }, () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 0, maxLength: 24 }), { minLength: 20, maxLength: 40 }),
        (inputs) => {
          const run = loadAll(`inputs = [${inputs.map(bytesLiteral).join(", ")}]\n`);
          expect(run.stderr).toBe("");
          expect(run.ok).toBe(true);
          for (const name of run.errors) expect(EXPECTED_ERRORS).toContain(name);
        },
      ),
      { numRuns: 6 },
    );
  });

  it("truncated and mutated valid pickles end in CPython's exceptions; the heap verifies", {
    timeout: 240_000,
  }, () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            seed: fc.integer({ min: 0, max: 5 }),
            cut: fc.nat(),
            flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }),
          }),
          { minLength: 20, maxLength: 40 },
        ),
        (mutations) => {
          const make = mutations
            .map(
              ({ seed, cut, flips }) =>
                `mutate(seeds[${seed}], ${cut}, [${flips.map(([at, byte]) => `(${at}, ${byte})`).join(", ")}])`,
            )
            .join(", ");
          const run = loadAll(`
def mutate(data, cut, flips):
    data = bytearray(data[:1 + cut % len(data)])
    for at, byte in flips:
        data[at % len(data)] = byte
    return bytes(data)
inputs = [${make}]
`);
          expect(run.stderr).toBe("");
          expect(run.ok).toBe(true);
          for (const name of run.errors) expect(EXPECTED_ERRORS).toContain(name);
        },
      ),
      { numRuns: 6 },
    );
  });
});
