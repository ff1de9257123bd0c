import type { Ptr } from "@pymem/core";
import type { Expression, Match, Pattern, SourceRange, Statement } from "../ast.js";
import { isAttributeError } from "./descriptors.js";
import type { Expr, Stmt, Store } from "./expression-compiler.js";
import { Cmp, Completion, type Frame, type Machine, type TypeRecord } from "./machine.js";
import { findAttribute } from "./object-access.js";
import { repr } from "./object-repr.js";
import { checkHashable, compare, sequenceItems } from "./operators.js";

/**
 * The `match` statement (PEP 634; CPython: `compiler_match` and the `MATCH_CLASS`,
 * `MATCH_MAPPING`, `MATCH_SEQUENCE`, `MATCH_KEYS` opcodes): the subject is evaluated once, each
 * case's pattern is tried in order, names it captures are bound only when the whole pattern
 * matched (before the guard runs, so a failed guard leaves them bound, as in CPython), and the
 * first case whose guard holds runs its body.
 *
 * Patterns compile to closures `(frame, subject, captures) → matched`; a capture appends its
 * store and an owned reference to `captures`, which the statement stores on success and
 * releases on failure.
 *
 * @module
 */

/** What the match compiler needs from the statement compiler, for the unit being compiled. */
export interface MatchCompileContext {
  /** Compiles an expression (value patterns, class names, mapping keys, guards). */
  expression(node: Expression): Expr;
  /** A store for a captured name in the unit's scope. */
  store(name: string, node: SourceRange): Store;
  /** Compiles a case body. */
  block(body: readonly Statement[]): Stmt;
  /** Compiles a guard into a truth test. */
  condition(node: Expression): (frame: Frame) => boolean;
}

/** One captured binding waiting for the whole pattern to succeed. */
interface Capture {
  readonly store: Store;
  /** An owned reference. */
  readonly value: Ptr;
}

type Matcher = (f: Frame, subject: Ptr, captures: Capture[]) => boolean;

/** Built-in types whose class pattern takes one positional sub-pattern matching the subject itself (CPython: `_Py_TPFLAGS_MATCH_SELF`). */
const MATCH_SELF_TYPES = [
  "bool",
  "bytearray",
  "bytes",
  "dict",
  "float",
  "frozenset",
  "int",
  "list",
  "set",
  "str",
  "tuple",
];

/**
 * Compiles a `match` statement.
 *
 * @example
 * ```ts
 * const statement = compileMatch(machine, context, node);
 * ```
 */
export function compileMatch(m: Machine, context: MatchCompileContext, node: Match): Stmt {
  const subject = context.expression(node.subject);
  const cases = node.cases.map((matchCase) => ({
    pattern: compilePattern(m, context, matchCase.pattern),
    guard: matchCase.guard !== null ? context.condition(matchCase.guard) : undefined,
    body: context.block(matchCase.body),
  }));
  return (f) => {
    const level = m.sp;
    const value = subject(f);
    m.push(value);
    for (const matchCase of cases) {
      const captures: Capture[] = [];
      let matched: boolean;
      try {
        matched = matchCase.pattern(f, value, captures);
      } catch (error) {
        releaseCaptures(m, captures);
        throw error;
      }
      if (!matched) {
        releaseCaptures(m, captures);
        continue;
      }
      storeCaptures(f, captures);
      if (matchCase.guard !== undefined && !matchCase.guard(f)) continue;
      m.unwindTo(level);
      return matchCase.body(f);
    }
    m.unwindTo(level);
    return Completion.NORMAL;
  };
}

function releaseCaptures(m: Machine, captures: Capture[]): void {
  for (const capture of captures) m.decref(capture.value);
  captures.length = 0;
}

/** Binds the captured names in capture order; each store steals its value. */
function storeCaptures(f: Frame, captures: Capture[]): void {
  for (let i = 0; i < captures.length; i++) {
    const capture = captures[i]!;
    captures[i] = { store: capture.store, value: 0 };
    capture.store(f, capture.value);
  }
}

