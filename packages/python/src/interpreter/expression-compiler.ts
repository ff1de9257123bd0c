import type { Ptr } from "@pymem/core";
import type {
  Arguments,
  AsyncFunctionDef,
  BinaryOperator,
  Call,
  Comprehension,
  Expression,
  FunctionDef,
  GeneratorExp,
  Lambda,
  SourceRange,
} from "../ast.js";
import { asciiRepr } from "./ascii-repr.js";
import { AttributeSite, loadAttribute, storeAttribute } from "./attribute-sites.js";
import {
  arithmeticWithOperand,
  type BorrowedOperand,
  borrowedAttributeLoad,
  borrowedAttributeStore,
  borrowedBinary,
  borrowedCondition,
  borrowedSubscript,
} from "./borrowed-locals.js";
import { newBytes } from "./bytes-objects.js";
import { CallSite } from "./call-site-checks.js";
import { callAt } from "./calls.js";
import { namespaceDelete, namespaceLoad, namespaceStore } from "./class-namespace.js";
import { newSuper, superLookup } from "./descriptor-builtins.js";
import { formatWithSpec } from "./formatting.js";
import { collect, iterateOwned } from "./iteration.js";
import { unpackIterable } from "./iterator-protocol.js";
import {
  Cmp,
  type Code,
  Completion,
  type Frame,
  MAX_INT,
  type Machine,
  NameCache,
  Op,
} from "./machine.js";
import { functionDisplayName, pushKeywordMapping, updateDisplay } from "./mapping-unpacking.js";
import { raiseNameError, raiseSuperAttributeError } from "./name-error-context.js";
import {
  deleteAttribute,
  deleteItem,
  getAttribute,
  getItem,
  getSlice,
  setItem,
} from "./object-access.js";
import { BUILTIN_SELF_OFFSET, CELL_CONTENTS_OFFSET } from "./object-layouts.js";
import { repr, str } from "./object-repr.js";
import { compareValues } from "./operator-codes.js";
import { binary, checkHashable, compare, contains, richCompare, unary } from "./operators.js";
import { runScheduledCollection, tick } from "./run-loop.js";
import type { Scope } from "./scope-analysis.js";
import { addKey, buildSetDisplay } from "./set-operations.js";
import { assignSlice, deleteSlice } from "./slice-assignment.js";
import { unsupportedConstruct } from "./unsupported-syntax.js";

/**
 * The expression half of the closure compiler (see compiler.ts for statements, functions and
 * classes): names, assignment and deletion targets, and every expression, each compiled once to a
 * JavaScript closure. Expression closures return a new reference; a {@link Store} consumes one.
 *
 * Reference discipline: a temporary that must outlive a call that can raise sits on the
 * machine's value stack (released by unwinding), never in a JS local only.
 *
 * @module
 */

/**
 * A compiled expression: returns a new reference.
 *
 * @example
 * ```ts
 * const value: Ptr = expr(frame);
 * ```
 * @internal
 */
export type Expr = (frame: Frame) => Ptr;
/**
 * A compiled statement: returns a {@link Completion} code.
 *
 * @example
 * ```ts
 * if (stmt(frame) === Completion.RETURN) return frame.returnValue;
 * ```
 * @internal
 */
export type Stmt = (frame: Frame) => number;
/**
 * Stores an owned reference into a target (the store consumes it).
 *
 * @example
 * ```ts
 * store(frame, machine.newInt(1)); // the target now owns the int
 * ```
 * @internal
 */
export type Store = (frame: Frame, value: Ptr) => void;

/**
 * AST binary operators → the machine's operator codes.
 *
 * @example
 * ```ts
 * binary(machine, BINARY_OPS[node.op], a, b);
 * ```
 * @internal
 */
export const BINARY_OPS: Record<BinaryOperator, number> = {
  Add: Op.ADD,
  Sub: Op.SUB,
  Mult: Op.MUL,
  Div: Op.TRUEDIV,
  FloorDiv: Op.FLOORDIV,
  Mod: Op.MOD,
  Pow: Op.POW,
  LShift: Op.LSHIFT,
  RShift: Op.RSHIFT,
  BitOr: Op.OR,
  BitXor: Op.XOR,
  BitAnd: Op.AND,
  MatMult: Op.MATMUL,
};

/** AST comparison operators → the machine's comparison codes. */
const COMPARE_OPS = { Lt: Cmp.LT, LtE: Cmp.LE, Eq: Cmp.EQ, NotEq: Cmp.NE, Gt: Cmp.GT, GtE: Cmp.GE };

/**
 * One code block being compiled (module, function or class body): its scope and local slots.
 *
 * @example
 * ```ts
 * const slot = unit.slots.get("x"); // local slot of `x`, if it is a fast local
 * ```
 * @internal
 */
export interface Unit {
  readonly scope: Scope;
  readonly kind: "module" | "function" | "class";
  readonly slots: Map<string, number>;
  readonly slotNames: string[];
  /** Comprehension variables in scope, innermost last: name → hidden slot. */
  readonly hidden: Array<Map<string, number>>;
  /** Hidden slots holding a cell (a comprehension variable an inner lambda captures). */
  readonly hiddenCells: Set<number>;
  readonly qualifiedPrefix: string;
}

/**
 * Compiles expressions, names and targets for one {@link Machine}; {@link Compiler} adds
 * statements, functions and classes. Constants it creates are owned by the compiler and released
 * by {@link ExpressionCompiler.dispose}.
 *
 * @example
 * ```ts
 * const compiler: ExpressionCompiler = new Compiler(machine);
 * const expr = compiler.expression(unit, node); // (frame) => new reference
 * ```
 * @internal
 */
export abstract class ExpressionCompiler {
  /** Constant objects referenced by compiled code (CPython: `co_consts`). */
  private readonly constants: Ptr[] = [];
  /**
   * Sub-expressions to compile as the given closure instead (while an expression is split around
   * a `yield`, its already evaluated operands load from the value stack; generator-compiler.ts).
   */
  protected readonly substitutions = new Map<Expression, Expr>();
  protected filename = "<string>";
  protected source = "";
  protected interactive = false;

  constructor(protected readonly m: Machine) {}

  /** Drops the constants. */
  dispose(): void {
    for (const constant of this.constants) this.m.decref(constant);
    this.constants.length = 0;
  }

  /** A generator expression: a lazy `<genexpr>` generator (generator-compiler.ts). */
  protected abstract generatorExpressionObject(unit: Unit, node: GeneratorExp): Expr;

  /** Compiles a function or lambda body into a function-making closure (statements needed). */
  protected abstract makeFunction(
    unit: Unit,
    node: FunctionDef | AsyncFunctionDef | Lambda,
    name: string,
    args: Arguments,
  ): Expr;

  protected newUnit(scope: Scope, kind: Unit["kind"], qualifiedPrefix: string): Unit {
    const slots = new Map<string, number>();
    const slotNames: string[] = [];
    const add = (name: string): void => {
      if (slots.has(name)) return;
      slots.set(name, slotNames.length);
      slotNames.push(name);
    };
    // CPython's localsplus: co_varnames (parameters, then locals that are not cells), then the
    // cell variables that are not parameters, then the free variables — the order locals die in.
    if (kind === "function")
      for (const name of scope.locals)
        if (!scope.cells.has(name) || scope.parameters.includes(name)) add(name);
    if (kind !== "module") {
      for (const name of scope.cells) add(name);
      for (const name of scope.frees) add(name);
    }
    return { scope, kind, slots, slotNames, hidden: [], hiddenCells: new Set(), qualifiedPrefix };
  }

