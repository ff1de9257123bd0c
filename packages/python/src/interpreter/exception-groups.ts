import type { Ptr } from "@pymem/core";
import { argumentsFrom, call, initNewInstance } from "./calls.js";
import { exceptionFieldSlots } from "./exception-fields.js";
import type { Machine, TypeRecord } from "./machine.js";
import { arity, defineMethod, type Keywords } from "./native-arguments.js";
import { findAttribute, instanceDict } from "./object-access.js";
import { str } from "./object-repr.js";
import { sequenceItems } from "./operators.js";

/**
 * `BaseExceptionGroup` and `ExceptionGroup` (PEP 654; CPython: Objects/exceptions.c,
 * `BaseExceptionGroup_new`, `exceptiongroup_split_recursive`, `_PyExc_PrepReraiseStar`): the
 * constructor's rules, `split`/`subgroup`/`derive`, and the two operations `except*` is built
 * from — matching one clause (CHECK_EG_MATCH) and combining what the clauses raised
 * (CALL_INTRINSIC_2 INTRINSIC_PREP_RERAISE_STAR).
 *
 * @module
 */

/** The instance fields `BaseExceptionGroup` adds to `BaseException` (CPython: `msg`, `excs`). */
const GROUP_SLOTS: readonly string[] = ["message", "exceptions"];

/**
 * The reference slots a built-in exception class adds to its base: `message` and `exceptions`
 * for `BaseExceptionGroup`, none for the others.
 *
 * @example
 * ```ts
 * heap.defineClass({ name, base, slots: exceptionClassSlots(name) });
 * ```
 */
export function exceptionClassSlots(name: string): readonly string[] {
  return name === "BaseExceptionGroup" ? GROUP_SLOTS : exceptionFieldSlots(name);
}

/**
 * Installs the group classes' methods and makes `ExceptionGroup` derive from `Exception` too
 * (CPython: `ExceptionGroup = type("ExceptionGroup", (BaseExceptionGroup, Exception), {})`).
 *
 * @example
 * ```ts
 * installExceptionGroups(machine);
 * ```
 */
export function installExceptionGroups(m: Machine): void {
  const heap = m.heap;
  const exception = m.builtinType("Exception");
  const group = m.builtinType("ExceptionGroup");
  (group.bases as TypeRecord[]).push(exception);
  (group.mro as TypeRecord[]).splice(
    group.mro.indexOf(m.builtinType("BaseException")),
    0,
    exception,
  );

  const requireGroup = (value: Ptr | undefined, method: string): Ptr => {
    if (value === undefined || !isExceptionGroup(m, value))
      m.raise("TypeError", `descriptor '${method}' requires a 'BaseExceptionGroup' object`);
    return value;
  };
  // CPython: BaseExceptionGroup_new — reached as `super().__new__(cls, message, exceptions)`.
  defineMethod(m, "BaseExceptionGroup", "__new__", (_c, args, keywords) => {
    const cls = args[0];
    if (cls === undefined || !m.isType(cls))
      m.raise("TypeError", "BaseExceptionGroup.__new__(X): X is not a type object");
    return newGroupInstance(m, m.recordOfType(cls), args.slice(1), keywords);
  });
  // CPython: BaseExceptionGroup_init — no keywords; the arguments become `args`.
  defineMethod(m, "BaseExceptionGroup", "__init__", (_c, args, keywords) => {
    const self = requireGroup(args[0], "__init__");
    refuseKeywords(m, m.recordOf(self), keywords);
    const tuple = m.newTuple(args.slice(1));
    heap.setSlot(self, "args", tuple);
    m.decref(tuple);
    return heap.none;
  });
  // CPython: BaseExceptionGroup_str — "message (N sub-exceptions)".
  defineMethod(m, "BaseExceptionGroup", "__str__", (_c, args) => {
    arity(m, "__str__", args, 1, 1);
    return m.newStr(exceptionGroupStr(m, requireGroup(args[0], "__str__")));
  });
  // CPython: BaseExceptionGroup_derive — `BaseExceptionGroup(self.message, excs)`.
  defineMethod(m, "BaseExceptionGroup", "derive", (_c, args) => {
    arity(m, "derive", args, 2, 2);
    const self = requireGroup(args[0], "derive");
    return newGroupInstance(
      m,
      m.builtinType("BaseExceptionGroup"),
      [heap.getSlot(self, "message"), args[1]!],
      [],
    );
  });
  // CPython: BaseExceptionGroup_split / BaseExceptionGroup_subgroup.
  defineMethod(m, "BaseExceptionGroup", "split", (_c, args) => {
    arity(m, "split", args, 2, 2);
    const self = requireGroup(args[0], "split");
    const [match, rest] = splitGroup(m, self, matcherOf(m, args[1]!), true);
    return m.tupleSteal([match === 0 ? heap.none : match, rest === 0 ? heap.none : rest]);
  });
  defineMethod(m, "BaseExceptionGroup", "subgroup", (_c, args) => {
    arity(m, "subgroup", args, 2, 2);
    const self = requireGroup(args[0], "subgroup");
    const [match] = splitGroup(m, self, matcherOf(m, args[1]!), false);
    return match === 0 ? heap.none : match;
  });
}

