import type * as Ast from "./ast.js";
import { exceptStarProblem } from "./except-star-check.js";
import { futureFeatureProblem, isFutureImport, leadingFutureImports } from "./future-imports.js";
import { matchProblem } from "./pattern-check.js";
import { typeParameterProblem } from "./type-param-check.js";

/**
 * A compile-time problem found after parsing: the message and the node it points at.
 *
 * @internal
 */
export interface ScopeProblem {
  msg: string;
  at: Ast.SourceRange;
}

interface Scope {
  kind: "module" | "function" | "class";
  parent: Scope | null;
  /** An `async def` body. */
  isAsync: boolean;
  /** A function whose body (not nested scopes) holds `yield`. */
  isGenerator: boolean;
  /** Names given a simple annotation (`x: int`), which cannot then be declared global/nonlocal. */
  annotated: Set<string>;
  parameters: Set<string>;
  bound: Set<string>;
  globals: Map<string, Ast.Global>;
  /** Names read so far in this scope (for "used prior to global declaration"). */
  used: Set<string>;
  nonlocals: { name: string; statement: Ast.Nonlocal }[];
}

/**
 * Deepest expression nesting accepted, mirroring where CPython 3.13's compiler raises
 * "RecursionError: maximum recursion depth exceeded during compilation" (a chain of 9996 binary
 * operators compiles, 9997 does not). The evaluator can rely on ASTs no deeper than this.
 *
 * @example
 * ```ts
 * parse(`1${"+1".repeat(MAX_EXPRESSION_DEPTH)}`); // throws PythonSyntaxError
 * ```
 */
export const MAX_EXPRESSION_DEPTH = 9997;

/** CPython's compiler's message for an expression nested deeper than {@link MAX_EXPRESSION_DEPTH}. */
export const COMPILATION_DEPTH_MESSAGE = "maximum recursion depth exceeded during compilation";

interface ExpressionWork {
  expression: Ast.Expression;
  starredAllowed: boolean;
  depth: number;
  /** Inside a lambda or comprehension, which CPython's symtable gives a scope of its own. */
  nested: boolean;
  /** What the innermost enclosing comprehension is called in messages, or null. */
  comprehension: string | null;
  /** Inside a lambda (a function scope, never async). */
  lambda: boolean;
  /** Inside a comprehension's iterable expression. */
  iterable: boolean;
  /** Iteration variables of the enclosing comprehensions. */
  iterationNames: readonly string[];
}

const COMPREHENSION_NAMES: Record<string, string> = {
  ListComp: "list comprehension",
  SetComp: "set comprehension",
  DictComp: "dict comprehension",
  GeneratorExp: "generator expression",
};

interface Frame {
  statements: Ast.Statement[];
  scope: Scope;
  inLoop: boolean;
}

/** CPython: symtable_visit_stmt() Global_kind / Nonlocal_kind checks, in CPython's order. */
function declarationProblem(
  scope: Scope,
  name: string,
  declaration: "global" | "nonlocal",
): string | null {
  if (scope.parameters.has(name)) return `name '${name}' is parameter and ${declaration}`;
  if (scope.annotated.has(name)) return `annotated name '${name}' can't be ${declaration}`;
  if (scope.bound.has(name))
    return `name '${name}' is assigned to before ${declaration} declaration`;
  if (scope.used.has(name)) return `name '${name}' is used prior to ${declaration} declaration`;
  return null;
}

function newScope(kind: Scope["kind"], parent: Scope | null): Scope {
  return {
    kind,
    parent,
    isAsync: false,
    isGenerator: false,
    annotated: new Set(),
    parameters: new Set(),
    bound: new Set(),
    globals: new Map(),
    used: new Set(),
    nonlocals: [],
  };
}

/**
 * Direct sub-expressions of an expression, in source order.
 *
 * @example
 * ```ts
 * expressionChildren(binOp); // [left, right]
 * ```
 * @internal
 */
