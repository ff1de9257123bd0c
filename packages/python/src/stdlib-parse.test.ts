import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dumpAst } from "./dump.js";
import { PythonSyntaxError, parse } from "./index.js";
import { cpython, runCPython } from "./test-support/cpython.js";

/**
 * Issue 12 item 1: the parser accepts what CPython 3.13's parser accepts, on real code. Every
 * `.py` file of the standard library installed with CPython 3.13 (tests included) is parsed by
 * pymem and by `ast.parse` in one CPython process; accepted/rejected must agree on every file,
 * and `ast.dump(include_attributes=True)` must agree on a sample. CPython's side is cached in
 * the temp directory, keyed by its version and this script.
 */

/** Files whose AST dump is always compared (new grammar, all below 20 KB), besides every 20th file. */
const NAMED_SAMPLE = [
  "test/test_type_aliases.py",
  "test/test_type_annotations.py",
  "test/test_patma.py",
  "test/test_exception_group.py",
  "test/test_except_star.py",
  "asyncio/timeouts.py",
  "dataclasses.py",
  "test/typinganndata/ann_module.py",
];

const SAMPLE_EVERY = 20;

const REPORT = `
import ast, json, os, sys, sysconfig, tokenize, io
root = sysconfig.get_paths()["stdlib"]
named = set(json.load(sys.stdin)["named"])
paths = []
for directory, dirs, files in os.walk(root):
    dirs[:] = sorted(d for d in dirs if d not in ("site-packages", "__pycache__"))
    for name in sorted(files):
        if name.endswith(".py"):
            paths.append(os.path.relpath(os.path.join(directory, name), root))
paths.sort()
out = []
for index, path in enumerate(paths):
    with open(os.path.join(root, path), "rb") as handle:
        data = handle.read()
    entry = {"path": path, "ok": True}
    try:
        encoding = tokenize.detect_encoding(io.BytesIO(data).readline)[0]
        text = data.decode(encoding)
    except (SyntaxError, UnicodeDecodeError, LookupError) as error:
        # Not Python source CPython can read (bad coding cookies): nothing to compare.
        out.append({"path": path, "ok": False, "undecodable": f"{type(error).__name__}: {error}"})
        continue
    if encoding not in ("utf-8", "utf-8-sig"):
        entry["text"] = text
    try:
        tree = ast.parse(data)
        if index % ${SAMPLE_EVERY} == 0 or path in named:
            entry["dump"] = ast.dump(tree, include_attributes=True)
    except (SyntaxError, ValueError) as error:
        entry["ok"] = False
        entry["error"] = f"{type(error).__name__}: {error}"
    out.append(entry)
print(json.dumps({"version": sys.version, "root": root, "files": out}))
`;

interface FileReport {
  path: string;
  ok: boolean;
  error?: string;
  dump?: string;
  text?: string;
  undecodable?: string;
}

interface Report {
  version: string;
  root: string;
  files: FileReport[];
}

function cpythonReport(): Report {
  const key = createHash("sha256")
    .update(REPORT)
    .update(JSON.stringify(NAMED_SAMPLE))
    .digest("hex");
  const version = cpython.available ? cpythonVersion() : "none";
  const directory = join(tmpdir(), "pymem-stdlib-ast");
  const cache = join(directory, `${version.replace(/[^\w.]/g, "_")}-${key.slice(0, 16)}.json`);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, "utf8")) as Report;
  const report = runCPython<Report>(REPORT, { named: NAMED_SAMPLE });
  mkdirSync(directory, { recursive: true });
  writeFileSync(cache, JSON.stringify(report));
  return report;
}

function cpythonVersion(): string {
  return runCPython<string>("import sys, json; print(json.dumps(sys.version))", null);
}

/** What pymem makes of one file: null when it parses, else the error. */
function ours(source: string): { module: ReturnType<typeof parse> | null; error: string | null } {
  try {
    return { module: parse(source, { checkScopes: false }), error: null };
  } catch (error) {
    if (!(error instanceof PythonSyntaxError)) throw error;
    return { module: null, error: `${error.kind}: ${error.msg} (line ${error.lineno})` };
  }
}

const title = cpython.available
  ? "the standard library of CPython 3.13 parses as ast.parse parses it"
  : `the standard library of CPython 3.13 parses as ast.parse parses it (SKIPPED: ${cpython.reason})`;

describe.skipIf(!cpython.available)(title, () => {
  it("agrees on every file (accepted or rejected) and on the AST dump of the sample", () => {
    const report = cpythonReport();
    const started = performance.now();
    const mismatches: string[] = [];
    let parsed = 0;
    let dumped = 0;
    let bytes = 0;
    let undecodable = 0;
    for (const file of report.files) {
      if (file.undecodable !== undefined) {
        undecodable++;
        continue;
      }
      let source = file.text ?? readFileSync(join(report.root, file.path), "utf8");
      if (source.startsWith("\uFEFF")) source = source.slice(1);
      bytes += source.length;
      const result = ours(source);
      if (result.module !== null) parsed++;
      if ((result.module !== null) !== file.ok) {
        mismatches.push(
          `${file.path}: CPython ${file.error ?? "accepts"}, pymem ${result.error ?? "accepts"}`,
        );
        continue;
      }
      if (file.dump === undefined || result.module === null) continue;
      dumped++;
      const dump = dumpAst(result.module, { includeAttributes: true, source });
      if (dump !== file.dump)
        mismatches.push(`${file.path}: AST differs at ${firstDifference(dump, file.dump)}`);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `stdlib: ${report.files.length} files (${(bytes / 1e6).toFixed(1)} M characters), ${parsed} parsed, ` +
        `${report.files.length - parsed - undecodable} rejected, ${undecodable} undecodable (skipped), ` +
        `${dumped} AST dumps compared, ` +
        `${mismatches.length} mismatches, ${seconds.toFixed(1)} s (${report.version.split(" ")[0]})`,
    );
    expect(mismatches).toEqual([]);
  }, 300_000);
});

function firstDifference(ours: string, theirs: string): string {
  let index = 0;
  while (index < ours.length && ours[index] === theirs[index]) index++;
  return `character ${index}: pymem …${ours.slice(Math.max(0, index - 80), index + 80)}… CPython …${theirs.slice(Math.max(0, index - 80), index + 80)}…`;
}