/**
 * `str()` of a group: "message (N sub-exceptions)". CPython: BaseExceptionGroup_str.
 *
 * @example
 * ```ts
 * exceptionGroupStr(machine, group); // "eg (2 sub-exceptions)"
 * ```
 */
export function exceptionGroupStr(m: Machine, group: Ptr): string {
  const heap = m.heap;
  const count = heap.tupleLength(heap.getSlot(group, "exceptions"));
  const message = str(m, heap.getSlot(group, "message"));
  return `${message} (${count} sub-exception${count === 1 ? "" : "s"})`;
}

/** Whether `value` is a `BaseExceptionGroup` instance (CPython: `_PyBaseExceptionGroup_Check`). */
export function isExceptionGroup(m: Machine, value: Ptr): boolean {
  return m.isSubtype(m.recordOf(value), m.builtinType("BaseExceptionGroup"));
}

/** Whether `record` is a group class, whose instances {@link callExceptionGroupType} makes. */
export function isExceptionGroupType(m: Machine, record: TypeRecord): boolean {
  return m.isSubtype(record, m.builtinType("BaseExceptionGroup"));
}

/**
 * Calling a group class: `__new__`'s checks, then a Python `__init__` if a subclass defines one
 * (CPython: `type_call` with `BaseExceptionGroup_new`). The arguments stay on the stack for the
 * caller to release; returns a new reference.
 *
 * @example
 * ```ts
 * if (isExceptionGroupType(m, record)) return callExceptionGroupType(m, record, argsBase, names);
 * ```
 */
export function callExceptionGroupType(
  m: Machine,
  record: TypeRecord,
  argsBase: number,
  names: readonly string[] | undefined,
): Ptr {
  const { positional, keywords } = argumentsFrom(m, argsBase, names);
  const inst = newGroupInstance(m, record, positional, keywords);
  const init = m.lookupType(record, m.name("__init__"));
  if (init !== 0 && m.typeIdOf(init) === m.types.function)
    return initNewInstance(m, record, inst, positional, keywords, false);
  try {
    refuseKeywords(m, record, keywords);
  } catch (error) {
    m.decref(inst);
    throw error;
  }
  return inst;
}

function refuseKeywords(m: Machine, record: TypeRecord, keywords: Keywords): void {
  if (keywords.length > 0) m.raise("TypeError", `${record.name}() takes no keyword arguments`);
}

/**
 * A new group of class `requested` (or `ExceptionGroup` when `BaseExceptionGroup` is asked for
 * and every member is an `Exception`), after CPython's checks. `args` are borrowed.
 * CPython: BaseExceptionGroup_new.
 */