  protected newCode(
    unit: Unit,
    name: string,
    qualifiedName: string,
    line: number,
    args: Arguments | undefined,
  ): Code {
    const scope = unit.scope;
    const argumentNames =
      args !== undefined ? [...args.posonlyargs, ...args.args].map((a) => a.arg) : [];
    const code: Code = {
      name,
      qualifiedName,
      filename: this.filename,
      source: this.source,
      kind: unit.kind,
      argumentCount: argumentNames.length,
      argumentNames,
      positionalOnlyCount: args?.posonlyargs.length ?? 0,
      keywordOnlyNames: args?.kwonlyargs.map((a) => a.arg) ?? [],
      varargSlot: args?.vararg != null ? unit.slots.get(args.vararg.arg)! : -1,
      kwargSlot: args?.kwarg != null ? unit.slots.get(args.kwarg.arg)! : -1,
      slotNames: unit.slotNames,
      cellSlots: [...scope.cells].map((cell) => unit.slots.get(cell)!),
      freeStart: scope.frees.size > 0 ? unit.slots.get(scope.frees.values().next().value!)! : 0,
      freeCount: scope.frees.size,
      body: () => Completion.NORMAL,
      generator: false,
      line,
      variableNames:
        unit.kind === "function"
          ? [...scope.locals].filter(
              (local) => !scope.cells.has(local) || scope.parameters.includes(local),
            )
          : [],
    };
    this.m.codes.push(code);
    return code;
  }

  private constant(value: Ptr): Ptr {
    this.constants.push(value);
    return value;
  }

  protected unsupported(what: string): Stmt & Expr {
    const m = this.m;
    return () => m.raise("NotImplementedError", `${what} is not supported by pymem`);
  }

  /** Code for a construct the parser accepts and the evaluator cannot run yet (see unsupported-syntax.ts). */
  protected notYetSupported(construct: string): Stmt & Expr {
    const m = this.m;
    return () => m.raise("NotImplementedError", `pymem does not support ${construct} yet`);
  }

  /** A test expression as a JS boolean (the value is released). */
  protected condition(unit: Unit, node: Expression): (f: Frame) => boolean {
    const m = this.m;
    if (node.kind === "Compare" && node.ops.length === 1 && !this.substitutions.has(node)) {
      const op = node.ops[0]!;
      const left = this.expression(unit, node.left);
      const right = this.expression(unit, node.comparators[0]!);
      const heap = m.heap;
      if (op in COMPARE_OPS) {
        const code = COMPARE_OPS[op as keyof typeof COMPARE_OPS];
        const borrowedLeft = this.borrowableOperand(unit, node.left);
        const borrowedRight = this.borrowableOperand(unit, node.comparators[0]!);
        const plain = (f: Frame): boolean => {
          const a = left(f);
          m.push(a);
          const b = right(f);
          m.push(b);
          f.node = node;
          let result: boolean;
          const ta = m.typeIdOf(a);
          // Two ints or two floats: CPython's long_richcompare / float_richcompare on the values.
          if ((ta === heap.intType || ta === heap.floatType) && m.typeIdOf(b) === ta) {
            const x = m.numberOf(a);
            const y = m.numberOf(b);
            // A big int reads NaN: compare() settles it exactly.
            result =
              !Number.isNaN(x) && !Number.isNaN(y)
                ? compareValues(code, x, y)
                : compare(m, code, a, b);
          } else result = compare(m, code, a, b);
          m.sp -= 2;
          m.decref(b);
          m.decref(a);
          return result;
        };
        return borrowedLeft !== undefined && borrowedRight !== undefined
          ? borrowedCondition(m, code, borrowedLeft, borrowedRight, plain, node)
          : plain;
      }
      // `is`, `is not`, `in`, `not in` as a test: the truth without a bool object (CPython:
      // IS_OP / CONTAINS_OP feeding POP_JUMP_IF_*); operands released right operand first, as
      // the value form's unwinding does.
      const negate = op === "IsNot" || op === "NotIn";
      const membership = op === "In" || op === "NotIn";
      return (f) => {
        const a = left(f);
        m.push(a);
        const b = right(f);
        m.push(b);
        f.node = node;
        const result = (membership ? contains(m, b, a) : a === b) !== negate;
        m.sp -= 2;
        m.decref(b);
        m.decref(a);
        return result;
      };
    }
    if (node.kind === "UnaryOp" && node.op === "Not" && !this.substitutions.has(node)) {
      const inner = this.condition(unit, node.operand);
      return (f) => !inner(f);
    }
    const value = this.expression(unit, node);
    return (f) => {
      const v = value(f);
      m.push(v);
      const result = m.isTrue(v);
      m.sp--;
      m.decref(v);
      return result;
    };
  }

  // ───────────────────────────────────────────────────────────── names

  /** The hidden slot of the innermost comprehension variable `name`, if one is in scope. */
  protected hiddenSlot(unit: Unit, name: string): number | undefined {
    for (let i = unit.hidden.length - 1; i >= 0; i--) {
      const slot = unit.hidden[i]!.get(name);
      if (slot !== undefined) return slot;
    }
    return undefined;
  }

  /**
   * The slot of `node` when it is a name read as a plain fast local (what {@link fastLoad}
   * compiles), whose value a caller may read borrowed where no code runs before its use
   * (borrowed-locals.ts); undefined otherwise.
   */
  protected borrowableSlot(unit: Unit, node: Expression): number | undefined {
    if (node.kind !== "Name" || this.substitutions.has(node)) return undefined;
    const hidden = this.hiddenSlot(unit, node.id);
    if (hidden !== undefined) return unit.hiddenCells.has(hidden) ? undefined : hidden;
    const scope = unit.scope;
    if (unit.kind !== "function" || scope.globals.has(node.id)) return undefined;
    if (scope.cells.has(node.id) || scope.frees.has(node.id)) return undefined;
    return unit.slots.get(node.id);
  }

  /** `node` as a {@link BorrowedOperand} when it is a plain fast local or an int or float literal. */
  protected borrowableOperand(unit: Unit, node: Expression): BorrowedOperand | undefined {
    if (node.kind === "Constant" && !this.substitutions.has(node)) {
      const heap = this.m.heap;
      if (node.constantType === "float")
        return { offset: -1, type: heap.floatType, value: node.value as number };
      if (node.constantType === "int" && typeof node.value === "number")
        return { offset: -1, type: heap.intType, value: node.value };
      return undefined;
    }
    const slot = this.borrowableSlot(unit, node);
    return slot === undefined ? undefined : { offset: 4 * slot, type: 0, value: 0 };
  }

