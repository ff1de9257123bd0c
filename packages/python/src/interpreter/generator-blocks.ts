import type { Ptr } from "@pymem/core";
import type { Expression, SourceRange, Statement } from "../ast.js";
import { wrapAsyncYield } from "./async-generator-objects.js";
import { delegate, pushYieldFromIterator } from "./coroutine-protocol.js";
import type { Expr, Stmt, Store } from "./expression-compiler.js";
import { Completion, type Frame } from "./frame.js";
import { getIterator, iteratorNext } from "./iterator-protocol.js";
import type { Machine } from "./machine.js";
import { runScheduledCollection, step } from "./run-loop.js";

/**
 * A block of a generator's body flattened into one JavaScript generator: the statements that
 * can reach a `yield` and that are control flow (`if`, `while`, `for`) or a bare `yield` become
 * jumps and instructions of a small loop, the way CPython's compiler lays them out in bytecode,
 * instead of one JavaScript generator per nested statement. A suspended frame then sits in one
 * JavaScript generator per `try`/`with` level rather than one per statement level, and every
 * value yielded or sent crosses that many `yield*` delegations fewer (each costs a generator
 * resumption and a result object in V8). Statements that cannot reach a `yield` are the ordinary
 * closures; the other forms (`try`, `with`, a `yield` inside an expression) are the generator
 * compiler's own, run with `yield*`.
 *
 * Steps, collection checks and the order of every reference operation are those of the
 * statement-per-generator form this replaces (generator-compiler.ts): each instruction does
 * exactly what the corresponding generator did at that point.
 *
 * @module
 */

/** A statement in the generator compiler's generator form: yields out, returns its completion. */
type GenStmt = (frame: Frame) => Generator<Ptr, number, Ptr>;
/** An expression in generator form: yields out, returns a new reference. */
type GenExpr = (frame: Frame) => Generator<Ptr, Ptr, Ptr>;

/**
 * What flattening a block needs from the generator compiler, for one code unit.
 *
 * @example
 * ```ts
 * const run = flattenGeneratorBlock(host, functionDef.body);
 * ```
 * @internal
 */
export interface FlatBlockHost {
  readonly m: Machine;
  /** Whether `node` can reach a `yield` of this unit (generator-compiler.ts `containsYield`). */
  containsYield(node: object): boolean;
  /** A statement that cannot reach a `yield`, as an ordinary closure counting its own step. */
  statement(node: Statement): Stmt;
  /** Any other statement in generator form, or as a closure (an unsupported form) counting its step. */
  generatorStatement(node: Statement): { plain: Stmt } | { gen: GenStmt };
  /** An expression holding a `yield`, in generator form (the value of an expression statement). */
  generatorExpression(node: Expression): GenExpr | undefined;
  condition(node: Expression): (f: Frame) => boolean;
  expression(node: Expression): Expr;
  store(target: Expression): Store;
  /** An async generator's unit: a `yield` wraps its value (CPython: INTRINSIC_ASYNC_GEN_WRAP). */
  readonly wrapsYields: boolean;
}

const Op = {
  /** An ordinary statement closure (its step inside). */
  PLAIN: 0,
  /** A statement in generator form, after its step. */
  GEN: 1,
  /** `yield value` as a statement or assigned to a name: step, value, yield, store or drop. */
  YIELD: 2,
  /** An expression statement whose value is in generator form (`yield from x`, `await x`). */
  EXPRESSION: 3,
  /** Step, then go on if the test holds, else jump. */
  JUMP_UNLESS: 4,
  JUMP: 5,
  /** A `for` statement's step and GET_ITER: the iterator goes onto the value stack. */
  GET_ITER: 6,
  /** FOR_ITER: store the next item, or jump to the loop's end when exhausted. */
  FOR_ITER: 7,
  /** A loop's back edge (JUMP_BACKWARD): the collection check, then the `for` step, then jump. */
  LOOP_BACK: 8,
  /** Drop a `for` loop's iterator from the value stack, then jump. */
  POP_ITER: 9,
  /** `yield from value` as a statement: step, GET_YIELD_FROM_ITER, then delegate (SEND). */
  YIELD_FROM: 10,
} as const;

/** One instruction; one class so that the dispatch loop reads monomorphic objects. */
class Instruction {
  plain: Stmt | undefined = undefined;
  gen: GenStmt | undefined = undefined;
  genExpression: GenExpr | undefined = undefined;
  value: Expr | undefined = undefined;
  test: ((f: Frame) => boolean) | undefined = undefined;
  store: Store | undefined = undefined;
  /** The node whose step the instruction counts first, if any. */
  stepNode: SourceRange | undefined = undefined;
  /** The node the frame points at while the instruction's own work runs (a yield, an iterable). */
  node: SourceRange | undefined = undefined;
  /** Jump target. */
  target = -1;
  /** Where a BREAK / CONTINUE completion of a PLAIN or GEN statement goes; -1: out of the block. */
  breakTarget = -1;
  continueTarget = -1;
  /** FOR_ITER, POP_ITER: the loop's nesting depth in this block (its iterator's stack slot). */
  loopDepth = 0;
  constructor(readonly op: number) {}
}

