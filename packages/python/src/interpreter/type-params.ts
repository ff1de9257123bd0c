import type {
  Arguments,
  AsyncFunctionDef,
  ClassDef,
  Expression,
  FunctionDef,
  Module,
  SourceRange,
  Statement,
  TypeAlias,
  TypeParam,
} from "../ast.js";
import type { Unit } from "./expression-compiler.js";

/**
 * PEP 695 type parameters and `type` statements, compiled by rewriting the tree before scope
 * analysis into what CPython's annotation scopes do:
 *
 * ```python
 * def f[T: int](x: T) -> T: ...        # becomes
 * def f():                               # the annotation scope "<generic parameters of f>"
 *     T = typing._type_parameter("TypeVar", "T", lambda: int, None, None)
 *     def f(x: T) -> T: ...
 *     f.__type_params__ = (T,)
 *     return f
 * f = f()                                # decorators apply here
 * ```
 *
 * A class gets `Generic[T, …]` as its last base and `__type_params__` in its namespace, a
 * `type` statement a `TypeAliasType` whose value is a lambda evaluated on first access. Bounds,
 * constraints and defaults are lambdas too, so they are evaluated lazily and see the
 * parameters. The annotation scope is transparent to `__qualname__` ({@link qualifiedNameIn}).
 * Not mirrored: class-level names are not visible in the scope (CPython's `__classdict__`).
 *
 * @module
 */

/** The annotation-scope functions this rewrite made, with the name CPython gives their code. */
const annotationScopes = new WeakMap<FunctionDef, string>();

/** The enclosing unit an annotation scope's unit stands for in qualified names. */
const transparentUnits = new WeakMap<Unit, Unit>();

/**
 * The code name of an annotation scope (`<generic parameters of f>`), or undefined for any
 * other function.
 *
 * @example
 * ```ts
 * const codeName = annotationScopeName(node) ?? node.name;
 * ```
 */
export function annotationScopeName(node: object): string | undefined {
  return annotationScopes.get(node as FunctionDef);
}

/**
 * Records that `child` is the unit of an annotation scope made in `unit`, so that names
 * qualified inside it skip it (CPython: annotation scopes add nothing to `__qualname__`).
 *
 * @example
 * ```ts
 * if (annotationScopeName(node) !== undefined) registerAnnotationScope(unit, child);
 * ```
 */
export function registerAnnotationScope(unit: Unit, child: Unit): void {
  transparentUnits.set(child, transparentUnits.get(unit) ?? unit);
}

/**
 * The `__qualname__` of `name` defined in `unit` (`f.<locals>.g`, `C.m`, `g`).
 *
 * @example
 * ```ts
 * const qualifiedName = qualifiedNameIn(unit, node.name);
 * ```
 */
export function qualifiedNameIn(unit: Unit, name: string): string {
  const outer = transparentUnits.get(unit) ?? unit;
  if (outer.kind === "function") return `${outer.qualifiedPrefix}.<locals>.${name}`;
  if (outer.kind === "class") return `${outer.qualifiedPrefix}.${name}`;
  return name;
}

/**
 * `module` with every type-parameter definition and `type` statement rewritten (a new tree;
 * nodes without them are shared).
 *
 * @example
 * ```ts
 * const scope = analyzeModule(rewriteTypeParameters(module));
 * ```
 */
export function rewriteTypeParameters(module: Module): Module {
  if (!mentionsTypeParameters(module.body)) return module;
  return { ...module, body: rewriteBlock(module.body) };
}

function mentionsTypeParameters(body: readonly Statement[]): boolean {
  const pending = [...body];
  while (pending.length > 0) {
    const statement = pending.pop()!;
    if (statement.kind === "TypeAlias") return true;
    if (
      (statement.kind === "FunctionDef" ||
        statement.kind === "AsyncFunctionDef" ||
        statement.kind === "ClassDef") &&
      statement.typeParams.length > 0
    )
      return true;
    for (const block of nestedBlocks(statement)) pending.push(...block);
  }
  return false;
}

/** The statement lists nested in `statement`. */
function nestedBlocks(statement: Statement): Statement[][] {
  switch (statement.kind) {
    case "FunctionDef":
    case "AsyncFunctionDef":
    case "ClassDef":
    case "With":
    case "AsyncWith":
      return [statement.body];
    case "For":
    case "AsyncFor":
    case "While":
    case "If":
      return [statement.body, statement.orelse];
    case "Try":
    case "TryStar":
      return [
        statement.body,
        ...statement.handlers.map((handler) => handler.body),
        statement.orelse,
        statement.finalbody,
      ];
    case "Match":
      return statement.cases.map((matchCase) => matchCase.body);
    default:
      return [];
  }
}