  protected nameLoad(unit: Unit, name: string, node: SourceRange): Expr {
    const m = this.m;
    const hidden = this.hiddenSlot(unit, name);
    if (hidden !== undefined)
      return unit.hiddenCells.has(hidden)
        ? this.cellLoad(hidden, name, node, false)
        : this.fastLoad(hidden, name, node, true);
    const scope = unit.scope;
    const key = m.name(name);
    const globalCache = new NameCache();
    const builtinCache = new NameCache();
    const globalLoad: Expr = (f) => {
      let value = m.cachedLookup(globalCache, f.globals, key);
      if (value === 0) {
        value = m.cachedLookup(builtinCache, m.builtins, key);
        if (value === 0) {
          f.node = node;
          raiseNameError(m, `name '${name}' is not defined`, name);
        }
      }
      m.lifetime.incref(value);
      return value;
    };
    if (scope.globals.has(name)) return globalLoad;
    if (unit.kind === "function") {
      const slot = unit.slots.get(name);
      if (slot === undefined) return globalLoad;
      if (scope.cells.has(name) || scope.frees.has(name))
        return this.cellLoad(slot, name, node, scope.frees.has(name));
      return this.fastLoad(slot, name, node, false);
    }
    if (unit.kind === "class") {
      if (scope.frees.has(name) && !scope.bound.has(name))
        return this.cellLoad(unit.slots.get(name)!, name, node, true);
      return (f) => {
        const value = namespaceLoad(m, f.namespace, key);
        return value !== 0 ? value : globalLoad(f);
      };
    }
    return globalLoad;
  }

  private fastLoad(slot: number, name: string, node: SourceRange, hidden: boolean): Expr {
    const m = this.m;
    const memory = m.heap.memory;
    const lifetime = m.lifetime;
    const offset = 4 * slot;
    return (f) => {
      const value = memory.u32[(f.locals + offset) >>> 2]!;
      if (value === 0) {
        f.node = node;
        if (hidden) raiseNameError(m, `name '${name}' is not defined`, name);
        m.raise(
          "UnboundLocalError",
          `cannot access local variable '${name}' where it is not associated with a value`,
        );
      }
      lifetime.incref(value);
      return value;
    };
  }

  private cellLoad(slot: number, name: string, node: SourceRange, free: boolean): Expr {
    const m = this.m;
    const memory = m.heap.memory;
    return (f) => {
      const cell = memory.u32[(f.locals + 4 * slot) >>> 2]!;
      const value = memory.u32[(cell + CELL_CONTENTS_OFFSET) >>> 2]!;
      if (value === 0) {
        f.node = node;
        if (free)
          raiseNameError(
            m,
            `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`,
            name,
          );
        m.raise(
          "UnboundLocalError",
          `cannot access local variable '${name}' where it is not associated with a value`,
        );
      }
      m.lifetime.incref(value);
      return value;
    };
  }

  protected nameStore(unit: Unit, name: string, _node: SourceRange): Store {
    const m = this.m;
    const memory = m.heap.memory;
    const hidden = this.hiddenSlot(unit, name);
    const scope = unit.scope;
    const key = m.name(name);
    const cache = new NameCache();
    const globalStore: Store = (f, value) => m.cachedStore(cache, f.globals, key, value);
    const fast = (slot: number): Store => {
      const offset = 4 * slot;
      return (f, value) => {
        const index = (f.locals + offset) >>> 2;
        const old = memory.u32[index]!;
        memory.u32[index] = value;
        if (old !== 0) m.lifetime.decref(old);
      };
    };
    const cell =
      (slot: number): Store =>
      (f, value) => {
        const c = memory.u32[(f.locals + 4 * slot) >>> 2]!;
        const index = (c + CELL_CONTENTS_OFFSET) >>> 2;
        const old = memory.u32[index]!;
        memory.u32[index] = value;
        if (old !== 0) m.lifetime.decref(old);
      };
    if (hidden !== undefined) return unit.hiddenCells.has(hidden) ? cell(hidden) : fast(hidden);
    if (scope.globals.has(name)) return globalStore;
    if (unit.kind === "function") {
      const slot = unit.slots.get(name)!;
      if (scope.cells.has(name) || scope.frees.has(name)) return cell(slot);
      return fast(slot);
    }
    if (unit.kind === "class")
      return (f, value) => {
        try {
          namespaceStore(m, f.namespace, key, value);
        } finally {
          m.lifetime.decref(value);
        }
      };
    return globalStore;
  }

  /** `del name`; with `quiet`, an unbound name is ignored (the end of an `except … as` block). */
  protected nameDelete(
    unit: Unit,
    name: string,
    node: SourceRange,
    quiet: boolean,
  ): (f: Frame) => void {
    const m = this.m;
    const memory = m.heap.memory;
    const scope = unit.scope;
    const key = m.name(name);
    const dictDelete = (dict: (f: Frame) => Ptr) => (f: Frame) => {
      if (!namespaceDelete(m, dict(f), key) && !quiet) {
        f.node = node;
        raiseNameError(m, `name '${name}' is not defined`, name);
      }
    };
    if (scope.globals.has(name) || unit.kind === "module") return dictDelete((f) => f.globals);
    if (unit.kind === "class") return dictDelete((f) => f.namespace);
    const slot = unit.slots.get(name)!;
    const isCell = scope.cells.has(name) || scope.frees.has(name);
    return (f) => {
      let index = (f.locals + 4 * slot) >>> 2;
      if (isCell) index = (memory.u32[index]! + CELL_CONTENTS_OFFSET) >>> 2;
      const old = memory.u32[index]!;
      if (old === 0) {
        if (quiet) return;
        f.node = node;
        m.raise(
          "UnboundLocalError",
          `cannot access local variable '${name}' where it is not associated with a value`,
        );
      }
      memory.u32[index] = 0;
      m.lifetime.decref(old);
    };
  }

  // ───────────────────────────────────────────────────────────── targets

  protected store(unit: Unit, target: Expression): Store {
    const m = this.m;
    switch (target.kind) {
      case "Name": // CPython: STORE_NAME / STORE_FAST / STORE_DEREF / STORE_GLOBAL
        return this.nameStore(unit, target.id, target);
      case "Attribute": {
        // CPython: STORE_ATTR
        const object = this.expression(unit, target.value);
        const key = m.name(target.attr);
        const name = target.attr;
        const site = new AttributeSite();
        const plain: Store = (f, value) => {
          m.push(value);
          const obj = object(f);
          m.push(obj);
          f.node = target;
          storeAttribute(m, site, obj, key, name, value);
          m.sp -= 2;
          m.decref(obj);
          m.decref(value);
        };
        const slot = this.borrowableSlot(unit, target.value);
        return slot === undefined
          ? plain
          : borrowedAttributeStore(m, 4 * slot, site, key, plain, target);
      }
      case "Subscript": {
        // CPython: STORE_SUBSCR / STORE_SLICE
        const object = this.expression(unit, target.value);
        if (target.slice.kind === "Slice") {
          const pushBounds = this.sliceBounds(unit, target.slice);
          return (f, value) => {
            const level = m.sp;
            m.push(value);
            m.push(object(f));
            pushBounds(f);
            f.node = target;
            const s = m.stack;
            assignSlice(m, s[level + 1]!, s[level + 2]!, s[level + 3]!, s[level + 4]!, value);
            m.unwindTo(level);
          };
        }
        const index = this.expression(unit, target.slice);
        return (f, value) => {
          m.push(value);
          const obj = object(f);
          m.push(obj);
          const i = index(f);
          m.push(i);
          f.node = target;
          setItem(m, obj, i, value);
          m.sp -= 3;
          m.decref(i);
          m.decref(obj);
          m.decref(value);
        };
      }
      case "Tuple":
      case "List": {
        // CPython: UNPACK_SEQUENCE
        if (target.elts.some((element) => element.kind === "Starred"))
          return this.starredUnpack(unit, target);
        const stores = target.elts.map((element) => this.store(unit, element));
        const count = stores.length;
        const heap = m.heap;
        return (f, value) => {
          m.push(value);
          f.node = target;
          const t = m.typeIdOf(value);
          const level = m.sp;
          if (t === heap.tupleType || t === heap.listType) {
            // CPython: UNPACK_SEQUENCE_TUPLE / UNPACK_SEQUENCE_LIST — the items straight from the
            // object, each pushed with a new reference before any store can run user code.
            const isTuple = t === heap.tupleType;
            const length = isTuple ? heap.tupleLength(value) : heap.listLength(value);
            if (length !== count) unpackCountError(m, count, length);
            for (let i = 0; i < count; i++)
              m.push(m.incref(isTuple ? heap.tupleGetItem(value, i) : heap.listGetItem(value, i)));
          } else for (const item of unpackIterable(m, value, count)) m.push(item);
          for (let i = 0; i < count; i++) {
            const item = m.stack[level + i]!;
            m.stack[level + i] = 0;
            stores[i]!(f, item);
          }
          m.sp = level - 1;
          m.decref(value);
        };
      }
      default:
        return () =>
          m.raise("NotImplementedError", `assignment to ${target.kind} is not supported by pymem`);
    }
  }

