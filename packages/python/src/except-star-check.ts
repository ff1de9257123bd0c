import type * as Ast from "./ast.js";
import type { ScopeProblem } from "./scope-check.js";

/**
 * The compile-time rule of PEP 654: `break`, `continue` and `return` cannot leave an `except*`
 * clause (a `break`/`continue` of a loop inside the clause may). CPython:
 * `compiler_unwind_fblock_stack` meeting an EXCEPTION_GROUP_HANDLER block.
 *
 * @module
 */

const MESSAGE = "'break', 'continue' and 'return' cannot appear in an except* block";

/** The statement blocks nested in `statement` that run in the same function, with whether each is a loop body. */
function childBlocks(statement: Ast.Statement): Array<[Ast.Statement[], boolean]> {
  switch (statement.kind) {
    case "For":
    case "AsyncFor":
    case "While":
      return [
        [statement.body, true],
        [statement.orelse, false],
      ];
    case "If":
      return [
        [statement.body, false],
        [statement.orelse, false],
      ];
    case "With":
    case "AsyncWith":
      return [[statement.body, false]];
    case "Try":
    case "TryStar":
      return [
        [statement.body, false],
        ...statement.handlers.map((handler): [Ast.Statement[], boolean] => [handler.body, false]),
        [statement.orelse, false],
        [statement.finalbody, false],
      ];
    case "Match":
      return statement.cases.map((matchCase): [Ast.Statement[], boolean] => [
        matchCase.body,
        false,
      ]);
    default:
      return [];
  }
}

/**
 * The first `break`, `continue` or `return` that would leave one of `statement`'s `except*`
 * clauses, as a SyntaxError to report, or null.
 *
 * @example
 * ```ts
 * exceptStarProblem(tryStar)?.msg; // "'break', 'continue' and 'return' cannot appear in an except* block"
 * ```
 */
export function exceptStarProblem(statement: Ast.TryStar): ScopeProblem | null {
  const pending: Array<{ statement: Ast.Statement; inLoop: boolean }> = [];
  for (const handler of statement.handlers)
    for (const inner of handler.body) pending.push({ statement: inner, inLoop: false });
  pending.reverse();
  while (pending.length > 0) {
    const { statement: current, inLoop } = pending.pop()!;
    if (current.kind === "Return") return { msg: MESSAGE, at: current };
    if ((current.kind === "Break" || current.kind === "Continue") && !inLoop)
      return { msg: MESSAGE, at: current };
    const children: Array<{ statement: Ast.Statement; inLoop: boolean }> = [];
    for (const [block, isLoop] of childBlocks(current))
      for (const inner of block) children.push({ statement: inner, inLoop: inLoop || isLoop });
    pending.push(...children.reverse());
  }
  return null;
}
