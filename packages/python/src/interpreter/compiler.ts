import { DerivedTypeFlags, type Ptr } from "@pymem/core";
import type {
  Arguments,
  Assign,
  AugAssign,
  BinaryOperator,
  Call,
  ClassDef,
  Comprehension,
  Expression,
  FunctionDef,
  Lambda,
  Module,
  SourceRange,
  Statement,
  Try,
} from "../ast.js";
import { type PyException, StepLimitError } from "./exceptions.js";
import { formatWithSpec } from "./formatting.js";
import {
  Cmp,
  type Code,
  Completion,
  type Frame,
  type Machine,
  NameCache,
  Op,
  type TypeRecord,
} from "./machine.js";
import { TYPE_ID_OFFSET, TYPE_MRO_OFFSET } from "./object-layouts.js";
import { analyzeModule, type Scope } from "./scope-analysis.js";

/**
 * Closure compilation (the evaluator's "bytecode compiler"): each AST node becomes a JavaScript
 * closure once, and running code calls the closures — no tree walk per execution. Expression
 * closures return a new reference; statement closures return a {@link Completion} code.
 *
 * Reference discipline: a temporary that must outlive a call that can raise sits on the
 * machine's value stack (released by unwinding), never in a JS local only.
 *
 * @module
 */

type Expr = (frame: Frame) => Ptr;
type Stmt = (frame: Frame) => number;
/** Stores an owned reference into a target (the store consumes it). */
type Store = (frame: Frame, value: Ptr) => void;