  /** Pushes a slice's three bounds (0 for an omitted one) onto the value stack. */
  private sliceBounds(
    unit: Unit,
    slice: Extract<Expression, { kind: "Slice" }>,
  ): (f: Frame) => void {
    const m = this.m;
    const parts = [slice.lower, slice.upper, slice.step].map((part) =>
      part !== null ? this.expression(unit, part) : undefined,
    );
    return (f) => {
      for (const part of parts) m.push(part !== undefined ? part(f) : 0);
    };
  }

  /**
   * `a, *b, c = value`: the items before and after the starred target, and a new list of the
   * rest. CPython: UNPACK_EX.
   */
  private starredUnpack(
    unit: Unit,
    target: Extract<Expression, { kind: "Tuple" | "List" }>,
  ): Store {
    const m = this.m;
    const starIndex = target.elts.findIndex((element) => element.kind === "Starred");
    const stores = target.elts.map((element) =>
      this.store(unit, element.kind === "Starred" ? element.value : element),
    );
    const before = starIndex;
    const after = target.elts.length - starIndex - 1;
    return (f, value) => {
      m.push(value);
      f.node = target;
      const items = collect(m, value);
      const level = m.sp;
      for (const item of items) m.push(item);
      if (items.length < before + after) {
        m.unwindTo(level);
        m.raise(
          "ValueError",
          `not enough values to unpack (expected at least ${before + after}, got ${items.length})`,
        );
      }
      const rest = m.heap.newList(items.slice(before, items.length - after));
      // The stack now holds the targets' values in order: the leading items, the rest list,
      // then the trailing items (the items that went into the list are released here).
      const values = [...items.slice(0, before), rest, ...items.slice(items.length - after)];
      for (const item of items.slice(before, items.length - after)) m.decref(item);
      m.stack.fill(0, level, level + items.length);
      m.sp = level;
      for (const item of values) m.push(item);
      for (let i = 0; i < values.length; i++) {
        const item = m.stack[level + i]!;
        m.stack[level + i] = 0;
        stores[i]!(f, item);
      }
      m.sp = level - 1;
      m.decref(value);
    };
  }

  protected deleteTarget(unit: Unit, target: Expression): (f: Frame) => void {
    const m = this.m;
    switch (target.kind) {
      case "Name": // CPython: DELETE_NAME / DELETE_FAST / DELETE_DEREF / DELETE_GLOBAL
        return this.nameDelete(unit, target.id, target, false);
      case "Attribute": {
        // CPython: DELETE_ATTR
        const object = this.expression(unit, target.value);
        const key = m.name(target.attr);
        return (f) => {
          const obj = object(f);
          m.push(obj);
          f.node = target;
          deleteAttribute(m, obj, key, target.attr);
          m.sp--;
          m.decref(obj);
        };
      }
      case "Subscript": {
        // CPython: DELETE_SUBSCR
        const object = this.expression(unit, target.value);
        if (target.slice.kind === "Slice") {
          const pushBounds = this.sliceBounds(unit, target.slice);
          return (f) => {
            const level = m.sp;
            m.push(object(f));
            pushBounds(f);
            f.node = target;
            const s = m.stack;
            deleteSlice(m, s[level]!, s[level + 1]!, s[level + 2]!, s[level + 3]!);
            m.unwindTo(level);
          };
        }
        const index = this.expression(unit, target.slice);
        return (f) => {
          const obj = object(f);
          m.push(obj);
          const i = index(f);
          m.push(i);
          f.node = target;
          deleteItem(m, obj, i);
          m.sp -= 2;
          m.decref(i);
          m.decref(obj);
        };
      }
      case "Tuple":
      case "List": {
        const deletes = target.elts.map((element) => this.deleteTarget(unit, element));
        return (f) => {
          for (const d of deletes) d(f);
        };
      }
      default:
        return () =>
          m.raise("NotImplementedError", `deleting ${target.kind} is not supported by pymem`);
    }
  }

  // ───────────────────────────────────────────────────────────── expressions

