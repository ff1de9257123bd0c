import type {
  Arguments,
  Comprehension,
  ExceptHandler,
  Expression,
  GeneratorExp,
  Module,
  Pattern,
  Statement,
} from "../ast.js";

/**
 * The symbol table pass (CPython: `symtable.c`): which names of each function are locals, cells
 * (captured by an inner function) or free variables (captured from an outer one), which are
 * global, and in what order the locals are numbered (`co_varnames`: parameters first, then other
 * names in order of first appearance).
 *
 * List comprehensions are inlined as in CPython 3.12+ (PEP 709): their iteration variables are
 * not names of the enclosing scope (the compiler gives them hidden slots).
 *
 * @module
 */

/**
 * What kind of code block a scope is.
 *
 * @example
 * ```ts
 * const kind: ScopeKind = "class"; // a class body: names live in its namespace dict
 * ```
 */
export type ScopeKind = "module" | "function" | "class";

/**
 * One code block's names after analysis.
 *
 * @example
 * ```ts
 * const scope = analyzeModule(parse("def f(a):\n    return a\n"));
 * scope.children[0]!.locals; // ["a"]
 * ```
 */
export interface Scope {
  readonly kind: ScopeKind;
  readonly name: string;
  /** The node that opens the block (FunctionDef, Lambda, ClassDef; undefined for the module). */
  readonly node: object | undefined;
  readonly parent: Scope | undefined;
  /** Parameters in order (positional, then `*args`, then `**kwargs`). */
  readonly parameters: string[];
  /** Local names in `co_varnames` order (parameters first). Function scopes only. */
  readonly locals: string[];
  /** Names bound in this block (class and module scopes store these in their namespace dict). */
  readonly bound: Set<string>;
  /** Names declared `global`. */
  readonly globals: Set<string>;
  /** Names declared `nonlocal`. */
  readonly nonlocals: Set<string>;
  /** Locals captured by inner functions (CPython: cellvars). */
  readonly cells: Set<string>;
  /** Names captured from enclosing functions, in first-use order (CPython: freevars). */
  readonly frees: Set<string>;
  /** Nested function and class scopes, in source order. */
  readonly children: Scope[];
  /** Every name in order of first appearance (to order locals like CPython). */
  readonly seen: Set<string>;
  /** Names read in this block (not in comprehension targets). */
  readonly used: Set<string>;
  /**
   * Comprehension variables of the parent visible where this block is defined (a lambda or
   * generator expression inside an inlined comprehension): they shadow the parent's own names.
   */
  readonly enclosingHidden: ReadonlySet<string>;
  /**
   * Comprehension variables of this block that an inner block captures: the compiler gives those
   * hidden slots a cell (CPython 3.12+: the inlined comprehension's MAKE_CELL).
   */
  readonly capturedHidden: Set<string>;
}

function newScope(
  kind: ScopeKind,
  name: string,
  parent: Scope | undefined,
  node: object | undefined,
  enclosingHidden: ReadonlySet<string> = new Set(),
): Scope {
  return {
    kind,
    name,
    node,
    parent,
    parameters: [],
    locals: [],
    bound: new Set(),
    globals: new Set(),
    nonlocals: new Set(),
    cells: new Set(),
    frees: new Set(),
    children: [],
    seen: new Set(),
    used: new Set(),
    enclosingHidden,
    capturedHidden: new Set(),
  };
}

/**
 * Analyzes a whole module: returns the module scope with every nested scope in `children`, in
 * the order the compiler meets their `def`, `lambda` and `class` nodes.
 *
 * @example
 * ```ts
 * const scope = analyzeModule(parse("x = 1\n"));
 * ```
 */
export function analyzeModule(module: Module): Scope {
  const root = newScope("module", "<module>", undefined, undefined);
  const walker = new ScopeWalker(root);
  walker.statements(module.body);
  resolve(root);
  return root;
}

class ScopeWalker {
  /** Names bound by enclosing comprehension targets (hidden slots, not scope names). */
  private readonly hidden: string[] = [];

  constructor(private scope: Scope) {}

  private note(name: string): void {
    this.scope.seen.add(name);
  }

  private bind(name: string): void {
    if (this.hidden.includes(name)) return;
    this.note(name);
    this.scope.bound.add(name);
  }

  private use(name: string): void {
    if (this.hidden.includes(name)) return;
    this.note(name);
    this.scope.used.add(name);
  }

  statements(body: readonly Statement[]): void {
    for (const statement of body) this.statement(statement);
  }