function newGroupInstance(
  m: Machine,
  requested: TypeRecord,
  args: readonly Ptr[],
  _keywords: Keywords,
): Ptr {
  const heap = m.heap;
  if (args.length !== 2)
    m.raise(
      "TypeError",
      `BaseExceptionGroup.__new__() takes exactly 2 arguments (${args.length} given)`,
    );
  const [message, sequence] = args as [Ptr, Ptr];
  if (!m.isStr(message))
    m.raise(
      "TypeError",
      `BaseExceptionGroup.__new__() argument 1 must be str, not ${m.typeName(message)}`,
    );
  if (!isSequence(m, sequence))
    m.raise("TypeError", "second argument (exceptions) must be a sequence");
  const items = sequenceItems(m, sequence);
  if (items.length === 0)
    m.raise("ValueError", "second argument (exceptions) must be a non-empty sequence");
  const exceptionRecord = m.builtinType("Exception");
  let nestsBaseExceptions = false;
  items.forEach((item, index) => {
    const record = m.recordOf(item);
    if (!record.exception)
      m.raise("ValueError", `Item ${index} of second argument (exceptions) is not an exception`);
    if (!m.isSubtype(record, exceptionRecord)) nestsBaseExceptions = true;
  });
  let cls = requested;
  if (cls === m.builtinType("ExceptionGroup")) {
    if (nestsBaseExceptions)
      m.raise("TypeError", "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (cls === m.builtinType("BaseExceptionGroup")) {
    if (!nestsBaseExceptions) cls = m.builtinType("ExceptionGroup");
  } else if (nestsBaseExceptions && m.isSubtype(cls, exceptionRecord)) {
    m.raise("TypeError", `Cannot nest BaseExceptions in '${cls.name}'`);
  }
  if (!isExceptionGroupType(m, cls))
    m.raise(
      "TypeError",
      `BaseExceptionGroup.__new__(${cls.name}): ${cls.name} is not a subtype of BaseExceptionGroup`,
    );
  const inst = heap.newInstance(cls.id);
  const argsTuple = m.newTuple(args);
  heap.setSlot(inst, "args", argsTuple);
  m.decref(argsTuple);
  heap.setSlot(inst, "message", message);
  const exceptions = m.newTuple(items);
  heap.setSlot(inst, "exceptions", exceptions);
  m.decref(exceptions);
  return inst;
}

/** CPython's `PySequence_Check` for the constructor: lists, tuples and `__getitem__` types. */
function isSequence(m: Machine, obj: Ptr): boolean {
  const t = m.typeIdOf(obj);
  if (t === m.heap.listType || t === m.heap.tupleType) return true;
  if (t === m.heap.dictType) return false;
  return m.lookupType(m.recordOf(obj), m.name("__getitem__")) !== 0;
}

/**
 * A new group of `BaseExceptionGroup`'s choice holding `exceptions` (borrowed) passed as a list
 * or a tuple (its `args` shows which), with no traceback. CPython: `_PyExc_CreateExceptionGroup`.
 *
 * @example
 * ```ts
 * const wrapped = newExceptionGroup(machine, "", [naked], "tuple");
 * ```
 */
export function newExceptionGroup(
  m: Machine,
  message: string,
  exceptions: readonly Ptr[],
  container: "list" | "tuple",
): Ptr {
  const text = m.newStr(message);
  const list = container === "list" ? m.heap.newList(exceptions) : m.newTuple(exceptions);
  try {
    return newGroupInstance(m, m.builtinType("BaseExceptionGroup"), [text, list], []);
  } finally {
    m.decref(text);
    m.decref(list);
  }
}

/** What selects exceptions in a split: classes (`except*` and `split(T)`), a predicate, or leaf identities. */
type Matcher =
  | { readonly kind: "type"; readonly types: readonly Ptr[] }
  | { readonly kind: "predicate"; readonly predicate: Ptr }
  | { readonly kind: "leaves"; readonly leaves: ReadonlySet<Ptr> };

/** CPython: get_matcher_type. */
function matcherOf(m: Machine, value: Ptr): Matcher {
  if (!m.isType(value) && isCallable(m, value)) return { kind: "predicate", predicate: value };
  if (isExceptionClass(m, value)) return { kind: "type", types: [value] };
  if (m.typeIdOf(value) === m.heap.tupleType) {
    const types = [...sequenceItems(m, value)];
    if (types.every((type) => isExceptionClass(m, type))) return { kind: "type", types };
  }
  return m.raise(
    "TypeError",
    "expected an exception type, a tuple of exception types, or a callable (other than a class)",
  );
}

function isExceptionClass(m: Machine, value: Ptr): boolean {
  return m.isType(value) && m.recordOfType(value).exception;
}

function isCallable(m: Machine, value: Ptr): boolean {
  const t = m.typeIdOf(value);
  const types = m.types;
  if (t === types.function || t === types.builtin || t === types.method) return true;
  const record = m.recordOf(value);
  return record.user && m.lookupType(record, m.name("__call__")) !== 0;
}

/** CPython: exceptiongroup_split_check_match. */
function matches(m: Machine, exception: Ptr, matcher: Matcher): boolean {
  switch (matcher.kind) {
    case "type": {
      const record = m.recordOf(exception);
      return matcher.types.some((type) => m.isSubtype(record, m.recordOfType(type)));
    }
    case "predicate": {
      const result = call(m, matcher.predicate, [exception], []);
      try {
        return m.isTrue(result);
      } finally {
        m.decref(result);
      }
    }
    case "leaves":
      return matcher.leaves.has(exception);
  }
}

/** A group whose members are being split: the state one level of the split keeps. */
interface SplitLevel {
  /** The group (borrowed from its parent's members, or the caller's). */
  readonly group: Ptr;
  /** Its `exceptions` tuple, held: a callback could replace the group's fields meanwhile. */
  readonly members: Ptr;
  index: number;
  readonly matched: Ptr[];
  readonly rest: Ptr[];
}

/**
 * Splits `exception` (borrowed) into the part `matcher` selects and, with `constructRest`, the
 * rest: new references, 0 for an empty part. Nested groups keep their structure and each part
 * carries the original's traceback, context, cause and (copied) notes. Iterative, since the
 * nesting depth is the program's. CPython: exceptiongroup_split_recursive.
 */
function splitGroup(
  m: Machine,
  exception: Ptr,
  matcher: Matcher,
  constructRest: boolean,
): [match: Ptr, rest: Ptr] {
  const levels: SplitLevel[] = [];
  const release = (level: SplitLevel): void => {
    for (const item of [...level.matched, ...level.rest]) m.decref(item);
    m.decref(level.members);
  };
  // A leaf's parts at once, or undefined after entering a group.
  const visit = (candidate: Ptr): [Ptr, Ptr] | undefined => {
    if (matches(m, candidate, matcher)) return [m.incref(candidate), 0];
    if (!isExceptionGroup(m, candidate)) return [0, constructRest ? m.incref(candidate) : 0];
    const members = m.incref(m.heap.getSlot(candidate, "exceptions"));
    levels.push({ group: candidate, members, index: 0, matched: [], rest: [] });
    return undefined;
  };
  try {
    let parts = visit(exception);
    for (;;) {
      if (parts !== undefined) {
        const parent = levels[levels.length - 1];
        if (parent === undefined) return parts;
        if (parts[0] !== 0) parent.matched.push(parts[0]);
        if (parts[1] !== 0) parent.rest.push(parts[1]);
        parts = undefined;
      }
      const level = levels[levels.length - 1]!;
      const items = sequenceItems(m, level.members);
      if (level.index < items.length) {
        parts = visit(items[level.index++]!);
        continue;
      }
      levels.pop();
      try {
        const matchGroup = subset(m, level.group, level.matched);
        try {
          parts = [matchGroup, constructRest ? subset(m, level.group, level.rest) : 0];
        } catch (error) {
          if (matchGroup !== 0) m.decref(matchGroup);
          throw error;
        }
      } finally {
        release(level);
      }
    }
  } catch (error) {
    for (const level of levels) release(level);
    throw error;
  }
}

/**
 * `original.derive(exceptions)` with the original's metadata copied, or 0 when `exceptions`
 * (borrowed) is empty. CPython: exceptiongroup_subset.
 */
function subset(m: Machine, original: Ptr, exceptions: readonly Ptr[]): Ptr {
  if (exceptions.length === 0) return 0;
  const heap = m.heap;
  const list = heap.newList(exceptions);
  let derived: Ptr;
  try {
    const derive = m.name("derive");
    const method = m.lookupType(m.recordOf(original), derive);
    derived = call(m, method, [original, list], []);
  } finally {
    m.decref(list);
  }
  try {
    if (!isExceptionGroup(m, derived))
      m.raise("TypeError", "derive must return an instance of BaseExceptionGroup");
    for (const field of ["__traceback__", "__context__", "__cause__"]) {
      const value = heap.getSlot(original, field);
      heap.setSlot(derived, field, value);
    }
    // CPython: PyException_SetCause sets __suppress_context__ whatever the cause.
    heap.setSlot(derived, "__suppress_context__", heap.true);
    const notes = notesOf(m, original);
    if (notes !== 0) {
      // A copy, so the parts have independent notes lists.
      const copy = isSequence(m, notes) ? heap.newList(sequenceItems(m, notes)) : 0;
      m.decref(notes);
      if (copy !== 0) {
        const dict = instanceDict(m, derived);
        heap.dictSetItem(dict, m.name("__notes__"), copy);
        m.decref(dict);
        m.decref(copy);
      }
    }
  } catch (error) {
    m.decref(derived);
    throw error;
  }
  return derived;
}

/** An exception's `__notes__` (a new reference) or 0. */
export function notesOf(m: Machine, exception: Ptr): Ptr {
  return findAttribute(m, exception, m.name("__notes__"), "__notes__");
}

/**
 * One `except* T` clause against the exception still unhandled (`value`, borrowed): the
 * matching part and the rest, new references or 0. A naked exception that matches is wrapped
 * in an `ExceptionGroup('', …)`. CPython: `_PyEval_ExceptionGroupMatch` after
 * `_PyEval_CheckExceptStarTypeValid`.
 *
 * @example
 * ```ts
 * const [match, rest] = exceptStarMatch(machine, error, ValueError);
 * ```
 */
export function exceptStarMatch(m: Machine, value: Ptr, type: Ptr): [match: Ptr, rest: Ptr] {
  const types = m.typeIdOf(type) === m.heap.tupleType ? [...sequenceItems(m, type)] : [type];
  for (const candidate of types) {
    if (!isExceptionClass(m, candidate))
      m.raise(
        "TypeError",
        "catching classes that do not inherit from BaseException is not allowed",
      );
    if (isExceptionGroupType(m, m.recordOfType(candidate)))
      m.raise(
        "TypeError",
        "catching ExceptionGroup with except* is not allowed. Use except instead.",
      );
  }
  const matcher: Matcher = { kind: "type", types };
  if (matches(m, value, matcher)) {
    if (isExceptionGroup(m, value)) return [m.incref(value), 0];
    return [newExceptionGroup(m, "", [value], "tuple"), 0];
  }
  if (isExceptionGroup(m, value)) return splitGroup(m, value, matcher, true);
  return [0, m.incref(value)];
}

/** The exceptions at the leaves of a group's tree (the exception itself when not a group). */
function leavesOf(m: Machine, exception: Ptr, into: Set<Ptr>): void {
  const pending = [exception];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (!isExceptionGroup(m, current)) into.add(current);
    else pending.push(...sequenceItems(m, m.heap.getSlot(current, "exceptions")));
  }
}