  expression(unit: Unit, node: Expression): Expr {
    const m = this.m;
    const substitute = this.substitutions.get(node);
    if (substitute !== undefined) return substitute;
    const missing = unsupportedConstruct(node);
    if (missing !== null) return this.notYetSupported(missing);
    switch (node.kind) {
      case "Constant": // CPython: LOAD_CONST
        return this.constantExpression(
          node.constantType,
          node.value as number | bigint | string | boolean | Uint8Array | null,
        );
      case "Name": // CPython: LOAD_NAME / LOAD_FAST / LOAD_DEREF / LOAD_GLOBAL
        return this.nameLoad(unit, node.id, node);
      case "BinOp": {
        if (node.left.kind === "BinOp") return this.binaryChain(unit, node);
        // CPython: BINARY_OP
        const left = this.expression(unit, node.left);
        const right = this.expression(unit, node.right);
        const op = BINARY_OPS[node.op];
        const lifetime = m.lifetime;
        const plain: Expr = (f) => {
          const a = left(f);
          m.push(a);
          const b = right(f);
          m.push(b);
          f.node = node;
          const result = binaryOperation(m, op, a, b);
          m.sp -= 2;
          lifetime.decref(b);
          lifetime.decref(a);
          return result;
        };
        const borrowedLeft = this.borrowableOperand(unit, node.left);
        const borrowedRight = this.borrowableOperand(unit, node.right);
        return op <= Op.MOD && borrowedLeft !== undefined && borrowedRight !== undefined
          ? borrowedBinary(m, op, borrowedLeft, borrowedRight, plain, node)
          : plain;
      }
      case "UnaryOp": {
        // CPython: UNARY_NEGATIVE / UNARY_INVERT / UNARY_NOT / CALL_INTRINSIC_1 INTRINSIC_UNARY_POSITIVE
        if (node.op === "Not") {
          const test = this.condition(unit, node.operand);
          return (f) => (test(f) ? m.heap.false : m.heap.true);
        }
        const operand = this.expression(unit, node.operand);
        const op = node.op;
        return (f) => {
          const a = operand(f);
          m.push(a);
          f.node = node;
          const result = unary(m, op, a);
          m.sp--;
          m.decref(a);
          return result;
        };
      }
      case "BoolOp": {
        // CPython: COPY + POP_JUMP_IF_FALSE / POP_JUMP_IF_TRUE (short-circuit)
        const values = node.values.map((value) => this.expression(unit, value));
        const isAnd = node.op === "And";
        return (f) => {
          let value = 0;
          for (let i = 0; i < values.length; i++) {
            value = values[i]!(f);
            if (i === values.length - 1) return value;
            m.push(value);
            const truth = m.isTrue(value);
            m.sp--;
            if (truth !== isAnd) return value;
            m.decref(value);
          }
          return value;
        };
      }
      case "IfExp": {
        // CPython: POP_JUMP_IF_FALSE
        const test = this.condition(unit, node.test);
        const body = this.expression(unit, node.body);
        const orelse = this.expression(unit, node.orelse);
        return (f) => (test(f) ? body(f) : orelse(f));
      }
      case "Compare": // CPython: COMPARE_OP / IS_OP / CONTAINS_OP
        return this.compareExpression(unit, node);
      case "Call": // CPython: CALL / CALL_KW
        return this.call(unit, node);
      case "Attribute": {
        // CPython: LOAD_ATTR
        if (isSuperCall(node.value)) return this.superAttribute(unit, node.value, node.attr, node);
        const object = this.expression(unit, node.value);
        const key = m.name(node.attr);
        const name = node.attr;
        const site = new AttributeSite();
        const plain: Expr = (f) => {
          const obj = object(f);
          m.push(obj);
          f.node = node;
          const value = loadAttribute(m, site, obj, key, name);
          m.sp--;
          m.decref(obj);
          return value;
        };
        const slot = this.borrowableSlot(unit, node.value);
        return slot === undefined
          ? plain
          : borrowedAttributeLoad(m, 4 * slot, site, key, plain, node);
      }
      case "Subscript": {
        // CPython: BINARY_SUBSCR / BINARY_SLICE
        const object = this.expression(unit, node.value);
        const slice = node.slice;
        if (slice.kind === "Slice") {
          const pushBounds = this.sliceBounds(unit, slice);
          return (f) => {
            const level = m.sp;
            m.push(object(f));
            pushBounds(f);
            f.node = node;
            const s = m.stack;
            const result = getSlice(m, s[level]!, s[level + 1]!, s[level + 2]!, s[level + 3]!);
            m.unwindTo(level);
            return result;
          };
        }
        const index = this.expression(unit, slice);
        const plain: Expr = (f) => {
          const obj = object(f);
          m.push(obj);
          const i = index(f);
          m.push(i);
          f.node = node;
          const value = getItem(m, obj, i);
          m.sp -= 2;
          m.decref(i);
          m.decref(obj);
          return value;
        };
        const slot = this.borrowableSlot(unit, node.value);
        const borrowedIndex = this.borrowableOperand(unit, slice);
        return slot !== undefined && borrowedIndex !== undefined
          ? borrowedSubscript(m, 4 * slot, borrowedIndex, plain, node)
          : plain;
      }
      case "List":
      case "Tuple": {
        // CPython: BUILD_LIST / BUILD_TUPLE
        const push = this.pushElements(unit, node.elts);
        const isList = node.kind === "List";
        return (f) => {
          const level = m.sp;
          push(f);
          const items = m.stack.subarray(level, m.sp);
          const result = isList ? m.heap.newList(items) : m.newTuple(items);
          m.unwindTo(level);
          return result;
        };
      }
      case "Dict": {
        // CPython: BUILD_MAP
        if (node.keys.some((key) => key === null)) return this.dictDisplayWithMappings(unit, node);
        const keys = node.keys.map((key) => this.expression(unit, key!));
        const values = node.values.map((value) => this.expression(unit, value));
        return (f) => {
          const level = m.sp;
          for (let i = 0; i < keys.length; i++) {
            m.push(keys[i]!(f));
            m.push(values[i]!(f));
          }
          const dict = m.heap.newDict();
          m.push(dict);
          f.node = node;
          for (let i = level; i < m.sp - 1; i += 2) {
            checkHashable(m, m.stack[i]!);
            m.heap.dictSetItem(dict, m.stack[i]!, m.stack[i + 1]!);
          }
          m.sp--;
          m.unwindTo(level);
          return dict;
        };
      }
      case "ListComp":
        return this.comprehension(unit, node.generators, node.elt, undefined);
      case "GeneratorExp": // CPython: a <genexpr> function called with iter(first iterable)
        return this.generatorExpressionObject(unit, node);
      case "DictComp": // CPython: the comprehension's code object, inlined (PEP 709)
        return this.comprehension(unit, node.generators, node.key, node.value);
      case "Set": {
        // CPython: BUILD_SET n, or BUILD_SET 0 + SET_UPDATE of a frozenset constant when every
        // element is a constant (more than two of them).
        const push = this.pushElements(unit, node.elts);
        const constant = node.elts.every(isFoldedConstant);
        return (f) => {
          const level = m.sp;
          push(f);
          f.node = node;
          const result = buildSetDisplay(m, Array.from(m.stack.subarray(level, m.sp)), constant);
          m.unwindTo(level);
          return result;
        };
      }
      case "SetComp": // CPython: BUILD_SET 0 + SET_ADD in the inlined comprehension (PEP 709)
        return this.comprehension(unit, node.generators, node.elt, undefined, true);
      case "Lambda": // CPython: MAKE_FUNCTION
        return this.makeFunction(unit, node, "<lambda>", node.args);
      case "JoinedStr": {
        // CPython: BUILD_STRING
        const parts = node.values.map((value) =>
          value.kind === "Constant"
            ? ({ text: String(value.value) } as const)
            : ({ field: this.formattedValue(unit, value) } as const),
        );
        return (f) => {
          let text = "";
          for (const part of parts) text += "text" in part ? part.text : part.field(f);
          return m.newStr(text);
        };
      }
      case "FormattedValue": {
        // CPython: FORMAT_SIMPLE / FORMAT_WITH_SPEC
        const field = this.formattedValue(unit, node);
        return (f) => m.newStr(field(f));
      }
      case "NamedExpr": {
        // CPython: the value is evaluated, copied (COPY 1) and stored (STORE_FAST / STORE_NAME).
        const value = this.expression(unit, node.value);
        const store = this.nameStore(unit, node.target.id, node.target);
        return (f) => {
          const result = value(f);
          store(f, m.incref(result));
          return result;
        };
      }
      case "Starred":
        return this.unsupported("a starred expression here");
      case "Slice":
        return this.unsupported("a slice outside a subscript");
      default:
        return this.unsupported(`the ${(node as { kind: string }).kind} expression`);
    }
  }

  private formattedValue(
    unit: Unit,
    node: Extract<Expression, { kind: "FormattedValue" }>,
  ): (f: Frame) => string {
    const m = this.m;
    const value = this.expression(unit, node.value);
    const spec = node.formatSpec !== null ? this.expression(unit, node.formatSpec) : undefined;
    const conversion = node.conversion;
    return (f) => {
      const v = value(f);
      m.push(v);
      let specText = "";
      if (spec !== undefined) {
        const s = spec(f);
        specText = m.heap.strValue(s);
        m.decref(s);
      }
      f.node = node;
      let text: string;
      if (conversion === 114 /* r */) text = formatWithSpec(m, 0, repr(m, v), specText);
      else if (conversion === 97 /* a */) text = formatWithSpec(m, 0, asciiRepr(m, v), specText);
      else if (conversion === 115 /* s */) text = formatWithSpec(m, 0, str(m, v), specText);
      else text = formatWithSpec(m, v, undefined, specText);
      m.sp--;
      m.decref(v);
      return text;
    };
  }