  private statement(node: Statement): void {
    switch (node.kind) {
      case "FunctionDef":
      case "AsyncFunctionDef":
        this.defaults(node.args);
        this.annotations(node);
        this.bind(node.name);
        this.functionScope(node, node.name, node.args, (walker) => walker.statements(node.body));
        return;
      case "ClassDef": {
        for (const base of node.bases) this.expression(base);
        this.bind(node.name);
        const child = newScope("class", node.name, this.scope, node);
        this.scope.children.push(child);
        const walker = new ScopeWalker(child);
        walker.statements(node.body);
        return;
      }
      case "Return":
        if (node.value !== null) this.expression(node.value);
        return;
      case "Delete":
        for (const target of node.targets) this.target(target);
        return;
      case "Assign":
        for (const target of node.targets) this.target(target);
        this.expression(node.value);
        return;
      case "AugAssign":
        if (node.target.kind === "Name") {
          this.use(node.target.id);
          this.bind(node.target.id);
        } else this.target(node.target);
        this.expression(node.value);
        return;
      case "AnnAssign":
        // CPython: symtable_visit_stmt(), AnnAssign_kind — a simple name is local even
        // without a value; module and class annotations are evaluated.
        if (node.target.kind === "Name") this.bind(node.target.id);
        else this.target(node.target);
        if (this.scope.kind !== "function") this.expression(node.annotation);
        if (node.value !== null) this.expression(node.value);
        return;
      case "With":
      case "AsyncWith":
        for (const item of node.items) {
          this.expression(item.contextExpr);
          if (item.optionalVars !== null) this.target(item.optionalVars);
        }
        this.statements(node.body);
        return;
      case "For":
      case "AsyncFor":
        this.target(node.target);
        this.expression(node.iter);
        this.statements(node.body);
        this.statements(node.orelse);
        return;
      case "Match":
        this.expression(node.subject);
        for (const matchCase of node.cases) {
          this.pattern(matchCase.pattern);
          if (matchCase.guard !== null) this.expression(matchCase.guard);
          this.statements(matchCase.body);
        }
        return;
      case "While":
      case "If":
        this.expression(node.test);
        this.statements(node.body);
        this.statements(node.orelse);
        return;
      case "Raise":
        if (node.exc !== null) this.expression(node.exc);
        if (node.cause !== null) this.expression(node.cause);
        return;
      case "Try":
      case "TryStar":
        this.statements(node.body);
        for (const handler of node.handlers) this.handler(handler);
        this.statements(node.orelse);
        this.statements(node.finalbody);
        return;
      case "Assert":
        this.expression(node.test);
        if (node.msg !== null) this.expression(node.msg);
        return;
      case "Import":
        for (const alias of node.names) this.bind(alias.asname ?? alias.name.split(".")[0]!);
        return;
      case "ImportFrom":
        for (const alias of node.names) this.bind(alias.asname ?? alias.name);
        return;
      case "Global":
        for (const name of node.names) this.scope.globals.add(name);
        return;
      case "Nonlocal":
        for (const name of node.names) this.scope.nonlocals.add(name);
        return;
      case "Expr":
        this.expression(node.value);
        return;
      default:
        return;
    }
  }

  /** A def's annotations belong to the enclosing scope (they are evaluated there). */
  private annotations(
    node: Extract<Statement, { kind: "FunctionDef" | "AsyncFunctionDef" }>,
  ): void {
    const { args } = node;
    for (const arg of [...args.posonlyargs, ...args.args, ...args.kwonlyargs]) {
      if (arg.annotation !== null) this.expression(arg.annotation);
    }
    if (args.vararg?.annotation != null) this.expression(args.vararg.annotation);
    if (args.kwarg?.annotation != null) this.expression(args.kwarg.annotation);
    if (node.returns !== null) this.expression(node.returns);
  }

  /** A `case` pattern: the names it captures bind, its values and class names are read. */
  private pattern(root: Pattern): void {
    const stack: Pattern[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      switch (node.kind) {
        case "MatchValue":
          this.expression(node.value);
          break;
        case "MatchSingleton":
          break;
        case "MatchSequence":
        case "MatchOr":
          stack.push(...node.patterns);
          break;
        case "MatchMapping":
          for (const key of node.keys) this.expression(key);
          stack.push(...node.patterns);
          if (node.rest !== null) this.bind(node.rest);
          break;
        case "MatchClass":
          this.expression(node.cls);
          stack.push(...node.patterns, ...node.kwdPatterns);
          break;
        case "MatchStar":
          if (node.name !== null) this.bind(node.name);
          break;
        case "MatchAs":
          if (node.pattern !== null) stack.push(node.pattern);
          if (node.name !== null) this.bind(node.name);
          break;
      }
    }
  }