const BINARY_OPS: Record<BinaryOperator, number> = {
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

const COMPARE_OPS = { Lt: Cmp.LT, LtE: Cmp.LE, Eq: Cmp.EQ, NotEq: Cmp.NE, Gt: Cmp.GT, GtE: Cmp.GE };

/** One code block being compiled. */
interface Unit {
  readonly scope: Scope;
  readonly kind: "module" | "function" | "class";
  readonly slots: Map<string, number>;
  readonly slotNames: string[];
  /** Comprehension variables in scope, innermost last: name → hidden slot. */
  readonly hidden: Array<Map<string, number>>;
  readonly qualifiedPrefix: string;
}

/**
 * Compiles modules for one {@link Machine}. Constants it creates are owned by the compiler and
 * released by {@link Compiler.dispose}.
 *
 * @example
 * ```ts
 * const code = new Compiler(machine).compileModule(parse(source), "x.py", source, false);
 * ```
 */
export class Compiler {
  /** Constant objects referenced by compiled code (CPython: `co_consts`). */
  private readonly constants: Ptr[] = [];
  private filename = "<string>";
  private source = "";
  private interactive = false;

  constructor(private readonly m: Machine) {}

  /** Drops the constants. */
  dispose(): void {
    for (const constant of this.constants) this.m.decref(constant);
    this.constants.length = 0;
  }

  /** Compiles a module; `interactive` echoes the repr of expression statements (the REPL). */
  compileModule(module: Module, filename: string, source: string, interactive: boolean): Code {
    this.filename = filename;
    this.source = source;
    this.interactive = interactive;
    const scope = analyzeModule(module);
    const unit = this.newUnit(scope, "module", "");
    const code = this.newCode(unit, "<module>", "<module>", 1, undefined);
    const body = this.block(unit, module.body);
    code.body = body;
    return code;
  }

  private newUnit(scope: Scope, kind: Unit["kind"], qualifiedPrefix: string): Unit {
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
    return { scope, kind, slots, slotNames, hidden: [], qualifiedPrefix };
  }

  private newCode(
    unit: Unit,
    name: string,
    qualifiedName: string,
    line: number,
    args: Arguments | undefined,
  ): Code {
    const scope = unit.scope;
    const argumentNames = args?.args.map((a) => a.arg) ?? [];
    const code: Code = {
      name,
      qualifiedName,
      filename: this.filename,
      source: this.source,
      kind: unit.kind,
      argumentCount: argumentNames.length,
      argumentNames,
      varargSlot: args?.vararg != null ? unit.slots.get(args.vararg.arg)! : -1,
      kwargSlot: args?.kwarg != null ? unit.slots.get(args.kwarg.arg)! : -1,
      slotNames: unit.slotNames,
      cellSlots: [...scope.cells].map((cell) => unit.slots.get(cell)!),
      freeStart: scope.frees.length > 0 ? unit.slots.get(scope.frees[0]!)! : 0,
      freeCount: scope.frees.length,
      body: () => Completion.NORMAL,
      line,
    };
    this.m.codes.push(code);
    return code;
  }

  private constant(value: Ptr): Ptr {
    this.constants.push(value);
    return value;
  }

  // ───────────────────────────────────────────────────────────── statements

  private block(unit: Unit, body: readonly Statement[]): Stmt {
    const statements = body.map((statement) => this.statement(unit, statement));
    const count = statements.length;
    if (count === 1) return statements[0]!;
    return (f) => {
      for (let i = 0; i < count; i++) {
        const completion = statements[i]!(f);
        if (completion !== Completion.NORMAL) return completion;
      }
      return Completion.NORMAL;
    };
  }

  private statement(unit: Unit, node: Statement): Stmt {
    const inner = this.statementBody(unit, node);
    const m = this.m;
    return (f) => {
      m.step(f, node);
      return inner(f);
    };
  }

  private statementBody(unit: Unit, node: Statement): Stmt {
    const m = this.m;
    switch (node.kind) {
      case "Expr": {
        const value = this.expression(unit, node.value);
        if (this.interactive && unit.kind === "module")
          return (f) => {
            const result = value(f);
            try {
              if (result !== m.heap.none) m.stdout(`${m.repr(result)}\n`);
            } finally {
              m.decref(result);
            }
            return Completion.NORMAL;
          };
        return (f) => {
          m.decref(value(f));
          return Completion.NORMAL;
        };
      }
      case "Assign":
        return this.assign(unit, node);
      case "AugAssign":
        return this.augmentedAssign(unit, node);
      case "Pass":
      case "Global":
      case "Nonlocal":
        return () => Completion.NORMAL;
      case "Break":
        return () => Completion.BREAK;
      case "Continue":
        return () => Completion.CONTINUE;
      case "Return": {
        const value = node.value !== null ? this.expression(unit, node.value) : undefined;
        return (f) => {
          const result = value !== undefined ? value(f) : m.heap.none;
          if (f.returnValue !== 0) m.decref(f.returnValue);
          f.returnValue = result;
          return Completion.RETURN;
        };
      }
      case "If": {
        const test = this.condition(unit, node.test);
        const body = this.block(unit, node.body);
        const orelse = node.orelse.length > 0 ? this.block(unit, node.orelse) : undefined;
        return (f) => (test(f) ? body(f) : orelse !== undefined ? orelse(f) : Completion.NORMAL);
      }
      case "While": {
        const test = this.condition(unit, node.test);
        const body = this.block(unit, node.body);
        const orelse = node.orelse.length > 0 ? this.block(unit, node.orelse) : undefined;
        return (f) => {
          while (test(f)) {
            const completion = body(f);
            if (completion === Completion.BREAK) return Completion.NORMAL;
            if (completion === Completion.RETURN) return completion;
            m.step(f, node);
          }
          return orelse !== undefined ? orelse(f) : Completion.NORMAL;
        };
      }
      case "For":
        return this.forLoop(unit, node);
      case "Delete": {
        const deletes = node.targets.map((target) => this.deleteTarget(unit, target));
        return (f) => {
          for (const d of deletes) d(f);
          return Completion.NORMAL;
        };
      }
      case "FunctionDef": {
        const make = this.makeFunction(unit, node, node.name, node.args);
        const store = this.nameStore(unit, node.name, node);
        return (f) => {
          store(f, make(f));
          return Completion.NORMAL;
        };
      }
      case "ClassDef":
        return this.classDef(unit, node);
      case "Raise":
        return this.raiseStatement(unit, node.exc, node.cause, node);
      case "Try":
        return this.tryStatement(unit, node);
      case "Assert": {
        const test = this.condition(unit, node.test);
        const message = node.msg !== null ? this.expression(unit, node.msg) : undefined;
        return (f) => {
          if (test(f)) return Completion.NORMAL;
          const inst = m.newException("AssertionError", undefined);
          if (message !== undefined) {
            m.push(inst);
            const text = message(f);
            m.sp--;
            const args = m.heap.newTuple([text]);
            m.decref(text);
            m.heap.setSlot(inst, "args", args);
            m.decref(args);
          }
          throw m.exception(inst);
        };
      }
      case "Import": {
        const parts = node.names.map((alias) => ({
          name: alias.name,
          store: this.nameStore(unit, alias.asname ?? alias.name.split(".")[0]!, node),
        }));
        return (f) => {
          for (const part of parts) part.store(f, m.importModule(part.name));
          return Completion.NORMAL;
        };
      }
      case "ImportFrom": {
        const moduleName = node.module ?? "";
        const parts = node.names.map((alias) => ({
          name: alias.name,
          key: this.m.name(alias.name),
          store: this.nameStore(unit, alias.asname ?? alias.name, node),
        }));
        return (f) => {
          if (node.level > 0)
            m.raise("ImportError", "attempted relative import with no known parent package");
          const module = m.importModule(moduleName);
          m.push(module);
          for (const part of parts) {
            if (part.name === "*") m.raise("ImportError", "pymem does not support 'import *'");
            const value = m.findAttribute(module, part.key, part.name);
            if (value === 0)
              m.raise(
                "ImportError",
                `cannot import name '${part.name}' from '${moduleName}' (unknown location)`,
              );
            part.store(f, value);
          }
          m.sp--;
          m.decref(module);
          return Completion.NORMAL;
        };
      }
      default:
        return this.unsupported(`the ${(node as { kind: string }).kind} statement`);
    }
  }

  private unsupported(what: string): Stmt & Expr {
    const m = this.m;
    return () => m.raise("NotImplementedError", `${what} is not supported by pymem`);
  }

  /** A test expression as a JS boolean (the value is released). */
  private condition(unit: Unit, node: Expression): (f: Frame) => boolean {
    const m = this.m;
    if (node.kind === "Compare" && node.ops.length === 1) {
      const op = node.ops[0]!;
      const left = this.expression(unit, node.left);
      const right = this.expression(unit, node.comparators[0]!);
      const heap = m.heap;
      if (op in COMPARE_OPS) {
        const code = COMPARE_OPS[op as keyof typeof COMPARE_OPS];
        return (f) => {
          const a = left(f);
          m.push(a);
          const b = right(f);
          m.push(b);
          f.node = node;
          let result: boolean;
          const ta = m.typeIdOf(a);
          if (ta === heap.intType && m.typeIdOf(b) === ta) {
            const x = m.numberOf(a);
            const y = m.numberOf(b);
            result =
              code === Cmp.LT
                ? x < y
                : code === Cmp.LE
                  ? x <= y
                  : code === Cmp.EQ
                    ? x === y
                    : code === Cmp.NE
                      ? x !== y
                      : code === Cmp.GT
                        ? x > y
                        : x >= y;
          } else result = m.compare(code, a, b);
          m.sp -= 2;
          m.decref(b);
          m.decref(a);
          return result;
        };
      }
    }
    if (node.kind === "UnaryOp" && node.op === "Not") {
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

  private assign(unit: Unit, node: Assign): Stmt {
    const m = this.m;
    const value = this.expression(unit, node.value);
    const stores = node.targets.map((target) => this.store(unit, target));
    if (stores.length === 1) {
      const store = stores[0]!;
      return (f) => {
        store(f, value(f));
        return Completion.NORMAL;
      };
    }
    return (f) => {
      const v = value(f);
      for (let i = 0; i < stores.length - 1; i++) stores[i]!(f, m.incref(v));
      stores[stores.length - 1]!(f, v);
      return Completion.NORMAL;
    };
  }

  private augmentedAssign(unit: Unit, node: AugAssign): Stmt {
    const m = this.m;
    const op = BINARY_OPS[node.op];
    const value = this.expression(unit, node.value);
    const inplace = (f: Frame, a: Ptr, b: Ptr): Ptr => {
      f.node = node;
      const heap = m.heap;
      if (op === Op.ADD && m.typeIdOf(a) === heap.listType) {
        // CPython: list_inplace_concat extends in place.
        const items = m.collect(b);
        for (const item of items) {
          heap.listAppend(a, item);
          m.decref(item);
        }
        return m.incref(a);
      }
      return m.binary(op, a, b);
    };
    const target = node.target;
    if (target.kind === "Name") {
      const load = this.nameLoad(unit, target.id, target);
      const store = this.nameStore(unit, target.id, target);
      return (f) => {
        const a = load(f);
        m.push(a);
        const b = value(f);
        m.push(b);
        const result = inplace(f, a, b);
        m.sp -= 2;
        m.decref(b);
        m.decref(a);
        store(f, result);
        return Completion.NORMAL;
      };
    }
    if (target.kind === "Attribute") {
      const object = this.expression(unit, target.value);
      const key = m.name(target.attr);
      const name = target.attr;
      return (f) => {
        const obj = object(f);
        m.push(obj);
        f.node = target;
        const a = m.getAttribute(obj, key, name);
        m.push(a);
        const b = value(f);
        m.push(b);
        const result = inplace(f, a, b);
        m.push(result);
        f.node = target;
        m.setAttribute(obj, key, name, result);
        m.sp -= 4;
        m.decref(result);
        m.decref(b);
        m.decref(a);
        m.decref(obj);
        return Completion.NORMAL;
      };
    }
    const object = this.expression(unit, target.value);
    const index = this.expression(unit, target.slice);
    return (f) => {
      const obj = object(f);
      m.push(obj);
      const i = index(f);
      m.push(i);
      f.node = target;
      const a = m.getItem(obj, i);
      m.push(a);
      const b = value(f);
      m.push(b);
      const result = inplace(f, a, b);
      m.push(result);
      f.node = target;
      m.setItem(obj, i, result);
      m.sp -= 5;
      m.decref(result);
      m.decref(b);
      m.decref(a);
      m.decref(i);
      m.decref(obj);
      return Completion.NORMAL;
    };
  }

  private forLoop(unit: Unit, node: Extract<Statement, { kind: "For" }>): Stmt {
    const m = this.m;
    const iterable = this.expression(unit, node.iter);
    const store = this.store(unit, node.target);
    const body = this.block(unit, node.body);
    const orelse = node.orelse.length > 0 ? this.block(unit, node.orelse) : undefined;
    return (f) => {
      const heap = m.heap;
      const it = iterable(f);
      m.push(it); // held like CPython's iterator holds its sequence
      const level = m.sp;
      let completion: number = Completion.NORMAL;
      const t = m.typeIdOf(it);
      if (t === heap.listType) {
        for (let i = 0; i < heap.listLength(it); i++) {
          if (i > 0) m.step(f, node);
          store(f, m.incref(heap.listGetItem(it, i)));
          const c = body(f);
          if (c === Completion.BREAK || c === Completion.RETURN) {
            completion = c;
            break;
          }
        }
      } else if (t === m.types.range) {
        const [start, stop, step] = m.rangeValues(it);
        let first = true;
        for (let x = start; step > 0 ? x < stop : x > stop; x += step) {
          if (!first) m.step(f, node);
          first = false;
          store(f, m.newInt(x));
          const c = body(f);
          if (c === Completion.BREAK || c === Completion.RETURN) {
            completion = c;
            break;
          }
        }
      } else {
        let first = true;
        f.node = node.iter;
        m.iterateOwned(it, (item) => {
          if (!first) m.step(f, node);
          first = false;
          store(f, item);
          const c = body(f);
          if (c === Completion.BREAK || c === Completion.RETURN) {
            completion = c;
            return false;
          }
          return true;
        });
      }
      m.sp = level - 1;
      m.decref(it);
      if (completion === Completion.RETURN) return completion;
      if (completion === Completion.BREAK) return Completion.NORMAL;
      return orelse !== undefined ? orelse(f) : Completion.NORMAL;
    };
  }

  private raiseStatement(
    unit: Unit,
    exc: Expression | null,
    cause: Expression | null,
    node: SourceRange,
  ): Stmt {
    const m = this.m;
    if (exc === null)
      return () => {
        const current = m.handling[m.handling.length - 1];
        if (current === undefined) m.raise("RuntimeError", "No active exception to reraise");
        throw current;
      };
    const value = this.expression(unit, exc);
    const causeValue = cause !== null ? this.expression(unit, cause) : undefined;
    return (f) => {
      const v = value(f);
      m.push(v);
      const inst = this.exceptionInstance(v);
      m.sp--;
      m.decref(v);
      let suppress = false;
      if (causeValue !== undefined) {
        m.push(inst);
        const c = causeValue(f);
        m.sp--;
        suppress = true;
        m.decref(c);
      }
      f.node = node;
      const error = m.exception(inst);
      error.suppressContext = suppress;
      throw error;
    };
  }

  /** An exception instance for `raise v`: instantiates a class, checks the type. New reference. */
  private exceptionInstance(v: Ptr): Ptr {
    const m = this.m;
    if (m.isType(v) && m.recordOfType(v).exception) return m.call(v, [], undefined);
    if (m.recordOf(v).exception) return m.incref(v);
    return m.raise("TypeError", "exceptions must derive from BaseException");
  }

  private tryStatement(unit: Unit, node: Try): Stmt {
    const m = this.m;
    const body = this.block(unit, node.body);
    const handlers = node.handlers.map((handler) => ({
      type: handler.type !== null ? this.expression(unit, handler.type) : undefined,
      store: handler.name !== null ? this.nameStore(unit, handler.name, handler) : undefined,
      remove:
        handler.name !== null ? this.nameDelete(unit, handler.name, handler, true) : undefined,
      body: this.block(unit, handler.body),
      node: handler,
    }));
    const orelse = node.orelse.length > 0 ? this.block(unit, node.orelse) : undefined;
    const finalbody = node.finalbody.length > 0 ? this.block(unit, node.finalbody) : undefined;

    const handle = (f: Frame, error: PyException): number => {
      for (const handler of handlers) {
        if (handler.type !== undefined) {
          let matches: boolean;
          try {
            const type = handler.type(f);
            m.push(type);
            f.node = handler.node.type ?? handler.node;
            matches = this.exceptionMatches(error.value, type);
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
          completion = handler.body(f);
        } catch (inner) {
          m.handling.pop();
          if (inner !== error) {
            if (!(inner instanceof StepLimitError)) error.release(m);
          }
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

    const bodyAndHandlers = (f: Frame): number => {
      const level = m.sp;
      let completion: number;
      try {
        completion = body(f);
      } catch (thrown) {
        const error = m.toPyException(thrown);
        m.unwindTo(level);
        m.record(error, f);
        if (handlers.length === 0) throw error;
        return handle(f, error);
      }
      if (orelse !== undefined && completion === Completion.NORMAL) return orelse(f);
      return completion;
    };

    if (finalbody === undefined) return bodyAndHandlers;
    return (f) => {
      const level = m.sp;
      let completion: number = Completion.NORMAL;
      let pending: PyException | undefined;
      try {
        completion = bodyAndHandlers(f);
      } catch (thrown) {
        pending = m.toPyException(thrown);
        m.unwindTo(level);
        m.record(pending, f);
      }
      if (pending !== undefined) m.handling.push(pending);
      let finalCompletion: number;
      try {
        finalCompletion = finalbody(f);
      } catch (thrown) {
        if (pending !== undefined) {
          m.handling.pop();
          if (!(thrown instanceof StepLimitError)) pending.release(m);
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

  /** `except T:` matching: T is an exception class or a tuple of them. */
  private exceptionMatches(value: Ptr, type: Ptr): boolean {
    const m = this.m;
    const record = m.recordOf(value);
    const check = (candidate: Ptr): boolean => {
      if (!m.isType(candidate) || !m.recordOfType(candidate).exception)
        m.raise(
          "TypeError",
          "catching classes that do not inherit from BaseException is not allowed",
        );
      return m.isSubtype(record, m.recordOfType(candidate));
    };
    if (m.typeIdOf(type) === m.heap.tupleType) {
      for (const item of m.sequenceItems(type)) if (check(item)) return true;
      return false;
    }
    return check(type);
  }

  // ───────────────────────────────────────────────────────────── functions and classes

  private childScope(unit: Unit, node: object): Scope {
    const child = unit.scope.children.find((scope) => scope.node === node);
    if (child === undefined) throw new Error("pymem compiler: scope analysis missed a block");
    return child;
  }

  /** A closure tuple of the cells a child scope's free variables name (new reference or 0). */
  private closureBuilder(unit: Unit, scope: Scope): (f: Frame) => Ptr {
    const m = this.m;
    if (scope.frees.length === 0) return () => 0;
    const slots = scope.frees.map((name) => {
      const slot = unit.slots.get(name);
      if (slot === undefined) throw new Error(`pymem compiler: no cell for '${name}'`);
      return slot;
    });
    return (f) => {
      const memory = m.heap.memory;
      const cells = slots.map((slot) => memory.u32[(f.locals + 4 * slot) >>> 2]!);
      return m.newTuple(cells);
    };
  }

  private makeFunction(
    unit: Unit,
    node: FunctionDef | Lambda,
    name: string,
    args: Arguments,
  ): Expr {
    const m = this.m;
    const scope = this.childScope(unit, node);
    const qualifiedName =
      unit.kind === "function"
        ? `${unit.qualifiedPrefix}.<locals>.${name}`
        : unit.kind === "class"
          ? `${unit.qualifiedPrefix}.${name}`
          : name;
    const child = this.newUnit(scope, "function", qualifiedName);
    const code = this.newCode(child, name, qualifiedName, node.line, args);
    const codeIndex = m.codes.length - 1;
    if (node.kind === "Lambda") {
      const value = this.expression(child, node.body);
      code.body = (f) => {
        f.returnValue = value(f);
        return Completion.RETURN;
      };
    } else code.body = this.block(child, node.body);
    const defaults = args.defaults.map((value) => this.expression(unit, value));
    const closure = this.closureBuilder(unit, scope);
    return (f) => {
      const level = m.sp;
      for (const d of defaults) m.push(d(f));
      const defaultsTuple = defaults.length > 0 ? m.newTuple(m.stack.subarray(level, m.sp)) : 0;
      m.unwindTo(level);
      if (defaultsTuple !== 0) m.push(defaultsTuple);
      const closureTuple = closure(f);
      const fn = m.newFunction(codeIndex, f.globals, defaultsTuple, closureTuple, name);
      if (defaultsTuple !== 0) m.sp--;
      m.xdecref(defaultsTuple);
      m.xdecref(closureTuple);
      return fn;
    };
  }

  private classDef(unit: Unit, node: ClassDef): Stmt {
    const m = this.m;
    const scope = this.childScope(unit, node);
    const qualifiedName =
      unit.kind === "function"
        ? `${unit.qualifiedPrefix}.<locals>.${node.name}`
        : unit.kind === "class"
          ? `${unit.qualifiedPrefix}.${node.name}`
          : node.name;
    const child = this.newUnit(scope, "class", qualifiedName);
    const code = this.newCode(child, node.name, qualifiedName, node.line, undefined);
    const body = this.block(child, node.body);
    const classCellSlot = child.slots.get("__class__");
    const classCellKey = m.name("__classcell__");
    code.body = (f) => {
      const completion = body(f);
      if (classCellSlot !== undefined && scope.cells.has("__class__"))
        m.heap.dictSetItem(
          f.namespace,
          classCellKey,
          m.heap.memory.u32[(f.locals + 4 * classCellSlot) >>> 2]!,
        );
      return completion;
    };
    const bases = node.bases.map((base) => this.expression(unit, base));
    const closure = this.closureBuilder(unit, scope);
    const store = this.nameStore(unit, node.name, node);
    const moduleKey = m.name("__module__");
    const qualnameKey = m.name("__qualname__");
    return (f) => {
      const level = m.sp;
      if (bases.length > 1) m.raise("TypeError", "pymem supports single inheritance only");
      const base = bases.length === 1 ? bases[0]!(f) : 0;
      if (base !== 0) m.push(base);
      const namespace = m.heap.newDict();
      m.push(namespace);
      const moduleName = m.newStr("__main__");
      m.heap.dictSetItem(namespace, moduleKey, moduleName);
      m.decref(moduleName);
      const qualname = m.newStr(qualifiedName);
      m.heap.dictSetItem(namespace, qualnameKey, qualname);
      m.decref(qualname);
      const closureTuple = closure(f);
      if (closureTuple !== 0) m.push(closureTuple);
      m.runBlock(code, f.globals, namespace, closureTuple);
      f.node = node;
      const cls = this.makeClass(node.name, base, namespace);
      m.unwindTo(level);
      store(f, cls);
      return Completion.NORMAL;
    };
  }

  /** Creates a class object from an executed class body (CPython: `type_new`). New reference. */
  private makeClass(name: string, base: Ptr, namespace: Ptr): Ptr {
    const m = this.m;
    const heap = m.heap;
    if (base !== 0 && !m.isType(base))
      m.raise("TypeError", `pymem: a base class must be a class, not '${m.typeName(base)}'`);
    const object = m.builtinType("object");
    const baseRecord = base !== 0 ? m.recordOfType(base) : object;
    if (baseRecord !== object && !baseRecord.instances)
      m.raise(
        "TypeError",
        `pymem does not support subclassing the built-in type '${baseRecord.name}'`,
      );
    let slots: string[] | undefined;
    const slotsValue = heap.dictGetItem(namespace, m.name("__slots__"));
    if (slotsValue !== 0) {
      slots = [];
      const values = m.isStr(slotsValue) ? [slotsValue] : m.sequenceItems(slotsValue);
      for (const value of values) {
        if (!m.isStr(value)) m.raise("TypeError", "__slots__ items must be strings");
        slots.push(heap.strValue(value));
      }
    }
    const wantsDict = slots === undefined || slots.includes("__dict__");
    const wantsWeakref = slots === undefined || slots.includes("__weakref__");
    const ownSlots = slots?.filter((slot) => slot !== "__dict__" && slot !== "__weakref__");
    const hasDel =
      heap.dictGetItem(namespace, m.name("__del__")) !== 0 ||
      (baseRecord !== object && m.lookupType(baseRecord, m.name("__del__")) !== 0);
    const classObject = m.newTypeObject(0, name, baseRecord.object, m.incref(namespace));
    let typeId: number;
    try {
      typeId = heap.defineClass({
        name,
        ...(baseRecord.instances ? { base: baseRecord.id } : {}),
        ...(ownSlots !== undefined ? { slots: ownSlots } : {}),
        dict: wantsDict || (baseRecord.instances && heap.classes[baseRecord.id]!.dictOffset !== 0),
        weakrefable: wantsWeakref,
        typeObject: classObject,
        managedDict: true,
        // Always a finalizer, switched on by HAS_FINALIZE only while the class has a __del__
        // (CPython's update_slot when `C.__del__ = f` is assigned later).
        finalize: (obj: Ptr) => this.runDel(obj),
      });
      if (!hasDel) heap.types.flags[typeId]! &= ~DerivedTypeFlags.HAS_FINALIZE;
    } catch (error) {
      m.decref(classObject);
      if (error instanceof TypeError) m.raise("TypeError", error.message);
      throw error;
    }
    heap.memory.u32[(classObject + TYPE_ID_OFFSET) >>> 2] = typeId;
    const record: TypeRecord = {
      id: typeId,
      object: classObject,
      name,
      base: baseRecord,
      user: true,
      exception: baseRecord.exception,
      instances: true,
    };
    m.registerClass(record);
    // CPython: __mro__ = (cls, base, …, object) — the cycle every class object is part of.
    const mro: Ptr[] = [];
    for (let r: TypeRecord | undefined = record; r !== undefined; r = r.base) mro.push(r.object);
    heap.memory.u32[(classObject + TYPE_MRO_OFFSET) >>> 2] = m.newTuple(mro);
    const cellKey = m.name("__classcell__");
    const cell = heap.dictGetItem(namespace, cellKey);
    if (cell !== 0) {
      heap.storeField(cell, 8, classObject);
      heap.dictDelItem(namespace, cellKey);
    }
    return classObject;
  }

  /** A class's `__del__` as its PEP 442 finalizer; exceptions are reported, never raised. */
  private runDel(obj: Ptr): void {
    const m = this.m;
    const del = m.lookupType(m.recordOf(obj), m.name("__del__"));
    if (del === 0) return;
    const level = m.sp;
    const handling = m.handling.splice(0);
    try {
      m.decref(m.call(del, [obj], undefined));
    } catch (thrown) {
      m.unwindTo(level);
      // A step-limit stop inside __del__ resurfaces at the next statement (the count stays over).
      if (thrown instanceof StepLimitError) return;
      const error = m.toPyException(thrown);
      try {
        m.stderr(`Exception ignored in: ${m.repr(del)}\n${this.formatter(error)}`);
      } finally {
        error.release(m);
      }
    } finally {
      m.handling.push(...handling);
    }
  }

  /** Formats an exception as CPython's traceback text (set by the interpreter). */
  formatter: (error: PyException) => string = () => "";

  // ───────────────────────────────────────────────────────────── names

  private hiddenSlot(unit: Unit, name: string): number | undefined {
    for (let i = unit.hidden.length - 1; i >= 0; i--) {
      const slot = unit.hidden[i]!.get(name);
      if (slot !== undefined) return slot;
    }
    return undefined;
  }

  private nameLoad(unit: Unit, name: string, node: SourceRange): Expr {
    const m = this.m;
    const memory = m.heap.memory;
    const hidden = this.hiddenSlot(unit, name);
    if (hidden !== undefined) return this.fastLoad(hidden, name, node, true);
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
          m.raise("NameError", `name '${name}' is not defined`);
        }
      }
      m.lifetime.incref(value);
      return value;
    };
    if (scope.globals.has(name)) return globalLoad;
    if (unit.kind === "function") {
      const slot = unit.slots.get(name);
      if (slot === undefined) return globalLoad;
      if (scope.cells.has(name) || scope.frees.includes(name))
        return this.cellLoad(slot, name, node, scope.frees.includes(name));
      return this.fastLoad(slot, name, node, false);
    }
    if (unit.kind === "class") {
      if (scope.frees.includes(name) && !scope.bound.has(name))
        return this.cellLoad(unit.slots.get(name)!, name, node, true);
      return (f) => {
        const value = m.heap.dictGetItem(f.namespace, key);
        if (value !== 0) {
          m.lifetime.incref(value);
          return value;
        }
        return globalLoad(f);
      };
    }
    void memory;
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
        if (hidden) m.raise("NameError", `name '${name}' is not defined`);
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
      const value = memory.u32[(cell + 8) >>> 2]!;
      if (value === 0) {
        f.node = node;
        if (free)
          m.raise(
            "NameError",
            `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`,
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

  private nameStore(unit: Unit, name: string, _node: SourceRange): Store {
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
        const index = (c + 8) >>> 2;
        const old = memory.u32[index]!;
        memory.u32[index] = value;
        if (old !== 0) m.lifetime.decref(old);
      };
    if (hidden !== undefined) return fast(hidden);
    if (scope.globals.has(name)) return globalStore;
    if (unit.kind === "function") {
      const slot = unit.slots.get(name)!;
      if (scope.cells.has(name) || scope.frees.includes(name)) return cell(slot);
      return fast(slot);
    }
    if (unit.kind === "class")
      return (f, value) => {
        m.heap.dictSetItem(f.namespace, key, value);
        m.lifetime.decref(value);
      };
    return globalStore;
  }

  /** `del name`; with `quiet`, an unbound name is ignored (the end of an `except … as` block). */
  private nameDelete(
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
      if (!m.heap.dictDelItem(dict(f), key) && !quiet) {
        f.node = node;
        m.raise("NameError", `name '${name}' is not defined`);
      }
    };
    if (scope.globals.has(name) || unit.kind === "module") return dictDelete((f) => f.globals);
    if (unit.kind === "class") return dictDelete((f) => f.namespace);
    const slot = unit.slots.get(name)!;
    const isCell = scope.cells.has(name) || scope.frees.includes(name);
    return (f) => {
      let index = (f.locals + 4 * slot) >>> 2;
      if (isCell) index = (memory.u32[index]! + 8) >>> 2;
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

  private store(unit: Unit, target: Expression): Store {
    const m = this.m;
    switch (target.kind) {
      case "Name":
        return this.nameStore(unit, target.id, target);
      case "Attribute": {
        const object = this.expression(unit, target.value);
        const key = m.name(target.attr);
        const name = target.attr;
        return (f, value) => {
          m.push(value);
          const obj = object(f);
          m.push(obj);
          f.node = target;
          m.setAttribute(obj, key, name, value);
          m.sp -= 2;
          m.decref(obj);
          m.decref(value);
        };
      }
      case "Subscript": {
        const object = this.expression(unit, target.value);
        if (target.slice.kind === "Slice")
          return () => m.raise("NotImplementedError", "slice assignment is not supported by pymem");
        const index = this.expression(unit, target.slice);
        return (f, value) => {
          m.push(value);
          const obj = object(f);
          m.push(obj);
          const i = index(f);
          m.push(i);
          f.node = target;
          m.setItem(obj, i, value);
          m.sp -= 3;
          m.decref(i);
          m.decref(obj);
          m.decref(value);
        };
      }
      case "Tuple":
      case "List": {
        if (target.elts.some((element) => element.kind === "Starred"))
          return () =>
            m.raise("NotImplementedError", "starred assignment targets are not supported by pymem");
        const stores = target.elts.map((element) => this.store(unit, element));
        const count = stores.length;
        return (f, value) => {
          m.push(value);
          f.node = target;
          const t = m.typeIdOf(value);
          const heap = m.heap;
          let items: Ptr[];
          let owned = false;
          if (t === heap.tupleType || t === heap.listType) items = m.sequenceItems(value);
          else {
            items = m.collect(value);
            owned = true;
          }
          if (items.length !== count) {
            if (owned) for (const item of items) m.decref(item);
            if (items.length < count)
              m.raise(
                "ValueError",
                `not enough values to unpack (expected ${count}, got ${items.length})`,
              );
            m.raise("ValueError", `too many values to unpack (expected ${count})`);
          }
          if (!owned) for (const item of items) m.incref(item);
          const level = m.sp;
          for (const item of items) m.push(item);
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

  private deleteTarget(unit: Unit, target: Expression): (f: Frame) => void {
    const m = this.m;
    switch (target.kind) {
      case "Name":
        return this.nameDelete(unit, target.id, target, false);
      case "Attribute": {
        const object = this.expression(unit, target.value);
        const key = m.name(target.attr);
        return (f) => {
          const obj = object(f);
          m.push(obj);
          f.node = target;
          m.deleteAttribute(obj, key, target.attr);
          m.sp--;
          m.decref(obj);
        };
      }
      case "Subscript": {
        const object = this.expression(unit, target.value);
        const index = this.expression(unit, target.slice);
        return (f) => {
          const obj = object(f);
          m.push(obj);
          const i = index(f);
          m.push(i);
          f.node = target;
          m.deleteItem(obj, i);
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
    switch (node.kind) {
      case "Constant":
        return this.constantExpression(node.constantType, node.value);
      case "Name":
        return this.nameLoad(unit, node.id, node);
      case "BinOp": {
        const left = this.expression(unit, node.left);
        const right = this.expression(unit, node.right);
        const op = BINARY_OPS[node.op];
        const heap = m.heap;
        const lifetime = m.lifetime;
        return (f) => {
          const a = left(f);
          m.push(a);
          const b = right(f);
          m.push(b);
          f.node = node;
          let result: Ptr;
          const ta = m.typeIdOf(a);
          if (ta === heap.intType && m.typeIdOf(b) === ta && op <= Op.MUL) {
            const x = m.numberOf(a);
            const y = m.numberOf(b);
            result = m.newInt(op === Op.ADD ? x + y : op === Op.SUB ? x - y : x * y);
          } else result = m.binary(op, a, b);
          m.sp -= 2;
          lifetime.decref(b);
          lifetime.decref(a);
          return result;
        };
      }
      case "UnaryOp": {
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
          const result = m.unary(op, a);
          m.sp--;
          m.decref(a);
          return result;
        };
      }
      case "BoolOp": {
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
        const test = this.condition(unit, node.test);
        const body = this.expression(unit, node.body);
        const orelse = this.expression(unit, node.orelse);
        return (f) => (test(f) ? body(f) : orelse(f));
      }
      case "Compare":
        return this.compareExpression(unit, node);
      case "Call":
        return this.call(unit, node);
      case "Attribute": {
        if (isSuperCall(node.value)) return this.superAttribute(unit, node.value, node.attr, node);
        const object = this.expression(unit, node.value);
        const key = m.name(node.attr);
        const name = node.attr;
        return (f) => {
          const obj = object(f);
          m.push(obj);
          f.node = node;
          const value = m.getAttribute(obj, key, name);
          m.sp--;
          m.decref(obj);
          return value;
        };
      }
      case "Subscript": {
        const object = this.expression(unit, node.value);
        const slice = node.slice;
        if (slice.kind === "Slice") {
          const parts = [slice.lower, slice.upper, slice.step].map((part) =>
            part !== null ? this.expression(unit, part) : undefined,
          );
          return (f) => {
            const level = m.sp;
            m.push(object(f));
            for (const part of parts) m.push(part !== undefined ? part(f) : 0);
            f.node = node;
            const s = m.stack;
            const result = m.getSlice(s[level]!, s[level + 1]!, s[level + 2]!, s[level + 3]!);
            m.unwindTo(level);
            return result;
          };
        }
        const index = this.expression(unit, slice);
        return (f) => {
          const obj = object(f);
          m.push(obj);
          const i = index(f);
          m.push(i);
          f.node = node;
          const value = m.getItem(obj, i);
          m.sp -= 2;
          m.decref(i);
          m.decref(obj);
          return value;
        };
      }
      case "List":
      case "Tuple": {
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
        if (node.keys.some((key) => key === null)) return this.unsupported("'**' in dict displays");
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
            m.checkHashable(m.stack[i]!);
            m.heap.dictSetItem(dict, m.stack[i]!, m.stack[i + 1]!);
          }
          m.sp--;
          m.unwindTo(level);
          return dict;
        };
      }
      case "ListComp":
      case "GeneratorExp":
        return this.comprehension(unit, node.generators, node.elt, undefined);
      case "DictComp":
        return this.comprehension(unit, node.generators, node.key, node.value);
      case "Set":
        return this.unsupported("set displays ({a, b})");
      case "SetComp":
        return this.unsupported("set comprehensions");
      case "Lambda":
        return this.makeFunction(unit, node, "<lambda>", node.args);
      case "JoinedStr": {
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
        const field = this.formattedValue(unit, node);
        return (f) => m.newStr(field(f));
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
      if (conversion === 114 /* r */ || conversion === 97 /* a */)
        text = formatWithSpec(m, 0, m.repr(v), specText);
      else if (conversion === 115 /* s */) text = formatWithSpec(m, 0, m.str(v), specText);
      else text = formatWithSpec(m, v, undefined, specText);
      m.sp--;
      m.decref(v);
      return text;
    };
  }

  private constantExpression(type: string, value: number | string | boolean | null): Expr {
    const m = this.m;
    const heap = m.heap;
    let obj: Ptr;
    switch (type) {
      case "int":
        obj = m.newInt(value as number);
        break;
      case "float":
        obj = m.newFloat(value as number);
        break;
      case "str":
        obj = /^[A-Za-z_][A-Za-z0-9_]*$/.test(value as string)
          ? heap.intern(value as string)
          : heap.newStr(value as string);
        break;
      case "bool":
        obj = value === true ? heap.true : heap.false;
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

  private compareExpression(unit: Unit, node: Extract<Expression, { kind: "Compare" }>): Expr {
    const m = this.m;
    const left = this.expression(unit, node.left);
    const rights = node.comparators.map((value) => this.expression(unit, value));
    const ops = node.ops;
    return (f) => {
      const level = m.sp;
      let a = left(f);
      m.push(a);
      let result = true;
      for (let i = 0; i < ops.length; i++) {
        const b = rights[i]!(f);
        m.push(b);
        f.node = node;
        result = this.compareOne(ops[i]!, a, b);
        if (!result) break;
        a = b;
      }
      m.unwindTo(level);
      return result ? m.heap.true : m.heap.false;
    };
  }

  private compareOne(op: string, a: Ptr, b: Ptr): boolean {
    const m = this.m;
    switch (op) {
      case "Is":
        return a === b;
      case "IsNot":
        return a !== b;
      case "In":
        return m.contains(b, a);
      case "NotIn":
        return !m.contains(b, a);
      default:
        return m.compare(COMPARE_OPS[op as keyof typeof COMPARE_OPS], a, b);
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
        const items = m.collect(value);
        m.sp--;
        m.decref(value);
        for (const item of items) m.push(item);
      }
    };
  }

  private call(unit: Unit, node: Call): Expr {
    const m = this.m;
    if (node.keywords.some((keyword) => keyword.arg === null))
      return this.unsupported("'**' in calls");
    const names =
      node.keywords.length > 0 ? node.keywords.map((keyword) => keyword.arg!) : undefined;
    const pushArgs = this.pushElements(unit, node.args);
    const keywordValues = node.keywords.map((keyword) => this.expression(unit, keyword.value));
    const pushAll = (f: Frame): void => {
      pushArgs(f);
      for (const value of keywordValues) m.push(value(f));
    };
    const func = node.func;
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
        const method = this.loadMethod(obj, key, name);
        if (method !== 0) {
          m.stack[base] = method;
          m.push(obj); // the stack's reference to obj moves up as the first argument
        } else {
          m.stack[base] = m.getAttribute(obj, key, name);
          m.decref(obj);
        }
        pushAll(f);
        f.node = node;
        return m.callAt(base, names);
      };
    }
    if (func.kind === "Name" && func.id === "super" && node.args.length === 0) {
      return () => m.raise("RuntimeError", "pymem supports super() only as super().name");
    }
    const callee = this.expression(unit, func);
    return (f) => {
      const base = m.sp;
      m.push(callee(f));
      pushAll(f);
      f.node = node;
      return m.callAt(base, names);
    };
  }

  /**
   * The method half of LOAD_ATTR's method form: a plain function found on an instance's class (not
   * shadowed by an instance attribute), or a built-in type's method — as a new reference; 0
   * when the attribute must be fetched normally.
   */
  private loadMethod(obj: Ptr, key: Ptr, name: string): Ptr {
    const m = this.m;
    const record = m.recordOf(obj);
    if (record.instances) {
      if (m.heap.getAttrByKey(obj, key) !== 0) return 0;
      const found = m.lookupType(record, key);
      if (found !== 0 && m.typeIdOf(found) === m.types.function) return m.incref(found);
      return 0;
    }
    if (m.isType(obj) || m.typeIdOf(obj) === m.types.module) return 0;
    const found = m.lookupType(record, key);
    if (found !== 0 && m.typeIdOf(found) === m.types.builtin && m.field(found, 12) === 0)
      return m.incref(found);
    void name;
    return 0;
  }

  /** `super().name` inside a method: the attribute looked up from the defining class's base. */
  private superAttribute(unit: Unit, call: Call, attr: string, node: SourceRange): Expr {
    const m = this.m;
    const classSlot = unit.slots.get("__class__");
    const selfSlot = unit.kind === "function" && unit.scope.parameters.length > 0 ? 0 : -1;
    const key = m.name(attr);
    if (classSlot === undefined || selfSlot < 0 || call.args.length > 0)
      return () => m.raise("RuntimeError", "super(): no arguments");
    return (f) => {
      f.node = node;
      const memory = m.heap.memory;
      const cell = memory.u32[(f.locals + 4 * classSlot) >>> 2]!;
      const cls = memory.u32[(cell + 8) >>> 2]!;
      let self = memory.u32[(f.locals + 4 * selfSlot) >>> 2]!;
      if (unit.scope.cells.has(unit.scope.parameters[0]!)) self = memory.u32[(self + 8) >>> 2]!;
      if (cls === 0 || self === 0) m.raise("RuntimeError", "super(): no arguments");
      const base = m.recordOfType(cls).base;
      const found = base !== undefined ? m.lookupType(base, key) : 0;
      if (found === 0) m.raise("AttributeError", `'super' object has no attribute '${attr}'`);
      if (m.typeIdOf(found) === m.types.function) return m.newMethod(found, self);
      return m.incref(found);
    };
  }

  private comprehension(
    unit: Unit,
    generators: readonly Comprehension[],
    element: Expression,
    dictValue: Expression | undefined,
  ): Expr {
    const m = this.m;
    // PEP 709: the first iterable is evaluated in the enclosing scope, before the hidden names.
    const firstIterable = this.expression(unit, generators[0]!.iter);
    const scopeNames = new Map<string, number>();
    unit.hidden.push(scopeNames);
    try {
      const levels = generators.map((generator, index) => {
        const names: string[] = [];
        collectNames(generator.target, names);
        for (const name of names) {
          const slot = unit.slotNames.length;
          unit.slotNames.push(`<comprehension ${name}>`);
          scopeNames.set(name, slot);
        }
        return {
          iterable: index === 0 ? firstIterable : this.expression(unit, generator.iter),
          store: this.store(unit, generator.target),
          conditions: generator.ifs.map((condition) => this.condition(unit, condition)),
          slots: names.map((name) => scopeNames.get(name)!),
        };
      });
      const key = this.expression(unit, element);
      const value = dictValue !== undefined ? this.expression(unit, dictValue) : undefined;
      const run = (f: Frame, result: Ptr, depth: number): void => {
        const level = levels[depth]!;
        const it = level.iterable(f);
        m.push(it);
        m.iterateOwned(it, (item) => {
          level.store(f, item);
          for (const condition of level.conditions) if (!condition(f)) return true;
          if (depth + 1 < levels.length) run(f, result, depth + 1);
          else if (value === undefined) {
            const v = key(f);
            m.heap.listAppend(result, v);
            m.decref(v);
          } else {
            const k = key(f);
            m.push(k);
            const v = value(f);
            m.push(v);
            m.checkHashable(k);
            m.heap.dictSetItem(result, k, v);
            m.sp -= 2;
            m.decref(v);
            m.decref(k);
          }
          return true;
        });
        m.sp--;
        m.decref(it);
      };
      const allSlots = levels.flatMap((level) => level.slots);
      return (f) => {
        const result = value === undefined ? m.heap.newList() : m.heap.newDict();
        m.push(result);
        const level = m.sp;
        try {
          run(f, result, 0);
        } finally {
          // The comprehension's variables do not outlive it (PEP 709 restores the outer names).
          const memory = m.heap.memory;
          for (const slot of allSlots) {
            const index = (f.locals + 4 * slot) >>> 2;
            const old = memory.u32[index]!;
            memory.u32[index] = 0;
            if (old !== 0) m.decref(old);
          }
        }
        m.sp = level - 1;
        return result;
      };
    } finally {
      unit.hidden.pop();
    }
  }
}

function isSuperCall(node: Expression): node is Call {
  return node.kind === "Call" && node.func.kind === "Name" && node.func.id === "super";
}

function collectNames(node: Expression, into: string[]): void {
  if (node.kind === "Name") into.push(node.id);
  else if (node.kind === "Tuple" || node.kind === "List")
    for (const element of node.elts) collectNames(element, into);
}