  protected constantExpression(
    type: string,
    value: number | bigint | string | boolean | Uint8Array | null,
  ): Expr {
    const m = this.m;
    const heap = m.heap;
    let obj: Ptr;
    switch (type) {
      case "int":
        // The parser gives a literal beyond 2**53 - 1 as a bigint: a big int's digits.
        obj = typeof value === "bigint" ? heap.newIntFromBigInt(value) : m.newInt(value as number);
        break;
      case "float":
        obj = m.newFloat(value as number);
        break;
      case "complex": // the literal's imaginary part (`2j`)
        obj = heap.newComplex(0, value as number);
        break;
      case "str":
        obj = /^[A-Za-z_][A-Za-z0-9_]*$/.test(value as string)
          ? heap.intern(value as string)
          : heap.newStr(value as string);
        break;
      case "bool":
        obj = value === true ? heap.true : heap.false;
        break;
      case "bytes":
        obj = newBytes(m, value as Uint8Array);
        break;
      case "Ellipsis":
        obj = m.ellipsis;
        break;
      default:
        obj = heap.none;
    }
    this.constant(obj);
    const lifetime = m.lifetime;
    if (heap.isImmortal(obj)) return () => obj;
    return () => {
      lifetime.incref(obj);
      return obj;
    };
  }

  /**
   * A left-nested run of binary operators (`a + b - c * …`, parsed as `((a + b) - c) …`) compiled
   * and evaluated in a loop, so a chain as long as CPython compiles (9,996 operators) needs no
   * JavaScript recursion; the evaluation order is the nested form's.
   */
  private binaryChain(unit: Unit, node: Extract<Expression, { kind: "BinOp" }>): Expr {
    const m = this.m;
    const links: Extract<Expression, { kind: "BinOp" }>[] = [];
    let innermost: Expression = node;
    while (innermost.kind === "BinOp") {
      links.push(innermost);
      innermost = innermost.left;
    }
    links.reverse();
    const first = this.expression(unit, innermost);
    const rights = links.map((link) => this.expression(unit, link.right));
    const ops = links.map((link) => BINARY_OPS[link.op]);
    const borrowedRights = links.map((link) => this.borrowableOperand(unit, link.right));
    const lifetime = m.lifetime;
    return (f) => {
      let a = first(f);
      for (let i = 0; i < links.length; i++) {
        const operand = borrowedRights[i];
        if (operand !== undefined) {
          f.node = links[i]!;
          let result: Ptr;
          try {
            result = arithmeticWithOperand(m, ops[i]!, a, operand, f);
          } catch (error) {
            // A MemoryError making the result: the running value is ours to release.
            lifetime.decref(a);
            throw error;
          }
          if (result !== 0) {
            lifetime.decref(a);
            a = result;
            continue;
          }
        }
        m.push(a);
        const b = rights[i]!(f);
        m.push(b);
        f.node = links[i]!;
        const result = binaryOperation(m, ops[i]!, a, b);
        m.sp -= 2;
        lifetime.decref(b);
        lifetime.decref(a);
        a = result;
      }
      return a;
    };
  }

  /**
   * `a < b < c`: each link's result is what the comparison gave (a user `__lt__`'s object as it
   * is); a false link ends the chain and is the value (CPython: COMPARE_OP, then COPY /
   * TO_BOOL / POP_JUMP_IF_FALSE between links).
   */
  private compareExpression(unit: Unit, node: Extract<Expression, { kind: "Compare" }>): Expr {
    const m = this.m;
    const left = this.expression(unit, node.left);
    const rights = node.comparators.map((value) => this.expression(unit, value));
    const ops = node.ops;
    const last = ops.length - 1;
    if (last === 0) {
      // One link: no chain to keep on the stack, nothing to unwind but the two operands.
      const op = ops[0]!;
      const right = rights[0]!;
      return (f) => {
        const a = left(f);
        m.push(a);
        const b = right(f);
        m.push(b);
        f.node = node;
        const result = this.compareOne(op, a, b);
        m.sp -= 2;
        m.decref(b);
        m.decref(a);
        return result;
      };
    }
    return (f) => {
      const level = m.sp;
      let a = left(f);
      m.push(a);
      for (let i = 0; ; i++) {
        const b = rights[i]!(f);
        m.push(b);
        f.node = node;
        const result = this.compareOne(ops[i]!, a, b);
        m.push(result); // released by the unwinder if its truth test raises
        if (i === last || !m.isTrue(result)) {
          m.sp--;
          m.unwindTo(level);
          return result;
        }
        m.sp--;
        m.decref(result);
        a = b;
      }
    };
  }

  /** One link of a comparison chain: a new reference to its result. */
  private compareOne(op: string, a: Ptr, b: Ptr): Ptr {
    const m = this.m;
    switch (op) {
      case "Is":
        return m.newBool(a === b);
      case "IsNot":
        return m.newBool(a !== b);
      case "In":
        return m.newBool(contains(m, b, a));
      case "NotIn":
        return m.newBool(!contains(m, b, a));
      default:
        return richCompare(m, COMPARE_OPS[op as keyof typeof COMPARE_OPS], a, b);
    }
  }

  /** Pushes the values of call arguments or display elements (expanding `*iterable`). */
  private pushElements(unit: Unit, elements: readonly Expression[]): (f: Frame) => void {
    const m = this.m;
    const parts = elements.map((element) =>
      element.kind === "Starred"
        ? { starred: true, value: this.expression(unit, element.value), node: element }
        : { starred: false, value: this.expression(unit, element), node: element },
    );
    return (f) => {
      for (const part of parts) {
        const value = part.value(f);
        if (!part.starred) {
          m.push(value);
          continue;
        }
        m.push(value);
        f.node = part.node;
        const items = collect(m, value);
        m.sp--;
        m.decref(value);
        for (const item of items) m.push(item);
      }
    };
  }

  /**
   * A call with `**mapping` arguments: the keyword names are known only at run time.
   * CPython: CALL_FUNCTION_EX with a keyword dict built by DICT_MERGE.
   */
  private callWithMappings(unit: Unit, node: Call): Expr {
    const m = this.m;
    const callee = this.expression(unit, node.func);
    const pushArgs = this.pushElements(unit, node.args);
    const keywords = node.keywords.map((keyword) => ({
      name: keyword.arg,
      value: this.expression(unit, keyword.value),
    }));
    const site = new CallSite();
    return (f) => {
      const base = m.sp;
      m.push(callee(f));
      pushArgs(f);
      const names: string[] = [];
      for (const keyword of keywords) {
        const value = keyword.value(f);
        m.push(value);
        f.node = node;
        if (keyword.name !== null) {
          if (names.includes(keyword.name)) {
            m.raise(
              "TypeError",
              `${functionDisplayName(m, m.stack[base]!)} got multiple values for keyword argument '${keyword.name}'`,
            );
          }
          names.push(keyword.name);
          continue;
        }
        const held = m.sp - 1;
        pushKeywordMapping(m, m.stack[base]!, value, names);
        // The mapping's slot sits under its values: move them down over it.
        m.stack.copyWithin(held, held + 1, m.sp);
        m.sp--;
        m.stack[m.sp] = 0;
        m.decref(value);
      }
      f.node = node;
      return callAt(m, base, names.length > 0 ? names : undefined, site);
    };
  }

