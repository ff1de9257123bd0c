/**
 * `value` with `digits` decimals as C's `printf("%.*f")` prints it: the exact binary value rounded
 * half to even, where JavaScript's `toFixed` rounds an exact tie away from zero (`(2.5).toFixed(0)`
 * is `"3"`, `"%.0f" % 2.5` is `"2"`).
 *
 * @example
 * ```ts
 * import { formatFixed } from "@pymem/pool";
 * formatFixed(2.25, 1); // "2.2", as Python's "%.1f" % 2.25
 * ```
 */
export function formatFixed(value: number, digits: number): string {
  const rounded = value.toFixed(digits);
  if (!Number.isFinite(value)) return rounded;
  // A double is a dyadic rational: 100 decimals show it exactly for every magnitude used here.
  const exact = Math.abs(value).toFixed(100);
  const point = exact.indexOf(".");
  const rest = exact.slice(point + 1 + digits);
  if (rest[0] !== "5" || !/^50*$/.test(rest)) return rounded;
  // An exact tie: keep the truncated digits when their last digit is already even.
  const truncated = exact.slice(0, digits === 0 ? point : point + 1 + digits);
  const lastDigit = truncated.charCodeAt(truncated.length - 1) - 48;
  if (lastDigit % 2 !== 0) return rounded;
  return value < 0 ? `-${truncated}` : truncated;
}

/**
 * A byte count in tracemalloc's style: `"83 B"`, `"162 KiB"`, `"12.5 MiB"`; with `sign`, always
 * signed (`"+162 KiB"`). Mirrors `tracemalloc._format_size()` digit for digit.
 *
 * @example
 * ```ts
 * import { formatSize } from "@pymem/pool";
 * formatSize(167064, false); // "163 KiB"
 * formatSize(-2048, true);   // "-2048 B"
 * ```
 */
export function formatSize(size: number, sign: boolean): string {
  // CPython: Lib/tracemalloc.py _format_size()
  const units = ["B", "KiB", "MiB", "GiB", "TiB"] as const;
  let value = size;
  for (const unit of units) {
    if (Math.abs(value) < 100 && unit !== "B") {
      return `${signed(formatFixed(value, 1), sign, value)} ${unit}`;
    }
    if (Math.abs(value) < 10 * 1024 || unit === "TiB") {
      return `${signed(formatFixed(value, 0), sign, value)} ${unit}`;
    }
    value /= 1024;
  }
  /* c8 ignore next */
  throw new Error("unreachable: the TiB branch always returns");
}

/**
 * An integer as Python's `"%+i"` prints it: `"+3"`, `"-2"`, `"+0"`.
 *
 * @example
 * ```ts
 * import { formatSignedCount } from "@pymem/pool";
 * formatSignedCount(0); // "+0"
 * ```
 */
export function formatSignedCount(count: number): string {
  return count < 0 ? String(count) : `+${count}`;
}

function signed(text: string, sign: boolean, value: number): string {
  if (!sign || text.startsWith("-")) return text;
  // "%+.1f" % -0.04 is "-0.0": the sign follows the value, not the rounded text.
  return value < 0 || Object.is(value, -0) ? `-${text}` : `+${text}`;
}