function compilePattern(m: Machine, context: MatchCompileContext, pattern: Pattern): Matcher {
  switch (pattern.kind) {
    case "MatchAs": {
      const inner =
        pattern.pattern !== null ? compilePattern(m, context, pattern.pattern) : undefined;
      const store = pattern.name !== null ? context.store(pattern.name, pattern) : undefined;
      return (f, subject, captures) => {
        if (inner !== undefined && !inner(f, subject, captures)) return false;
        if (store !== undefined) captures.push({ store, value: m.incref(subject) });
        return true;
      };
    }
    case "MatchValue": {
      // CPython: COMPARE_OP (==) against the value.
      const value = context.expression(pattern.value);
      return (f, subject) => {
        const expected = value(f);
        m.push(expected);
        const equal = compare(m, Cmp.EQ, subject, expected);
        m.stack[--m.sp] = 0;
        m.decref(expected);
        return equal;
      };
    }
    case "MatchSingleton": {
      // CPython: IS_OP against None, True or False.
      return (_f, subject) =>
        subject ===
        (pattern.value === null ? m.heap.none : pattern.value ? m.heap.true : m.heap.false);
    }
    case "MatchOr": {
      const alternatives = pattern.patterns.map((alternative) =>
        compilePattern(m, context, alternative),
      );
      return (f, subject, captures) => {
        for (const alternative of alternatives) {
          const mark = captures.length;
          if (alternative(f, subject, captures)) return true;
          for (const capture of captures.splice(mark)) m.decref(capture.value);
        }
        return false;
      };
    }
    case "MatchSequence":
      return sequencePattern(m, context, pattern.patterns);
    case "MatchMapping":
      return mappingPattern(m, context, pattern);
    case "MatchClass":
      return classPattern(m, context, pattern);
    case "MatchStar":
      // The parser accepts a star only directly inside a sequence pattern.
      throw new Error("pymem compiler: a star pattern outside a sequence pattern");
  }
}

/**
 * `[p, q, *rest, r]`: the subject must be a sequence (list, tuple or range; never str) of the
 * right length; the star collects the middle into a new list. CPython: `MATCH_SEQUENCE`,
 * `GET_LEN`, `UNPACK_EX`.
 */
function sequencePattern(
  m: Machine,
  context: MatchCompileContext,
  patterns: readonly Pattern[],
): Matcher {
  const starIndex = patterns.findIndex((pattern) => pattern.kind === "MatchStar");
  const starStore =
    starIndex >= 0
      ? (() => {
          const star = patterns[starIndex]!;
          const name = star.kind === "MatchStar" ? star.name : null;
          return name !== null ? context.store(name, star) : undefined;
        })()
      : undefined;
  const matchers = patterns.map((pattern, index) =>
    index === starIndex ? undefined : compilePattern(m, context, pattern),
  );
  const fixed = patterns.length - (starIndex >= 0 ? 1 : 0);
  return (f, subject, captures) => {
    const heap = m.heap;
    const t = m.typeIdOf(subject);
    let items: Ptr[];
    let owned = false;
    if (t === heap.listType || t === heap.tupleType) items = sequenceItems(m, subject);
    else if (t === m.types.range) {
      const [start, stop, step] = m.rangeValues(subject);
      const length = m.rangeLength(start, stop, step);
      items = [];
      for (let i = 0; i < length; i++) items.push(m.newInt(start + i * step));
      owned = true;
    } else return false;
    // Hold the items: a sub-pattern's __eq__ may change the subject.
    if (!owned) for (const item of items) m.incref(item);
    try {
      const length = items.length;
      if (starIndex < 0 ? length !== fixed : length < fixed) return false;
      for (let i = 0; i < patterns.length; i++) {
        if (i === starIndex) {
          if (starStore === undefined) continue;
          const middle = items.slice(starIndex, length - (patterns.length - starIndex - 1));
          captures.push({ store: starStore, value: heap.newList(middle) });
          continue;
        }
        const position = starIndex >= 0 && i > starIndex ? length - (patterns.length - i) : i;
        if (!matchers[i]!(f, items[position]!, captures)) return false;
      }
      return true;
    } finally {
      for (const item of items) m.decref(item);
    }
  };
}

/**
 * `{key: p, **rest}`: the subject must be a dict holding every key (evaluated in order, a
 * duplicate a ValueError); `**rest` gets a new dict of the other items. CPython:
 * `MATCH_MAPPING`, `MATCH_KEYS`, `COPY_DICT_WITHOUT_KEYS`.
 */
function mappingPattern(
  m: Machine,
  context: MatchCompileContext,
  pattern: Extract<Pattern, { kind: "MatchMapping" }>,
): Matcher {
  const keys = pattern.keys.map((key) => context.expression(key));
  const matchers = pattern.patterns.map((sub) => compilePattern(m, context, sub));
  const restStore = pattern.rest !== null ? context.store(pattern.rest, pattern) : undefined;
  return (f, subject, captures) => {
    const heap = m.heap;
    if (m.typeIdOf(subject) !== heap.dictType) return false;
    if (heap.dictLength(subject) < keys.length) return false;
    const level = m.sp;
    try {
      const keyObjects: Ptr[] = [];
      for (const key of keys) {
        const keyObject = key(f);
        m.push(keyObject);
        checkHashable(m, keyObject);
        if (keyObjects.some((seen) => compare(m, Cmp.EQ, seen, keyObject)))
          m.raise("ValueError", `mapping pattern checks duplicate key (${repr(m, keyObject)})`);
        keyObjects.push(keyObject);
      }
      const values: Ptr[] = [];
      for (const keyObject of keyObjects) {
        const value = heap.dictGetItem(subject, keyObject);
        if (value === 0) return false;
        m.push(m.incref(value));
        values.push(value);
      }
      for (let i = 0; i < matchers.length; i++)
        if (!matchers[i]!(f, values[i]!, captures)) return false;
      if (restStore !== undefined) {
        const rest = heap.newDict();
        for (const [key, value] of heap.dictItems(subject)) heap.dictSetItem(rest, key, value);
        for (const keyObject of keyObjects) heap.dictDelItem(rest, keyObject);
        captures.push({ store: restStore, value: rest });
      }
      return true;
    } finally {
      m.unwindTo(level);
    }
  };
}