export function expressionChildren(expression: Ast.Expression): Ast.Expression[] {
  switch (expression.kind) {
    case "BoolOp":
      return expression.values;
    case "BinOp":
      return [expression.left, expression.right];
    case "UnaryOp":
      return [expression.operand];
    case "Lambda":
      return [...argumentDefaults(expression.args), expression.body];
    case "NamedExpr":
      return [expression.target, expression.value];
    case "Await":
    case "YieldFrom":
      return [expression.value];
    case "Yield":
      return expression.value === null ? [] : [expression.value];
    case "IfExp":
      return [expression.body, expression.test, expression.orelse];
    case "Dict":
      return expression.keys
        .flatMap((key) => (key === null ? [] : [key]))
        .concat(expression.values);
    case "Set":
    case "List":
    case "Tuple":
      return expression.elts;
    case "ListComp":
    case "SetComp":
    case "GeneratorExp":
      return [
        expression.elt,
        ...expression.generators.flatMap((g) => [g.target, g.iter, ...g.ifs]),
      ];
    case "DictComp":
      return [
        expression.key,
        expression.value,
        ...expression.generators.flatMap((g) => [g.target, g.iter, ...g.ifs]),
      ];
    case "Compare":
      return [expression.left, ...expression.comparators];
    case "Call":
      return [
        expression.func,
        ...expression.args,
        ...expression.keywords.map((keyword) => keyword.value),
      ];
    case "FormattedValue":
      return expression.formatSpec === null
        ? [expression.value]
        : [expression.value, expression.formatSpec];
    case "JoinedStr":
      return expression.values;
    case "Attribute":
    case "Starred":
      return [expression.value];
    case "Subscript":
      return [expression.value, expression.slice];
    case "Slice":
      return [expression.lower, expression.upper, expression.step].filter(
        (part): part is Ast.Expression => part !== null,
      );
    case "Constant":
    case "Name":
      return [];
  }
}

/**
 * Expressions that belong to a statement itself (not to nested blocks), in source order.
 *
 * @example
 * ```ts
 * statementExpressions(assign); // [...targets, value]
 * ```
 * @internal
 */
export function statementExpressions(statement: Ast.Statement): Ast.Expression[] {
  switch (statement.kind) {
    case "FunctionDef":
    case "AsyncFunctionDef":
      return [
        ...statement.decoratorList,
        ...argumentDefaults(statement.args),
        ...argumentAnnotations(statement.args),
        ...(statement.returns === null ? [] : [statement.returns]),
      ];
    case "ClassDef":
      return [
        ...statement.decoratorList,
        ...statement.bases,
        ...statement.keywords.map((keyword) => keyword.value),
      ];
    case "AnnAssign":
      return [
        statement.target,
        statement.annotation,
        ...(statement.value === null ? [] : [statement.value]),
      ];
    case "TypeAlias":
      return [statement.value];
    case "With":
    case "AsyncWith":
      return statement.items.flatMap((item) =>
        item.optionalVars === null ? [item.contextExpr] : [item.contextExpr, item.optionalVars],
      );
    case "Match":
      return [
        statement.subject,
        ...statement.cases.flatMap((matchCase) =>
          matchCase.guard === null ? [] : [matchCase.guard],
        ),
      ];
    case "Return":
      return statement.value === null ? [] : [statement.value];
    case "Delete":
      return statement.targets;
    case "Assign":
      return [...statement.targets, statement.value];
    case "AugAssign":
      return [statement.target, statement.value];
    case "For":
    case "AsyncFor":
      return [statement.target, statement.iter];
    case "While":
    case "If":
      return [statement.test];
    case "Raise":
      return [statement.exc, statement.cause].filter(
        (part): part is Ast.Expression => part !== null,
      );
    case "Try":
    case "TryStar":
      return statement.handlers.flatMap((handler) => (handler.type === null ? [] : [handler.type]));
    case "Assert":
      return statement.msg === null ? [statement.test] : [statement.test, statement.msg];
    case "Expr":
      return [statement.value];
    default:
      return [];
  }
}

function bindTargets(target: Ast.Expression, scope: Scope): void {
  const stack = [target];
  while (stack.length > 0) {
    const current = stack.pop() as Ast.Expression;
    if (current.kind === "Name") scope.bound.add(current.id);
    else if (current.kind === "Tuple" || current.kind === "List") stack.push(...current.elts);
    else if (current.kind === "Starred") stack.push(current.value);
  }
}

/** Default values of positional and keyword-only parameters, in source order. */
function argumentDefaults(args: Ast.Arguments): Ast.Expression[] {
  return [...args.defaults, ...args.kwDefaults.filter((value) => value !== null)];
}

