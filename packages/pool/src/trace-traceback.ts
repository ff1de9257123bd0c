/**
 * One frame of a {@link Traceback}: a file and a line, as tracemalloc's `Frame`.
 *
 * @example
 * ```ts
 * const frame: TraceFrame = { filename: "/app/parser.ts", lineno: 42 };
 * ```
 */
export interface TraceFrame {
  /** The script or module URL path (`file://` stripped), or `"<unknown>"`. */
  readonly filename: string;
  /** 1-based line number, or 0 when unknown (and in `"filename"` statistics). */
  readonly lineno: number;
}

/** The frame tracemalloc reports when no Python frame is known (CPython: `unknown_frame`). */
const UNKNOWN_FRAME: TraceFrame = Object.freeze({ filename: "<unknown>", lineno: 0 });

/** Compares two frames like Python compares `(filename, lineno)` tuples. */
function compareFrames(a: TraceFrame, b: TraceFrame): number {
  if (a.filename !== b.filename) return a.filename < b.filename ? -1 : 1;
  return a.lineno - b.lineno;
}

/**
 * The call stack an allocation was made from, oldest frame first, as tracemalloc's `Traceback`.
 *
 * @remarks
 * Like tracemalloc, a traceback is never empty: when no stack was captured it holds the single
 * frame `<unknown>:0`, and `toString()` shows `frames[0]` — the *oldest* frame kept (for
 * `"lineno"` statistics that is the allocating line itself, the only frame).
 *
 * @example
 * ```ts
 * const stat = snapshot.statistics("traceback")[0];
 * console.log(stat.traceback?.format().join("\n"));
 * ```
 */
export class Traceback {
  /** The frames, oldest first (most recent call last), as `Traceback[i]` in Python. */
  readonly frames: readonly TraceFrame[];
  /** Frames the stack had before it was cut to the traceback limit, when known. */
  readonly totalFrames: number | undefined;

  /**
   * @param mostRecentFirst - frames as captured, most recent call first (tracemalloc's C order).
   */
  constructor(mostRecentFirst: readonly TraceFrame[], totalFrames?: number) {
    const frames = mostRecentFirst.length === 0 ? [UNKNOWN_FRAME] : [...mostRecentFirst].reverse();
    this.frames = Object.freeze(frames);
    this.totalFrames = totalFrames;
  }

  /**
   * A stable string identity for grouping: equal tracebacks have equal keys.
   *
   * @example
   * ```ts
   * const same = a.key === b.key;
   * ```
   */
  get key(): string {
    return this.frames.map((frame) => `${frame.filename}\u0000${frame.lineno}`).join("\u0001");
  }

  /**
   * Orders tracebacks like Python orders tuples of `(filename, lineno)` frames.
   *
   * @example
   * ```ts
   * tracebacks.sort((a, b) => a.compare(b));
   * ```
   */
  compare(other: Traceback): number {
    const count = Math.min(this.frames.length, other.frames.length);
    for (let i = 0; i < count; i++) {
      const order = compareFrames(this.frames[i]!, other.frames[i]!);
      if (order !== 0) return order;
    }
    return this.frames.length - other.frames.length;
  }

  /**
   * The lines Python's `Traceback.format()` prints (without source text): `  File "f", line n`,
   * oldest first unless `mostRecentFirst`; `limit` keeps the most recent `limit` frames (or, when
   * negative, the oldest `-limit`).
   *
   * @example
   * ```ts
   * console.log(trace.traceback.format(5, true).join("\n"));
   * ```
   */
  format(limit?: number, mostRecentFirst = false): string[] {
    let frames = [...this.frames];
    if (limit !== undefined) frames = limit > 0 ? frames.slice(-limit) : frames.slice(0, limit);
    if (mostRecentFirst) frames.reverse();
    return frames.map((frame) => `  File "${frame.filename}", line ${frame.lineno}`);
  }

  /**
   * `filename:lineno` of `frames[0]`, as `str(traceback)` in Python.
   *
   * @example
   * ```ts
   * String(trace.traceback); // "/app/parser.ts:42"
   * ```
   */
  toString(): string {
    const frame = this.frames[0]!;
    return `${frame.filename}:${frame.lineno}`;
  }
}
