// Draws the benchmark results of every package (packages/*/bench/results/*-latest.json, and for
// benchmarks that only print tables so far, their numbers transcribed in docs/guides/data/*.json) as SVG bar
// charts for the Benchmarks guide: one panel per workload, one bar per subject, the anchor (CPython's
// C pymalloc, CPython 3.13 itself) first and in its own colour, each bar labelled with its median and
// its ratio to the anchor. Deterministic: the same JSON gives byte-identical SVG, so the committed
// charts can be checked against the results in a test. `pnpm run docs` regenerates them.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** One measured case of a results file (the shape @pymem/pool's bench writes). */
export interface BenchmarkResult {
  subject: string;
  label: string;
  workload: string;
  status: string;
  capped?: boolean;
  medianNsPerOp?: number;
}

/** A results file: what ran, where, and the cases. */
export interface BenchmarkResults {
  benchmark: string;
  /** Where the numbers come from, when they were not written by the benchmark itself. */
  source?: string;
  date: string;
  machine?: { cpuModel?: string; cpuCount?: number; node?: string };
  anchor?: { python?: string };
  method?: { unit?: string; runs?: number };
  /** The unit of `medianNsPerOp` values when they are not nanoseconds. @defaultValue "ns" */
  valueUnit?: "ns" | "ms" | "objects";
  workloads: { name: string; description?: string }[];
  results: BenchmarkResult[];
}

/** Subjects that are the anchors (the C / CPython reference every ratio is to). */
const ANCHOR_SUBJECTS = new Set(["pymalloc-c", "cpython", "cpython-3.13"]);

const PANEL_WIDTH = 800;
const LABEL_WIDTH = 250;
const VALUE_WIDTH = 150;
const BAR_HEIGHT = 14;
const BAR_GAP = 4;
const PANEL_TITLE_HEIGHT = 22;
const PANEL_GAP = 14;
const HEADER_HEIGHT = 64;
/** Extra header line for a results file's `source` note. */
const SOURCE_LINE_HEIGHT = 18;
/** Bars longer than this many times the panel's median are clipped (a zig-zag end). */
const CLIP_RATIO = 4;

const COLOURS = { anchor: "#d9822b", pymem: "#2b6cb0", other: "#8a9bb0", text: "#1a202c" };

function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