/** The loop a statement is compiled in: where its `break`s and `continue`s go. */
interface LoopTargets {
  readonly breaks: Instruction[];
  readonly continues: Instruction[];
  readonly depth: number;
}

/**
 * Compiles `body` (statements of one generator unit, some of which reach a `yield`) into one
 * JavaScript generator: it yields each value out, receives each value sent in, and returns the
 * block's completion.
 *
 * @example
 * ```ts
 * const body: GeneratorBody = flattenGeneratorBlock(host, node.body);
 * ```
 * @internal
 */
export function flattenGeneratorBlock(host: FlatBlockHost, body: readonly Statement[]): GenStmt {
  const m = host.m;
  const code: Instruction[] = [];
  emitBlock(host, code, body, undefined);
  const count = code.length;
  const wraps = host.wrapsYields;
  return function* (f) {
    // Stack level (relative to the frame's base) at the block's statements outside its loops;
    // the iterator of the loop at depth d sits at level + d.
    const level = m.sp - f.stackBase;
    let pc = 0;
    while (pc < count) {
      const ins = code[pc]!;
      switch (ins.op) {
        case Op.PLAIN:
        case Op.GEN: {
          let completion: number;
          if (ins.op === Op.PLAIN) completion = ins.plain!(f);
          else {
            step(m, f, ins.stepNode!);
            completion = yield* ins.gen!(f);
          }
          if (completion === Completion.NORMAL) pc++;
          else if (completion === Completion.BREAK && ins.breakTarget >= 0) pc = ins.breakTarget;
          else if (completion === Completion.CONTINUE && ins.continueTarget >= 0)
            pc = ins.continueTarget;
          else {
            // A `return` leaves the loops it is in: their iterators go first, innermost first.
            if (completion === Completion.RETURN) m.unwindTo(f.stackBase + level);
            return completion;
          }
          break;
        }
        case Op.YIELD: {
          step(m, f, ins.stepNode!);
          const value = ins.value !== undefined ? ins.value(f) : m.incref(m.heap.none);
          f.node = ins.node!;
          const sent: Ptr = yield wraps ? wrapAsyncYield(m, value) : value;
          if (ins.store !== undefined) ins.store(f, sent);
          else m.decref(sent);
          pc++;
          break;
        }
        case Op.YIELD_FROM: {
          step(m, f, ins.stepNode!);
          const iterable = ins.value!(f);
          m.decref(yield* delegate(m, f, pushYieldFromIterator(m, f, ins.node!, iterable)));
          pc++;
          break;
        }
        case Op.EXPRESSION:
          step(m, f, ins.stepNode!);
          m.decref(yield* ins.genExpression!(f));
          pc++;
          break;
        case Op.JUMP_UNLESS:
          if (ins.stepNode !== undefined) step(m, f, ins.stepNode);
          pc = ins.test!(f) ? pc + 1 : ins.target;
          break;
        case Op.JUMP:
          pc = ins.target;
          break;
        case Op.GET_ITER: {
          // CPython: GET_ITER.
          step(m, f, ins.stepNode!);
          const source = ins.value!(f);
          m.push(source);
          f.node = ins.node!;
          const it = getIterator(m, source);
          m.stack[m.sp - 1] = it;
          m.decref(source);
          pc++;
          break;
        }
        case Op.FOR_ITER: {
          const item = iteratorNext(m, m.stack[f.stackBase + level + ins.loopDepth]!);
          if (item === 0) pc = ins.target;
          else {
            ins.store!(f, item);
            pc++;
          }
          break;
        }
        case Op.LOOP_BACK:
          if (m.collectionScheduled) runScheduledCollection(m); // CPython: JUMP_BACKWARD
          if (ins.stepNode !== undefined) step(m, f, ins.stepNode);
          pc = ins.target;
          break;
        case Op.POP_ITER:
          m.unwindTo(f.stackBase + level + ins.loopDepth);
          pc = ins.target;
          break;
      }
    }
    return Completion.NORMAL;
  };
}

function emitBlock(
  host: FlatBlockHost,
  code: Instruction[],
  body: readonly Statement[],
  loop: LoopTargets | undefined,
): void {
  for (const statement of body) emitStatement(host, code, statement, loop);
}

/** An instruction for a statement that completes (PLAIN or GEN), wired to the enclosing loop. */
function emitCompleting(code: Instruction[], ins: Instruction, loop: LoopTargets | undefined) {
  if (loop !== undefined) {
    loop.breaks.push(ins);
    loop.continues.push(ins);
  }
  code.push(ins);
}