/**
 * Every parameter, in CPython's order: positional-only, positional, `*args`, keyword-only,
 * `**kwargs`.
 *
 * @example
 * ```ts
 * allParameters(parse("def f(a, /, b, *c, d, **e): pass").body[0].args).map((a) => a.arg);
 * // ["a", "b", "c", "d", "e"]
 * ```
 * @internal
 */
export function allParameters(args: Ast.Arguments): Ast.Arg[] {
  return [
    ...args.posonlyargs,
    ...args.args,
    ...(args.vararg === null ? [] : [args.vararg]),
    ...args.kwonlyargs,
    ...(args.kwarg === null ? [] : [args.kwarg]),
  ];
}

function argumentAnnotations(args: Ast.Arguments): Ast.Expression[] {
  return allParameters(args).flatMap((arg) => {
    if (arg.annotation === null) return [];
    // PEP 646: `*args: *Ts` is the one place a starred annotation is allowed.
    if (arg === args.vararg && arg.annotation.kind === "Starred") return [arg.annotation.value];
    return [arg.annotation];
  });
}

/** CPython: validate_keywords() in Python/compile.c, for calls and class definitions. */
function repeatedKeyword(keywords: Ast.Keyword[]): ScopeProblem | null {
  const seen = new Set<string>();
  for (const keyword of keywords) {
    if (keyword.arg === null) continue;
    if (seen.has(keyword.arg))
      return { msg: `keyword argument repeated: ${keyword.arg}`, at: keyword };
    seen.add(keyword.arg);
  }
  return null;
}

function duplicateParameter(args: Ast.Arguments): Ast.Arg | null {
  const seen = new Set<string>();
  const all = allParameters(args);
  for (const arg of all) {
    if (seen.has(arg.arg)) return arg;
    seen.add(arg.arg);
  }
  return null;
}

/**
 * CPython's rules for where `yield`, `await`, async comprehensions, `:=`, starred targets and
 * `__debug__` may appear (symtable.c and compile.c), for one expression in its context.
 */
function contextProblem(
  work: ExpressionWork,
  scope: Scope,
  symtableProblems: ScopeProblem[],
  compilerProblems: ScopeProblem[],
): void {
  const { expression } = work;
  const inAsyncFunction = !work.lambda && scope.kind === "function" && scope.isAsync;
  switch (expression.kind) {
    case "Yield":
    case "YieldFrom":
      if (work.comprehension !== null)
        symtableProblems.push({ msg: `'yield' inside ${work.comprehension}`, at: expression });
      else if (!work.lambda && scope.kind !== "function")
        compilerProblems.push({ msg: "'yield' outside function", at: expression });
      else if (expression.kind === "YieldFrom" && inAsyncFunction)
        compilerProblems.push({ msg: "'yield from' inside async function", at: expression });
      return;
    case "Await":
      // Inside a comprehension the comprehension itself is reported (it becomes asynchronous).
      if (work.comprehension !== null) return;
      if (!work.lambda && scope.kind !== "function")
        compilerProblems.push({ msg: "'await' outside function", at: expression });
      else if (!inAsyncFunction)
        compilerProblems.push({ msg: "'await' outside async function", at: expression });
      return;
    case "ListComp":
    case "SetComp":
    case "DictComp": {
      const asynchronous = isAsynchronousComprehension(expression);
      if (asynchronous && !inAsyncFunction && work.comprehension === null) {
        compilerProblems.push({
          msg: "asynchronous comprehension outside of an asynchronous function",
          at: expression,
        });
      }
      return;
    }
    case "NamedExpr":
      if (work.iterable) {
        symtableProblems.push({
          msg: "assignment expression cannot be used in a comprehension iterable expression",
          at: expression,
        });
      } else if (work.iterationNames.includes(expression.target.id)) {
        symtableProblems.push({
          msg: `assignment expression cannot rebind comprehension iteration variable '${expression.target.id}'`,
          at: expression.target,
        });
      }
      return;
    case "Name":
      if (expression.id === "__debug__" && expression.ctx !== "Load") {
        const msg =
          expression.ctx === "Del" ? "cannot delete __debug__" : "cannot assign to __debug__";
        compilerProblems.push({ msg, at: expression });
      }
      return;
    case "Tuple":
    case "List":
      if (
        expression.ctx === "Store" &&
        expression.elts.filter((element) => element.kind === "Starred").length > 1
      )
        compilerProblems.push({
          msg: "multiple starred expressions in assignment",
          at: expression,
        });
      return;
    case "Call":
      for (const keyword of expression.keywords)
        if (keyword.arg === "__debug__")
          compilerProblems.push({ msg: "cannot assign to __debug__", at: keyword });
      return;
    default:
      return;
  }
}