/**
 * `Cls(p, q, attr=r)`: the subject must be an instance of `Cls`; positional sub-patterns name
 * attributes through `Cls.__match_args__` (or match the subject itself for `int(x)` and the other
 * built-ins), keyword ones name them directly; a missing attribute fails the match. CPython:
 * `MATCH_CLASS` (`match_class`).
 */
function classPattern(
  m: Machine,
  context: MatchCompileContext,
  pattern: Extract<Pattern, { kind: "MatchClass" }>,
): Matcher {
  const cls = context.expression(pattern.cls);
  const positional = pattern.patterns.map((sub) => compilePattern(m, context, sub));
  const keywordNames = pattern.kwdAttrs;
  const keyword = pattern.kwdPatterns.map((sub) => compilePattern(m, context, sub));
  return (f, subject, captures) => {
    const level = m.sp;
    try {
      const type = cls(f);
      m.push(type);
      if (!m.isType(type)) m.raise("TypeError", "called match pattern must be a class");
      const record = m.recordOfType(type);
      if (!m.isSubtype(m.recordOf(subject), record)) return false;
      const names: string[] = [];
      let matchSelf = false;
      if (positional.length > 0) {
        const matchArgs = findAttribute(m, type, m.name("__match_args__"), "__match_args__");
        if (matchArgs !== 0) {
          m.push(matchArgs);
          if (m.typeIdOf(matchArgs) !== m.heap.tupleType)
            m.raise(
              "TypeError",
              `${record.name}.__match_args__ must be a tuple (got ${m.typeName(matchArgs)})`,
            );
          const allowed = sequenceItems(m, matchArgs);
          if (positional.length > allowed.length)
            raiseTooMany(m, record.name, allowed.length, positional.length);
          for (let i = 0; i < positional.length; i++) {
            const name = allowed[i]!;
            if (!m.isStr(name))
              m.raise(
                "TypeError",
                `__match_args__ elements must be strings (got ${m.typeName(name)})`,
              );
            names.push(m.heap.strValue(name));
          }
        } else if (matchesSelf(m, record)) {
          if (positional.length > 1) raiseTooMany(m, record.name, 1, positional.length);
          matchSelf = true;
        } else raiseTooMany(m, record.name, 0, positional.length);
      }
      for (const name of keywordNames) {
        if (names.includes(name))
          m.raise(
            "TypeError",
            `${record.name}() got multiple sub-patterns for attribute '${name}'`,
          );
        names.push(name);
      }
      const matchers = [...positional, ...keyword];
      for (let i = 0; i < matchers.length; i++) {
        if (i === 0 && matchSelf) {
          if (!matchers[0]!(f, subject, captures)) return false;
          continue;
        }
        const name = names[i - (matchSelf ? 1 : 0)]!;
        const value = attributeOrNothing(m, subject, name);
        if (value === 0) return false;
        m.push(value);
        if (!matchers[i]!(f, value, captures)) return false;
      }
      return true;
    } finally {
      m.unwindTo(level);
    }
  };
}

/** Whether class patterns of `record` match the subject itself (CPython: `_Py_TPFLAGS_MATCH_SELF`, inherited). */
function matchesSelf(m: Machine, record: TypeRecord): boolean {
  return MATCH_SELF_TYPES.some((name) => {
    const builtin = m.builtinTypes.get(name);
    return builtin !== undefined && m.isSubtype(record, builtin);
  });
}

/** `getattr(subject, name)` as a new reference, or 0 when it raises AttributeError (the match fails). */
function attributeOrNothing(m: Machine, subject: Ptr, name: string): Ptr {
  try {
    return findAttribute(m, subject, m.name(name), name);
  } catch (error) {
    if (!isAttributeError(m, error)) throw error;
    error.release(m);
    return 0;
  }
}

function raiseTooMany(m: Machine, name: string, allowed: number, given: number): never {
  return m.raise(
    "TypeError",
    `${name}() accepts ${allowed} positional sub-pattern${allowed === 1 ? "" : "s"} (${given} given)`,
  );
}
