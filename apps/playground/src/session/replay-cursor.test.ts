import { Interpreter } from "@pymem/python";
import { describe, expect, it } from "vitest";
import type { Snapshot } from "./recording.js";
import {
  captureStatements,
  DEFAULT_SESSION_SETTINGS,
  runReplayCursor,
  runSession,
  type SessionSettings,
} from "./run-session.js";
import type { CapturePlan } from "./session-recorder.js";

// A paused replay sent forward window by window must show exactly what a fresh replay to each
// window shows: same frames, graph (new, changed and freed objects), pool map, counts, output.

const create = (options: ConstructorParameters<typeof Interpreter>[0]) => new Interpreter(options);

const PROGRAM = `import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

def make_counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

def countdown(n):
    while n > 0:
        yield n
        n -= 1

counter = make_counter()
items = []
for i in range(60):
    items.append((i, str(i)))
    if i % 7 == 0:
        a = Node("a")
        b = Node("b")
        a.other = b
        b.other = a
        del a, b
    if i % 11 == 0:
        print(i, counter(), fact(i % 6), list(countdown(3)))
del items
print("collected", gc.collect())
`;

/** Each window a cursor is sent through, in order, as `captureStatements` would be asked. */
function windows(statements: number): CapturePlan[] {
  return [
    { from: 30, to: 40 },
    { from: 41, to: 41 },
    { from: 100, to: 150 },
    { from: statements - 60, to: statements - 50 },
    { from: statements - 8, to: statements - 1 },
  ];
}

describe("runReplayCursor", () => {
  it("captures each window exactly as a fresh replay up to it does", { timeout: 60_000 }, () => {
    const settings: SessionSettings = {
      ...DEFAULT_SESSION_SETTINGS,
      recorder: { fullSnapshots: 10 },
    };
    const recording = runSession(PROGRAM, settings, create);
    expect(recording.outcome.ok).toBe(true);
    const plans = windows(recording.statements);
    const fromCursor: Snapshot[][] = [];
    const pauses: number[] = [];
    let next = 0;
    let ended: readonly Snapshot[] | undefined;
    // The first pause is one statement before the first window (its "previous" snapshot).
    runReplayCursor(PROGRAM, settings, create, plans[0]!.from - 1, {
      pause(position, snapshots) {
        pauses.push(position);
        if (next > 0)
          fromCursor.push(snapshots.filter((s) => s.statement >= plans[next - 1]!.from));
        const plan = plans[next++];
        if (plan === undefined)
          return { from: Number.POSITIVE_INFINITY, to: Number.POSITIVE_INFINITY };
        return { from: plan.from - 1, to: plan.to };
      },
      end(snapshots) {
        ended = snapshots;
      },
    });
    // The last window reaches the last statement: its snapshots come with the end of the run.
    expect(ended).toBeDefined();
    fromCursor.push(ended!.filter((s) => s.statement >= plans.at(-1)!.from));
    expect(pauses).toEqual([29, ...plans.slice(0, -1).map((plan) => plan.to + 1)]);
    for (const [i, plan] of plans.entries()) {
      const fresh = captureStatements(
        PROGRAM,
        settings,
        create,
        plan.from,
        plan.to,
        recording.trace.steps[plan.to]!,
      );
      expect(fresh.map((s) => s.statement)).toEqual(
        Array.from({ length: plan.to - plan.from + 1 }, (_, k) => plan.from + k),
      );
      expect(fromCursor[i], `window ${plan.from}–${plan.to}`).toEqual(fresh);
    }
    // Somewhere in these windows a collection ran and objects were freed by refcount.
    const all = fromCursor.flat();
    expect(all.some((s) => s.graph.freed.length > 0)).toBe(true);
    expect(all.some((s) => s.frames.length > 2)).toBe(true);
  });

  it("carries a window on: the two parts are what one window from a fresh replay is", {
    timeout: 60_000,
  }, () => {
    const settings: SessionSettings = {
      ...DEFAULT_SESSION_SETTINGS,
      recorder: { fullSnapshots: 10 },
    };
    const recording = runSession(PROGRAM, settings, create);
    const [from, wanted, to] = [100, 106, 130];
    const parts: Snapshot[][] = [];
    let step = 0;
    runReplayCursor(PROGRAM, settings, create, from - 1, {
      pause(position, snapshots) {
        if (step > 0) parts.push([...snapshots]);
        step++;
        if (step === 1) return { from: from - 1, to: wanted };
        if (step === 2) return { from: position, to, continues: true };
        return { from: Number.POSITIVE_INFINITY, to: Number.POSITIVE_INFINITY };
      },
      end() {},
    });
    const fresh = captureStatements(
      PROGRAM,
      settings,
      create,
      from,
      to,
      recording.trace.steps[to]!,
    );
    const joined = parts.flat().filter((snapshot) => snapshot.statement >= from);
    expect(joined.map((snapshot) => snapshot.statement)).toEqual(
      Array.from({ length: to - from + 1 }, (_, k) => from + k),
    );
    expect(joined).toEqual(fresh);
  });

  it("runs to the end without capturing when told nothing more is wanted", () => {
    let paused = 0;
    let endedWith = -1;
    runReplayCursor("x = 1\ny = 2\nz = 3\n", DEFAULT_SESSION_SETTINGS, create, 1, {
      pause(position, snapshots) {
        paused = position;
        expect(snapshots).toEqual([]);
        return { from: Number.POSITIVE_INFINITY, to: Number.POSITIVE_INFINITY };
      },
      end(snapshots) {
        endedWith = snapshots.length;
      },
    });
    expect(paused).toBe(1);
    expect(endedWith).toBe(0);
  });
});