function formatValue(value: number, unit: string): string {
  if (value >= 1000) return `${Math.round(value).toLocaleString("en-US")} ${unit}`;
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${unit}`;
}

/** A program of @pymem/python's interpreter benchmark (`python-latest.json`). */
interface ProgramTiming {
  program: string;
  /** Undefined when pymem cannot run the program yet (listed as skipped). */
  pymemMs?: number;
  cpythonMs: number;
  /** Pyodide's execution time (load apart), when it was measured. */
  pyodideMs?: number;
}

/** A subject of the CLI's start-up benchmark (`startup-latest.json`): one process start each. */
interface StartupRow {
  subject: string;
  cpuMedianMs: number;
}

/** A row of the import benchmark: one workload (a module imported) and its subjects. */
interface ImportRow {
  workload: string;
  subjects: StartupRow[];
}

/** The import benchmark's workloads that are not one module. */
const IMPORT_WORKLOADS: Readonly<Record<string, string>> = {
  empty: "an empty script",
  common: "the 15 modules real programs import most",
  every: "every library module",
};

/**
 * The CPU-millisecond benchmarks' rows as charts: the start-up benchmark's rows are one panel,
 * the import benchmark's (`{ workload, subjects }`) one panel per module; CPython first.
 */
function normaliseRows(
  date: string,
  node: string | undefined,
  rows: (StartupRow | ImportRow)[],
): BenchmarkResults {
  // Subject ids must be distinct: the label's words, CPython's row named as the anchor.
  const subjectOf = (label: string) =>
    label.startsWith("CPython") ? "cpython" : label.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const byWorkload: ImportRow[] = rows.every((row) => "subjects" in row)
    ? (rows as ImportRow[])
    : [{ workload: "start-up", subjects: rows as StartupRow[] }];
  const imports = byWorkload[0]?.workload !== "start-up";
  return {
    benchmark: imports ? "import" : "startup",
    date,
    ...(node === undefined ? {} : { machine: { node } }),
    method: { unit: "CPU milliseconds per process (median)" },
    valueUnit: "ms",
    workloads: byWorkload.map(({ workload }) => ({
      name: workload,
      description: !imports
        ? "process start-up to exit (CPU ms, median)"
        : `${IMPORT_WORKLOADS[workload] ?? `import ${workload}`} (CPU ms, median)`,
    })),
    results: byWorkload.flatMap(({ workload, subjects }) =>
      subjects.map((row) => ({
        subject: subjectOf(row.subject),
        label: row.subject,
        workload,
        status: "ok",
        medianNsPerOp: row.cpuMedianMs,
      })),
    ),
  };
}

/**
 * Brings a results file to the {@link BenchmarkResults} shape: the pool's files already are; the
 * interpreter benchmark's `programs` (pymem, CPython and Pyodide milliseconds per program), the
 * CLI start-up benchmark's `rows` and the import benchmark's per-module `rows` are converted.
 * Returns undefined for a shape it does not know.
 */
export function normaliseResults(raw: unknown): BenchmarkResults | undefined {
  const file = raw as Partial<BenchmarkResults> & {
    programs?: ProgramTiming[];
    rows?: (StartupRow | ImportRow)[];
    node?: string;
  };
  if (typeof file.date === "string" && Array.isArray(file.rows)) {
    return normaliseRows(file.date, file.node, file.rows);
  }
  if (typeof file.benchmark !== "string" || typeof file.date !== "string") return undefined;
  if (Array.isArray(file.results) && Array.isArray(file.workloads)) return file as BenchmarkResults;
  if (!Array.isArray(file.programs)) return undefined;
  const { programs, ...rest } = file;
  return {
    ...rest,
    benchmark: file.benchmark,
    date: file.date,
    valueUnit: "ms",
    workloads: programs.map((timing) => ({
      name: timing.program,
      description: `${timing.program}.py (ms per run)`,
    })),
    results: programs.flatMap((timing) => [
      {
        subject: "cpython",
        label: "CPython 3.13 (anchor)",
        workload: timing.program,
        status: "ok",
        medianNsPerOp: timing.cpythonMs,
      },
      ...(timing.pymemMs === undefined
        ? []
        : [
            {
              subject: "pymem-interpreter",
              label: "pymem run (whole process)",
              workload: timing.program,
              status: "ok",
              medianNsPerOp: timing.pymemMs,
            },
          ]),
      ...(timing.pyodideMs === undefined
        ? []
        : [
            {
              subject: "pyodide",
              label: "Pyodide (execution, load apart)",
              workload: timing.program,
              status: "ok",
              medianNsPerOp: timing.pyodideMs,
            },
          ]),
    ]),
  };
}

/** The colour family of a subject: the anchor, one of ours, or another allocator. */
function colourOf(subject: string): string {
  if (ANCHOR_SUBJECTS.has(subject)) return COLOURS.anchor;
  if (subject.startsWith("pool-") || subject.startsWith("pymem")) return COLOURS.pymem;
  return COLOURS.other;
}

/** Renders one results file as an SVG document (a string). */
export function renderBenchmarkChart(results: BenchmarkResults): string {
  const valueUnit = results.valueUnit ?? "ns";
  const subjects: string[] = [];
  for (const result of results.results) {
    if (!subjects.includes(result.subject)) subjects.push(result.subject);
  }
  subjects.sort((a, b) => Number(ANCHOR_SUBJECTS.has(b)) - Number(ANCHOR_SUBJECTS.has(a)));
  const anchor = subjects.find((subject) => ANCHOR_SUBJECTS.has(subject));
  const anchorLabel =
    anchor === undefined
      ? "the first subject"
      : (results.results.find((result) => result.subject === anchor)?.label ?? anchor);
  const panelHeight = PANEL_TITLE_HEIGHT + subjects.length * (BAR_HEIGHT + BAR_GAP);
  const headerHeight = HEADER_HEIGHT + (results.source === undefined ? 0 : SOURCE_LINE_HEIGHT);
  const height = headerHeight + results.workloads.length * (panelHeight + PANEL_GAP);
  const barSpace = PANEL_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const parts: string[] = [];
  const unit = results.method?.unit ?? "ns per operation (median)";
  const machine = results.machine;
  const where = [
    machine?.cpuCount && `${machine.cpuCount} vCPU ${machine.cpuModel ?? ""}`.trim(),
    machine?.node && `Node ${machine.node}`,
    results.anchor?.python && `CPython ${results.anchor.python.split(" ")[0]}`,
  ]
    .filter(Boolean)
    .join(", ");
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PANEL_WIDTH}" height="${height}" viewBox="0 0 ${PANEL_WIDTH} ${height}" font-family="system-ui, sans-serif" font-size="12" role="img">`,
    `<title>${escapeXml(`${results.benchmark}: ${unit}`)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="0" y="16" font-size="15" font-weight="bold" fill="${COLOURS.text}">${escapeXml(results.benchmark)}</text>`,
    `<text x="0" y="34" fill="${COLOURS.text}">${escapeXml(unit)}, lower is better</text>`,
    `<text x="0" y="52" fill="#4a5568">${escapeXml(`${results.date.slice(0, 10)}; ${where}; ratios to ${anchorLabel} of the same run`)}</text>`,
  );
  if (results.source !== undefined) {
    const firstSentence = results.source.split(": ")[0]!;
    parts.push(
      `<text x="0" y="70" fill="#4a5568" font-style="italic">${escapeXml(firstSentence)}</text>`,
    );
  }
  let y = headerHeight;
  for (const workload of results.workloads) {
    const cases = new Map(
      results.results
        .filter((result) => result.workload === workload.name)
        .map((r) => [r.subject, r]),
    );
    const anchorNs = anchor === undefined ? undefined : cases.get(anchor)?.medianNsPerOp;
    const measured = [...cases.values()].flatMap((r) =>
      r.medianNsPerOp === undefined ? [] : [r.medianNsPerOp],
    );
    const largest = Math.max(...measured, 1e-9);
    // Outliers (beyond CLIP_RATIO × the panel's median) are clipped so the rest stay readable.
    const sorted = [...measured].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    const median =
      sorted.length === 0
        ? largest
        : sorted.length % 2 === 1
          ? sorted[middle]!
          : (sorted[middle - 1]! + sorted[middle]!) / 2;
    const scaleMax = Math.min(largest, median * CLIP_RATIO);
    parts.push(
      `<text x="0" y="${y + 15}" font-weight="bold" fill="${COLOURS.text}">${escapeXml(workload.description ?? workload.name)}</text>`,
    );
    let rowY = y + PANEL_TITLE_HEIGHT;
    for (const subject of subjects) {
      const result = cases.get(subject);
      const label = result?.label ?? subject;
      parts.push(
        `<text x="${LABEL_WIDTH - 8}" y="${rowY + BAR_HEIGHT - 3}" text-anchor="end" fill="${COLOURS.text}">${escapeXml(label)}</text>`,
      );
      const ns = result?.medianNsPerOp;
      if (result === undefined || result.status !== "ok" || ns === undefined) {
        const why = result === undefined ? "not run" : result.status.toUpperCase();
        parts.push(
          `<text x="${LABEL_WIDTH + 4}" y="${rowY + BAR_HEIGHT - 3}" fill="#718096">${escapeXml(why)}</text>`,
        );
        rowY += BAR_HEIGHT + BAR_GAP;
        continue;
      }
      const clipped = ns > scaleMax;
      const width = Math.max(1, (Math.min(ns, scaleMax) / scaleMax) * barSpace);
      const x = LABEL_WIDTH;
      if (clipped) {
        // A zig-zag end says "longer than drawn".
        const end = x + width;
        parts.push(
          `<path d="M${x} ${rowY}H${end - 6}L${end} ${rowY + BAR_HEIGHT / 2}L${end - 6} ${rowY + BAR_HEIGHT}H${x}Z" fill="${colourOf(subject)}"/>`,
        );
      } else {
        parts.push(
          `<rect x="${x}" y="${rowY}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" fill="${colourOf(subject)}"/>`,
        );
      }
      const ratio = anchorNs === undefined ? "" : ` (${(ns / anchorNs).toFixed(2)}×)`;
      const capped = result.capped ? " *" : "";
      parts.push(
        `<text x="${(x + width + 6).toFixed(1)}" y="${rowY + BAR_HEIGHT - 3}" fill="${COLOURS.text}">${escapeXml(formatValue(ns, valueUnit) + ratio + capped)}</text>`,
      );
      rowY += BAR_HEIGHT + BAR_GAP;
    }
    y += panelHeight + PANEL_GAP;
  }
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}

