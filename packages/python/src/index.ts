/**
 * `@pymem/python`: the front end of pymem's Python-subset interpreter — a CPython-compatible
 * tokenizer, a parser producing a plain-data AST, and SyntaxError reporting that matches
 * CPython 3.13's messages, positions and traceback text.
 *
 * @example
 * ```ts
 * import { formatSyntaxError, parse, PythonSyntaxError } from "@pymem/python";
 * try {
 *   parse("x = (1,");
 * } catch (error) {
 *   if (error instanceof PythonSyntaxError) console.log(formatSyntaxError(error));
 * }
 * ```
 * @packageDocumentation
 */
export type * from "./ast.js";
export { type DumpOptions, dumpAst } from "./dump.js";
export { StepLimitError } from "./interpreter/exceptions.js";
export {
  Interpreter,
  type InterpreterOptions,
  type PythonError,
  type RunResult,
  type StatementEvent,
} from "./interpreter/interpreter.js";
export { nativeModules } from "./interpreter/modules/index.js";
export type {
  ExceptionName,
  NativeContext,
  NativeFunction,
  NativeModuleFactory,
} from "./interpreter/native.js";
export { type ParseOptions, parse } from "./parser.js";
export { MAX_EXPRESSION_DEPTH } from "./scope-check.js";
export {
  formatSyntaxError,
  PythonSyntaxError,
  type SyntaxErrorDetails,
  type SyntaxErrorKind,
} from "./syntax-error.js";
export { MAX_BRACKET_LEVEL, MAX_INDENT_LEVEL } from "./tokenizer.js";
