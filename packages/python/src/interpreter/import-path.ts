import { absolutePath } from "./files/file-system.js";

/**
 * Where `import` looks, as CPython 3.13 sets it up: the modules found before `sys.path` is
 * searched (`sys.meta_path`'s BuiltinImporter and FrozenImporter), and the path a program
 * starts with (CPython: the path configuration, Modules/getpath.py).
 *
 * pymem's standard library is built in, but it sits on the path where CPython's `lib/python3.13`
 * does: a `random.py` beside a script shadows the library's `random` as it does under CPython,
 * while `sys`, `gc`, `time`, `itertools`, `os`… (built into or frozen in CPython's executable)
 * are always found first.
 *
 * @module
 */

/**
 * The `sys.path` entry that stands for pymem's built-in standard library (CPython:
 * `sys.prefix + "/lib/python3.13"`; the path Pyodide gives its library too). It names no
 * directory of the host file system: the path finder looks in pymem's module table there.
 */
export const STANDARD_LIBRARY_DIRECTORY = "/lib/python3.13";

/** CPython 3.13's `sys.builtin_module_names` on Linux (the pyenv build this project checks against). */
export const BUILTIN_MODULE_NAMES: readonly string[] = [
  "_abc",
  "_ast",
  "_codecs",
  "_collections",
  "_functools",
  "_imp",
  "_io",
  "_locale",
  "_operator",
  "_signal",
  "_sre",
  "_stat",
  "_string",
  "_suggestions",
  "_symtable",
  "_sysconfig",
  "_thread",
  "_tokenize",
  "_tracemalloc",
  "_typing",
  "_warnings",
  "_weakref",
  "atexit",
  "builtins",
  "errno",
  "faulthandler",
  "gc",
  "itertools",
  "marshal",
  "posix",
  "pwd",
  "sys",
  "time",
];

/** CPython 3.13's frozen modules (`_imp._frozen_module_names()`), found before `sys.path` too. */
const FROZEN_MODULE_NAMES: readonly string[] = [
  "_frozen_importlib",
  "_frozen_importlib_external",
  "zipimport",
  "abc",
  "codecs",
  "io",
  "_collections_abc",
  "_sitebuiltins",
  "genericpath",
  "ntpath",
  "posixpath",
  "os.path",
  "os",
  "site",
  "stat",
  "importlib.util",
  "importlib.machinery",
  "runpy",
];

const FOUND_BEFORE_PATH = new Set([...BUILTIN_MODULE_NAMES, ...FROZEN_MODULE_NAMES]);

/**
 * Whether `name` is found before `sys.path` is searched: a CPython built-in or frozen module,
 * or one of pymem's own internal modules (`_pymem_…`), which no file may shadow.
 *
 * @example
 * ```ts
 * foundBeforePath("sys"); // true
 * foundBeforePath("random"); // false: a random.py on sys.path comes first
 * ```
 */
export function foundBeforePath(name: string): boolean {
  return FOUND_BEFORE_PATH.has(name) || name.startsWith("_pymem");
}

/**
 * The `sys.path` a program starts with (CPython: `config->module_search_paths`): the script's
 * directory (`""`, the working directory, for source that has no file), the `PYTHONPATH`
 * entries, then the standard library.
 *
 * @example
 * ```ts
 * initialImportPath("/work", "tools/run.py", { PYTHONPATH: "/opt/lib" });
 * // ["/work/tools", "/opt/lib", "/lib/python3.13"]
 * ```
 */
export function initialImportPath(
  cwd: string,
  scriptPath: string | undefined,
  environ: Readonly<Record<string, string>>,
): string[] {
  const script = scriptPath === undefined ? "" : absolutePath(cwd, `${scriptPath}/..`);
  const extra = (environ.PYTHONPATH ?? "").split(":").filter((entry) => entry !== "");
  return [script, ...extra.map((entry) => absolutePath(cwd, entry)), STANDARD_LIBRARY_DIRECTORY];
}

/**
 * The path CPython 3.13 gives a script it runs (`__main__.__file__` and the file name in its
 * tracebacks): the path as given when absolute, else joined onto the working directory without
 * normalising (`python3 ../a/b.py` in `/work` runs `/work/../a/b.py`).
 *
 * @example
 * ```ts
 * scriptFilename("/work", "./main.py"); // "/work/./main.py"
 * ```
 */
export function scriptFilename(cwd: string, path: string): string {
  if (path.startsWith("/")) return path;
  return cwd.endsWith("/") ? `${cwd}${path}` : `${cwd}/${path}`;
}
