import type { Ptr } from "@pymem/core";
import type { ExceptHandler } from "../ast.js";
import { exceptStarMatch, prepareReraiseStar } from "./exception-groups.js";
import { PyException, StepLimitError } from "./exceptions.js";
import type { Expr, Store } from "./expression-compiler.js";
import { Completion, type Frame } from "./frame.js";
import type { Machine } from "./machine.js";

/**
 * The `except*` clauses of a `try` statement (PEP 654), shared by both compilers: each clause
 * takes the part of the exception it matches (CHECK_EG_MATCH), what the clauses raise is
 * collected, and at the end the unmatched rest and the raised exceptions are combined into the
 * exception that leaves the statement (CALL_INTRINSIC_2 INTRINSIC_PREP_RERAISE_STAR). The body
 * of a clause runs through a generator so that a generator function's clauses may `yield`.
 *
 * @module
 */

/**
 * One compiled `except* T as name:` clause; `Body` is the compiler's block form.
 *
 * @example
 * ```ts
 * const clause: ExceptStarClause<Stmt> = { type, store, remove, body, node: handler };
 * ```
 */
export interface ExceptStarClause<Body> {
  /** The `T` expression (always present: `except*` needs a type). */
  readonly type: Expr | undefined;
  /** Binds `name` (steals the reference). */
  readonly store: Store | undefined;
  /** Unbinds `name` after the clause. */
  readonly remove: ((f: Frame) => void) | undefined;
  readonly body: Body;
  readonly node: ExceptHandler;
}

/** Runs one clause body; a plain compiler's body finishes without yielding. */
export type ClauseRunner<Body> = (body: Body, f: Frame) => Generator<Ptr, number, Ptr>;

/**
 * The handler of a `try`/`except*` statement: given the exception the body raised (owned),
 * runs the matching clauses and returns the completion, or throws what is left to raise.
 *
 * @example
 * ```ts
 * const handle = exceptStarHandler(machine, clauses, function* (body, f) { return body(f); });
 * ```
 */
export function exceptStarHandler<Body>(
  m: Machine,
  clauses: readonly ExceptStarClause<Body>[],
  run: ClauseRunner<Body>,
): (f: Frame, error: PyException) => Generator<Ptr, number, Ptr> {
  return function* (f, error) {
    const original = error.value;
    let rest = m.incref(original);
    // What the clauses raised, each with its travelling form (traceback text and context).
    const raised: PyException[] = [];
    m.handling.push(error);
    let result: Ptr;
    try {
      for (const clause of clauses) {
        if (rest === 0) break;
        let match: Ptr;
        let remaining: Ptr;
        const type = clause.type!(f);
        try {
          f.node = clause.node.type ?? clause.node;
          [match, remaining] = exceptStarMatch(m, rest, type);
        } finally {
          m.decref(type);
        }
        m.decref(rest);
        rest = remaining;
        if (match === 0) continue;
        const handled = new PyException(match);
        // A bare `raise` re-raises the match without adding this frame (CPython: RERAISE).
        handled.recordedDepth = f.depth;
        if (clause.store !== undefined) clause.store(f, m.incref(match));
        m.handling.push(handled);
        try {
          yield* run(clause.body, f);
        } catch (thrown) {
          if (thrown instanceof StepLimitError) {
            m.handling.pop();
            handled.release(m);
            throw thrown;
          }
          const exception = m.toPyException(thrown);
          m.record(exception, f);
          raised.push(exception);
        }
        m.handling.pop();
        if (clause.remove !== undefined) clause.remove(f);
        if (!raised.includes(handled)) handled.release(m);
      }
      const candidates = raised.map((exception) => exception.value);
      if (rest !== 0) candidates.push(rest);
      result = prepareReraiseStar(m, original, candidates);
    } catch (thrown) {
      m.handling.pop();
      for (const exception of raised) exception.release(m);
      if (rest !== 0) m.decref(rest);
      error.release(m);
      throw thrown;
    }
    m.handling.pop();
    if (rest !== 0) m.decref(rest);
    if (result === 0) {
      for (const exception of raised) exception.release(m);
      error.release(m);
      return Completion.NORMAL;
    }
    if (result === original) {
      m.decref(result);
      for (const exception of raised) exception.release(m);
      throw error;
    }
    const same = raised.find((exception) => exception.value === result);
    for (const exception of raised) if (exception !== same) exception.release(m);
    error.release(m);
    if (same !== undefined) {
      m.decref(result);
      throw same;
    }
    // A new group: the re-raised parts (carrying the original's traceback) and the raised ones.
    const combined = new PyException(result);
    combined.recordedDepth = f.depth;
    throw combined;
  };
}

/**
 * Runs a clause handler built for a plain (non-generator) compiler, whose bodies never yield.
 *
 * @example
 * ```ts
 * return runWithoutYielding(handle(f, error));
 * ```
 */
export function runWithoutYielding(run: Generator<Ptr, number, Ptr>): number {
  const step = run.next();
  if (step.done !== true) throw new Error("pymem compiler: a plain except* clause yielded");
  return step.value;
}