/** Whether `a` is a re-raise of part of `b`: same notes, traceback, context and cause. */
function sameMetadata(m: Machine, a: Ptr, b: Ptr): boolean {
  const heap = m.heap;
  const notesA = notesOf(m, a);
  const notesB = notesOf(m, b);
  if (notesA !== 0) m.decref(notesA);
  if (notesB !== 0) m.decref(notesB);
  return (
    notesA === notesB &&
    ["__traceback__", "__context__", "__cause__"].every(
      (field) => heap.getSlot(a, field) === heap.getSlot(b, field),
    )
  );
}

/**
 * What leaves a `try`/`except*` statement: from the original exception (borrowed) and the
 * exceptions the clauses raised plus the unmatched rest (borrowed), the exception to raise (a new
 * reference) or 0 for none. Re-raised parts keep the original's shape; newly raised exceptions
 * join them in an `ExceptionGroup('', …)`. CPython: `_PyExc_PrepReraiseStar`.
 *
 * @example
 * ```ts
 * const result = prepareReraiseStar(machine, original, [raisedInHandler, rest]);
 * ```
 */
export function prepareReraiseStar(m: Machine, original: Ptr, raised: readonly Ptr[]): Ptr {
  if (raised.length === 0) return 0;
  // A naked exception was wrapped: only one clause ran, so at most one exception is left.
  if (!isExceptionGroup(m, original)) return m.incref(raised[0]!);
  const reraisedLeaves = new Set<Ptr>();
  const newlyRaised: Ptr[] = [];
  for (const exception of raised) {
    if (sameMetadata(m, exception, original)) leavesOf(m, exception, reraisedLeaves);
    else newlyRaised.push(exception);
  }
  // CPython: exception_group_projection — the original's tree cut down to the re-raised leaves.
  const [reraised] =
    reraisedLeaves.size === 0
      ? [0]
      : splitGroup(m, original, { kind: "leaves", leaves: reraisedLeaves }, false);
  if (newlyRaised.length === 0) return reraised;
  if (reraised !== 0) newlyRaised.push(reraised);
  try {
    if (newlyRaised.length === 1) return m.incref(newlyRaised[0]!);
    return newExceptionGroup(m, "", newlyRaised, "list");
  } finally {
    if (reraised !== 0) m.decref(reraised);
  }
}
