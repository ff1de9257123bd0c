/**
 * Where every statement of a run was, compactly: a few typed-array entries per statement, so a
 * two-million-statement run costs tens of megabytes, not a snapshot each. Plain data (typed arrays
 * and arrays), so it crosses a worker boundary as it is.
 *
 * @example
 * ```ts
 * const { line, functionName } = statementAt(recording.trace, 41);
 * ```
 */
export interface StatementTrace {
  /** Statements traced. */
  readonly length: number;
  /** Per statement: its 1-based line. */
  readonly lines: Uint32Array;
  /** Per step: 0 for a statement, 1 for a function returning (see {@link RETURN_STEP}). */
  readonly kinds: Uint8Array;
  /** Per statement: the call depth (0 = module level). */
  readonly depths: Uint16Array;
  /** Per statement: index into {@link functionNames} of the running code's name. */
  readonly functions: Uint16Array;
  /** Per statement: the interpreter's step counter when it was about to run. */
  readonly steps: Float64Array;
  /** Distinct code names, as indexed by {@link functions}. */
  readonly functionNames: readonly string[];
  /** Statements at which the output length changed, ascending… */
  readonly outputStatements: readonly number[];
  /** …and the characters of output written before each of them. */
  readonly outputLengths: readonly number[];
  /** Statements at which the number of finished collections changed, ascending… */
  readonly gcStatements: readonly number[];
  /** …and the number of collections finished before each of them. */
  readonly gcCounts: readonly number[];
}

/**
 * The {@link StatementTrace.kinds} value of a step where a function returns.
 *
 * @example
 * ```ts
 * if (trace.kinds[i] === RETURN_STEP) console.log("returning from", statementAt(trace, i).functionName);
 * ```
 */
export const RETURN_STEP = 1;

/**
 * One statement of a {@link StatementTrace}, unpacked.
 *
 * @example
 * ```ts
 * const at: TracedStatement = statementAt(trace, 0);
 * ```
 */
export interface TracedStatement {
  /** 1-based line. */
  readonly line: number;
  /** Whether a function returns here (rather than a statement starting). */
  readonly returning: boolean;
  /** Call depth. */
  readonly depth: number;
  /** The running code's name (`"<module>"` at module level). */
  readonly functionName: string;
  /** The interpreter's step counter. */
  readonly steps: number;
  /** Characters of output written before it. */
  readonly outputLength: number;
  /** Collections finished before it. */
  readonly gcEventCount: number;
}

/** The value of a change list at `statement`: the last change at or before it (0 before any). */
function valueAt(statements: readonly number[], values: readonly number[], statement: number) {
  let low = 0;
  let high = statements.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (statements[middle]! <= statement) {
      found = values[middle]!;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * Unpacks statement `index` of `trace` (0-based; must be below `trace.length`).
 *
 * @example
 * ```ts
 * status.textContent = `line ${statementAt(trace, i).line}`;
 * ```
 */
export function statementAt(trace: StatementTrace, index: number): TracedStatement {
  return {
    line: trace.lines[index]!,
    returning: trace.kinds[index] === RETURN_STEP,
    depth: trace.depths[index]!,
    functionName: trace.functionNames[trace.functions[index]!] ?? "<module>",
    steps: trace.steps[index]!,
    outputLength: valueAt(trace.outputStatements, trace.outputLengths, index),
    gcEventCount: valueAt(trace.gcStatements, trace.gcCounts, index),
  };
}

/** `bigger` with `array` copied to its start. */
function grown<T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(
  array: T,
  bigger: T,
): T {
  bigger.set(array);
  return bigger;
}

/**
 * Builds a {@link StatementTrace} one statement at a time (arrays double as they fill).
 *
 * @example
 * ```ts
 * const builder = new StatementTraceBuilder();
 * builder.add(1, 0, "<module>", 1, 0, 0, false);
 * const trace = builder.finish();
 * ```
 */
export class StatementTraceBuilder {
  private length = 0;
  private lines = new Uint32Array(1024);
  private kinds = new Uint8Array(1024);
  private depths = new Uint16Array(1024);
  private functions = new Uint16Array(1024);
  private steps = new Float64Array(1024);
  private readonly functionIndex = new Map<string, number>();
  /** The last name looked up and its index: consecutive statements mostly share their code. */
  private lastFunction = "";
  private lastFunctionIndex = -1;
  private readonly functionNames: string[] = [];
  private readonly outputStatements: number[] = [];
  private readonly outputLengths: number[] = [];
  private readonly gcStatements: number[] = [];
  private readonly gcCounts: number[] = [];

  /** Statements added so far. */
  get count(): number {
    return this.length;
  }

  /**
   * Appends a statement (or, with `returning`, a function returning): where it is, and how much
   * output and how many collections preceded it.
   */
  add(
    line: number,
    depth: number,
    functionName: string,
    steps: number,
    outputLength: number,
    gcEventCount: number,
    returning: boolean,
  ): void {
    const index = this.length;
    if (index === this.lines.length) this.grow();
    let functionIndex = this.lastFunctionIndex;
    if (functionName !== this.lastFunction || functionIndex < 0) {
      functionIndex = this.functionIndex.get(functionName) ?? this.functionNames.length;
      if (functionIndex === this.functionNames.length) {
        this.functionNames.push(functionName);
        this.functionIndex.set(functionName, functionIndex);
      }
      this.lastFunction = functionName;
      this.lastFunctionIndex = functionIndex;
    }
    this.lines[index] = line;
    this.kinds[index] = returning ? RETURN_STEP : 0;
    this.depths[index] = Math.min(depth, 0xffff);
    this.functions[index] = Math.min(functionIndex, 0xffff);
    this.steps[index] = steps;
    if ((this.outputLengths.at(-1) ?? 0) !== outputLength) {
      this.outputStatements.push(index);
      this.outputLengths.push(outputLength);
    }
    if ((this.gcCounts.at(-1) ?? 0) !== gcEventCount) {
      this.gcStatements.push(index);
      this.gcCounts.push(gcEventCount);
    }
    this.length = index + 1;
  }

  /** The trace, its arrays cut to length. */
  finish(): StatementTrace {
    const length = this.length;
    return {
      length,
      lines: this.lines.slice(0, length),
      kinds: this.kinds.slice(0, length),
      depths: this.depths.slice(0, length),
      functions: this.functions.slice(0, length),
      steps: this.steps.slice(0, length),
      functionNames: this.functionNames,
      outputStatements: this.outputStatements,
      outputLengths: this.outputLengths,
      gcStatements: this.gcStatements,
      gcCounts: this.gcCounts,
    };
  }

  private grow(): void {
    this.lines = grown(this.lines, new Uint32Array(this.lines.length * 2));
    this.kinds = grown(this.kinds, new Uint8Array(this.kinds.length * 2));
    this.depths = grown(this.depths, new Uint16Array(this.depths.length * 2));
    this.functions = grown(this.functions, new Uint16Array(this.functions.length * 2));
    this.steps = grown(this.steps, new Float64Array(this.steps.length * 2));
  }
}
