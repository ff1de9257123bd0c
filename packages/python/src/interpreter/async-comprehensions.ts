import type { Ptr } from "@pymem/core";
import type { Comprehension, DictComp, GeneratorExp, ListComp, SetComp } from "../ast.js";
import { wrapAsyncYield } from "./async-generator-objects.js";
import { asyncForNext, asyncIterator } from "./coroutine-protocol.js";
import {
  type ComprehensionSlots,
  type Expr,
  enterComprehension,
  leaveComprehension,
  type Unit,
} from "./expression-compiler.js";
import { Completion, type Frame } from "./frame.js";
import { GeneratorCompiler } from "./generator-compiler.js";
import type { GeneratorBody } from "./generator-objects.js";
import { getIterator, iteratorNext } from "./iterator-protocol.js";
import { checkHashable } from "./operators.js";
import { runScheduledCollection, tick } from "./run-loop.js";
import { addKey } from "./set-operations.js";

/**
 * Comprehensions in generator form (PEP 530): the body of every generator expression — an
 * async generator's when it has an `async for` or an `await` — and the list, set and dict
 * comprehensions that suspend their coroutine, because they are asynchronous or their first
 * iterable holds an `await` (CPython 3.12+ inlines them, PEP 709, so their `await` suspends the
 * enclosing function). Comprehensions that cannot suspend are compiled by
 * expression-compiler.ts as ordinary closures.
 *
 * @module
 */

/** One `for`/`async for` clause, compiled. */
interface Level {
  /** The iterable (level 0: undefined, the iterator is already on the stack or given). */
  readonly iterable: Part<Expr, GenExpr> | undefined;
  readonly isAsync: boolean;
  readonly store: (f: Frame, value: Ptr) => void;
  readonly conditions: ReadonlyArray<Part<(f: Frame) => boolean, GenTest>>;
  readonly node: Comprehension;
}

type GenExpr = (frame: Frame) => Generator<Ptr, Ptr, Ptr>;
type GenTest = (frame: Frame) => Generator<Ptr, boolean, Ptr>;
type Part<Plain, Gen> = { plain: Plain; gen?: undefined } | { plain?: undefined; gen: Gen };
/**
 * What runs for each element, in generator form, with the comprehension's names bound;
 * `resultSlot` is where an inlined comprehension's result is (relative to the frame's stack).
 */
type Leaf = (f: Frame, resultSlot: number) => Generator<Ptr, void, Ptr>;
/**
 * A generator expression's element that cannot suspend: the loop yields it itself (CPython:
 * YIELD_VALUE in the `<genexpr>`'s loop), one JavaScript generator fewer for every element.
 */
interface YieldedElement {
  readonly value: Expr;
  readonly node: GeneratorExp;
  /** An async generator expression's: the value is wrapped (INTRINSIC_ASYNC_GEN_WRAP). */
  readonly wraps: boolean;
}

/**
 * Adds comprehensions in generator form to the generator compiler; {@link Compiler} builds on it.
 *
 * @example
 * ```ts
 * const compiler: AsyncComprehensionCompiler = new Compiler(machine);
 * ```
 * @internal
 */
export abstract class AsyncComprehensionCompiler extends GeneratorCompiler {
  /**
   * The body of a `<genexpr>`: nested loops over `.0` (the first iterator, or async iterator) and
   * the other iterables, yielding each element — wrapped, in an async generator expression.
   */
  protected override generatorExpressionBody(
    unit: Unit,
    node: GeneratorExp,
    asynchronous: boolean,
  ): GeneratorBody {
    const m = this.m;
    const first = this.nameLoad(unit, ".0", node);
    const loop = this.comprehensionLoop(unit, node.generators, () => {
      const element = this.expressionPart(unit, node.elt);
      if (element.plain !== undefined)
        return { value: element.plain, node, wraps: asynchronous } satisfies YieldedElement;
      return function* (f) {
        const value = yield* element.gen(f);
        f.node = node;
        m.decref(yield asynchronous ? wrapAsyncYield(m, value) : value);
      };
    });
    return function* (f) {
      m.push(first(f));
      yield* loop(f, m.sp - 1 - f.stackBase, 0);
      return Completion.NORMAL;
    };
  }

