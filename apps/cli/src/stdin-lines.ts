import { readSync } from "node:fs";

/** One millisecond's pause while a non-blocking stdin has nothing yet (EAGAIN). */
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * A synchronous reader of the lines of file descriptor `fd` (the process's standard input for
 * `pymem run`: what `input()` and `sys.stdin` read, from a pipe, a file or a terminal). Each call
 * returns the next line decoded as UTF-8 with its line break as `\n` (`\r\n` too), or
 * undefined at the end of input; a last line without a break is returned without one, so
 * `sys.stdin.read()` gives back exactly what was sent.
 *
 * @example
 * ```ts
 * const readLine = stdinLineReader();
 * const first = readLine(); // "21\n" for `echo 21 | pymem run script.py`
 * ```
 */
export function stdinLineReader(fd = 0): () => string | undefined {
  let pending = Buffer.alloc(0);
  let ended = false;
  const chunk = Buffer.alloc(64 * 1024);
  return () => {
    for (;;) {
      const newline = pending.indexOf(0x0a);
      if (newline >= 0) {
        const end = newline > 0 && pending[newline - 1] === 0x0d ? newline - 1 : newline;
        const line = pending.subarray(0, end).toString("utf8");
        pending = pending.subarray(newline + 1);
        return `${line}\n`;
      }
      if (ended) {
        if (pending.length === 0) return undefined;
        const last = pending.toString("utf8");
        pending = Buffer.alloc(0);
        return last;
      }
      let count: number;
      try {
        count = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EAGAIN") {
          Atomics.wait(pause, 0, 0, 1);
          continue;
        }
        if (code !== "EOF") throw error;
        count = 0;
      }
      if (count === 0) ended = true;
      else pending = Buffer.concat([pending, chunk.subarray(0, count)]);
    }
  };
}