/**
 * The results files charted: each package's and app's `bench/results/*-latest.json`, then each
 * `docs/guides/data/<name>.json` whose chart name no package results file already takes.
 */
export function benchmarkResultFiles(repositoryRoot: string): string[] {
  const files: string[] = [];
  const data = join(repositoryRoot, "docs/guides/data");
  for (const folder of ["packages", "apps"]) {
    const parent = join(repositoryRoot, folder);
    for (const name of readdirSync(parent).sort()) {
      const results = join(parent, name, "bench/results");
      if (!existsSync(results)) continue;
      for (const file of readdirSync(results).sort()) {
        if (file.endsWith("-latest.json")) files.push(join(results, file));
      }
    }
  }
  const charted = new Set(files.map((file) => chartPathOf(repositoryRoot, file)));
  if (existsSync(data)) {
    for (const file of readdirSync(data).sort()) {
      const path = join(data, file);
      if (file.endsWith(".json") && !charted.has(chartPathOf(repositoryRoot, path)))
        files.push(path);
    }
  }
  return files;
}

/** Where the chart of a results file goes: docs/guides/images/bench-<file name>.svg. */
export function chartPathOf(repositoryRoot: string, resultsFile: string): string {
  const name = resultsFile
    .split(/[\\/]/)
    .pop()!
    .replace(/(-latest)?\.json$/, "");
  return join(repositoryRoot, "docs/guides/images", `bench-${name}.svg`);
}

/** Reads and normalises a results file; throws naming the file when its shape is unknown. */
export function readBenchmarkResults(file: string): BenchmarkResults {
  const results = normaliseResults(JSON.parse(readFileSync(file, "utf8")));
  if (results === undefined) {
    throw new Error(
      `${file}: unknown results shape (expected results + workloads, programs, or rows)`,
    );
  }
  return results;
}

/** Regenerates every chart; returns the paths written. A file of unknown shape is reported, skipped. */
export function writeBenchmarkCharts(repositoryRoot: string): string[] {
  const written: string[] = [];
  mkdirSync(join(repositoryRoot, "docs/guides/images"), { recursive: true });
  for (const file of benchmarkResultFiles(repositoryRoot)) {
    let results: BenchmarkResults;
    try {
      results = readBenchmarkResults(file);
    } catch (error) {
      console.warn(`bench-charts: skipped ${(error as Error).message}`);
      continue;
    }
    const path = chartPathOf(repositoryRoot, file);
    writeFileSync(path, renderBenchmarkChart(results));
    written.push(path);
  }
  return written;
}
