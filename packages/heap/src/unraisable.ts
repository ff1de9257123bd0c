/**
 * Formats an exception the way CPython's default `sys.unraisablehook` prints it:
 *
 * ```text
 * Exception ignored in: <function C.__del__ at 0x…>
 * Traceback (most recent call last):
 *   File "…", line N, in f
 * ValueError: boom
 * ```
 *
 * JavaScript stack frames become `File` lines, oldest first as in Python. `message` replaces the
 * first line's "Exception ignored in", as CPython's `err_msg` argument does (it is
 * "Exception ignored in sys.unraisablehook" when the hook itself failed).
 *
 * @example
 * ```ts
 * formatUnraisable(new Error("boom"), "<function C.__del__>");
 * ```
 */
export function formatUnraisable(
  error: unknown,
  context: string,
  message = "Exception ignored in",
): string {
  const lines = [`${message}: ${context}`];
  if (error instanceof Error) {
    lines.push("Traceback (most recent call last):");
    const frames: string[] = [];
    for (const raw of (error.stack ?? "").split("\n").slice(1)) {
      const line = raw.trim();
      if (!line.startsWith("at ")) continue;
      const named = /^at (.*?) \((.*):(\d+):\d+\)$/.exec(line);
      const bare = /^at (.*):(\d+):\d+$/.exec(line);
      if (named !== null) frames.push(`  File "${named[2]}", line ${named[3]}, in ${named[1]}`);
      else if (bare !== null) frames.push(`  File "${bare[1]}", line ${bare[2]}, in <module>`);
    }
    lines.push(...frames.reverse());
    lines.push(error.message === "" ? error.name : `${error.name}: ${error.message}`);
  } else {
    lines.push(`${typeof error}: ${String(error)}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The default `unraisableSink`: writes to stderr where there is a `process`, else to
 * `console.error`.
 *
 * @example
 * ```ts
 * defaultUnraisableSink(formatUnraisable(new Error("boom"), "<function f>"));
 * ```
 */
export function defaultUnraisableSink(text: string): void {
  const stderr = (globalThis as { process?: { stderr?: { write(text: string): unknown } } }).process
    ?.stderr;
  if (stderr !== undefined) stderr.write(text);
  else console.error(text);
}