  private handler(node: ExceptHandler): void {
    if (node.type !== null) this.expression(node.type);
    if (node.name !== null) this.bind(node.name);
    this.statements(node.body);
  }

  private defaults(args: Arguments): void {
    for (const value of args.defaults) this.expression(value);
    for (const value of args.kwDefaults) if (value !== null) this.expression(value);
  }

  private functionScope(
    node: object,
    name: string,
    args: Arguments,
    walkBody: (walker: ScopeWalker) => void,
  ): void {
    const child = newScope("function", name, this.scope, node, new Set(this.hidden));
    this.scope.children.push(child);
    // CPython's co_varnames: positional-only, positional, keyword-only, then *args, **kwargs.
    for (const arg of [...args.posonlyargs, ...args.args, ...args.kwonlyargs])
      child.parameters.push(arg.arg);
    if (args.vararg !== null) child.parameters.push(args.vararg.arg);
    if (args.kwarg !== null) child.parameters.push(args.kwarg.arg);
    const walker = new ScopeWalker(child);
    for (const parameter of child.parameters) walker.bind(parameter);
    walkBody(walker);
  }

  private target(node: Expression): void {
    switch (node.kind) {
      case "Name":
        this.bind(node.id);
        return;
      case "Tuple":
      case "List":
        for (const element of node.elts) this.target(element);
        return;
      case "Starred":
        this.target(node.value);
        return;
      default:
        this.expression(node);
    }
  }

  /**
   * A generator expression is a function scope of its own (PEP 709 inlines only list, set and
   * dict comprehensions): its first iterable is evaluated here and passed in as parameter `.0`.
   */
  private generatorExpression(node: GeneratorExp): void {
    this.expression(node.generators[0]!.iter);
    const child = newScope("function", "<genexpr>", this.scope, node, new Set(this.hidden));
    this.scope.children.push(child);
    child.parameters.push(".0");
    const walker = new ScopeWalker(child);
    walker.bind(".0");
    for (const [index, generator] of node.generators.entries()) {
      walker.target(generator.target);
      if (index !== 0) walker.expression(generator.iter);
      for (const condition of generator.ifs) walker.expression(condition);
    }
    walker.expression(node.elt);
  }

  private comprehension(generators: readonly Comprehension[], inner: () => void): void {
    const before = this.hidden.length;
    try {
      for (const [index, generator] of generators.entries()) {
        // The first iterable is evaluated outside the comprehension's names (PEP 709 keeps that).
        if (index === 0) this.expression(generator.iter);
        collectTargetNames(generator.target, this.hidden);
        if (index !== 0) this.expression(generator.iter);
        for (const condition of generator.ifs) this.expression(condition);
      }
      inner();
    } finally {
      this.hidden.length = before;
    }
  }

  expression(node: Expression): void {
    switch (node.kind) {
      case "Name":
        if (node.ctx === "Load") this.use(node.id);
        else this.bind(node.id);
        return;
      case "BoolOp":
        for (const value of node.values) this.expression(value);
        return;
      case "BinOp": {
        // A chain `a + b + …` nests on the left as deep as the program makes it (CPython
        // compiles 9,996 operators): walked in a loop, in the same order.
        const rights: Expression[] = [];
        let left: Expression = node;
        while (left.kind === "BinOp") {
          rights.push(left.right);
          left = left.left;
        }
        this.expression(left);
        for (let i = rights.length - 1; i >= 0; i--) this.expression(rights[i]!);
        return;
      }
      case "UnaryOp":
        this.expression(node.operand);
        return;
      case "Lambda":
        this.defaults(node.args);
        this.functionScope(node, "<lambda>", node.args, (walker) => walker.expression(node.body));
        return;
      case "IfExp":
        this.expression(node.test);
        this.expression(node.body);
        this.expression(node.orelse);
        return;
      case "Dict":
        for (const key of node.keys) if (key !== null) this.expression(key);
        for (const value of node.values) this.expression(value);
        return;
      case "Set":
      case "List":
      case "Tuple":
        for (const element of node.elts) this.expression(element);
        return;
      case "ListComp":
      case "SetComp":
        this.comprehension(node.generators, () => this.expression(node.elt));
        return;
      case "GeneratorExp":
        this.generatorExpression(node);
        return;
      case "DictComp":
        this.comprehension(node.generators, () => {
          this.expression(node.key);
          this.expression(node.value);
        });
        return;
      case "Compare":
        this.expression(node.left);
        for (const comparator of node.comparators) this.expression(comparator);
        return;
      case "Call":
        this.expression(node.func);
        for (const arg of node.args) this.expression(arg);
        for (const keyword of node.keywords) this.expression(keyword.value);
        return;
      case "FormattedValue":
        this.expression(node.value);
        if (node.formatSpec !== null) this.expression(node.formatSpec);
        return;
      case "JoinedStr":
        for (const value of node.values) this.expression(value);
        return;
      case "Attribute":
        this.expression(node.value);
        return;
      case "Subscript":
        this.expression(node.value);
        this.expression(node.slice);
        return;
      case "Starred":
        this.expression(node.value);
        return;
      case "NamedExpr":
        // CPython: symtable_handle_namedexpr() — the value, then the target, which binds in the
        // enclosing scope (comprehensions are inlined here, so that is this one).
        this.expression(node.value);
        this.bind(node.target.id);
        return;
      case "Yield":
        if (node.value !== null) this.expression(node.value);
        return;
      case "YieldFrom":
      case "Await":
        this.expression(node.value);
        return;
      case "Slice":
        if (node.lower !== null) this.expression(node.lower);
        if (node.upper !== null) this.expression(node.upper);
        if (node.step !== null) this.expression(node.step);
        return;
      default:
        return;
    }
  }
}