/** Names bound by a comprehension target. */
function targetNames(target: Ast.Expression): string[] {
  const names: string[] = [];
  const stack = [target];
  while (stack.length > 0) {
    const current = stack.pop() as Ast.Expression;
    if (current.kind === "Name") names.push(current.id);
    else if (current.kind === "Tuple" || current.kind === "List") stack.push(...current.elts);
    else if (current.kind === "Starred") stack.push(current.value);
  }
  return names;
}

/** Whether `await` appears in an expression outside nested lambdas and generator expressions. */
/**
 * Whether a comprehension is asynchronous (PEP 530; CPython: symtable's `ste_coroutine` of the
 * comprehension): it has an `async for`, or an `await` or an asynchronous list, set or dict
 * comprehension in its own parts — not in its first iterable (evaluated in the enclosing scope),
 * nor in nested lambdas and generator expressions. A generator expression that is asynchronous
 * makes an async generator; any other runs inline in its async function.
 *
 * @example
 * ```ts
 * isAsynchronousComprehension(parseExpression("[x async for x in it]")); // true
 * ```
 */
export function isAsynchronousComprehension(
  node: Ast.ListComp | Ast.SetComp | Ast.DictComp | Ast.GeneratorExp,
): boolean {
  if (node.generators.some((generator) => generator.isAsync)) return true;
  const parts = node.kind === "DictComp" ? [node.key, node.value] : [node.elt];
  node.generators.forEach((generator, index) => {
    if (index > 0) parts.push(generator.iter);
    parts.push(...generator.ifs);
  });
  const stack = [...parts];
  while (stack.length > 0) {
    const current = stack.pop() as Ast.Expression;
    if (current.kind === "Await") return true;
    if (current.kind === "Lambda" || current.kind === "GeneratorExp") continue;
    if (
      (current.kind === "ListComp" || current.kind === "SetComp" || current.kind === "DictComp") &&
      current.generators.some((generator) => generator.isAsync)
    )
      return true;
    stack.push(...expressionChildren(current));
  }
  return false;
}

/**
 * Whether a function body holds `yield`/`yield from` outside nested functions and classes (an
 * `async def` with one is an async generator function, PEP 525).
 *
 * @example
 * ```ts
 * containsYield(functionDef.body);
 * ```
 */
export function containsYield(body: Ast.Statement[]): boolean {
  const statements = [...body];
  while (statements.length > 0) {
    const statement = statements.pop() as Ast.Statement;
    // A copy: statementExpressions() returns some nodes' own arrays.
    const expressions = [...statementExpressions(statement)];
    if (statement.kind === "FunctionDef" || statement.kind === "AsyncFunctionDef") {
      expressions.length = 0;
      expressions.push(...statement.decoratorList, ...argumentDefaults(statement.args));
    } else if (statement.kind === "ClassDef") {
      expressions.length = 0;
      expressions.push(...statement.decoratorList, ...statement.bases);
    } else statements.push(...nestedStatements(statement));
    while (expressions.length > 0) {
      const current = expressions.pop() as Ast.Expression;
      if (current.kind === "Yield" || current.kind === "YieldFrom") return true;
      if (current.kind === "Lambda" || current.kind in COMPREHENSION_NAMES) continue;
      expressions.push(...expressionChildren(current));
    }
  }
  return false;
}

/** The statements nested in a compound statement's blocks (not in nested scopes). */
function nestedStatements(statement: Ast.Statement): Ast.Statement[] {
  switch (statement.kind) {
    case "For":
    case "AsyncFor":
    case "While":
    case "If":
      return [...statement.body, ...statement.orelse];
    case "With":
    case "AsyncWith":
      return statement.body;
    case "Try":
    case "TryStar":
      return [
        ...statement.body,
        ...statement.handlers.flatMap((handler) => handler.body),
        ...statement.orelse,
        ...statement.finalbody,
      ];
    case "Match":
      return statement.cases.flatMap((matchCase) => matchCase.body);
    default:
      return [];
  }
}

