import { Interpreter } from "@pymem/python";
import {
  captureStatements,
  DEFAULT_SESSION_SETTINGS,
  runSession,
} from "../src/session/run-session.js";
import { statementAt } from "../src/session/statement-trace.js";

// How long the playground takes to show an arbitrary statement of a long run: the first run
// (recording every statement's position), then snapshots made by running the program again up
// to a chosen statement. The anchor is the same program run by the bare interpreter, without
// any hook, in the same process: the recording overhead is the ratio to it.
//
//   node_modules/.bin/tsx apps/playground/bench/step-to-any-statement.ts [steps]

const steps = Number(process.argv[2] ?? 2_000_000);
// Three steps per iteration: the loop test and two statements, each reported to onStatement.
const iterations = Math.floor(steps / 3);
const source = `n = 0\ntotal = 0\nwhile n < ${iterations}:\n    n += 1\n    total += n\nprint(total)\n`;
const settings = { ...DEFAULT_SESSION_SETTINGS, stepLimit: steps * 2 };
const create = (options: ConstructorParameters<typeof Interpreter>[0]) => new Interpreter(options);

function time<T>(run: () => T): { value: T; milliseconds: number } {
  const started = performance.now();
  const value = run();
  return { value, milliseconds: performance.now() - started };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const bare: number[] = [];
const recorded: number[] = [];
const replayed: number[] = [];
const replayedWindow: number[] = [];
let statements = 0;
let executedSteps = 0;
for (let round = 0; round < 3; round++) {
  bare.push(
    time(() => {
      const interpreter = new Interpreter({ stdout: () => {}, stepLimit: steps * 2 });
      interpreter.run(source);
      interpreter.dispose();
    }).milliseconds,
  );
  const first = time(() => runSession(source, settings, create));
  recorded.push(first.milliseconds);
  const recording = first.value;
  statements = recording.statements;
  executedSteps = recording.outcome.steps;
  // The worst case: the last statement (the program runs again almost to its end).
  const target = statements - 1;
  const one = time(() =>
    captureStatements(source, settings, create, target, target, recording.trace.steps[target]!),
  );
  if (one.value[0]?.line !== statementAt(recording.trace, target).line)
    throw new Error("replayed snapshot is not the statement asked for");
  replayed.push(one.milliseconds);
  // What the page asks for: the statement and 24 on either side.
  replayedWindow.push(
    time(() =>
      captureStatements(
        source,
        settings,
        create,
        target - 24,
        target,
        recording.trace.steps[target]!,
      ),
    ).milliseconds,
  );
}

const anchor = median(bare);
console.log(
  `${statements.toLocaleString("en-US")} statements, ${executedSteps.toLocaleString("en-US")} steps; medians of 3`,
);
console.log(`bare interpreter run (anchor):        ${anchor.toFixed(0)} ms`);
console.log(
  `recorded run (trace + ${DEFAULT_SESSION_SETTINGS.recorder.fullSnapshots ?? 400} snapshots): ${median(recorded).toFixed(0)} ms (${(median(recorded) / anchor).toFixed(2)}x anchor)`,
);
console.log(
  `step to the last statement:           ${median(replayed).toFixed(0)} ms (${(median(replayed) / anchor).toFixed(2)}x anchor)`,
);
console.log(
  `same with 24 neighbours (the page):   ${median(replayedWindow).toFixed(0)} ms (${(median(replayedWindow) / anchor).toFixed(2)}x anchor)`,
);