function emitStatement(
  host: FlatBlockHost,
  code: Instruction[],
  node: Statement,
  loop: LoopTargets | undefined,
): void {
  if (!host.containsYield(node)) {
    const ins = new Instruction(Op.PLAIN);
    ins.plain = host.statement(node);
    emitCompleting(code, ins, loop);
    return;
  }
  switch (node.kind) {
    case "Expr": {
      const value = node.value;
      if (value.kind === "Yield" && (value.value === null || !host.containsYield(value.value))) {
        code.push(yieldInstruction(host, node, value, undefined));
        return;
      }
      if (value.kind === "YieldFrom" && !host.containsYield(value.value)) {
        const ins = new Instruction(Op.YIELD_FROM);
        ins.stepNode = node;
        ins.value = host.expression(value.value);
        ins.node = value;
        code.push(ins);
        return;
      }
      if (value.kind === "YieldFrom" || value.kind === "Await") {
        const gen = host.generatorExpression(value);
        if (gen === undefined) break;
        const ins = new Instruction(Op.EXPRESSION);
        ins.stepNode = node;
        ins.genExpression = gen;
        code.push(ins);
        return;
      }
      break;
    }
    case "Assign": {
      // `name = yield value`: the value sent in is stored as STORE_FAST / STORE_NAME would.
      const value = node.value;
      if (
        node.targets.length === 1 &&
        node.targets[0]!.kind === "Name" &&
        value.kind === "Yield" &&
        (value.value === null || !host.containsYield(value.value))
      ) {
        code.push(yieldInstruction(host, node, value, host.store(node.targets[0]!)));
        return;
      }
      break;
    }
    case "If": {
      if (host.containsYield(node.test)) break;
      const test = new Instruction(Op.JUMP_UNLESS);
      test.stepNode = node;
      test.test = host.condition(node.test);
      code.push(test);
      emitBlock(host, code, node.body, loop);
      if (node.orelse.length === 0) {
        test.target = code.length;
        return;
      }
      const skip = new Instruction(Op.JUMP);
      code.push(skip);
      test.target = code.length;
      emitBlock(host, code, node.orelse, loop);
      skip.target = code.length;
      return;
    }
    case "While": {
      if (host.containsYield(node.test)) break;
      // The statement's step at entry, then at each back edge after the collection check.
      const test = new Instruction(Op.JUMP_UNLESS);
      test.stepNode = node;
      test.test = host.condition(node.test);
      const start = code.length;
      code.push(test);
      const inner: LoopTargets = { breaks: [], continues: [], depth: loop?.depth ?? 0 };
      emitBlock(host, code, node.body, inner);
      const back = new Instruction(Op.LOOP_BACK);
      back.target = start;
      const continueAt = code.length;
      code.push(back);
      test.target = code.length;
      emitBlock(host, code, node.orelse, loop);
      for (const ins of inner.breaks) ins.breakTarget = code.length;
      for (const ins of inner.continues) ins.continueTarget = continueAt;
      return;
    }
    case "For": {
      if (host.containsYield(node.iter) || host.containsYield(node.target)) break;
      const depth = loop?.depth ?? 0;
      const getIter = new Instruction(Op.GET_ITER);
      getIter.stepNode = node;
      getIter.value = host.expression(node.iter);
      getIter.node = node.iter;
      code.push(getIter);
      const next = new Instruction(Op.FOR_ITER);
      next.store = host.store(node.target);
      next.loopDepth = depth;
      const start = code.length;
      code.push(next);
      const inner: LoopTargets = { breaks: [], continues: [], depth: depth + 1 };
      emitBlock(host, code, node.body, inner);
      const back = new Instruction(Op.LOOP_BACK);
      back.stepNode = node;
      back.target = start;
      const continueAt = code.length;
      code.push(back);
      // Exhausted: drop the iterator, then the `else` block; a `break` drops it and skips that
      // block (without one, the exhausted loop's POP_ITER serves `break` as well).
      const exhausted = new Instruction(Op.POP_ITER);
      exhausted.loopDepth = depth;
      next.target = code.length;
      code.push(exhausted);
      exhausted.target = code.length;
      let breakAt = next.target;
      if (node.orelse.length > 0) {
        emitBlock(host, code, node.orelse, loop);
        const skip = new Instruction(Op.JUMP);
        code.push(skip);
        const broken = new Instruction(Op.POP_ITER);
        broken.loopDepth = depth;
        breakAt = code.length;
        code.push(broken);
        broken.target = code.length;
        skip.target = code.length;
      }
      for (const ins of inner.breaks) ins.breakTarget = breakAt;
      for (const ins of inner.continues) ins.continueTarget = continueAt;
      return;
    }
    default:
      break;
  }
  const part = host.generatorStatement(node);
  if ("plain" in part) {
    const ins = new Instruction(Op.PLAIN);
    ins.plain = part.plain;
    emitCompleting(code, ins, loop);
    return;
  }
  const ins = new Instruction(Op.GEN);
  ins.stepNode = node;
  ins.gen = part.gen;
  emitCompleting(code, ins, loop);
}

/** YIELD: `yield value` (CPython: YIELD_VALUE), its sent value stored or dropped. */
function yieldInstruction(
  host: FlatBlockHost,
  statement: Statement,
  node: Extract<Expression, { kind: "Yield" }>,
  store: Store | undefined,
): Instruction {
  const ins = new Instruction(Op.YIELD);
  ins.stepNode = statement;
  ins.value = node.value !== null ? host.expression(node.value) : undefined;
  ins.node = node;
  ins.store = store;
  return ins;
}
