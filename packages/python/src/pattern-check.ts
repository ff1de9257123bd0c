import type * as Ast from "./ast.js";
import type { ScopeProblem } from "./scope-check.js";

/**
 * The errors CPython's compiler raises for `match` patterns the grammar accepts
 * (Python/compile.c, `compiler_pattern` and friends): f-strings as values, a capture or wildcard
 * that makes later cases unreachable, a name bound twice in one pattern, and `|` alternatives
 * binding different names. Iterative; the first problem in source order is returned.
 *
 * @example
 * ```ts
 * matchProblem(parse("match x:\n  case _: pass\n  case 1: pass").body[0]).msg;
 * // "wildcard makes remaining patterns unreachable"
 * ```
 * @internal
 */
export function matchProblem(statement: Ast.Match): ScopeProblem | null {
  const last = statement.cases.length - 1;
  for (let index = 0; index <= last; index++) {
    const matchCase = statement.cases[index] as Ast.MatchCase;
    const problem = patternProblem(matchCase.pattern);
    if (problem !== null) return problem;
    // CPython: compiler_pattern_capture() with allow_irrefutable false.
    const pattern = matchCase.pattern;
    if (
      index < last &&
      matchCase.guard === null &&
      pattern.kind === "MatchAs" &&
      pattern.pattern === null
    ) {
      const msg =
        pattern.name === null
          ? "wildcard makes remaining patterns unreachable"
          : `name capture '${pattern.name}' makes remaining patterns unreachable`;
      return { msg, at: pattern };
    }
  }
  return null;
}

/** Problems inside one case's pattern, in the compiler's (depth-first, left-to-right) order. */
function patternProblem(root: Ast.Pattern): ScopeProblem | null {
  const bound = new Set<string>();
  // `record` is false inside the second and later `|` alternatives, which rebind the same names.
  const stack: { pattern: Ast.Pattern; record: boolean }[] = [{ pattern: root, record: true }];
  while (stack.length > 0) {
    const { pattern, record } = stack.pop() as { pattern: Ast.Pattern; record: boolean };
    const name = boundName(pattern);
    if (name !== null && record) {
      if (bound.has(name))
        return { msg: `multiple assignments to name '${name}' in pattern`, at: pattern };
      bound.add(name);
    }
    if (pattern.kind === "MatchValue" && pattern.value.kind === "JoinedStr")
      return { msg: "patterns may only match literals and attribute lookups", at: pattern.value };
    if (pattern.kind === "MatchOr") {
      const first = namesBound(pattern.patterns[0] as Ast.Pattern);
      for (const alternative of pattern.patterns.slice(1)) {
        const names = namesBound(alternative);
        if (names.length !== first.length || names.some((each) => !first.includes(each)))
          return { msg: "alternative patterns bind different names", at: pattern };
      }
    }
    const inner = children(pattern);
    for (let index = inner.length - 1; index >= 0; index--) {
      const child = inner[index] as Ast.Pattern;
      stack.push({ pattern: child, record: record && (pattern.kind !== "MatchOr" || index === 0) });
    }
  }
  return null;
}

function boundName(pattern: Ast.Pattern): string | null {
  if (pattern.kind === "MatchAs" || pattern.kind === "MatchStar") return pattern.name;
  if (pattern.kind === "MatchMapping") return pattern.rest;
  return null;
}

function children(pattern: Ast.Pattern): Ast.Pattern[] {
  switch (pattern.kind) {
    case "MatchSequence":
    case "MatchOr":
      return pattern.patterns;
    case "MatchMapping":
      return pattern.patterns;
    case "MatchClass":
      return [...pattern.patterns, ...pattern.kwdPatterns];
    case "MatchAs":
      return pattern.pattern === null ? [] : [pattern.pattern];
    default:
      return [];
  }
}

/** Every name a pattern binds, sorted. */
function namesBound(root: Ast.Pattern): string[] {
  const names: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pattern = stack.pop() as Ast.Pattern;
    const name = boundName(pattern);
    if (name !== null) names.push(name);
    stack.push(...(pattern.kind === "MatchOr" ? pattern.patterns.slice(0, 1) : children(pattern)));
  }
  return names.sort();
}