  /** `{**a, k: v, …}`: entries and mappings merged left to right. CPython: BUILD_MAP + DICT_UPDATE. */
  private dictDisplayWithMappings(unit: Unit, node: Extract<Expression, { kind: "Dict" }>): Expr {
    const m = this.m;
    const parts = node.keys.map((key, index) => ({
      key: key === null ? undefined : this.expression(unit, key),
      value: this.expression(unit, node.values[index]!),
    }));
    return (f) => {
      const level = m.sp;
      const dict = m.heap.newDict();
      m.push(dict);
      for (const part of parts) {
        if (part.key === undefined) {
          const source = part.value(f);
          m.push(source);
          f.node = node;
          updateDisplay(m, dict, source);
          m.sp--;
          m.decref(source);
          continue;
        }
        m.push(part.key(f));
        m.push(part.value(f));
        f.node = node;
        checkHashable(m, m.stack[m.sp - 2]!);
        m.heap.dictSetItem(dict, m.stack[m.sp - 2]!, m.stack[m.sp - 1]!);
        m.unwindTo(m.sp - 2);
      }
      m.stack[level] = 0;
      m.sp = level;
      return dict;
    };
  }

  private call(unit: Unit, node: Call): Expr {
    const m = this.m;
    if (node.keywords.some((keyword) => keyword.arg === null))
      return this.callWithMappings(unit, node);
    const names =
      node.keywords.length > 0 ? node.keywords.map((keyword) => keyword.arg!) : undefined;
    const pushArgs = this.pushElements(unit, node.args);
    const keywordValues = node.keywords.map((keyword) => this.expression(unit, keyword.value));
    const pushAll = (f: Frame): void => {
      pushArgs(f);
      for (const value of keywordValues) m.push(value(f));
    };
    const func = node.func;
    const site = new CallSite();
    if (func.kind === "Attribute" && !isSuperCall(func.value)) {
      // CPython 3.12+: LOAD_ATTR with the method flag — no bound method object for obj.m(...).
      const object = this.expression(unit, func.value);
      const key = m.name(func.attr);
      const name = func.attr;
      return (f) => {
        const base = m.sp;
        const obj = object(f);
        m.push(obj);
        f.node = func;
        const method = this.loadMethod(obj, key);
        if (method !== 0) {
          m.stack[base] = method;
          m.push(obj); // the stack's reference to obj moves up as the first argument
        } else {
          m.stack[base] = getAttribute(m, obj, key, name);
          m.decref(obj);
        }
        pushAll(f);
        f.node = node;
        return callAt(m, base, names, site);
      };
    }
    if (isSuperCall(node)) {
      // CPython: super_init_without_args — the __class__ cell and the first local.
      const superArguments = this.superArguments(unit, node);
      return (f) => {
        const [cls, self] = superArguments(f);
        return newSuper(m, cls, self);
      };
    }
    const callee = this.expression(unit, func);
    return (f) => {
      const base = m.sp;
      m.push(callee(f));
      pushAll(f);
      f.node = node;
      return callAt(m, base, names, site);
    };
  }

  /**
   * The method half of LOAD_ATTR's method form: a plain function found on an instance's class (not
   * shadowed by an instance attribute), or a built-in type's method — as a new reference; 0
   * when the attribute must be fetched normally.
   */
  private loadMethod(obj: Ptr, key: Ptr): Ptr {
    const m = this.m;
    const record = m.recordOf(obj);
    if (record.instances) {
      // Attribute hooks and data descriptors take the full lookup (getAttribute).
      if (record.hooks !== 0 || m.heap.getAttrByKey(obj, key) !== 0) return 0;
      const found = m.lookupType(record, key);
      if (found !== 0 && m.typeIdOf(found) === m.types.function) return m.incref(found);
      return 0;
    }
    // A module's, a class's and a super object's attributes are not their type's methods
    // (CPython: their tp_getattro is not PyObject_GenericGetAttr, so LOAD_ATTR binds normally).
    const t = m.typeIdOf(obj);
    if (m.isType(obj) || t === m.types.module || t === m.descriptorTypes.super) return 0;
    const found = m.lookupType(record, key);
    if (
      found !== 0 &&
      m.typeIdOf(found) === m.types.builtin &&
      m.field(found, BUILTIN_SELF_OFFSET) === 0
    )
      return m.incref(found);
    return 0;
  }

  /**
   * `super().name` inside a method, without making the super object (CPython 3.12+:
   * `LOAD_SUPER_ATTR`).
   */
  private superAttribute(unit: Unit, call: Call, attr: string, node: SourceRange): Expr {
    const m = this.m;
    const superArguments = this.superArguments(unit, call);
    const key = m.name(attr);
    return (f) => {
      f.node = node;
      const [cls, self] = superArguments(f);
      const found = superLookup(m, cls, self, key);
      if (found === 0) raiseSuperAttributeError(m, cls, self, attr);
      return found;
    };
  }

  /**
   * Reads zero-argument `super()`'s implicit arguments in a frame: the class from the
   * `__class__` cell and the method's first argument, both borrowed (CPython:
   * `super_init_without_args`, with its RuntimeErrors).
   */
  private superArguments(unit: Unit, call: Call): (f: Frame) => [cls: Ptr, self: Ptr] {
    const m = this.m;
    const classSlot = unit.slots.get("__class__");
    const selfSlot = unit.kind === "function" && unit.scope.parameters.length > 0 ? 0 : -1;
    if (classSlot === undefined || selfSlot < 0)
      return (f) => {
        f.node = call;
        return m.raise("RuntimeError", "super(): no arguments");
      };
    const selfIsCell = unit.scope.cells.has(unit.scope.parameters[0]!);
    return (f) => {
      const memory = m.heap.memory;
      const cell = memory.u32[(f.locals + 4 * classSlot) >>> 2]!;
      const cls = memory.u32[(cell + CELL_CONTENTS_OFFSET) >>> 2]!;
      let self = memory.u32[(f.locals + 4 * selfSlot) >>> 2]!;
      if (selfIsCell && self !== 0) self = memory.u32[(self + CELL_CONTENTS_OFFSET) >>> 2]!;
      if (cls === 0) m.raise("RuntimeError", "super(): empty __class__ cell");
      if (self === 0) m.raise("RuntimeError", "super(): arg[0] deleted");
      return [cls, self];
    };
  }

