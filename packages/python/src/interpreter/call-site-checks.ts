import type { Ptr, TypeId } from "@pymem/core";
import type { Machine } from "./machine.js";
import { runScheduledCollection } from "./run-loop.js";

/**
 * The eval-breaker check at the end of a `CALL` (CPython 3.13: `CHECK_EVAL_BREAKER()` in the
 * generic `CALL` and in the specialized calls into C), where an automatic collection an
 * allocation scheduled runs. Which calls check depends on what CPython's specializing
 * interpreter made of the call site: its first execution is the generic `CALL`, which checks
 * after any callee but a Python function (whose `RESUME` checks instead); from the second on
 * (`ADAPTIVE_WARMUP_VALUE` is 1) the specialized instruction decides, and `CALL_LEN`,
 * `CALL_ISINSTANCE`, `CALL_LIST_APPEND`, `CALL_TYPE_1` and `CALL_ALLOC_AND_ENTER_INIT` (a class
 * whose Python `__init__` is entered directly) do not check. A keyword call (`CALL_KW`) is never
 * specialized in 3.13.
 *
 * @module
 */

/**
 * One call site's state: whether it ran before (CPython has specialized it by then).
 *
 * @example
 * ```ts
 * const site = new CallSite(); // one per call expression, made at compile time
 * ```
 */
export class CallSite {
  warm = false;
}

/** The callees of the specialized calls that do not check, per machine. */
interface UncheckedCallees {
  readonly typeType: Ptr;
  readonly len: Ptr;
  readonly isinstance: Ptr;
  readonly listAppend: Ptr;
}

const uncheckedCallees = new WeakMap<Machine, UncheckedCallees>();

/** Looks the unchecked callees up once per machine (they live as long as it does). */
function uncheckedCalleesOf(m: Machine): UncheckedCallees {
  let callees = uncheckedCallees.get(m);
  if (callees === undefined) {
    const heap = m.heap;
    callees = {
      typeType: m.records[m.types.type]!.object,
      len: heap.dictGetItem(m.builtins, m.name("len")),
      isinstance: heap.dictGetItem(m.builtins, m.name("isinstance")),
      listAppend: m.lookupType(m.records[heap.listType]!, m.name("append")),
    };
    uncheckedCallees.set(m, callees);
  }
  return callees;
}

/**
 * Whether the call site's `CALL` checks the eval breaker after calling `callee` (of type
 * `calleeType`, both read before the call) with `argumentCount` arguments (the bound `self` of
 * a method call included).
 */
function checksAfterCall(
  m: Machine,
  site: CallSite,
  callee: Ptr,
  calleeType: TypeId,
  argumentCount: number,
  keywords: boolean,
): boolean {
  const types = m.types;
  // CALL_PY_EXACT_ARGS, CALL_BOUND_METHOD_EXACT_ARGS, …: the callee's RESUME checks.
  if (calleeType === types.function || calleeType === types.method) return false;
  if (!site.warm || keywords) return true;
  const noCheck = uncheckedCalleesOf(m);
  if (calleeType === types.type) {
    if (m.typeCallEnteredInit) return false; // CALL_ALLOC_AND_ENTER_INIT
    return !(callee === noCheck.typeType && argumentCount === 1); // CALL_TYPE_1
  }
  if (calleeType === types.builtin) {
    if (callee === noCheck.len && argumentCount === 1) return false; // CALL_LEN
    if (callee === noCheck.isinstance && argumentCount === 2) return false; // CALL_ISINSTANCE
    if (callee === noCheck.listAppend && argumentCount === 2) return false; // CALL_LIST_APPEND
  }
  return true;
}

/**
 * Ends a `CALL` that returned `result` (a new reference, returned): runs the scheduled
 * collection if CPython's call would check here, and marks the site warm. `callAt` calls it
 * when a collection is scheduled or the site is still cold.
 *
 * @example
 * ```ts
 * if (site !== undefined && (m.collectionScheduled || !site.warm))
 *   return endCall(m, site, result, callee, calleeType, argumentCount, names !== undefined);
 * ```
 */
export function endCall(
  m: Machine,
  site: CallSite,
  result: Ptr,
  callee: Ptr,
  calleeType: TypeId,
  argumentCount: number,
  keywords: boolean,
): Ptr {
  if (
    m.collectionScheduled &&
    checksAfterCall(m, site, callee, calleeType, argumentCount, keywords)
  ) {
    try {
      runScheduledCollection(m);
    } catch (error) {
      m.decref(result);
      throw error;
    }
  }
  site.warm = true;
  return result;
}