/**
 * The checks CPython's symtable and compiler make after a successful parse, for the subset:
 * symtable errors (module-level `nonlocal`, duplicate parameters, parameter declared global or
 * nonlocal, unbound `nonlocal`) win over compiler errors (`return`/`break`/`continue` misplaced,
 * repeated keyword arguments), as in CPython. Iterative, so AST depth costs no JS stack.
 *
 * @example
 * ```ts
 * checkScopes(parse("return 1", { checkScopes: false }))?.msg; // "'return' outside function"
 * ```
 * @internal
 */
export function checkScopes(module: Ast.Module): ScopeProblem | null {
  // CPython: future.c runs before the symtable, so its errors come first.
  const futureProblem = futureFeatureProblem(module.body);
  if (futureProblem !== null) return futureProblem;
  const leadingFuture = new Set<Ast.Statement>(leadingFutureImports(module.body));
  const symtableProblems: ScopeProblem[] = [];
  const compilerProblems: ScopeProblem[] = [];
  let tooDeep: ScopeProblem | null = null;
  const scopes: Scope[] = [];
  const moduleScope = newScope("module", null);
  scopes.push(moduleScope);
  const frames: Frame[] = [
    { statements: [...module.body].reverse(), scope: moduleScope, inLoop: false },
  ];
  const visitExpressions = (
    roots: Ast.Expression[],
    starredAllowed: boolean,
    scope: Scope,
  ): void => {
    const stack: ExpressionWork[] = roots
      .map((expression) => ({
        expression,
        starredAllowed,
        depth: 1,
        nested: false,
        comprehension: null,
        lambda: false,
        iterable: false,
        iterationNames: [],
      }))
      .reverse();
    while (stack.length > 0) {
      const work = stack.pop() as ExpressionWork;
      const { expression, starredAllowed: allowed, depth, nested } = work;
      contextProblem(work, scope, symtableProblems, compilerProblems);
      if (depth > MAX_EXPRESSION_DEPTH && tooDeep === null) {
        tooDeep = { msg: COMPILATION_DEPTH_MESSAGE, at: expression };
      }
      if (expression.kind === "Name" && expression.ctx === "Load" && !nested)
        scope.used.add(expression.id);
      const opensScope =
        expression.kind === "Lambda" ||
        expression.kind === "ListComp" ||
        expression.kind === "SetComp" ||
        expression.kind === "DictComp" ||
        expression.kind === "GeneratorExp";
      if (expression.kind === "Starred" && !allowed) {
        // CPython: compiler_visit_expr1(), Starred_kind outside a display, call or target list.
        const msg =
          expression.ctx === "Store"
            ? "starred assignment target must be in a list or tuple"
            : "can't use starred expression here";
        compilerProblems.push({ msg, at: expression });
      }
      if (expression.kind === "Lambda") {
        const duplicate = duplicateParameter(expression.args);
        if (duplicate !== null)
          symtableProblems.push({
            msg: `duplicate argument '${duplicate.arg}' in function definition`,
            at: duplicate,
          });
      }
      if (expression.kind === "Call") {
        const repeated = repeatedKeyword(expression.keywords);
        if (repeated !== null) compilerProblems.push(repeated);
      }
      const children = expressionChildren(expression);
      const kind = expression.kind;
      const comprehension = COMPREHENSION_NAMES[kind];
      const iterables =
        comprehension === undefined
          ? []
          : (expression as Ast.ListComp | Ast.DictComp).generators.map(
              (generator) => generator.iter,
            );
      const iterationNames =
        comprehension === undefined
          ? work.iterationNames
          : [
              ...work.iterationNames,
              ...(expression as Ast.ListComp | Ast.DictComp).generators.flatMap((generator) =>
                targetNames(generator.target),
              ),
            ];
      for (let index = children.length - 1; index >= 0; index--) {
        const child = children[index] as Ast.Expression;
        const inside =
          kind === "Tuple" ||
          kind === "List" ||
          kind === "Set" ||
          (kind === "Call" && expression.args.includes(child));
        stack.push({
          expression: child,
          starredAllowed: inside,
          depth: depth + 1,
          nested: nested || opensScope,
          comprehension: kind === "Lambda" ? null : (comprehension ?? work.comprehension),
          lambda: kind === "Lambda" || (work.lambda && comprehension === undefined),
          iterable: iterables.includes(child) || (work.iterable && comprehension === undefined),
          iterationNames,
        });
      }
    }
  };
  while (frames.length > 0) {
    const frame = frames[frames.length - 1] as Frame;
    const statement = frame.statements.pop();
    if (statement === undefined) {
      frames.pop();
      continue;
    }
    const { scope } = frame;
    visitExpressions(statementExpressions(statement), false, frame.scope);
    const typeParameters = typeParameterProblem(statement);
    if (typeParameters !== null) symtableProblems.push(typeParameters);
    switch (statement.kind) {
      case "FunctionDef":
      case "AsyncFunctionDef": {
        scope.bound.add(statement.name);
        const inner = newScope("function", scope);
        scopes.push(inner);
        const duplicate = duplicateParameter(statement.args);
        if (duplicate !== null)
          symtableProblems.push({
            msg: `duplicate argument '${duplicate.arg}' in function definition`,
            at: duplicate,
          });
        for (const arg of allParameters(statement.args)) {
          inner.parameters.add(arg.arg);
          if (arg.arg === "__debug__")
            compilerProblems.push({ msg: "cannot assign to __debug__", at: arg });
        }
        inner.isAsync = statement.kind === "AsyncFunctionDef";
        inner.isGenerator = containsYield(statement.body);
        frames.push({ statements: [...statement.body].reverse(), scope: inner, inLoop: false });
        break;
      }
      case "ClassDef": {
        const repeated = repeatedKeyword(statement.keywords);
        if (repeated !== null) compilerProblems.push(repeated);
        scope.bound.add(statement.name);
        const inner = newScope("class", scope);
        scopes.push(inner);
        frames.push({ statements: [...statement.body].reverse(), scope: inner, inLoop: false });
        break;
      }
      case "Return":
        if (scope.kind !== "function")
          compilerProblems.push({ msg: "'return' outside function", at: statement });
        else if (scope.isAsync && scope.isGenerator && statement.value !== null)
          compilerProblems.push({ msg: "'return' with value in async generator", at: statement });
        break;
      case "Break":
        if (!frame.inLoop) compilerProblems.push({ msg: "'break' outside loop", at: statement });
        break;
      case "Continue":
        if (!frame.inLoop)
          compilerProblems.push({ msg: "'continue' not properly in loop", at: statement });
        break;
      case "Assign":
        for (const target of statement.targets) bindTargets(target, scope);
        break;
      case "AugAssign":
        bindTargets(statement.target, scope);
        break;
      case "AnnAssign":
        bindTargets(statement.target, scope);
        if (statement.simple && statement.target.kind === "Name") {
          const name = statement.target.id;
          // CPython: symtable_visit_stmt(), AnnAssign_kind.
          const declared = scope.globals.has(name)
            ? "global"
            : scope.nonlocals.some((entry) => entry.name === name)
              ? "nonlocal"
              : null;
          if (declared !== null)
            symtableProblems.push({
              msg: `annotated name '${name}' can't be ${declared}`,
              at: statement,
            });
          scope.annotated.add(name);
        }
        break;
      case "TypeAlias":
        scope.bound.add(statement.name.id);
        break;
      case "With":
      case "AsyncWith":
        if (statement.kind === "AsyncWith" && !(scope.kind === "function" && scope.isAsync))
          compilerProblems.push({ msg: "'async with' outside async function", at: statement });
        for (const item of statement.items)
          if (item.optionalVars !== null) bindTargets(item.optionalVars, scope);
        frames.push({ statements: [...statement.body].reverse(), scope, inLoop: frame.inLoop });
        break;
      case "Match": {
        const problem = matchProblem(statement);
        if (problem !== null) compilerProblems.push(problem);
        for (let index = statement.cases.length - 1; index >= 0; index--) {
          const matchCase = statement.cases[index] as Ast.MatchCase;
          frames.push({ statements: [...matchCase.body].reverse(), scope, inLoop: frame.inLoop });
        }
        break;
      }
      case "Delete":
        for (const target of statement.targets) bindTargets(target, scope);
        break;
      case "For":
      case "AsyncFor":
      case "While":
        if (statement.kind === "AsyncFor" && !(scope.kind === "function" && scope.isAsync))
          compilerProblems.push({ msg: "'async for' outside async function", at: statement });
        if (statement.kind !== "While") bindTargets(statement.target, scope);
        // Pushed in reverse source order: the else block runs outside the loop.
        frames.push({ statements: [...statement.orelse].reverse(), scope, inLoop: frame.inLoop });
        frames.push({ statements: [...statement.body].reverse(), scope, inLoop: true });
        break;
      case "If":
        frames.push({ statements: [...statement.orelse].reverse(), scope, inLoop: frame.inLoop });
        frames.push({ statements: [...statement.body].reverse(), scope, inLoop: frame.inLoop });
        break;
      case "Try":
      case "TryStar":
        if (statement.kind === "TryStar") {
          const problem = exceptStarProblem(statement);
          if (problem !== null) compilerProblems.push(problem);
        }
        frames.push({
          statements: [...statement.finalbody].reverse(),
          scope,
          inLoop: frame.inLoop,
        });
        frames.push({ statements: [...statement.orelse].reverse(), scope, inLoop: frame.inLoop });
        for (let index = statement.handlers.length - 1; index >= 0; index--) {
          const handler = statement.handlers[index] as Ast.ExceptHandler;
          if (handler.name !== null) scope.bound.add(handler.name);
          frames.push({ statements: [...handler.body].reverse(), scope, inLoop: frame.inLoop });
        }
        frames.push({ statements: [...statement.body].reverse(), scope, inLoop: frame.inLoop });
        break;
      case "Import":
        for (const alias of statement.names)
          scope.bound.add(alias.asname ?? (alias.name.split(".")[0] as string));
        break;
      case "ImportFrom":
        // CPython: compiler_from_import — a future import after the leading block.
        if (isFutureImport(statement) && !leadingFuture.has(statement))
          compilerProblems.push({
            msg: "from __future__ imports must occur at the beginning of the file",
            at: statement,
          });
        for (const alias of statement.names) {
          // CPython: symtable_visit_alias() — `*` binds nothing a function could compile.
          if (alias.name === "*") {
            if (scope.kind !== "module")
              symtableProblems.push({ msg: "import * only allowed at module level", at: alias });
          } else scope.bound.add(alias.asname ?? alias.name);
        }
        break;
      case "Global":
        for (const name of statement.names) {
          // CPython: symtable_visit_stmt(), Global_kind.
          const problem = declarationProblem(scope, name, "global");
          if (problem !== null) symtableProblems.push({ msg: problem, at: statement });
          const nonlocal = scope.nonlocals.find((entry) => entry.name === name);
          if (nonlocal !== undefined) {
            symtableProblems.push({
              msg: `name '${name}' is nonlocal and global`,
              at: nonlocal.statement,
            });
          }
          scope.globals.set(name, statement);
        }
        break;
      case "Nonlocal":
        if (scope.kind === "module") {
          symtableProblems.push({
            msg: "nonlocal declaration not allowed at module level",
            at: statement,
          });
          break;
        }
        for (const name of statement.names) {
          const problem = declarationProblem(scope, name, "nonlocal");
          if (problem !== null) symtableProblems.push({ msg: problem, at: statement });
          const global = scope.globals.get(name);
          if (global !== undefined) {
            symtableProblems.push({ msg: `name '${name}' is nonlocal and global`, at: global });
          }
          scope.nonlocals.push({ name, statement });
        }
        break;
      default:
        break;
    }
  }
  if (tooDeep !== null) return tooDeep;
  if (symtableProblems.length > 0) return symtableProblems[0] as ScopeProblem;
  // CPython: analyze_name() — a nonlocal must be bound in an enclosing function scope.
  for (const scope of scopes) {
    for (const { name, statement } of scope.nonlocals) {
      let found = false;
      for (
        let outer = scope.parent;
        outer !== null && outer.kind !== "module";
        outer = outer.parent
      ) {
        if (outer.kind !== "function") continue;
        if (outer.globals.has(name)) break;
        if (
          outer.parameters.has(name) ||
          outer.bound.has(name) ||
          outer.nonlocals.some((entry) => entry.name === name)
        ) {
          found = true;
          break;
        }
      }
      if (!found) return { msg: `no binding for nonlocal '${name}' found`, at: statement };
    }
  }
  return compilerProblems[0] ?? null;
}