// The rewrite recurses into nested blocks: their depth is bounded by the parser's nesting limit.
function rewriteBlock(body: readonly Statement[]): Statement[] {
  return body.flatMap((statement) => rewriteStatement(statement));
}

function rewriteStatement(statement: Statement): Statement[] {
  switch (statement.kind) {
    case "FunctionDef":
    case "AsyncFunctionDef": {
      const rewritten = { ...statement, body: rewriteBlock(statement.body) };
      return statement.typeParams.length > 0 ? genericFunction(rewritten) : [rewritten];
    }
    case "ClassDef": {
      const rewritten = { ...statement, body: rewriteBlock(statement.body) };
      return statement.typeParams.length > 0 ? genericClass(rewritten) : [rewritten];
    }
    case "TypeAlias":
      return typeAlias(statement);
    case "With":
    case "AsyncWith":
      return [{ ...statement, body: rewriteBlock(statement.body) }];
    case "For":
    case "AsyncFor":
    case "While":
    case "If":
      return [
        {
          ...statement,
          body: rewriteBlock(statement.body),
          orelse: rewriteBlock(statement.orelse),
        },
      ];
    case "Try":
    case "TryStar":
      return [
        {
          ...statement,
          body: rewriteBlock(statement.body),
          handlers: statement.handlers.map((handler) => ({
            ...handler,
            body: rewriteBlock(handler.body),
          })),
          orelse: rewriteBlock(statement.orelse),
          finalbody: rewriteBlock(statement.finalbody),
        },
      ];
    case "Match":
      return [
        {
          ...statement,
          cases: statement.cases.map((matchCase) => ({
            ...matchCase,
            body: rewriteBlock(matchCase.body),
          })),
        },
      ];
    default:
      return [statement];
  }
}

// ───────────────────────────────────────────────────────────── node builders

function position(at: SourceRange): SourceRange {
  return { line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn };
}

function load(id: string, at: SourceRange): Expression {
  return { kind: "Name", id, ctx: "Load", ...position(at) };
}

function store(id: string, at: SourceRange): Expression {
  return { kind: "Name", id, ctx: "Store", ...position(at) };
}

function text(value: string, at: SourceRange): Expression {
  return { kind: "Constant", constantType: "str", value, ...position(at) };
}

function none(at: SourceRange): Expression {
  return { kind: "Constant", constantType: "None", value: null, ...position(at) };
}

function call(func: Expression, args: Expression[], at: SourceRange): Expression {
  return { kind: "Call", func, args, keywords: [], ...position(at) };
}

function attribute(value: Expression, attr: string, at: SourceRange): Expression {
  return { kind: "Attribute", value, attr, ctx: "Load", ...position(at) };
}

function noArguments(): Arguments {
  return {
    kind: "arguments",
    posonlyargs: [],
    args: [],
    vararg: null,
    kwonlyargs: [],
    kwDefaults: [],
    kwarg: null,
    defaults: [],
  };
}

/** `lambda: value` — evaluated on first access, in the annotation scope. */
function lazy(value: Expression | null, at: SourceRange): Expression {
  if (value === null) return none(at);
  return { kind: "Lambda", args: noArguments(), body: value, ...position(value) };
}

/** `__import__('typing').<name>`: the helpers live in the typing module. */
function typingHelper(name: string, at: SourceRange): Expression {
  return attribute(call(load("__import__", at), [text("typing", at)], at), name, at);
}

function assign(target: string, value: Expression, at: SourceRange): Statement {
  return { kind: "Assign", targets: [store(target, at)], value, ...position(at) };
}

function tuple(elts: Expression[], at: SourceRange): Expression {
  return { kind: "Tuple", elts, ctx: "Load", ...position(at) };
}

/** `T = typing._type_parameter(kind, "T", bound, constraints, default)` for each parameter. */
function parameterStatements(params: readonly TypeParam[]): Statement[] {
  return params.map((param) => {
    const bound = param.kind === "TypeVar" ? param.bound : null;
    const constraints = bound?.kind === "Tuple" ? bound : null;
    const value = call(
      typingHelper("_type_parameter", param),
      [
        text(param.kind, param),
        text(param.name, param),
        lazy(constraints === null ? bound : null, param),
        lazy(constraints, param),
        lazy(param.defaultValue, param),
      ],
      param,
    );
    return assign(param.name, value, param);
  });
}

