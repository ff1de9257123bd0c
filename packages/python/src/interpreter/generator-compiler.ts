import type { Ptr } from "@pymem/core";
import type {
  Arguments,
  AsyncFor,
  AsyncFunctionDef,
  Await,
  BinOp,
  ClassDef,
  DictComp,
  Expression,
  FunctionDef,
  GeneratorExp,
  Lambda,
  ListComp,
  SetComp,
  SourceRange,
  Statement,
  Try,
  TryStar,
  WithItem,
  Yield,
  YieldFrom,
} from "../ast.js";
import { containsYield as functionYields, isAsynchronousComprehension } from "../scope-check.js";
import { newAsyncGenerator, wrapAsyncYield } from "./async-generator-objects.js";
import { callAt } from "./calls.js";
import { beforeWith, exitArguments, exitContext } from "./context-managers.js";
import {
  asyncEnterIterator,
  asyncExitIterator,
  asyncExitMethod,
  asyncForNext,
  asyncIterator,
  awaitableIterator,
  delegate,
  pushYieldFromIterator,
} from "./coroutine-protocol.js";
import { exceptStarHandler } from "./except-star.js";
import { type PyException, StepLimitError } from "./exceptions.js";
import {
  type Expr,
  ExpressionCompiler,
  isSuperCall,
  type Stmt,
  type Unit,
} from "./expression-compiler.js";
import { Completion, type Frame } from "./frame.js";
import { flattenGeneratorBlock } from "./generator-blocks.js";
import { coroutineType, type GeneratorBody, newGenerator } from "./generator-objects.js";
import { getIterator, iteratorNext } from "./iterator-protocol.js";
import type { Machine } from "./machine.js";
import { runScheduledCollection, step } from "./run-loop.js";
import type { Scope } from "./scope-analysis.js";

/**
 * The generator half of the closure compiler: generator functions, generator expressions,
 * `yield` and `yield from`.
 *
 * A closure cannot stop in the middle and resume later, so the parts of a generator's body that
 * can reach a `yield` are compiled a second way, as JavaScript generator functions (`function*`)
 * that pass each yielded value out with `yield*` — and everything that cannot reach a `yield`
 * is compiled as usual and called from them, so ordinary code is never slowed down. The
 * suspended JavaScript generator is the suspended frame's continuation, owned by the heap
 * generator object (generator-objects.ts).
 *
 * An expression with a `yield` inside is split: its operands up to the last one holding a
 * `yield` are evaluated first, in order, onto the value stack (the ones with a `yield` in
 * generator form), and the expression itself is then compiled as usual with those operands
 * replaced by loads from the stack ({@link ExpressionCompiler.substitutions}). Evaluation order
 * is CPython's; operands after the last `yield` are evaluated by the ordinary closure. Code here
 * keeps value-stack positions relative to `frame.stackBase`, because a generator may resume at
 * a different stack height each time.
 *
 * @module
 */

/** A statement compiled in generator form: yields values out, returns its completion code. */
type GenStmt = (frame: Frame) => Generator<Ptr, number, Ptr>;
/** An expression compiled in generator form: yields values out, returns a new reference. */
type GenExpr = (frame: Frame) => Generator<Ptr, Ptr, Ptr>;
/** A test compiled in generator form. */
type GenTest = (frame: Frame) => Generator<Ptr, boolean, Ptr>;

/** Either form: `plain` for code that cannot reach a `yield`, else `gen`. */
type Part<Plain, Gen> = { plain: Plain; gen?: undefined } | { plain?: undefined; gen: Gen };

const yieldCache = new WeakMap<object, boolean>();

/**
 * Whether `node` contains a `yield` or `yield from` of its own block: nested functions, lambdas
 * and classes are other blocks, except for the parts evaluated where they are defined (default
 * values, bases); of a comprehension only the first iterable belongs to the enclosing block.
 * Answers are cached per node, because compiling a generator function asks again for every part
 * of it; {@link blockContainsYield} asks once for a whole function body.
 *
 * @example
 * ```ts
 * containsYield(functionDef.body[0]); // true for `x = yield 1`
 * ```
 * @internal
 */
export function containsYield(node: object): boolean {
  const cached = yieldCache.get(node);
  if (cached !== undefined) return cached;
  if ((node as { kind?: string }).kind === "BinOp") {
    // A chain `a + b + …` nests on the left as deep as the program makes it: answer for its
    // links from the innermost out, so that each one below finds its left operand cached.
    const links: BinOp[] = [];
    let link = (node as BinOp).left;
    while (link.kind === "BinOp" && !yieldCache.has(link)) {
      links.push(link);
      link = link.left;
    }
    for (let i = links.length - 1; i >= 0; i--) containsYield(links[i]!);
  }
  const parts: object[] = [];
  const found = suspendsOrCollectParts(node, parts) || parts.some(containsYield);
  yieldCache.set(node, found);
  return found;
}

/**
 * {@link containsYield} for every statement of a function body at once, without its cache: an
 * iterative walk, run once per `def` the compiler meets. Most functions are no generators, and
 * caching an answer for each of their nodes cost a third of compiling a module.
 *
 * @example
 * ```ts
 * blockContainsYield(functionDef.body); // true for a generator function's body
 * ```
 * @internal
 */
