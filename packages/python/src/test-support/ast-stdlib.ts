import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Interpreter } from "../interpreter/interpreter.js";
import { nativeModules } from "../interpreter/modules/index.js";
import { runCPython } from "./cpython.js";

/**
 * Test helper: `ast.dump(ast.parse(source), include_attributes=True)` of standard-library files
 * as CPython 3.13 prints it and as pymem's `ast` module prints it, for the breadth check of the
 * `ast` module (ast-stdlib.test.ts on a sample, scripts/ast-stdlib-compare.ts on every file).
 * @internal
 */

/** One file's result: its dump, or the exception `ast.parse`/`ast.dump` raised. @internal */
export interface AstDumpResult {
  readonly path: string;
  readonly dump?: string;
  readonly error?: string;
}

/** CPython's result for one file: the file its dump is cached in, or its error. @internal */
export interface CachedAstDump {
  readonly path: string;
  readonly dumpFile?: string;
  readonly error?: string;
}

const CPYTHON_DUMPS = `
import ast, json, os, sys, sysconfig
request = json.load(sys.stdin)
root = sysconfig.get_paths()["stdlib"]
cache = request["cache"]
paths = request["paths"]
if paths is None:
    paths = []
    for directory, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in ("site-packages", "__pycache__"))
        paths += [os.path.relpath(os.path.join(directory, name), root) for name in sorted(files) if name.endswith(".py")]
    paths.sort()
out = []
for path in paths:
    with open(os.path.join(root, path), "rb") as handle:
        data = handle.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        continue  # another coding cookie: pymem reads UTF-8 only
    dump_file = os.path.join(cache, path.replace(os.sep, "__") + ".dump")
    try:
        if not os.path.exists(dump_file):
            dump = ast.dump(ast.parse(text), include_attributes=True)
            with open(dump_file, "w", encoding="utf-8") as handle:
                handle.write(dump)
        out.append({"path": path, "dumpFile": dump_file})
    except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
        out.append({"path": path, "error": type(error).__name__})
print(json.dumps({"root": root, "files": out}))
`;

/**
 * CPython 3.13's dumps of `paths` (relative to its stdlib), or of every `.py` file when `paths`
 * is null; files that are not UTF-8 are left out. The dumps are cached as files in the temp
 * directory (the whole library's are hundreds of megabytes).
 * @internal
 */
export function cpythonAstDumps(paths: readonly string[] | null): {
  root: string;
  files: CachedAstDump[];
} {
  const cache = join(tmpdir(), "pymem-ast-dumps-3.13");
  if (!existsSync(cache)) mkdirSync(cache, { recursive: true });
  return runCPython(CPYTHON_DUMPS, { paths, cache });
}

const PYMEM_DUMP = `import ast, _ast_harness
try:
    print(ast.dump(ast.parse(_ast_harness.source), include_attributes=True), end='')
except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
    print('error:' + type(error).__name__, end='')
`;

/**
 * pymem's dump of one file's source, run in a fresh interpreter (so a failure cannot leak into
 * the next file). Either `dump` or `error` is set.
 * @internal
 */
export function pymemAstDump(root: string, path: string): AstDumpResult {
  const source = readFileSync(join(root, path), "utf8");
  let output = "";
  const interpreter = new Interpreter({
    stdout: (text: string) => {
      output += text;
    },
    modules: {
      ...nativeModules,
      _ast_harness: (context) => {
        const text = context.heap.newStr(source);
        try {
          return context.newModule("_ast_harness", [["source", text]]);
        } finally {
          context.release(text);
        }
      },
    },
  });
  try {
    const result = interpreter.run(PYMEM_DUMP, "<ast-harness>");
    if (!result.ok) return { path, error: `crash: ${(result.error?.traceback ?? "").slice(-300)}` };
  } finally {
    interpreter.dispose();
  }
  return output.startsWith("error:") ? { path, error: output.slice(6) } : { path, dump: output };
}
