/**
 * Formats rows as a fixed-width text table: first column left-aligned, the others right-aligned
 * (they hold numbers).
 *
 * @example
 * ```ts
 * console.log(formatTable(["subject", "ns/op"], [["pymalloc (C)", "21.9"]]));
 * ```
 */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return column === 0 ? cell.padEnd(width) : cell.padStart(width);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [
    line(headers),
    rule,
    ...rows.map((row) => line(headers.map((_, c) => row[c] ?? ""))),
  ].join("\n");
}

/**
 * Formats a nanosecond figure with a precision that suits its magnitude.
 *
 * @example
 * ```ts
 * formatNs(12.345); // "12.3"
 * formatNs(76543.2); // "76,543"
 * ```
 */
export function formatNs(value: number): string {
  if (!Number.isFinite(value)) return "—";
  if (value >= 1000) return Math.round(value).toLocaleString("en-US");
  if (value >= 100) return value.toFixed(0);
  return value.toFixed(1);
}

/**
 * Formats a ratio to an anchor (`2.31×`).
 *
 * @example
 * ```ts
 * formatRatio(45.2 / 21.9); // "2.06×"
 * ```
 */
export function formatRatio(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return "—";
  if (value >= 100) return `${Math.round(value).toLocaleString("en-US")}×`;
  return `${value.toFixed(2)}×`;
}
