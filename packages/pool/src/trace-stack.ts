import type { TraceFrame } from "./trace-traceback.js";

/** V8's frame lines start with "at "; SpiderMonkey and JavaScriptCore write "name@location". */
const V8_FRAME_PREFIX = /^\s*at /;
const LOCATION = /^(.*):(\d+):(\d+)$/;
const LOCATION_NO_COLUMN = /^(.*):(\d+)$/;

/**
 * The frame lines of the current call stack, minus this function's own frame and `skipFrames`
 * more, at most `limit` of them, most recent first — the raw text {@link parseStackFrames} reads.
 *
 * @remarks
 * Uses `new Error().stack`, raising `Error.stackTraceLimit` for the call only (V8 honours it; other
 * engines capture their default depth, which is then cut). The text doubles as an interning key:
 * two allocations from the same call path give the same string.
 *
 * @example
 * ```ts
 * import { captureStack, parseStackFrames } from "@pymem/pool";
 * const frames = parseStackFrames(captureStack(0, 5)); // the caller's 5 innermost frames
 * ```
 */
export function captureStack(skipFrames: number, limit: number): string {
  const errorConstructor = Error as ErrorConstructor & { stackTraceLimit?: number };
  const savedLimit = errorConstructor.stackTraceLimit;
  errorConstructor.stackTraceLimit = 1 + skipFrames + limit;
  const stack = new Error().stack ?? "";
  errorConstructor.stackTraceLimit = savedLimit;
  const lines = stack.split("\n");
  let first = 0;
  while (first < lines.length && !isFrameLine(lines[first]!)) first++;
  first += 1 + skipFrames;
  return lines.slice(first, first + limit).join("\n");
}

function isFrameLine(line: string): boolean {
  return V8_FRAME_PREFIX.test(line) || line.includes("@");
}

/**
 * Parses stack frame lines (V8's `    at fn (file:line:col)` or `fn@file:line:col`) into
 * `{ filename, lineno }` frames, most recent first. `file://` is stripped from file URLs; a frame
 * without a location keeps its text as the filename with line 0.
 *
 * @example
 * ```ts
 * import { parseStackFrames } from "@pymem/pool";
 * parseStackFrames("    at run (file:///app/main.js:10:3)"); // [{ filename: "/app/main.js", lineno: 10 }]
 * ```
 */
export function parseStackFrames(text: string): TraceFrame[] {
  const frames: TraceFrame[] = [];
  for (const rawLine of text.split("\n")) {
    const line = rawLine.trim();
    if (line === "") continue;
    frames.push(parseFrameLine(line));
  }
  return frames;
}

function parseFrameLine(line: string): TraceFrame {
  let location: string;
  if (V8_FRAME_PREFIX.test(line)) {
    location = line.replace(V8_FRAME_PREFIX, "");
    if (location.endsWith(")")) {
      location = location.slice(location.lastIndexOf("(") + 1, -1);
    }
    // "eval at f (file:1:2), <anonymous>:1:1": the eval'd code's own position comes last.
    const comma = location.lastIndexOf(", ");
    if (comma >= 0) location = location.slice(comma + 2);
  } else {
    location = line.slice(line.lastIndexOf("@") + 1);
  }
  const match = LOCATION.exec(location) ?? LOCATION_NO_COLUMN.exec(location);
  if (match === null) return { filename: location, lineno: 0 };
  return { filename: stripFileScheme(match[1]!), lineno: Number(match[2]) };
}

function stripFileScheme(filename: string): string {
  return filename.startsWith("file://") ? filename.slice("file://".length) : filename;
}