  private comprehension(
    unit: Unit,
    generators: readonly Comprehension[],
    element: Expression,
    dictValue: Expression | undefined,
    isSet = false,
  ): Expr {
    const m = this.m;
    // PEP 709: the first iterable is evaluated in the enclosing scope, before the hidden names.
    const firstIterable = this.expression(unit, generators[0]!.iter);
    return this.withComprehensionNames(unit, generators, () => {
      const levels = generators.map((generator, index) => ({
        iterable: index === 0 ? firstIterable : this.expression(unit, generator.iter),
        store: this.store(unit, generator.target),
        conditions: generator.ifs.map((condition) => this.condition(unit, condition)),
      }));
      const key = this.expression(unit, element);
      const value = dictValue !== undefined ? this.expression(unit, dictValue) : undefined;
      const run = (f: Frame, result: Ptr, depth: number): void => {
        const level = levels[depth]!;
        const it = level.iterable(f);
        m.push(it);
        iterateOwned(m, it, (item) => {
          level.store(f, item); // first: a step limit stopping the loop finds the item stored
          tick(m);
          for (const condition of level.conditions)
            if (!condition(f)) {
              if (m.collectionScheduled) runScheduledCollection(m); // CPython: JUMP_BACKWARD
              return true;
            }
          if (depth + 1 < levels.length) run(f, result, depth + 1);
          else if (value === undefined) {
            const v = key(f);
            m.push(v);
            if (isSet) addKey(m, result, v);
            else m.heap.listAppend(result, v);
            m.sp--;
            m.decref(v);
          } else {
            const k = key(f);
            m.push(k);
            const v = value(f);
            m.push(v);
            checkHashable(m, k);
            m.heap.dictSetItem(result, k, v);
            m.sp -= 2;
            m.decref(v);
            m.decref(k);
          }
          if (m.collectionScheduled) runScheduledCollection(m); // CPython: JUMP_BACKWARD
          return true;
        });
        m.sp--;
        m.decref(it);
      };
      return (names: ComprehensionSlots): Expr =>
        (f) => {
          const result =
            value !== undefined ? m.heap.newDict() : isSet ? m.heap.newSet() : m.heap.newList();
          m.push(result);
          const level = m.sp;
          enterComprehension(m, f, names);
          try {
            run(f, result, 0);
          } finally {
            leaveComprehension(m, f, names);
          }
          m.sp = level - 1;
          return result;
        };
    });
  }

  /**
   * Compiles, with `compile`, the parts of an inlined comprehension (PEP 709) that see its
   * iteration variables: they are bound to hidden slots of `unit` meanwhile. `compile` returns a
   * function of those slots (to pass to {@link enterComprehension} and
   * {@link leaveComprehension} when the comprehension runs); its result is returned.
   */
  protected withComprehensionNames<T>(
    unit: Unit,
    generators: readonly Comprehension[],
    compile: () => (names: ComprehensionSlots) => T,
  ): T {
    const scopeNames = new Map<string, number>();
    unit.hidden.push(scopeNames);
    const all: number[] = [];
    try {
      for (const generator of generators) {
        const names: string[] = [];
        collectNames(generator.target, names);
        for (const name of names) {
          // One slot per name, as CPython 3.12+ has one local per name.
          if (scopeNames.has(name)) continue;
          const slot = unit.slotNames.length;
          unit.slotNames.push(`<comprehension ${name}>`);
          scopeNames.set(name, slot);
          all.push(slot);
          if (unit.scope.capturedHidden.has(name)) unit.hiddenCells.add(slot);
        }
      }
      const finish = compile();
      return finish({ all, cells: all.filter((slot) => unit.hiddenCells.has(slot)) });
    } finally {
      unit.hidden.pop();
    }
  }
}

/**
 * The hidden slots of an inlined comprehension's iteration variables: all of them, and those
 * holding a cell (captured by a lambda or inner function).
 *
 * @internal
 */
export interface ComprehensionSlots {
  readonly all: readonly number[];
  readonly cells: readonly number[];
}

/**
 * Starts a run of an inlined comprehension (CPython: MAKE_CELL — one cell per run for each
 * captured variable, shared by the lambdas made in every iteration: they see its last value).
 *
 * @example
 * ```ts
 * enterComprehension(machine, frame, names);
 * ```
 * @internal
 */
export function enterComprehension(m: Machine, f: Frame, names: ComprehensionSlots): void {
  for (const slot of names.cells) m.heap.memory.u32[(f.locals + 4 * slot) >>> 2] = m.newCell(0);
}

/**
 * Ends a run of an inlined comprehension: its variables do not outlive it (PEP 709 restores the
 * outer names).
 *
 * @example
 * ```ts
 * leaveComprehension(machine, frame, names);
 * ```
 * @internal
 */
export function leaveComprehension(m: Machine, f: Frame, names: ComprehensionSlots): void {
  const memory = m.heap.memory;
  for (const slot of names.all) {
    const index = (f.locals + 4 * slot) >>> 2;
    const old = memory.u32[index]!;
    memory.u32[index] = 0;
    if (old !== 0) m.decref(old);
  }
}

/**
 * Whether CPython's AST optimizer turns `node` into a constant: a literal, a signed number
 * literal, or a tuple of such. CPython: `fold_unaryop`, `fold_tuple` in ast_opt.c.
 */
function isFoldedConstant(node: Expression): boolean {
  if (node.kind === "Constant") return true;
  if (node.kind === "UnaryOp")
    return (
      node.op !== "Not" &&
      node.operand.kind === "Constant" &&
      typeof node.operand.value === "number"
    );
  if (node.kind === "Tuple") return node.elts.every(isFoldedConstant);
  return false;
}

/**
 * Whether `node` is a zero-argument `super()` call (compiled from the `__class__` cell and the
 * first argument).
 *
 * @example
 * ```ts
 * isSuperCall(call.func.value); // true for super().method(...)
 * ```
 * @internal
 */
export function isSuperCall(node: Expression): node is Call {
  return (
    node.kind === "Call" &&
    node.func.kind === "Name" &&
    node.func.id === "super" &&
    node.args.length === 0 &&
    node.keywords.length === 0
  );
}

function collectNames(node: Expression, into: string[]): void {
  if (node.kind === "Name") into.push(node.id);
  else if (node.kind === "Tuple" || node.kind === "List")
    for (const element of node.elts) collectNames(element, into);
}

/** The ValueError of an unpacking whose source has `length` items where `count` targets wait. */
function unpackCountError(m: Machine, count: number, length: number): never {
  if (length < count)
    m.raise("ValueError", `not enough values to unpack (expected ${count}, got ${length})`);
  return m.raise("ValueError", `too many values to unpack (expected ${count})`);
}

/**
 * `a op b` for borrowed operands, with the int and float fast paths for `+`, `-` and `*` in front
 * of {@link binary}. CPython: `BINARY_OP` (and its `BINARY_OP_ADD_INT`, `BINARY_OP_ADD_FLOAT` …
 * specializations).
 */
function binaryOperation(m: Machine, op: number, a: Ptr, b: Ptr): Ptr {
  const ta = m.typeIdOf(a);
  if (op <= Op.MUL && m.typeIdOf(b) === ta) {
    const heap = m.heap;
    if (ta === heap.intType) {
      const x = m.numberOf(a);
      const y = m.numberOf(b);
      const r = op === Op.ADD ? x + y : op === Op.SUB ? x - y : x * y;
      // Out of the safe range, or a big-int operand (NaN): binary() computes it exactly.
      if (r <= MAX_INT && r >= -MAX_INT) return heap.newInt(r === 0 ? 0 : r);
    } else if (ta === heap.floatType) {
      const x = m.numberOf(a);
      const y = m.numberOf(b);
      return m.newFloat(op === Op.ADD ? x + y : op === Op.SUB ? x - y : x * y);
    }
  }
  return binary(m, op, a, b);
}