  /**
   * A list, set or dict comprehension that can suspend (CPython: the inlined comprehension,
   * PEP 709, with GET_AITER / GET_ANEXT / END_ASYNC_FOR for `async for` clauses): the result is
   * built on the value stack, the iteration variables live in hidden slots of the frame.
   */
  protected override comprehensionInGeneratorForm(
    unit: Unit,
    node: ListComp | SetComp | DictComp,
  ): GenExpr {
    const m = this.m;
    const first = this.expressionPart(unit, node.generators[0]!.iter);
    const firstIsAsync = node.generators[0]!.isAsync;
    return this.withComprehensionNames(unit, node.generators, () => {
      const loop = this.comprehensionLoop(unit, node.generators, () => {
        if (node.kind === "DictComp") {
          const key = this.expressionPart(unit, node.key);
          const value = this.expressionPart(unit, node.value);
          return function* (f, resultSlot) {
            m.push(key.plain !== undefined ? key.plain(f) : yield* key.gen(f));
            m.push(value.plain !== undefined ? value.plain(f) : yield* value.gen(f));
            const k = m.stack[m.sp - 2]!;
            const v = m.stack[m.sp - 1]!;
            f.node = node;
            checkHashable(m, k);
            m.heap.dictSetItem(m.stack[f.stackBase + resultSlot]!, k, v);
            m.unwindTo(m.sp - 2);
          };
        }
        const element = this.expressionPart(unit, node.elt);
        const isSet = node.kind === "SetComp";
        return function* (f, resultSlot) {
          m.push(element.plain !== undefined ? element.plain(f) : yield* element.gen(f));
          const result = m.stack[f.stackBase + resultSlot]!;
          const v = m.stack[m.sp - 1]!;
          f.node = node;
          if (isSet) addKey(m, result, v);
          else m.heap.listAppend(result, v);
          m.unwindTo(m.sp - 1);
        };
      });
      return (names: ComprehensionSlots): GenExpr =>
        function* (f) {
          const result =
            node.kind === "DictComp"
              ? m.heap.newDict()
              : node.kind === "SetComp"
                ? m.heap.newSet()
                : m.heap.newList();
          m.push(result);
          const slot = m.sp - 1 - f.stackBase;
          const source = first.plain !== undefined ? first.plain(f) : yield* first.gen(f);
          m.push(source);
          f.node = node.generators[0]!.iter;
          const it = (firstIsAsync ? asyncIterator : getIterator)(m, source);
          m.stack[m.sp - 1] = it;
          m.decref(source);
          enterComprehension(m, f, names);
          try {
            yield* loop(f, m.sp - 1 - f.stackBase, slot);
          } finally {
            leaveComprehension(m, f, names);
          }
          const built = m.stack[f.stackBase + slot]!;
          m.stack[f.stackBase + slot] = 0;
          m.sp = f.stackBase + slot;
          return built;
        };
    });
  }

  /**
   * The nested loops of a comprehension in generator form: level 0 iterates the iterator at
   * value-stack slot `firstSlot` (relative to the frame; consumed), deeper levels their own
   * iterables; the leaf (compiled after the levels, by `compileLeaf`) runs for each element.
   */
  private comprehensionLoop(
    unit: Unit,
    generators: readonly Comprehension[],
    compileLeaf: () => Leaf | YieldedElement,
  ): (f: Frame, firstSlot: number, resultSlot: number) => Generator<Ptr, void, Ptr> {
    const m = this.m;
    const levels: Level[] = generators.map((generator, index) => ({
      iterable: index === 0 ? undefined : this.expressionPart(unit, generator.iter),
      isAsync: generator.isAsync,
      store: this.store(unit, generator.target),
      conditions: generator.ifs.map((condition) => this.generatorCondition(unit, condition)),
      node: generator,
    }));
    const leaf = compileLeaf();
    const run = function* (
      f: Frame,
      depth: number,
      slot: number,
      resultSlot: number,
    ): Generator<Ptr, void, Ptr> {
      const level = levels[depth]!;
      for (;;) {
        const it = m.stack[f.stackBase + slot]!;
        const item = level.isAsync ? yield* asyncForNext(m, f, it) : iteratorNext(m, it);
        if (item === 0) break;
        tick(m);
        level.store(f, item);
        let keep = true;
        for (const condition of level.conditions) {
          const truth =
            condition.plain !== undefined ? condition.plain(f) : yield* condition.gen(f);
          if (!truth) {
            keep = false;
            break;
          }
        }
        if (keep && depth + 1 < levels.length) {
          const next = levels[depth + 1]!;
          const iterable = next.iterable!;
          const source = iterable.plain !== undefined ? iterable.plain(f) : yield* iterable.gen(f);
          m.push(source);
          f.node = next.node.iter;
          // CPython: GET_ITER / GET_AITER for every inner iterable.
          const inner = (next.isAsync ? asyncIterator : getIterator)(m, source);
          m.stack[m.sp - 1] = inner;
          m.decref(source);
          yield* run(f, depth + 1, m.sp - 1 - f.stackBase, resultSlot);
        } else if (keep) {
          if (typeof leaf === "function") yield* leaf(f, resultSlot);
          else {
            const value = leaf.value(f);
            f.node = leaf.node;
            m.decref(yield leaf.wraps ? wrapAsyncYield(m, value) : value);
          }
        }
        if (m.collectionScheduled) runScheduledCollection(m); // CPython: JUMP_BACKWARD
      }
      m.unwindTo(f.stackBase + slot);
    };
    return (f, firstSlot, resultSlot) => run(f, 0, firstSlot, resultSlot);
  }
}