export function blockContainsYield(body: readonly object[]): boolean {
  const pending = [...body];
  while (pending.length > 0) {
    if (suspendsOrCollectParts(pending.pop()!, pending)) return true;
  }
  return false;
}

/**
 * True when `node` itself suspends its block; otherwise pushes onto `parts` the nodes below it
 * that belong to the same block (the rule {@link containsYield} applies at each node).
 */
function suspendsOrCollectParts(node: object, parts: object[]): boolean {
  const kind = (node as { kind?: string }).kind;
  // `await`, `async for` and `async with` suspend the coroutine as `yield from` does.
  if (
    kind === "Yield" ||
    kind === "YieldFrom" ||
    kind === "Await" ||
    kind === "AsyncFor" ||
    kind === "AsyncWith"
  )
    return true;
  if (kind === "FunctionDef" || kind === "AsyncFunctionDef" || kind === "Lambda") {
    // Evaluated where the function is defined: decorators and default values.
    const definition = node as FunctionDef | AsyncFunctionDef | Lambda;
    parts.push(...definition.args.defaults);
    for (const value of definition.args.kwDefaults) if (value !== null) parts.push(value);
    if (definition.kind !== "Lambda") parts.push(...definition.decoratorList);
  } else if (kind === "ClassDef") {
    const definition = node as ClassDef;
    parts.push(...definition.bases);
    for (const keyword of definition.keywords) parts.push(keyword.value);
    parts.push(...definition.decoratorList);
  } else if (
    kind === "ListComp" ||
    kind === "SetComp" ||
    kind === "DictComp" ||
    kind === "GeneratorExp"
  ) {
    // An asynchronous list, set or dict comprehension runs inline and suspends its coroutine.
    const comprehension = node as ListComp | SetComp | DictComp | GeneratorExp;
    if (comprehension.kind !== "GeneratorExp" && isAsynchronousComprehension(comprehension))
      return true;
    parts.push(comprehension.generators[0]!.iter);
  } else
    for (const key in node) {
      const value = (node as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) parts.push(item);
      } else if (isNode(value)) parts.push(value);
    }
  return false;
}