/** The annotation scope: `def name(): <parameters>; <body>; return <result>` then `name = decorators(name())`. */
function annotationScope(
  name: string,
  definition: FunctionDef | AsyncFunctionDef | ClassDef,
  body: Statement[],
  result: Expression,
  outside: ReadonlyArray<readonly [parameter: string, value: Expression]> = [],
): Statement[] {
  const at = position(definition);
  const scope: FunctionDef = {
    kind: "FunctionDef",
    name,
    args: {
      ...noArguments(),
      args: outside.map(([parameter, value]) => ({
        kind: "arg",
        arg: parameter,
        annotation: null,
        ...position(value),
      })),
    },
    body: [
      ...parameterStatements(definition.typeParams),
      ...body,
      { kind: "Return", value: result, ...at },
    ],
    decoratorList: [],
    returns: null,
    typeParams: [],
    ...at,
  };
  annotationScopes.set(scope, `<generic parameters of ${definition.name}>`);
  let value = call(
    load(name, at),
    outside.map(([, argument]) => argument),
    at,
  );
  for (let i = definition.decoratorList.length - 1; i >= 0; i--) {
    const decorator = definition.decoratorList[i]!;
    value = call(decorator, [value], decorator);
  }
  return [scope, assign(name, value, at)];
}

function parameterTuple(params: readonly TypeParam[], at: SourceRange): Expression {
  return tuple(
    params.map((param) => load(param.name, param)),
    at,
  );
}

function genericFunction(node: FunctionDef | AsyncFunctionDef): Statement[] {
  const at = position(node);
  // CPython evaluates the defaults outside the annotation scope and passes them in.
  const outside: Array<[string, Expression]> = [];
  const passIn = (value: Expression): Expression => {
    const parameter = `.defaults${outside.length}`;
    outside.push([parameter, value]);
    return load(parameter, value);
  };
  const args: Arguments = {
    ...node.args,
    defaults: node.args.defaults.map(passIn),
    kwDefaults: node.args.kwDefaults.map((value) => (value === null ? null : passIn(value))),
  };
  const inner = { ...node, args, decoratorList: [], typeParams: [] };
  const setParams: Statement = {
    kind: "Assign",
    targets: [
      {
        kind: "Attribute",
        value: load(node.name, at),
        attr: "__type_params__",
        ctx: "Store",
        ...at,
      },
    ],
    value: parameterTuple(node.typeParams, at),
    ...at,
  };
  return annotationScope(node.name, node, [inner, setParams], load(node.name, at), outside);
}

function genericClass(node: ClassDef): Statement[] {
  const at = position(node);
  // CPython: the implicit last base Generic[T, *Ts, P] (TypeVarTuples unpacked).
  const generic: Expression = {
    kind: "Subscript",
    value: typingHelper("Generic", at),
    slice: tuple(
      node.typeParams.map((param) =>
        param.kind === "TypeVarTuple"
          ? ({
              kind: "Starred",
              value: load(param.name, param),
              ctx: "Load",
              ...position(param),
            } as Expression)
          : load(param.name, param),
      ),
      at,
    ),
    ctx: "Load",
    ...at,
  };
  const first = node.body[0];
  const hasDocstring =
    first?.kind === "Expr" && first.value.kind === "Constant" && first.value.constantType === "str";
  const typeParams = assign("__type_params__", parameterTuple(node.typeParams, at), at);
  const body = hasDocstring
    ? [first, typeParams, ...node.body.slice(1)]
    : [typeParams, ...node.body];
  const inner: ClassDef = {
    ...node,
    bases: [...node.bases, generic],
    body,
    decoratorList: [],
    typeParams: [],
  };
  return annotationScope(node.name, node, [inner], load(node.name, at));
}

function typeAlias(node: TypeAlias): Statement[] {
  const at = position(node);
  const name = node.name.id;
  const value = (typeParams: Expression): Expression =>
    call(
      typingHelper("_type_alias", at),
      [text(name, at), lazy(node.value, node.value), typeParams, load("__name__", at)],
      at,
    );
  if (node.typeParams.length === 0) return [assign(name, value(tuple([], at)), at)];
  const definition: FunctionDef = {
    kind: "FunctionDef",
    name,
    args: noArguments(),
    body: [],
    decoratorList: [],
    returns: null,
    typeParams: node.typeParams,
    ...at,
  };
  return annotationScope(name, definition, [], value(parameterTuple(node.typeParams, at)));
}