/**
 * Appends the names a comprehension target binds (`x`, `k, v`) to `into`.
 *
 * @example
 * ```ts
 * const names: string[] = [];
 * collectTargetNames(forNode.target, names); // ["k", "v"] for `for k, v in …`
 * ```
 */
export function collectTargetNames(node: Expression, into: string[]): void {
  if (node.kind === "Name") into.push(node.id);
  else if (node.kind === "Tuple" || node.kind === "List")
    for (const element of node.elts) collectTargetNames(element, into);
  else if (node.kind === "Starred") collectTargetNames(node.value, into);
}

/** Whether `scope` binds `name` as one of its own locals (function scopes only). */
function bindsLocally(scope: Scope, name: string): boolean {
  return (
    scope.kind === "function" &&
    !scope.globals.has(name) &&
    !scope.nonlocals.has(name) &&
    scope.bound.has(name)
  );
}

/**
 * Second pass: decides locals, cells and free variables (CPython: `analyze_block`), top-down so
 * that an outer function's cells are known before its children's closures are compiled.
 */
function resolve(scope: Scope): void {
  if (scope.kind === "function") {
    // Sets, not array searches: a block may bind 100,000 names (issue 11).
    const locals = new Set(scope.parameters);
    for (const name of scope.seen) if (bindsLocally(scope, name)) locals.add(name);
    for (const name of locals) scope.locals.push(name);
  }
  // A method that says `super` closes over the class being defined (CPython: the __class__ cell).
  if (scope.kind === "function" && scope.parent?.kind === "class" && scope.used.has("super"))
    markFree(scope, "__class__", true);
  const wanted = new Set<string>([...scope.used, ...scope.nonlocals]);
  if (scope.kind !== "module") {
    for (const name of scope.seen) {
      if (!wanted.has(name) || scope.globals.has(name)) continue;
      if (scope.kind === "function" && bindsLocally(scope, name)) continue;
      if (scope.kind === "class" && scope.bound.has(name)) continue;
      markFree(scope, name, false);
    }
  }
  for (const child of scope.children) resolve(child);
}

/**
 * Makes `name` a free variable of `scope` if an enclosing function binds it (or, for
 * `__class__`, the enclosing class), marking it a cell there and free in every scope between.
 */
function markFree(scope: Scope, name: string, classCell: boolean): void {
  const path: Scope[] = [scope];
  for (let outer = scope.parent; outer !== undefined; outer = outer.parent) {
    // A comprehension variable around the inner block shadows the outer block's own names
    // (CPython: inline_comprehension() makes it a cell of the enclosing code).
    if (!classCell && path[path.length - 1]!.enclosingHidden.has(name)) {
      outer.capturedHidden.add(name);
      for (const inner of path) inner.frees.add(name);
      return;
    }
    if (outer.kind === "module") return;
    const owns = classCell ? outer.kind === "class" : bindsLocally(outer, name);
    if (owns) {
      outer.cells.add(name);
      for (const inner of path) inner.frees.add(name);
      return;
    }
    path.push(outer);
  }
}
