/**
 * `@pymem/python`: pymem's Python-subset interpreter, whose every value, frame, function, cell
 * and class is an object in a pymem heap (CPython 3.13's refcounts, `__del__` timing and
 * `gc.collect()` results), and its front end — a CPython-compatible tokenizer, a parser producing
 * a plain-data AST, and SyntaxError reporting that matches CPython 3.13's messages, positions
 * and traceback text.
 *
 * @example
 * ```ts
 * import { Interpreter } from "@pymem/python";
 * const interpreter = new Interpreter({ stdout: (text) => process.stdout.write(text) });
 * interpreter.run("import sys\nx = []\nprint(sys.getrefcount(x))"); // prints 2
 * interpreter.dispose();
 * ```
 * @packageDocumentation
 */
export type * from "./ast.js";
export { type DumpOptions, dumpAst } from "./dump.js";
export { StepLimitError } from "./interpreter/exceptions.js";
export {
  absolutePath,
  ERRNO_TABLE,
  type FileStatus,
  type FileSystem,
  FileSystemError,
  type FileSystemErrorCode,
  type FileSystemUsage,
  type OpenFlags,
} from "./interpreter/files/file-system.js";
export {
  MemoryFileSystem,
  type MemoryFileSystemOptions,
} from "./interpreter/files/memory-file-system.js";
export type { CellVariable, FrameInfo } from "./interpreter/frame-inspection.js";
export { scriptFilename } from "./interpreter/import-path.js";
export {
  Interpreter,
  type InterpreterOptions,
  type PythonError,
  type ReturnEvent,
  type RunResult,
  type StatementEvent,
} from "./interpreter/interpreter.js";
export {
  type ModuleSyntaxCache,
  memoryModuleSyntaxCache,
} from "./interpreter/module-syntax-cache.js";
export { nativeModules } from "./interpreter/modules/index.js";
export type {
  ArithmeticSymbol,
  ComparisonSymbol,
  ExceptionName,
  NativeContext,
  NativeFunction,
  NativeModuleFactory,
} from "./interpreter/native.js";
export type { FoundModule } from "./interpreter/path-finder.js";
export { type ParseOptions, parse } from "./parser.js";
export { MAX_EXPRESSION_DEPTH } from "./scope-check.js";
export { decodeSource, SourceEncodingError } from "./source-encoding.js";
export {
  compileLimitError,
  formatSyntaxError,
  PythonSyntaxError,
  type SyntaxErrorDetails,
  type SyntaxErrorKind,
} from "./syntax-error.js";
export { syntaxTreeFromJson, syntaxTreeToJson } from "./syntax-tree-json.js";
export type { SyntaxWarningNote } from "./syntax-warnings.js";
export { MAX_BRACKET_LEVEL, MAX_INDENT_LEVEL } from "./tokenizer.js";
