import type {
  Arg,
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
 * Inside a class body the scope also receives the class namespace, and the names the class
 * binds are read from it first (CPython's `__classdict__`).
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
  return { ...module, body: rewriteBlockIn(module.body, undefined) };
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
// `classNames`: the names a class body directly around the block binds (CPython's
// `__classdict__`), undefined outside class bodies.
function rewriteBlockIn(body: readonly Statement[], classNames?: ReadonlySet<string>): Statement[] {
  return body.flatMap((statement) => rewriteStatement(statement, classNames));
}

function rewriteStatement(statement: Statement, classNames?: ReadonlySet<string>): Statement[] {
  const rewriteBlock = (body: readonly Statement[]): Statement[] =>
    rewriteBlockIn(body, classNames);
  switch (statement.kind) {
    case "FunctionDef":
    case "AsyncFunctionDef": {
      const rewritten = { ...statement, body: rewriteBlockIn(statement.body, undefined) };
      return statement.typeParams.length > 0
        ? genericFunction(rewritten, classScope(classNames, statement.typeParams))
        : [rewritten];
    }
    case "ClassDef": {
      const rewritten = {
        ...statement,
        body: rewriteBlockIn(statement.body, namesBoundIn(statement.body)),
      };
      return statement.typeParams.length > 0
        ? genericClass(rewritten, classScope(classNames, statement.typeParams))
        : [rewritten];
    }
    case "TypeAlias":
      return typeAlias(statement, classScope(classNames, statement.typeParams));
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

/** What an annotation scope inside a class body reads from the class namespace. */
interface ClassScope {
  /** Names the class body binds, less the scope's own type parameters. */
  readonly names: ReadonlySet<string>;
}

function classScope(
  classNames: ReadonlySet<string> | undefined,
  params: readonly TypeParam[],
): ClassScope | undefined {
  if (classNames === undefined) return undefined;
  const names = new Set(classNames);
  for (const param of params) names.delete(param.name);
  return names.size > 0 ? { names } : undefined;
}

/** The names a class body's own statements bind (assignments, definitions, imports). */
function namesBoundIn(body: readonly Statement[]): Set<string> {
  const names = new Set<string>();
  const pending = [...body];
  while (pending.length > 0) {
    const statement = pending.pop()!;
    switch (statement.kind) {
      case "Assign":
        for (const target of statement.targets) if (target.kind === "Name") names.add(target.id);
        break;
      case "AnnAssign":
      case "AugAssign":
        if (statement.target.kind === "Name") names.add(statement.target.id);
        break;
      case "FunctionDef":
      case "AsyncFunctionDef":
      case "ClassDef":
        names.add(statement.name);
        break;
      case "TypeAlias":
        names.add(statement.name.id);
        break;
      case "Import":
      case "ImportFrom":
        for (const alias of statement.names) names.add(alias.asname ?? alias.name.split(".")[0]!);
        break;
      default:
        for (const block of nestedBlocks(statement)) pending.push(...block);
    }
  }
  return names;
}

/** The parameter of an annotation scope that receives the class namespace. */
const CLASS_DICT = ".classdict";

/**
 * `expression` with each load of a class-bound name read from the class namespace first
 * (`.classdict["X"] if "X" in .classdict else X`). Nested scopes (lambdas,
 * comprehensions) are left alone, as CPython's `__classdict__` reaches only the annotation scope.
 */
function readingClassNames<T extends Expression | null>(
  expression: T,
  scope: ClassScope | undefined,
): T {
  if (expression === null || scope === undefined) return expression;
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node === null || typeof node !== "object") return node;
    const kind = (node as { kind?: string }).kind;
    if (kind === "Name") {
      const name = node as Expression & { kind: "Name" };
      if (name.ctx !== "Load" || !scope.names.has(name.id)) return node;
      const at = position(name);
      return {
        kind: "IfExp",
        test: {
          kind: "Compare",
          left: text(name.id, at),
          ops: ["In"],
          comparators: [load(CLASS_DICT, at)],
          ...at,
        },
        body: {
          kind: "Subscript",
          value: load(CLASS_DICT, at),
          slice: text(name.id, at),
          ctx: "Load",
          ...at,
        },
        orelse: name,
        ...at,
      } satisfies Expression;
    }
    if (
      kind === "Lambda" ||
      kind === "ListComp" ||
      kind === "SetComp" ||
      kind === "DictComp" ||
      kind === "GeneratorExp"
    )
      return node;
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) copy[key] = rewrite(value);
    return copy;
  };
  return rewrite(expression) as T;
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
function parameterStatements(
  params: readonly TypeParam[],
  scope: ClassScope | undefined,
): Statement[] {
  return params.map((param) => {
    const bound = readingClassNames(param.kind === "TypeVar" ? param.bound : null, scope);
    const constraints = bound?.kind === "Tuple" ? bound : null;
    const value = call(
      typingHelper("_type_parameter", param),
      [
        text(param.kind, param),
        text(param.name, param),
        lazy(constraints === null ? bound : null, param),
        lazy(constraints, param),
        lazy(readingClassNames(param.defaultValue, scope), param),
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
  scope: ClassScope | undefined,
  passedIn: ReadonlyArray<readonly [parameter: string, value: Expression]> = [],
): Statement[] {
  const at = position(definition);
  // Inside a class body the namespace comes in too (CPython: `__classdict__`).
  const outside: ReadonlyArray<readonly [string, Expression]> =
    scope === undefined ? passedIn : [...passedIn, [CLASS_DICT, call(load("locals", at), [], at)]];
  const wrapper: FunctionDef = {
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
      ...parameterStatements(definition.typeParams, scope),
      ...body,
      { kind: "Return", value: result, ...at },
    ],
    decoratorList: [],
    returns: null,
    typeParams: [],
    ...at,
  };
  annotationScopes.set(wrapper, `<generic parameters of ${definition.name}>`);
  let value = call(
    load(name, at),
    outside.map(([, argument]) => argument),
    at,
  );
  for (let i = definition.decoratorList.length - 1; i >= 0; i--) {
    const decorator = definition.decoratorList[i]!;
    value = call(decorator, [value], decorator);
  }
  return [wrapper, assign(name, value, at)];
}

function parameterTuple(params: readonly TypeParam[], at: SourceRange): Expression {
  return tuple(
    params.map((param) => load(param.name, param)),
    at,
  );
}

function genericFunction(
  node: FunctionDef | AsyncFunctionDef,
  scope: ClassScope | undefined,
): Statement[] {
  const at = position(node);
  // CPython evaluates the defaults outside the annotation scope and passes them in.
  const outside: Array<[string, Expression]> = [];
  const passIn = (value: Expression): Expression => {
    const parameter = `.defaults${outside.length}`;
    outside.push([parameter, value]);
    return load(parameter, value);
  };
  const annotated = (arg: Arg): Arg => ({
    ...arg,
    annotation: readingClassNames(arg.annotation, scope),
  });
  const args: Arguments = {
    ...node.args,
    posonlyargs: node.args.posonlyargs.map(annotated),
    args: node.args.args.map(annotated),
    vararg: node.args.vararg === null ? null : annotated(node.args.vararg),
    kwonlyargs: node.args.kwonlyargs.map(annotated),
    kwarg: node.args.kwarg === null ? null : annotated(node.args.kwarg),
    defaults: node.args.defaults.map(passIn),
    kwDefaults: node.args.kwDefaults.map((value) => (value === null ? null : passIn(value))),
  };
  const inner = {
    ...node,
    args,
    returns: readingClassNames(node.returns, scope),
    decoratorList: [],
    typeParams: [],
  };
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
  return annotationScope(node.name, node, [inner, setParams], load(node.name, at), scope, outside);
}

function genericClass(node: ClassDef, scope: ClassScope | undefined): Statement[] {
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
    bases: [...node.bases.map((base) => readingClassNames(base, scope)), generic],
    keywords: node.keywords.map((keyword) => ({
      ...keyword,
      value: readingClassNames(keyword.value, scope),
    })),
    body,
    decoratorList: [],
    typeParams: [],
  };
  return annotationScope(node.name, node, [inner], load(node.name, at), scope);
}

function typeAlias(node: TypeAlias, scope: ClassScope | undefined): Statement[] {
  const at = position(node);
  const name = node.name.id;
  const value = (typeParams: Expression): Expression =>
    call(
      typingHelper("_type_alias", at),
      [
        text(name, at),
        lazy(readingClassNames(node.value, scope), node.value),
        typeParams,
        load("__name__", at),
      ],
      at,
    );
  // Without parameters (and outside a class body) no annotation scope is needed.
  if (node.typeParams.length === 0 && scope === undefined)
    return [assign(name, value(tuple([], at)), at)];
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
  return annotationScope(name, definition, [], value(parameterTuple(node.typeParams, at)), scope);
}
