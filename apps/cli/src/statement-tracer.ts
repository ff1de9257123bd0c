import type { StatementEvent } from "@pymem/python";
import type { Runtime } from "@pymem/runtime";
import { AllocationCounter } from "./allocation-counter.js";

/** A `gc.callbacks` entry (`@pymem/gc`'s `GcCallback`, reached through the runtime's type). */
type GcCallback = NonNullable<Runtime["gc"]>["callbacks"][number];

/**
 * `pymem run --trace`: one line per executed statement with what it did to memory —
 * `line 4: +3 blocks −1 blocks, collections: gen0 (2 collected)`. Each line is written when the
 * next statement starts (or the run ends), so it holds everything the statement caused,
 * including deallocations and collections in the middle of it.
 *
 * @example
 * ```ts
 * const tracer = new StatementTracer(runtime, io.stderr);
 * new Interpreter({ runtime, onStatement: (event) => tracer.onStatement(event) }).run(source);
 * tracer.finish();
 * ```
 */
export class StatementTracer {
  private readonly counter: AllocationCounter;
  private readonly runtime: Runtime;
  private readonly write: (text: string) => void;
  private readonly gcCallback: GcCallback;
  /** Collections finished since the current statement started, as `genN (k collected)`. */
  private collections: string[] = [];
  private line = 0;
  private allocationsAtStart = 0;
  private freesAtStart = 0;

  constructor(runtime: Runtime, write: (text: string) => void) {
    this.runtime = runtime;
    this.write = write;
    this.counter = new AllocationCounter(runtime.allocator);
    this.gcCallback = (phase, info) => {
      if (phase !== "stop") return;
      const uncollectable = info.uncollectable > 0 ? `, ${info.uncollectable} uncollectable` : "";
      this.collections.push(`gen${info.generation} (${info.collected} collected${uncollectable})`);
    };
    runtime.gc?.callbacks.push(this.gcCallback);
  }

  /** The interpreter's `onStatement` hook: reports the previous statement, starts the next. */
  onStatement(event: StatementEvent): void {
    this.report();
    this.line = event.line;
    this.allocationsAtStart = this.counter.allocations;
    this.freesAtStart = this.counter.frees;
    this.collections = [];
  }

  /** Reports the last statement and detaches from the runtime. */
  finish(): void {
    this.report();
    this.line = 0;
    this.counter.detach();
    const callbacks = this.runtime.gc?.callbacks;
    const index = callbacks?.indexOf(this.gcCallback) ?? -1;
    if (index >= 0) callbacks!.splice(index, 1);
  }

  private report(): void {
    if (this.line === 0) return;
    const allocated = this.counter.allocations - this.allocationsAtStart;
    const freed = this.counter.frees - this.freesAtStart;
    const collections = this.collections.length === 0 ? "none" : this.collections.join(", ");
    this.write(
      `line ${this.line}: +${allocated} blocks −${freed} blocks, collections: ${collections}\n`,
    );
  }
}
