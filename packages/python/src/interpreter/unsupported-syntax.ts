import type { Expression, Statement } from "../ast.js";

/**
 * The run-time boundary of the evaluator: the parser accepts all of Python 3.13, and every
 * construct the evaluator cannot execute yet compiles to code that raises
 * `NotImplementedError: pymem does not support <construct> yet` when it runs — never a
 * SyntaxError, never an error for code that does not run. The compiler asks
 * {@link unsupportedConstruct} for each statement and expression it compiles; an entry leaves
 * this file when the evaluator learns the construct.
 *
 * @module
 */

/**
 * The construct in `node` (the node itself, not its children) that the evaluator cannot execute
 * yet, named for the error message, or null when it can.
 *
 * @example
 * ```ts
 * unsupportedConstruct(awaitNode); // "'await' in this position" for an await the compiler cannot split
 * ```
 */
export function unsupportedConstruct(node: Statement | Expression): string | null {
  switch (node.kind) {
    case "Await":
      // Reached only where the generator compiler does not split an expression (a later link
      // of a chained comparison).
      return "'await' in this position";
    case "ListComp":
    case "SetComp":
    case "DictComp":
      // Likewise: an asynchronous comprehension is compiled in generator form where it can be.
      return node.generators.some((generator) => generator.isAsync)
        ? "an asynchronous comprehension in this position"
        : null;
    default:
      return null;
  }
}