function isNode(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

/**
 * Compiles generator functions and generator expressions for one machine; {@link Compiler}
 * builds on it. See the module comment for the design.
 *
 * @example
 * ```ts
 * const compiler: GeneratorCompiler = new Compiler(machine);
 * ```
 * @internal
 */
export abstract class GeneratorCompiler extends ExpressionCompiler {
  /** A statement as an ordinary closure, with its step count. */
  protected abstract statement(unit: Unit, node: Statement): Stmt;
  /** A statement's own work as an ordinary closure (no step count). */
  protected abstract statementBody(unit: Unit, node: Statement): Stmt;
  /** A block as an ordinary closure. */
  protected abstract block(unit: Unit, body: readonly Statement[]): Stmt;
  /** `except T:` matching. */
  protected abstract exceptionMatches(value: Ptr, type: Ptr): boolean;
  /** The scope a nested block opened. */
  protected abstract childScope(unit: Unit, node: object): Scope;
  /** Makes the closure tuple of a nested block's free variables. */
  protected abstract closureBuilder(unit: Unit, scope: Scope): (f: Frame) => Ptr;
  /** A list, set or dict comprehension that can reach a `yield` or `await`, in generator form. */
  protected abstract comprehensionInGeneratorForm(
    unit: Unit,
    node: ListComp | SetComp | DictComp,
  ): GenExpr;
  /** The body of a `<genexpr>` (its `unit`), an async generator's when `asynchronous`. */
  protected abstract generatorExpressionBody(
    unit: Unit,
    node: GeneratorExp,
    asynchronous: boolean,
  ): GeneratorBody;

  /** The units of async generator functions and expressions: their `yield` wraps the value. */
  protected readonly asyncGeneratorUnits = new WeakSet<Unit>();

  /**
   * The body of a generator function (one with a `yield` of its own): calling the function binds
   * the arguments into a frame as usual, and the body hands that frame to a new generator object
   * instead of running (CPython: RETURN_GENERATOR).
   */
  protected generatorFunctionBody(
    unit: Unit,
    node: FunctionDef | AsyncFunctionDef | Lambda,
  ): (f: Frame) => number {
    const m = this.m;
    let body: GeneratorBody;
    if (node.kind === "Lambda") {
      const value = this.expressionPart(unit, node.body);
      if (value.plain !== undefined) return this.returning(value.plain);
      const gen = value.gen;
      body = function* (f) {
        f.returnValue = yield* gen(f);
        return Completion.RETURN;
      };
    } else {
      // PEP 525: an `async def` with a `yield` is an async generator function.
      if (node.kind === "AsyncFunctionDef" && functionYields(node.body))
        this.asyncGeneratorUnits.add(unit);
      body = this.generatorBlock(unit, node.body);
    }
    if (this.asyncGeneratorUnits.has(unit))
      // CPython: RETURN_GENERATOR of a CO_ASYNC_GENERATOR code object.
      return (f) => {
        f.returnValue = newAsyncGenerator(m, f, body);
        return Completion.RETURN;
      };
    if (node.kind === "AsyncFunctionDef")
      // CPython: RETURN_GENERATOR of a CO_COROUTINE code object makes a coroutine.
      return (f) => {
        f.returnValue = newGenerator(m, f, body, coroutineType(m));
        return Completion.RETURN;
      };
    return (f) => {
      f.returnValue = newGenerator(m, f, body);
      return Completion.RETURN;
    };
  }

  /**
   * A generator expression (CPython: a `<genexpr>` function called with `iter()` of the first
   * iterable, which is evaluated where the expression is): a lazy generator object.
   */
  protected generatorExpressionObject(unit: Unit, node: GeneratorExp): Expr {
    const m = this.m;
    // PEP 530: with an `async for` or an `await`, it is an async generator expression.
    const asynchronous = isAsynchronousComprehension(node);
    const firstIterator = node.generators[0]!.isAsync ? asyncIterator : getIterator;
    const first = this.expression(unit, node.generators[0]!.iter);
    const scope = this.childScope(unit, node);
    const qualifiedName =
      unit.kind === "function"
        ? `${unit.qualifiedPrefix}.<locals>.<genexpr>`
        : unit.kind === "class"
          ? `${unit.qualifiedPrefix}.<genexpr>`
          : "<genexpr>";
    const child = this.newUnit(scope, "function", qualifiedName);
    const args: Arguments = {
      kind: "arguments",
      posonlyargs: [],
      args: [{ kind: "arg", arg: ".0", annotation: null, ...sourceRangeOf(node) }],
      vararg: null,
      kwonlyargs: [],
      kwDefaults: [],
      kwarg: null,
      defaults: [],
    };
    const code = this.newCode(child, "<genexpr>", qualifiedName, node.line, args);
    const codeIndex = m.codes.length - 1;
    if (asynchronous) this.asyncGeneratorUnits.add(child);
    const body = this.generatorExpressionBody(child, node, asynchronous);
    code.generator = true;
    code.body = (f) => {
      f.returnValue = asynchronous ? newAsyncGenerator(m, f, body) : newGenerator(m, f, body);
      return Completion.RETURN;
    };
    const closure = this.closureBuilder(unit, scope);
    return (f) => {
      const iterable = first(f);
      m.push(iterable);
      f.node = node;
      const it = firstIterator(m, iterable);
      const base = m.sp - 1;
      m.stack[base] = it;
      m.decref(iterable);
      const closureTuple = closure(f);
      let fn: Ptr;
      try {
        fn = m.newFunction(codeIndex, f.globals, 0, closureTuple, "<genexpr>");
      } finally {
        m.xdecref(closureTuple); // the function holds it (or, after a MemoryError, nothing does)
      }
      m.stack[base] = fn;
      m.push(it);
      return callAt(m, base, undefined);
    };
  }

  // ───────────────────────────────────────────────────────────── statements

  /** A block of a generator function, in generator form (flattened: generator-blocks.ts). */
  private generatorBlock(unit: Unit, body: readonly Statement[]): GenStmt {
    return flattenGeneratorBlock(
      {
        m: this.m,
        containsYield,
        statement: (node) => this.statement(unit, node),
        generatorStatement: (node) => {
          const part = this.generatorStatement(unit, node);
          return part.plain !== undefined ? { plain: part.plain } : { gen: part.gen };
        },
        generatorExpression: (node) => this.generatorExpressionPart(unit, node).gen,
        condition: (node) => this.condition(unit, node),
        expression: (node) => this.expression(unit, node),
        store: (target) => this.store(unit, target),
        wrapsYields: this.asyncGeneratorUnits.has(unit),
      },
      body,
    );
  }

  /** A block in generator form if it can reach a `yield`, else as an ordinary closure. */
  private blockPart(unit: Unit, body: readonly Statement[]): Part<Stmt, GenStmt> {
    if (body.some(containsYield)) return { gen: this.generatorBlock(unit, body) };
    return { plain: this.block(unit, body) };
  }

  /** A statement of a generator's body: ordinary, or in generator form (its step counted by the block). */
  private generatorStatement(
    unit: Unit,
    node: Statement,
  ): { plain: Stmt; gen?: undefined } | { plain?: undefined; gen: GenStmt; node: Statement } {
    if (!containsYield(node)) return { plain: this.statement(unit, node) };
    const m = this.m;
    const inner = this.generatorStatementBody(unit, node);
    if (inner.plain !== undefined) {
      const plain = inner.plain;
      return {
        plain: (f) => {
          step(m, f, node);
          return plain(f);
        },
      };
    }
    return { gen: inner.gen, node };
  }

  private generatorStatementBody(unit: Unit, node: Statement): Part<Stmt, GenStmt> {
    switch (node.kind) {
      case "Expr": {
        if (
          node.value.kind === "Yield" ||
          node.value.kind === "YieldFrom" ||
          node.value.kind === "Await"
        ) {
          // `yield x` / `yield from it` / `await x` as a statement: the value is dropped.
          const m = this.m;
          const value = this.generatorExpressionPart(unit, node.value);
          if (value.gen === undefined) break;
          const gen = value.gen;
          return {
            gen: function* (f) {
              m.decref(yield* gen(f));
              return Completion.NORMAL;
            },
          };
        }
        return this.splitStatement(unit, node, [node.value]);
      }
      case "Return":
        return this.splitStatement(unit, node, node.value !== null ? [node.value] : []);
      case "Assign":
        if (node.targets.some(containsYield)) break;
        return this.splitStatement(unit, node, [node.value]);
      case "AugAssign":
        if (containsYield(node.target)) break;
        return this.splitStatement(unit, node, [node.value]);
      case "Raise":
        return this.splitStatement(
          unit,
          node,
          [node.exc, node.cause].filter((part): part is Expression => part !== null),
        );
      case "Assert":
        if (node.msg !== null && containsYield(node.msg)) break;
        return this.splitStatement(unit, node, [node.test]);
      case "If":
        return { gen: this.generatorIf(unit, node) };
      case "While":
        return { gen: this.generatorWhile(unit, node) };
      case "For":
        if (containsYield(node.target)) break;
        return { gen: this.generatorFor(unit, node) };
      case "Try":
      case "TryStar":
        if (node.handlers.some((handler) => handler.type !== null && containsYield(handler.type)))
          break;
        return { gen: this.generatorTry(unit, node) };
      case "AsyncFor":
        if (containsYield(node.target)) break;
        return { gen: this.generatorAsyncFor(unit, node) };
      case "AsyncWith": {
        let inner = this.blockPart(unit, node.body);
        for (let i = node.items.length - 1; i >= 0; i--)
          inner = { gen: this.generatorAsyncWithItem(unit, node.items[i]!, inner) };
        return inner;
      }
      case "With": {
        if (node.items.some((item) => containsYield(item.contextExpr))) break;
        if (
          node.items.some((item) => item.optionalVars !== null && containsYield(item.optionalVars))
        )
          break;
        // `with a, b: body` is `with a: with b: body`.
        let inner = this.blockPart(unit, node.body);
        for (let i = node.items.length - 1; i >= 0; i--)
          inner = { gen: this.generatorWithItem(unit, node.items[i]!, inner) };
        return inner;
      }
      default:
        break;
    }
    return { plain: this.unsupported(`'yield' inside this form of the ${node.kind} statement`) };
  }

  /** A simple statement whose expression holds a `yield`: split around it (see the module comment). */
  private splitStatement(unit: Unit, node: Statement, operands: Expression[]): Part<Stmt, GenStmt> {
    const m = this.m;
    const parts = this.operandParts(unit, operands);
    const run = this.withSpilledOperands(parts.spilled, () => this.statementBody(unit, node));
    const evaluate = parts.evaluate;
    return {
      gen: function* (f) {
        const base = yield* evaluate(f);
        f.spillBase = base;
        const completion = run(f);
        m.unwindTo(base);
        return completion;
      },
    };
  }

  private generatorIf(unit: Unit, node: Extract<Statement, { kind: "If" }>): GenStmt {
    const test = this.generatorCondition(unit, node.test);
    const body = this.blockPart(unit, node.body);
    const orelse = node.orelse.length > 0 ? this.blockPart(unit, node.orelse) : undefined;
    return function* (f) {
      const truth = test.plain !== undefined ? test.plain(f) : yield* test.gen(f);
      const branch = truth ? body : orelse;
      if (branch === undefined) return Completion.NORMAL;
      return branch.plain !== undefined ? branch.plain(f) : yield* branch.gen(f);
    };
  }

  private generatorWhile(unit: Unit, node: Extract<Statement, { kind: "While" }>): GenStmt {
    const m = this.m;
    const test = this.generatorCondition(unit, node.test);
    const body = this.blockPart(unit, node.body);
    const orelse = node.orelse.length > 0 ? this.blockPart(unit, node.orelse) : undefined;
    return function* (f) {
      for (;;) {
        const truth = test.plain !== undefined ? test.plain(f) : yield* test.gen(f);
        if (!truth) break;
        const completion = body.plain !== undefined ? body.plain(f) : yield* body.gen(f);
        if (completion === Completion.BREAK) return Completion.NORMAL;
        if (completion === Completion.RETURN) return completion;
        if (m.collectionScheduled) runScheduledCollection(m); // CPython: JUMP_BACKWARD
        step(m, f, node);
      }
      if (orelse === undefined) return Completion.NORMAL;
      return orelse.plain !== undefined ? orelse.plain(f) : yield* orelse.gen(f);
    };
  }

  /** `for` with a `yield` inside: the iterator protocol step by step (CPython: GET_ITER, FOR_ITER). */
  private generatorFor(unit: Unit, node: Extract<Statement, { kind: "For" }>): GenStmt {
    const m = this.m;
    return this.generatorLoop(unit, node, getIterator, (_f, it) => iteratorNext(m, it));
  }

  /**
   * A `for` or `async for` in generator form: the iterator made by `iteratorOf` sits on the value
   * stack while the body runs for each item `nextItem` gives (0 ends the loop; an `async for`'s
   * next item is awaited, so it is a generator).
   */
  private generatorLoop(
    unit: Unit,
    node: Extract<Statement, { kind: "For" | "AsyncFor" }>,
    iteratorOf: (m: Machine, iterable: Ptr) => Ptr,
    nextItem: (f: Frame, iterator: Ptr) => Ptr | Generator<Ptr, Ptr, Ptr>,
  ): GenStmt {
    const m = this.m;
    const iterable = this.expressionPart(unit, node.iter);
    const store = this.store(unit, node.target);
    const body = this.blockPart(unit, node.body);
    const orelse = node.orelse.length > 0 ? this.blockPart(unit, node.orelse) : undefined;
    return function* (f) {
      const source = iterable.plain !== undefined ? iterable.plain(f) : yield* iterable.gen(f);
      m.push(source);
      f.node = node.iter;
      const it = iteratorOf(m, source);
      m.stack[m.sp - 1] = it;
      m.decref(source);
      const slot = m.sp - 1 - f.stackBase;
      let completion: number = Completion.NORMAL;
      for (let first = true; ; first = false) {
        if (!first) step(m, f, node);
        const next = nextItem(f, m.stack[f.stackBase + slot]!);
        const item = typeof next === "number" ? next : yield* next;
        if (item === 0) break;
        store(f, item);
        const c = body.plain !== undefined ? body.plain(f) : yield* body.gen(f);
        if (c === Completion.BREAK || c === Completion.RETURN) {
          completion = c;
          break;
        }
        if (m.collectionScheduled) runScheduledCollection(m); // CPython: JUMP_BACKWARD
      }
      m.unwindTo(f.stackBase + slot);
      if (completion === Completion.RETURN) return completion;
      if (completion === Completion.BREAK || orelse === undefined) return Completion.NORMAL;
      return orelse.plain !== undefined ? orelse.plain(f) : yield* orelse.gen(f);
    };
  }

  /** `try` with a `yield` inside: compiler.ts's tryStatement in generator form. */
  private generatorTry(unit: Unit, node: Try | TryStar): GenStmt {
    const m = this.m;
    const body = this.blockPart(unit, node.body);
    const handlers = node.handlers.map((handler) => ({
      type: handler.type !== null ? this.expression(unit, handler.type) : undefined,
      store: handler.name !== null ? this.nameStore(unit, handler.name, handler) : undefined,
      remove:
        handler.name !== null ? this.nameDelete(unit, handler.name, handler, true) : undefined,
      body: this.blockPart(unit, handler.body),
      node: handler,
    }));
    const orelse = node.orelse.length > 0 ? this.blockPart(unit, node.orelse) : undefined;
    const finalbody = node.finalbody.length > 0 ? this.blockPart(unit, node.finalbody) : undefined;
    const compiler = this;
    const exceptStar =
      node.kind === "TryStar"
        ? exceptStarHandler(m, handlers, function* (body, f) {
            return body.plain !== undefined ? body.plain(f) : yield* body.gen(f);
          })
        : undefined;

    const handle = function* (f: Frame, error: PyException): Generator<Ptr, number, Ptr> {
      for (const handler of handlers) {
        if (handler.type !== undefined) {
          let matches: boolean;
          try {
            const type = handler.type(f);
            m.push(type);
            f.node = handler.node.type ?? handler.node;
            matches = compiler.exceptionMatches(error.value, type);
            m.sp--;
            m.decref(type);
          } catch (inner) {
            error.release(m);
            throw inner;
          }
          if (!matches) continue;
        }
        if (handler.store !== undefined) handler.store(f, m.incref(error.value));
        m.handling.push(error);
        let completion: number;
        try {
          const run = handler.body;
          completion = run.plain !== undefined ? run.plain(f) : yield* run.gen(f);
        } catch (inner) {
          m.handling.pop();
          // Released on a step-limit stop too: nothing else would release it.
          if (inner !== error) error.release(m);
          if (handler.remove !== undefined && !(inner instanceof StepLimitError)) handler.remove(f);
          throw inner;
        }
        m.handling.pop();
        if (handler.remove !== undefined) handler.remove(f);
        error.release(m);
        return completion;
      }
      throw error;
    };

    const bodyAndHandlers = function* (f: Frame): Generator<Ptr, number, Ptr> {
      const level = m.sp - f.stackBase;
      let completion: number;
      try {
        completion = body.plain !== undefined ? body.plain(f) : yield* body.gen(f);
      } catch (thrown) {
        const error = m.toPyException(thrown);
        m.unwindTo(f.stackBase + level);
        m.record(error, f);
        if (handlers.length === 0) throw error;
        return yield* (exceptStar ?? handle)(f, error);
      }
      if (orelse !== undefined && completion === Completion.NORMAL)
        return orelse.plain !== undefined ? orelse.plain(f) : yield* orelse.gen(f);
      return completion;
    };

    if (finalbody === undefined) return bodyAndHandlers;
    return function* (f) {
      const level = m.sp - f.stackBase;
      let completion: number = Completion.NORMAL;
      let pending: PyException | undefined;
      try {
        completion = yield* bodyAndHandlers(f);
      } catch (thrown) {
        pending = m.toPyException(thrown);
        m.unwindTo(f.stackBase + level);
        m.record(pending, f);
      }
      if (pending !== undefined) m.handling.push(pending);
      let finalCompletion: number;
      try {
        finalCompletion =
          finalbody.plain !== undefined ? finalbody.plain(f) : yield* finalbody.gen(f);
      } catch (thrown) {
        if (pending !== undefined) {
          m.handling.pop();
          pending.release(m);
        }
        throw thrown;
      }
      if (pending !== undefined) {
        m.handling.pop();
        if (finalCompletion !== Completion.NORMAL) {
          // `return`/`break` in finally discards the exception.
          pending.release(m);
          return finalCompletion;
        }
        throw pending;
      }
      return finalCompletion !== Completion.NORMAL ? finalCompletion : completion;
    };
  }

  /**
   * One `with` item around a body that can reach a `yield`: compiler.ts's withItem in generator
   * form (CPython: `compiler_with` — BEFORE_WITH, WITH_EXCEPT_START, the normal exit). Closing
   * a generator suspended inside the block passes GeneratorExit to `__exit__`.
   */
  private generatorWithItem(unit: Unit, item: WithItem, body: Part<Stmt, GenStmt>): GenStmt {
    const m = this.m;
    const manager = this.expression(unit, item.contextExpr);
    const store = item.optionalVars !== null ? this.store(unit, item.optionalVars) : undefined;
    return function* (f) {
      const level = m.sp - f.stackBase;
      const mgr = manager(f);
      m.push(mgr);
      f.node = item.contextExpr;
      beforeWith(m, f, mgr, store);
      const exit = (error: PyException): boolean => {
        f.node = item.contextExpr;
        const base = f.stackBase + level;
        return exitContext(m, m.stack[base + 1]!, m.stack[base]!, error);
      };
      const completion = yield* bodyWithExit(m, f, level, body, exit);
      if (completion === undefined) return Completion.NORMAL;
      f.node = item.contextExpr;
      const base = f.stackBase + level;
      exitContext(m, m.stack[base + 1]!, m.stack[base]!, null);
      m.unwindTo(base);
      return completion;
    };
  }

  /**
   * One `async with` item (CPython: BEFORE_ASYNC_WITH, then `await manager.__aenter__()`; at the
   * end `await manager.__aexit__(...)`, whose result, awaited, decides whether an exception is
   * suppressed). Stack while the body runs: the manager, then `__aexit__`.
   */
  private generatorAsyncWithItem(unit: Unit, item: WithItem, body: Part<Stmt, GenStmt>): GenStmt {
    const m = this.m;
    const manager = this.expressionPart(unit, item.contextExpr);
    const store = item.optionalVars !== null ? this.store(unit, item.optionalVars) : undefined;
    const awaitExit = function* (f: Frame, base: number, error: PyException | null) {
      f.node = item.contextExpr;
      const args = exitArguments(m, m.stack[base]!, error);
      m.push(asyncExitIterator(m, m.stack[base + 1]!, args));
      const result = yield* delegate(m, f, m.sp - 1 - f.stackBase);
      m.push(result);
      const suppress = error !== null && m.isTrue(result);
      m.sp--;
      m.decref(result);
      return suppress;
    };
    return function* (f) {
      const level = m.sp - f.stackBase;
      const mgr = manager.plain !== undefined ? manager.plain(f) : yield* manager.gen(f);
      m.push(mgr);
      f.node = item.contextExpr;
      m.push(asyncExitMethod(m, mgr));
      m.push(asyncEnterIterator(m, mgr));
      const entered = yield* delegate(m, f, m.sp - 1 - f.stackBase);
      if (store !== undefined) store(f, entered);
      else m.decref(entered);
      const completion = yield* bodyWithExit(m, f, level, body, (error) =>
        awaitExit(f, f.stackBase + level, error),
      );
      if (completion === undefined) return Completion.NORMAL;
      yield* awaitExit(f, f.stackBase + level, null);
      m.unwindTo(f.stackBase + level);
      return completion;
    };
  }

  /**
   * `async for` (CPython: GET_AITER, then per item GET_ANEXT and the `await` loop; END_ASYNC_FOR
   * ends it on StopAsyncIteration).
   */
  private generatorAsyncFor(unit: Unit, node: AsyncFor): GenStmt {
    const m = this.m;
    return this.generatorLoop(unit, node, asyncIterator, (f, it) => {
      f.node = node.iter;
      return asyncForNext(m, f, it);
    });
  }

  // ───────────────────────────────────────────────────────────── expressions

  /** An expression in generator form if it holds a `yield`, else as an ordinary closure. */
  protected expressionPart(unit: Unit, node: Expression): Part<Expr, GenExpr> {
    if (!containsYield(node)) return { plain: this.expression(unit, node) };
    return this.generatorExpressionPart(unit, node);
  }

  /** A test in generator form if it holds a `yield`, else as an ordinary closure. */
  protected generatorCondition(unit: Unit, node: Expression): Part<(f: Frame) => boolean, GenTest> {
    if (!containsYield(node)) return { plain: this.condition(unit, node) };
    const m = this.m;
    const part = this.generatorExpressionPart(unit, node);
    if (part.plain !== undefined) {
      const plain = part.plain;
      return { plain: (f) => m.isTrue(plain(f)) }; // unsupported: the operand raises
    }
    const value = part.gen;
    return {
      gen: function* (f) {
        const v = yield* value(f);
        m.push(v);
        const truth = m.isTrue(v);
        m.sp--;
        m.decref(v);
        return truth;
      },
    };
  }

  /** A code body returning the value of `value` (a lambda whose `yield` is unsupported: it raises). */
  private returning(value: Expr): (f: Frame) => number {
    return (f) => {
      f.returnValue = value(f);
      return Completion.RETURN;
    };
  }

  private generatorExpressionPart(unit: Unit, node: Expression): Part<Expr, GenExpr> {
    const m = this.m;
    if (node.kind === "Yield") return { gen: this.yieldExpression(unit, node) };
    if (node.kind === "YieldFrom") return { gen: this.yieldFromExpression(unit, node) };
    if (node.kind === "Await") return { gen: this.awaitExpression(unit, node) };
    if (node.kind === "ListComp" || node.kind === "SetComp" || node.kind === "DictComp")
      return { gen: this.comprehensionInGeneratorForm(unit, node) };
    if (node.kind === "BoolOp") {
      const values = node.values.map((value) => this.expressionPart(unit, value));
      const isAnd = node.op === "And";
      return {
        gen: function* (f) {
          let value = 0;
          for (let i = 0; i < values.length; i++) {
            const part = values[i]!;
            value = part.plain !== undefined ? part.plain(f) : yield* part.gen(f);
            if (i === values.length - 1) return value;
            m.push(value);
            const truth = m.isTrue(value);
            m.sp--;
            if (truth !== isAnd) return value;
            m.decref(value);
          }
          return value;
        },
      };
    }
    if (node.kind === "IfExp") {
      const test = this.generatorCondition(unit, node.test);
      const body = this.expressionPart(unit, node.body);
      const orelse = this.expressionPart(unit, node.orelse);
      return {
        gen: function* (f) {
          const truth = test.plain !== undefined ? test.plain(f) : yield* test.gen(f);
          const branch = truth ? body : orelse;
          return branch.plain !== undefined ? branch.plain(f) : yield* branch.gen(f);
        },
      };
    }
    const operands = operandsOf(node);
    if (operands === undefined)
      return { plain: this.unsupported(`'yield' inside this form of the ${node.kind} expression`) };
    const parts = this.operandParts(unit, operands);
    const run = this.withSpilledOperands(parts.spilled, () => this.expression(unit, node));
    const evaluate = parts.evaluate;
    return {
      gen: function* (f) {
        const base = yield* evaluate(f);
        f.spillBase = base;
        const result = run(f);
        m.unwindTo(base);
        return result;
      },
    };
  }

  /**
   * Evaluates `operands` up to the last one holding a `yield` onto the value stack, in order;
   * returns the evaluator (giving the absolute stack level of the first) and the operands it
   * spilled (absent operands, such as a slice's missing bounds, are skipped).
   */
  private operandParts(
    unit: Unit,
    operands: ReadonlyArray<Expression | undefined>,
  ): { evaluate: (f: Frame) => Generator<Ptr, number, Ptr>; spilled: Expression[] } {
    const m = this.m;
    let last = -1;
    for (let i = 0; i < operands.length; i++) {
      const operand = operands[i];
      if (operand !== undefined && containsYield(operand)) last = i;
    }
    const spilled = operands
      .slice(0, last + 1)
      .filter((operand): operand is Expression => operand !== undefined);
    const parts = spilled.map((operand) => this.expressionPart(unit, operand));
    return {
      spilled,
      evaluate: function* (f) {
        const level = m.sp - f.stackBase;
        for (const part of parts)
          m.push(part.plain !== undefined ? part.plain(f) : yield* part.gen(f));
        return f.stackBase + level;
      },
    };
  }

  /**
   * Compiles with each spilled operand replaced by a load of its value from the stack, at
   * `frame.spillBase + i` (set just before the compiled closure runs).
   */
  private withSpilledOperands<T>(spilled: readonly Expression[], compile: () => T): T {
    const m = this.m;
    spilled.forEach((operand, i) => {
      this.substitutions.set(operand, (f) => m.incref(m.stack[f.spillBase + i]!));
    });
    try {
      return compile();
    } finally {
      for (const operand of spilled) this.substitutions.delete(operand);
    }
  }

  /** `yield value` (CPython: YIELD_VALUE): passes the value out, returns the value sent in. */
  private yieldExpression(unit: Unit, node: Yield): GenExpr {
    const m = this.m;
    const value = node.value !== null ? this.expressionPart(unit, node.value) : undefined;
    // CPython: CALL_INTRINSIC_1 INTRINSIC_ASYNC_GEN_WRAP before an async generator's YIELD_VALUE.
    const wrap = this.asyncGeneratorUnits.has(unit);
    return function* (f) {
      let v: Ptr;
      if (value === undefined) v = m.incref(m.heap.none);
      else v = value.plain !== undefined ? value.plain(f) : yield* value.gen(f);
      f.node = node;
      return yield wrap ? wrapAsyncYield(m, v) : v;
    };
  }

  /**
   * `yield from iterable` (PEP 380; CPython: GET_YIELD_FROM_ITER, SEND, CLEANUP_THROW): delegates
   * `next`/`send`/`throw`/`close` to the subiterator; its return value is the expression's value.
   */
  private yieldFromExpression(unit: Unit, node: YieldFrom): GenExpr {
    const m = this.m;
    const value = this.expressionPart(unit, node.value);
    return function* (f) {
      const iterable = value.plain !== undefined ? value.plain(f) : yield* value.gen(f);
      return yield* delegate(m, f, pushYieldFromIterator(m, f, node, iterable));
    };
  }

  /**
   * `await x` (PEP 492; CPython: GET_AWAITABLE, then the SEND loop of `yield from`): drives the
   * awaitable's iterator; its return value is the expression's value.
   */
  private awaitExpression(unit: Unit, node: Await): GenExpr {
    const m = this.m;
    const value = this.expressionPart(unit, node.value);
    return function* (f) {
      const awaitable = value.plain !== undefined ? value.plain(f) : yield* value.gen(f);
      m.push(awaitable);
      f.node = node;
      const it = awaitableIterator(m, awaitable);
      m.stack[m.sp - 1] = it;
      m.decref(awaitable);
      return yield* delegate(m, f, m.sp - 1 - f.stackBase);
    };
  }
}

/**
 * The body of a `with` / `async with` item whose manager and exit method sit at `level` and
 * `level + 1` of the frame's value stack: runs it, and on an exception calls `exit(error)` with
 * the exception being handled (CPython: WITH_EXCEPT_START; an `async with` awaits it), which
 * suppresses it by returning true.
 * Returns the body's completion, or undefined when an exception was suppressed.
 */
function* bodyWithExit(
  m: Machine,
  f: Frame,
  level: number,
  body: Part<Stmt, GenStmt>,
  exit: (error: PyException) => Generator<Ptr, boolean, Ptr> | boolean,
): Generator<Ptr, number | undefined, Ptr> {
  try {
    return body.plain !== undefined ? body.plain(f) : yield* body.gen(f);
  } catch (thrown) {
    const error = m.toPyException(thrown);
    m.unwindTo(f.stackBase + level + 2);
    m.record(error, f);
    m.handling.push(error);
    let suppress: boolean;
    try {
      const outcome = exit(error);
      suppress = typeof outcome === "boolean" ? outcome : yield* outcome;
    } catch (inner) {
      m.handling.pop();
      if (inner !== error) error.release(m);
      throw inner;
    }
    m.handling.pop();
    m.unwindTo(f.stackBase + level);
    if (!suppress) throw error;
    error.release(m);
    return undefined;
  }
}

/**
 * The operands an expression evaluates unconditionally, in CPython's order — exactly the nodes
 * the ordinary compiler compiles with `expression()` for it; undefined for kinds not split.
 */
function operandsOf(node: Expression): Array<Expression | undefined> | undefined {
  const unstar = (element: Expression): Expression =>
    element.kind === "Starred" ? element.value : element;
  switch (node.kind) {
    case "BinOp":
      return [node.left, node.right];
    case "UnaryOp":
      return [node.operand];
    case "NamedExpr":
      return [node.value];
    case "Compare":
      // Later comparators run only while the chain holds.
      if (node.comparators.slice(1).some(containsYield)) return undefined;
      return [node.left, node.comparators[0]];
    case "Call": {
      const func = node.func;
      const callee = func.kind === "Attribute" && !isSuperCall(func.value) ? func.value : func;
      return [callee, ...node.args.map(unstar), ...node.keywords.map((keyword) => keyword.value)];
    }
    case "Attribute":
      return isSuperCall(node.value) ? [] : [node.value];
    case "Subscript":
      return node.slice.kind === "Slice"
        ? [
            node.value,
            node.slice.lower ?? undefined,
            node.slice.upper ?? undefined,
            node.slice.step ?? undefined,
          ]
        : [node.value, node.slice];
    case "List":
    case "Tuple":
    case "Set":
      return node.elts.map(unstar);
    case "Dict":
      if (node.keys.some((key) => key === null)) return undefined;
      return node.keys.flatMap((key, i) => [key!, node.values[i]!]);
    case "FormattedValue":
      return [node.value, node.formatSpec ?? undefined];
    case "JoinedStr":
      return node.values.flatMap((value) =>
        value.kind === "FormattedValue" ? [value.value, value.formatSpec ?? undefined] : [],
      );
    default:
      return undefined;
  }
}

function sourceRangeOf(node: SourceRange): SourceRange {
  return { line: node.line, column: node.column, endLine: node.endLine, endColumn: node.endColumn };
}
