import type { Ptr } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import type {
  AnnAssign,
  Arguments,
  Assign,
  AsyncFunctionDef,
  AugAssign,
  ClassDef,
  Expression,
  FunctionDef,
  Lambda,
  Module,
  SourceRange,
  Statement,
  Subscript,
  Try,
  TryStar,
  WithItem,
} from "../ast.js";
import { leadingFutureImports } from "../future-imports.js";
import { unparseAnnotation } from "./annotation-unparse.js";
import { AsyncComprehensionCompiler } from "./async-comprehensions.js";
import { AttributeSite, loadAttribute, storeAttribute } from "./attribute-sites.js";
import { borrowedAugmentedAssign } from "./borrowed-locals.js";
import { repeatListInPlace } from "./builtin-subclasses.js";
import { byteArrayInPlace } from "./bytearray-methods.js";
import { call } from "./calls.js";
import { namespaceLoad, namespaceStore } from "./class-namespace.js";
import { beforeWith, exitContext } from "./context-managers.js";
import { cleanDocstring, withDocstringStored } from "./docstring-store.js";
import { exceptStarHandler, runWithoutYielding } from "./except-star.js";
import { setExceptionCause } from "./exception-chaining.js";
import { PyException, StepLimitError } from "./exceptions.js";
import { BINARY_OPS, type Expr, type Stmt, type Unit } from "./expression-compiler.js";
import { blockContainsYield, containsYield } from "./generator-compiler.js";
import { importFromList, importName, resolveRelativeName } from "./import-resolution.js";
import { importStar } from "./import-star.js";
import { iterateOwned } from "./iteration.js";
import { extendList } from "./list-methods.js";
import { type Code, Completion, type Frame, type Machine, Op } from "./machine.js";
import { pushKeywordMapping } from "./mapping-unpacking.js";
import { compileMatch } from "./match-compiler.js";
import { buildClass, prepareNamespace, selectMetaclass } from "./metaclasses.js";
import { resolveMroEntries } from "./mro-entries.js";
import { getItem, setItem } from "./object-access.js";
import { FUNCTION_ANNOTATIONS_OFFSET, FUNCTION_KWDEFAULTS_OFFSET } from "./object-layouts.js";
import { repr } from "./object-repr.js";
import { appendStrToVariable, binary, sequenceItems } from "./operators.js";
import { runBlock, runScheduledCollection, step } from "./run-loop.js";
import { analyzeModule, type Scope } from "./scope-analysis.js";
import { setInPlace } from "./set-operations.js";
import { staticAttributeNames } from "./static-attributes.js";
import {
  annotationScopeName,
  qualifiedNameIn,
  registerAnnotationScope,
  rewriteTypeParameters,
} from "./type-params.js";
import { unsupportedConstruct } from "./unsupported-syntax.js";

/**
 * Closure compilation (the evaluator's "bytecode compiler"): each AST node becomes a JavaScript
 * closure once, and running code calls the closures — no tree walk per execution. This file holds
 * modules, statements, functions and classes; expressions, names and targets are in
 * expression-compiler.ts. Statement closures return a {@link Completion} code.
 *
 * @module
 */

/**
 * Compiles modules for one {@link Machine}. Constants it creates are owned by the compiler and
 * released by {@link Compiler.dispose}.
 *
 * @example
 * ```ts
 * const code = new Compiler(machine).compileModule(parse(source), "x.py", source, false);
 * ```
 */
export class Compiler extends AsyncComprehensionCompiler {
  /** The module starts with `from __future__ import annotations` (PEP 563). */
  private postponedAnnotations = false;

  /** Compiles a module; `interactive` echoes the repr of expression statements (the REPL). */
  compileModule(module: Module, filename: string, source: string, interactive: boolean): Code {
    this.filename = filename;
    this.source = source;
    this.interactive = interactive;
    this.postponedAnnotations = leadingFutureImports(module.body).some((statement) =>
      statement.names.some((alias) => alias.name === "annotations"),
    );
    module = rewriteTypeParameters(module);
    const scope = analyzeModule(module);
    const unit = this.newUnit(scope, "module", "");
    const code = this.newCode(unit, "<module>", "<module>", 1, undefined);
    const statements = interactive ? module.body : withDocstringStored(module.body);
    const body = this.withAnnotations(unit, statements, this.block(unit, statements));
    code.body = body;
    return code;
  }

  // ───────────────────────────────────────────────────────────── statements

  protected block(unit: Unit, body: readonly Statement[]): Stmt {
    if (body.length === 1) return this.statement(unit, body[0]!);
    // Each statement's step is counted here, as statement() would: one closure call fewer
    // per statement run.
    const m = this.m;
    const statements = body.map((statement) => this.statementBody(unit, statement));
    const count = statements.length;
    return (f) => {
      for (let i = 0; i < count; i++) {
        step(m, f, body[i]!);
        const completion = statements[i]!(f);
        if (completion !== Completion.NORMAL) return completion;
      }
      return Completion.NORMAL;
    };
  }

  protected statement(unit: Unit, node: Statement): Stmt {
    const inner = this.statementBody(unit, node);
    const m = this.m;
    return (f) => {
      step(m, f, node);
      return inner(f);
    };
  }

  protected statementBody(unit: Unit, node: Statement): Stmt {
    const m = this.m;
    const missing = unsupportedConstruct(node);
    if (missing !== null) return this.notYetSupported(missing);
    switch (node.kind) {
      case "Expr": {
        // CPython: POP_TOP (interactive: CALL_INTRINSIC_1 INTRINSIC_PRINT)
        const value = this.expression(unit, node.value);
        if (this.interactive && unit.kind === "module")
          return (f) => {
            const result = value(f);
            try {
              if (result !== m.heap.none) m.stdout(`${repr(m, result)}\n`);
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
      case "Assign": // CPython: STORE_NAME / STORE_FAST / STORE_DEREF / STORE_ATTR / STORE_SUBSCR
        return this.assign(unit, node);
      case "AugAssign": // CPython: BINARY_OP with an in-place oparg (NB_INPLACE_ADD …)
        return this.augmentedAssign(unit, node);
      case "Pass":
      case "Global":
      case "Nonlocal": // CPython: NOP (no code is emitted)
        return () => Completion.NORMAL;
      case "Break": // CPython: JUMP_FORWARD out of the loop
        return () => Completion.BREAK;
      case "Continue": // CPython: JUMP_BACKWARD to the loop head
        return () => Completion.CONTINUE;
      case "Return": {
        // CPython: RETURN_VALUE / RETURN_CONST
        const value = node.value !== null ? this.expression(unit, node.value) : undefined;
        return (f) => {
          const result = value !== undefined ? value(f) : m.heap.none;
          if (f.returnValue !== 0) m.decref(f.returnValue);
          f.returnValue = result;
          return Completion.RETURN;
        };
      }
      case "If": {
        // CPython: POP_JUMP_IF_FALSE
        const test = this.condition(unit, node.test);
        const body = this.block(unit, node.body);
        const orelse = node.orelse.length > 0 ? this.block(unit, node.orelse) : undefined;
        return (f) => (test(f) ? body(f) : orelse !== undefined ? orelse(f) : Completion.NORMAL);
      }
      case "While": {
        // CPython: POP_JUMP_IF_FALSE + JUMP_BACKWARD
        const test = this.condition(unit, node.test);
        const body = this.block(unit, node.body);
        const orelse = node.orelse.length > 0 ? this.block(unit, node.orelse) : undefined;
        return (f) => {
          while (test(f)) {
            const completion = body(f);
            if (completion === Completion.BREAK) return Completion.NORMAL;
            if (completion === Completion.RETURN) return completion;
            if (m.collectionScheduled) runScheduledCollection(m); // CPython: JUMP_BACKWARD
            step(m, f, node);
          }
          return orelse !== undefined ? orelse(f) : Completion.NORMAL;
        };
      }
      case "For": // CPython: GET_ITER + FOR_ITER
        return this.forLoop(unit, node);
      case "Match":
        return compileMatch(
          m,
          {
            expression: (expression) => this.expression(unit, expression),
            store: (name, target) => this.nameStore(unit, name, target),
            block: (body) => this.block(unit, body),
            condition: (expression) => this.condition(unit, expression),
          },
          node,
        );
      case "Delete": {
        // CPython: DELETE_NAME / DELETE_FAST / DELETE_ATTR / DELETE_SUBSCR
        const deletes = node.targets.map((target) => this.deleteTarget(unit, target));
        return (f) => {
          for (const d of deletes) d(f);
          return Completion.NORMAL;
        };
      }
      case "FunctionDef":
      case "AsyncFunctionDef": {
        // CPython: MAKE_FUNCTION + SET_FUNCTION_ATTRIBUTE, then a CALL per decorator
        const decorators = this.decorators(unit, node.decoratorList);
        const make = this.makeFunction(unit, node, node.name, node.args);
        const store = this.nameStore(unit, node.name, node);
        if (decorators === undefined)
          return (f) => {
            store(f, make(f));
            return Completion.NORMAL;
          };
        return (f) => {
          const level = m.sp;
          decorators.push(f);
          const decorated = decorators.apply(f, level, make(f));
          m.unwindTo(level);
          store(f, decorated);
          return Completion.NORMAL;
        };
      }
      case "ClassDef": // CPython: LOAD_BUILD_CLASS (builtin___build_class__)
        return this.classDef(unit, node);
      case "Raise": // CPython: RAISE_VARARGS (do_raise)
        return this.raiseStatement(unit, node.exc, node.cause, node);
      case "Try": // CPython: exception table + PUSH_EXC_INFO / CHECK_EXC_MATCH / POP_EXCEPT / RERAISE
      case "TryStar": // CPython: CHECK_EG_MATCH, then CALL_INTRINSIC_2 INTRINSIC_PREP_RERAISE_STAR
        return this.tryStatement(unit, node);
      case "AnnAssign":
        return this.annotatedAssign(unit, node);
      case "With": {
        // `with a, b: body` is `with a: with b: body`.
        let inner = this.block(unit, node.body);
        for (let i = node.items.length - 1; i >= 0; i--)
          inner = this.withItem(unit, node.items[i]!, inner);
        return inner;
      }
      case "Assert": {
        // CPython: LOAD_ASSERTION_ERROR + RAISE_VARARGS
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
        // CPython: IMPORT_NAME
        const parts = node.names.map((alias) => ({
          name: alias.name,
          // `import a.b` binds the top package `a`; `import a.b as c` binds `a.b`.
          top: alias.asname === null && alias.name.includes(".") ? alias.name.split(".")[0]! : "",
          store: this.nameStore(unit, alias.asname ?? alias.name.split(".")[0]!, node),
        }));
        return (f) => {
          for (const part of parts) {
            const module = m.importModule(part.name);
            if (part.top === "") part.store(f, module);
            else {
              m.decref(module);
              part.store(f, m.importModule(part.top));
            }
          }
          return Completion.NORMAL;
        };
      }
      case "ImportFrom": {
        // CPython: IMPORT_NAME + IMPORT_FROM
        const moduleName = node.module ?? "";
        const parts = node.names.map((alias) => ({
          name: alias.name,
          key: this.m.name(alias.name),
          store: this.nameStore(unit, alias.asname ?? alias.name, node),
        }));
        const star = parts.length === 1 && parts[0]!.name === "*";
        const fromList = parts.map((part) => part.name);
        return (f) => {
          const absolute =
            node.level > 0 ? resolveRelativeName(m, f.globals, moduleName, node.level) : moduleName;
          const module = m.importModule(absolute);
          m.push(module);
          importFromList(m, module, fromList);
          if (star) importStar(m, f, module);
          else for (const part of parts) part.store(f, importName(m, module, part.key, part.name));
          m.sp--;
          m.decref(module);
          return Completion.NORMAL;
        };
      }
      default:
        return this.unsupported(`the ${(node as { kind: string }).kind} statement`);
    }
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
      try {
        for (let i = 0; i < stores.length - 1; i++) stores[i]!(f, m.incref(v));
      } catch (error) {
        m.decref(v); // the last target's reference, when an earlier store raised
        throw error;
      }
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
      const ta = m.typeIdOf(a);
      if (ta === heap.floatType && op <= Op.MUL && m.typeIdOf(b) === ta) {
        // CPython: float has no in-place slots; float_add / float_sub / float_mul directly.
        const x = m.numberOf(a);
        const y = m.numberOf(b);
        return m.newFloat(op === Op.ADD ? x + y : op === Op.SUB ? x - y : x * y);
      }
      // Kind checks: a subclass instance of set or list changes in place too.
      if (heap.kinds[ta] === ObjectKind.SET) {
        // CPython: set_ior, set_iand, set_isub, set_ixor change the set itself.
        const result = setInPlace(m, op, a, b);
        if (result !== 0) return result;
      }
      if (op === Op.MUL && heap.kinds[ta] === ObjectKind.LIST && m.isInt(b))
        return repeatListInPlace(m, a, b); // CPython: list_inplace_repeat
      if (ta === m.types.bytearray) {
        const result = byteArrayInPlace(m, op, a, b);
        if (result !== 0) return result;
      }
      if (op === Op.ADD && heap.kinds[ta] === ObjectKind.LIST) {
        // CPython: list_inplace_concat extends in place.
        extendList(m, a, b);
        return m.incref(a);
      }
      return binary(m, op, a, b, true);
    };
    const target = node.target;
    if (target.kind === "Name") {
      const load = this.nameLoad(unit, target.id, target);
      const store = this.nameStore(unit, target.id, target);
      const plain: Stmt = (f) => {
        const a = load(f);
        m.push(a);
        const b = value(f);
        m.push(b);
        // CPython: BINARY_OP_INPLACE_ADD_UNICODE, for a name whose str only it references.
        f.node = node;
        const result = (op === Op.ADD && appendStrToVariable(m, a, b)) || inplace(f, a, b);
        m.sp -= 2;
        m.decref(b);
        m.decref(a);
        store(f, result);
        return Completion.NORMAL;
      };
      const slot = this.borrowableSlot(unit, target);
      const operand = this.borrowableOperand(unit, node.value);
      return slot !== undefined && operand !== undefined && op <= Op.MOD
        ? borrowedAugmentedAssign(m, op, 4 * slot, operand, store, plain, node)
        : plain;
    }
    if (target.kind === "Attribute") {
      const object = this.expression(unit, target.value);
      const key = m.name(target.attr);
      const name = target.attr;
      const loadSite = new AttributeSite();
      const storeSite = new AttributeSite();
      return (f) => {
        const obj = object(f);
        m.push(obj);
        f.node = target;
        const a = loadAttribute(m, loadSite, obj, key, name);
        m.push(a);
        const b = value(f);
        m.push(b);
        const result = inplace(f, a, b);
        m.push(result);
        f.node = target;
        storeAttribute(m, storeSite, obj, key, name, result);
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
      const a = getItem(m, obj, i);
      m.push(a);
      const b = value(f);
      m.push(b);
      const result = inplace(f, a, b);
      m.push(result);
      f.node = target;
      setItem(m, obj, i, result);
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
          if (i > 0) step(m, f, node);
          store(f, m.incref(heap.listGetItem(it, i)));
          const c = body(f);
          if (c === Completion.BREAK || c === Completion.RETURN) {
            completion = c;
            break;
          }
          if (m.collectionScheduled) runScheduledCollection(m); // CPython: JUMP_BACKWARD
        }
      } else if (t === m.types.range) {
        const [start, stop, stride] = m.rangeValues(it);
        let first = true;
        for (let x = start; stride > 0 ? x < stop : x > stop; x += stride) {
          if (!first) step(m, f, node);
          first = false;
          store(f, m.newInt(x));
          const c = body(f);
          if (c === Completion.BREAK || c === Completion.RETURN) {
            completion = c;
            break;
          }
          if (m.collectionScheduled) runScheduledCollection(m); // CPython: JUMP_BACKWARD
        }
      } else {
        let first = true;
        f.node = node.iter;
        iterateOwned(m, it, (item) => {
          if (!first) {
            try {
              step(m, f, node);
            } catch (error) {
              m.decref(item); // the step limit stopped the loop: the item was never stored
              throw error;
            }
          }
          first = false;
          store(f, item);
          const c = body(f);
          if (c === Completion.BREAK || c === Completion.RETURN) {
            completion = c;
            return false;
          }
          if (m.collectionScheduled) runScheduledCollection(m); // CPython: JUMP_BACKWARD
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
      let cause: PyException | undefined;
      if (causeValue !== undefined) {
        m.push(inst);
        const c = causeValue(f);
        m.push(c);
        f.node = node;
        cause = this.exceptionCause(c);
        setExceptionCause(m, inst, cause?.value ?? 0);
        m.sp -= 2;
        m.decref(c);
      }
      f.node = node;
      const error = m.exception(inst);
      if (causeValue !== undefined) {
        error.suppressContext = true;
        error.cause = cause;
      }
      throw error;
    };
  }

  /**
   * The cause of `raise … from c` (CPython: RAISE_VARARGS with a cause): None gives none, a class
   * is instantiated, anything else must be an exception instance. The result owns a reference,
   * and keeps the frames the cause left when it is an exception being handled.
   */
  private exceptionCause(c: Ptr): PyException | undefined {
    const m = this.m;
    if (c === m.heap.none) return undefined;
    if (m.isType(c) && m.recordOfType(c).exception)
      return new PyException(call(m, c, [], undefined), undefined);
    if (!m.recordOf(c).exception)
      m.raise("TypeError", "exception causes must derive from BaseException");
    const handled = m.handling.find((candidate) => candidate.value === c);
    return handled !== undefined
      ? m.copyException(handled)
      : new PyException(m.incref(c), undefined);
  }

  /** An exception instance for `raise v`: instantiates a class, checks the type. New reference. */
  private exceptionInstance(v: Ptr): Ptr {
    const m = this.m;
    if (m.isType(v) && m.recordOfType(v).exception) return call(m, v, [], undefined);
    if (m.recordOf(v).exception) return m.incref(v);
    return m.raise("TypeError", "exceptions must derive from BaseException");
  }

  /**
   * One `with` item around `body`. CPython: `compiler_with` — BEFORE_WITH, the block in a
   * handler that calls `__exit__` with the exception (WITH_EXCEPT_START), and the normal exit.
   */
  private withItem(unit: Unit, item: WithItem, body: Stmt): Stmt {
    const m = this.m;
    const manager = this.expression(unit, item.contextExpr);
    const store = item.optionalVars !== null ? this.store(unit, item.optionalVars) : undefined;
    return (f) => {
      const level = m.sp;
      const mgr = manager(f);
      m.push(mgr);
      f.node = item.contextExpr;
      const exit = beforeWith(m, f, mgr, store);
      let completion: number;
      try {
        completion = body(f);
      } catch (thrown) {
        const error = m.toPyException(thrown);
        m.unwindTo(level + 2);
        m.record(error, f);
        m.handling.push(error);
        let suppress: boolean;
        try {
          f.node = item.contextExpr;
          suppress = exitContext(m, exit, mgr, error);
        } catch (inner) {
          m.handling.pop();
          if (inner !== error && !(inner instanceof StepLimitError)) error.release(m);
          throw inner;
        }
        m.handling.pop();
        m.unwindTo(level);
        if (!suppress) throw error;
        error.release(m);
        return Completion.NORMAL;
      }
      f.node = item.contextExpr;
      exitContext(m, exit, mgr, null);
      m.unwindTo(level);
      return completion;
    };
  }

  private tryStatement(unit: Unit, node: Try | TryStar): Stmt {
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
    const exceptStar =
      node.kind === "TryStar"
        ? // biome-ignore lint/correctness/useYield: except-star.ts drives clause bodies as generators (the generator compiler's may suspend); a plain body runs to completion without one.
          exceptStarHandler(m, handlers, function* (body, f) {
            return body(f);
          })
        : undefined;

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
        if (exceptStar !== undefined) return runWithoutYielding(exceptStar(f, error));
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

  /** `except T:` matching: T is an exception class or a tuple of them. */
  protected exceptionMatches(value: Ptr, type: Ptr): boolean {
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
      for (const item of sequenceItems(m, type)) if (check(item)) return true;
      return false;
    }
    return check(type);
  }

  // ───────────────────────────────────────────────────────────── functions and classes

  protected childScope(unit: Unit, node: object): Scope {
    const child = unit.scope.children.find((scope) => scope.node === node);
    if (child === undefined) throw new Error("pymem compiler: scope analysis missed a block");
    return child;
  }

  /** A closure tuple of the cells a child scope's free variables name (new reference or 0). */
  protected closureBuilder(unit: Unit, scope: Scope): (f: Frame) => Ptr {
    const m = this.m;
    if (scope.frees.size === 0) return () => 0;
    const slots = [...scope.frees].map((name) => {
      const slot = this.hiddenSlot(unit, name) ?? unit.slots.get(name);
      if (slot === undefined) throw new Error(`pymem compiler: no cell for '${name}'`);
      return slot;
    });
    return (f) => {
      const memory = m.heap.memory;
      const cells = slots.map((slot) => memory.u32[(f.locals + 4 * slot) >>> 2]!);
      return m.newTuple(cells);
    };
  }

  protected makeFunction(
    unit: Unit,
    node: FunctionDef | AsyncFunctionDef | Lambda,
    name: string,
    args: Arguments,
  ): Expr {
    const m = this.m;
    const scope = this.childScope(unit, node);
    // An annotation scope (PEP 695) is named for what it defines and adds nothing to qualnames.
    const scopeName = annotationScopeName(node);
    const qualifiedName = qualifiedNameIn(unit, scopeName ?? name);
    const child = this.newUnit(scope, "function", qualifiedName);
    if (scopeName !== undefined) registerAnnotationScope(unit, child);
    const code = this.newCode(child, scopeName ?? name, qualifiedName, node.line, args);
    const codeIndex = m.codes.length - 1;
    const first = node.kind !== "Lambda" ? node.body[0] : undefined;
    if (
      first?.kind === "Expr" &&
      first.value.kind === "Constant" &&
      first.value.constantType === "str"
    )
      code.docstring = cleanDocstring(first.value.value as string);
    if (node.kind === "AsyncFunctionDef")
      code.asyncKind = blockContainsYield(node.body) ? "asyncGenerator" : "coroutine";
    // An `async def` is always a coroutine function, whether or not it awaits.
    if (
      node.kind === "AsyncFunctionDef" ||
      (node.kind === "Lambda" ? containsYield(node.body) : blockContainsYield(node.body))
    ) {
      code.body = this.generatorFunctionBody(child, node);
      code.generator = true;
    } else if (node.kind === "Lambda") {
      const value = this.expression(child, node.body);
      code.body = (f) => {
        f.returnValue = value(f);
        return Completion.RETURN;
      };
    } else code.body = this.block(child, node.body);
    const defaults = args.defaults.map((value) => this.expression(unit, value));
    const keywordDefaults = args.kwonlyargs.flatMap((arg, index) => {
      const value = args.kwDefaults[index];
      return value != null ? [[m.name(arg.arg), this.expression(unit, value)] as const] : [];
    });
    const annotations = node.kind === "Lambda" ? [] : this.annotationValues(unit, node);
    const closure = this.closureBuilder(unit, scope);
    return (f) => {
      const level = m.sp;
      for (const d of defaults) m.push(d(f));
      const defaultsTuple = defaults.length > 0 ? m.newTuple(m.stack.subarray(level, m.sp)) : 0;
      m.unwindTo(level);
      if (defaultsTuple !== 0) m.push(defaultsTuple);
      // CPython: MAKE_FUNCTION's kwdefaults dict, built after the defaults tuple.
      const keywordDefaultsDict = keywordDefaults.length > 0 ? m.heap.newDict() : 0;
      if (keywordDefaultsDict !== 0) {
        m.push(keywordDefaultsDict);
        for (const [key, value] of keywordDefaults) {
          const result = value(f);
          // A dict that cannot grow (out of memory) must not strand the value.
          try {
            m.heap.dictSetItem(keywordDefaultsDict, key, result);
          } finally {
            m.decref(result);
          }
        }
      }
      // CPython: compiler_visit_annotations() evaluates them after the defaults into a dict.
      const annotationsDict = annotations.length > 0 ? m.heap.newDict() : 0;
      if (annotationsDict !== 0) {
        m.push(annotationsDict);
        for (const [key, annotation] of annotations) {
          const result = annotation(f);
          try {
            m.heap.dictSetItem(annotationsDict, key, result);
          } finally {
            m.decref(result);
          }
        }
      }
      const closureTuple = closure(f);
      // On the stack, so that running out of memory in newFunction releases it with the rest.
      if (closureTuple !== 0) m.push(closureTuple);
      const fn = m.newFunction(codeIndex, f.globals, defaultsTuple, closureTuple, name);
      if (closureTuple !== 0) m.stack[--m.sp] = 0;
      m.xdecref(closureTuple);
      const u32 = m.heap.memory.u32;
      // The dicts move from the stack into the function.
      if (annotationsDict !== 0) {
        u32[(fn + FUNCTION_ANNOTATIONS_OFFSET) >>> 2] = annotationsDict;
        m.stack[--m.sp] = 0;
      }
      if (keywordDefaultsDict !== 0) {
        u32[(fn + FUNCTION_KWDEFAULTS_OFFSET) >>> 2] = keywordDefaultsDict;
        m.stack[--m.sp] = 0;
      }
      if (defaultsTuple !== 0) m.sp--;
      m.xdecref(defaultsTuple);
      return fn;
    };
  }

  /**
   * An annotation's value: the expression, or under `from __future__ import annotations` its
   * source text as a str constant (PEP 563, CPython: `compiler_visit_annexpr`).
   */
  private annotation(unit: Unit, expression: Expression): Expr {
    if (!this.postponedAnnotations) return this.expression(unit, expression);
    const text = unparseAnnotation(expression);
    if (text === undefined)
      return this.notYetSupported(
        `this annotation form under 'from __future__ import annotations'`,
      );
    return this.constantExpression("str", text);
  }

  /**
   * A def's parameter and return annotations as (interned name, value) pairs, in CPython's
   * evaluation order; under `from __future__ import annotations` each value is the annotation's
   * source text (PEP 563).
   */
  private annotationValues(
    unit: Unit,
    node: FunctionDef | AsyncFunctionDef,
  ): Array<readonly [Ptr, Expr]> {
    const { args } = node;
    const parameters = [...args.posonlyargs, ...args.args];
    if (args.vararg !== null) parameters.push(args.vararg);
    parameters.push(...args.kwonlyargs);
    if (args.kwarg !== null) parameters.push(args.kwarg);
    const m = this.m;
    const expressions = parameters.flatMap((arg) => {
      if (arg.annotation === null) return [];
      // `*args: *Ts` (PEP 646): the starred value is what is evaluated.
      const annotation = arg.annotation.kind === "Starred" ? arg.annotation.value : arg.annotation;
      return [[arg.arg, annotation] as const];
    });
    if (node.returns !== null) expressions.push(["return", node.returns]);
    return expressions.map(([name, expression]) => [
      m.name(name),
      this.annotation(unit, expression),
    ]);
  }

  /**
   * `target: annotation [= value]`. The value is assigned first; at module and class level a
   * simple name's annotation is then stored in `__annotations__`, other targets' annotations are
   * evaluated and dropped; in a function the annotation is not evaluated. CPython:
   * compiler_annassign().
   */
  private annotatedAssign(unit: Unit, node: AnnAssign): Stmt {
    const m = this.m;
    const value = node.value !== null ? this.expression(unit, node.value) : undefined;
    const store = node.value !== null ? this.store(unit, node.target) : undefined;
    const assign = (f: Frame): void => {
      if (value !== undefined && store !== undefined) store(f, value(f));
    };
    if (unit.kind === "function") {
      return (f) => {
        assign(f);
        return Completion.NORMAL;
      };
    }
    const annotation = this.annotation(unit, node.annotation);
    if (node.target.kind === "Name" && node.simple) {
      const annotationsDict = this.nameLoad(unit, "__annotations__", node);
      const key = m.name(node.target.id);
      return (f) => {
        assign(f);
        const level = m.sp;
        m.push(annotation(f));
        m.push(annotationsDict(f));
        f.node = node;
        setItem(m, m.stack[level + 1]!, key, m.stack[level]!);
        m.unwindTo(level);
        return Completion.NORMAL;
      };
    }
    // CPython evaluates a complex target's object (and subscript) only when there is no value.
    const target = node.target;
    const checks =
      node.value !== null || target.kind === "Name"
        ? []
        : target.kind === "Attribute"
          ? [this.expression(unit, target.value)]
          : [
              this.expression(unit, target.value),
              this.expression(unit, (target as Subscript).slice),
            ];
    return (f) => {
      assign(f);
      for (const check of checks) m.decref(check(f));
      m.decref(annotation(f));
      return Completion.NORMAL;
    };
  }

  /**
   * CPython: SETUP_ANNOTATIONS — a module or class body with annotated assignments starts by
   * making sure its namespace has an `__annotations__` dict.
   */
  private withAnnotations(unit: Unit, statements: readonly Statement[], body: Stmt): Stmt {
    if (unit.kind === "function" || !containsAnnotatedAssignment(statements)) return body;
    const m = this.m;
    const key = m.name("__annotations__");
    return (f) => {
      const namespace = unit.kind === "class" ? f.namespace : f.globals;
      const existing = namespaceLoad(m, namespace, key);
      if (existing !== 0) m.decref(existing);
      else {
        const dict = m.heap.newDict();
        try {
          namespaceStore(m, namespace, key, dict);
        } finally {
          m.decref(dict);
        }
      }
      return body(f);
    };
  }

  private classDef(unit: Unit, node: ClassDef): Stmt {
    const m = this.m;
    const scope = this.childScope(unit, node);
    const qualifiedName = qualifiedNameIn(unit, node.name);
    const child = this.newUnit(scope, "class", qualifiedName);
    const code = this.newCode(child, node.name, qualifiedName, node.line, undefined);
    const statements = withDocstringStored(node.body);
    const body = this.withAnnotations(child, statements, this.block(child, statements));
    const classCellSlot = child.slots.get("__class__");
    const classCellKey = m.name("__classcell__");
    const staticAttributesKey = m.name("__static_attributes__");
    const staticAttributes = staticAttributeNames(node.body);
    code.body = (f) => {
      const completion = body(f);
      // CPython: compiler_class_body stores the names its methods assign through `self`.
      const names = m.newStrTuple(staticAttributes);
      try {
        namespaceStore(m, f.namespace, staticAttributesKey, names);
      } finally {
        m.decref(names);
      }
      if (classCellSlot !== undefined && scope.cells.has("__class__"))
        namespaceStore(
          m,
          f.namespace,
          classCellKey,
          m.heap.memory.u32[(f.locals + 4 * classCellSlot) >>> 2]!,
        );
      return completion;
    };
    const decorators = this.decorators(unit, node.decoratorList);
    const bases = node.bases.map((base) => this.expression(unit, base));
    const keywordNames = node.keywords.map((keyword) => keyword.arg);
    const keywordValues = node.keywords.map((keyword) => this.expression(unit, keyword.value));
    const closure = this.closureBuilder(unit, scope);
    const store = this.nameStore(unit, node.name, node);
    const moduleKey = m.name("__module__");
    const nameKey = m.name("__name__");
    const qualnameKey = m.name("__qualname__");
    const origBasesKey = m.name("__orig_bases__");
    const firstLineKey = m.name("__firstlineno__");
    // CPython: the class's first line is its first decorator's, when it has any.
    const firstLineNumber = node.decoratorList[0]?.line ?? node.line;
    return (f) => {
      const level = m.sp;
      decorators?.push(f);
      const basesLevel = m.sp;
      for (const base of bases) m.push(base(f));
      const baseObjects = Array.from(m.stack.subarray(basesLevel, m.sp));
      const given: Array<readonly [string, Ptr]> = [];
      for (let k = 0; k < keywordValues.length; k++) {
        const result = keywordValues[k]!(f);
        m.push(result);
        const keywordName = keywordNames[k]!;
        if (keywordName !== null) {
          given.push([keywordName, result]);
          continue;
        }
        // `**mapping` (CPython: DICT_MERGE into __build_class__'s keywords).
        const names = given.map(([name]) => name);
        const first = m.sp;
        pushKeywordMapping(m, "__build_class__()", result, names);
        for (let i = first; i < m.sp; i++) given.push([names[given.length]!, m.stack[i]!]);
      }
      const resolved = resolveMroEntries(m, baseObjects);
      const classBases = resolved?.bases ?? baseObjects;
      const { metaclass, keywords } = selectMetaclass(m, classBases, given);
      const namespace = prepareNamespace(m, metaclass, node.name, classBases, keywords);
      m.push(namespace);
      // CPython: the class body starts with `__module__ = __name__` (the defining module's).
      const globalName = m.heap.dictGetItem(f.globals, nameKey);
      if (globalName !== 0 && m.typeIdOf(globalName) === m.heap.strType)
        namespaceStore(m, namespace, moduleKey, globalName);
      else setNewStr(m, namespace, moduleKey, "__main__");
      setNewStr(m, namespace, qualnameKey, qualifiedName);
      const firstLine = m.newInt(firstLineNumber);
      try {
        namespaceStore(m, namespace, firstLineKey, firstLine);
      } finally {
        m.decref(firstLine);
      }
      if (resolved !== undefined)
        m.heap.dictSetItem(namespace, origBasesKey, resolved.originalBases);
      const closureTuple = closure(f);
      if (closureTuple !== 0) m.push(closureTuple);
      runBlock(m, code, f.globals, namespace, closureTuple);
      f.node = node;
      const cls = buildClass(m, metaclass, node.name, classBases, namespace, keywords);
      const decorated = decorators !== undefined ? decorators.apply(f, level, cls) : cls;
      m.unwindTo(level);
      store(f, decorated);
      return Completion.NORMAL;
    };
  }

  /**
   * The decorators of a `def` or `class`: `push` evaluates them onto the value stack (top one
   * first) before the definition runs; `apply` then calls them on the new object, innermost
   * first, each result replacing it (CPython: the decorator CALLs after MAKE_FUNCTION or
   * `__build_class__`). `apply` takes over `value` and returns a new reference; the decorators
   * stay on the stack at `level` for the caller to release. Undefined when there are none.
   */
  private decorators(
    unit: Unit,
    list: readonly Expression[],
  ): { push: (f: Frame) => void; apply: (f: Frame, level: number, value: Ptr) => Ptr } | undefined {
    if (list.length === 0) return undefined;
    const m = this.m;
    const expressions = list.map((decorator) => this.expression(unit, decorator));
    return {
      push: (f) => {
        for (const decorator of expressions) m.push(decorator(f));
      },
      apply: (f, level, value) => {
        let current = value;
        for (let i = expressions.length - 1; i >= 0; i--) {
          m.push(current); // released by the unwinder if the decorator raises
          f.node = list[i]!;
          const result = call(m, m.stack[level + i]!, [current], undefined);
          m.stack[--m.sp] = 0;
          m.decref(current);
          current = result;
        }
        return current;
      },
    };
  }
}

/**
 * Whether a module or class body holds an annotated assignment outside nested functions and
 * classes. CPython: find_ann() in compile.c.
 */
function containsAnnotatedAssignment(body: readonly Statement[]): boolean {
  const stack = [...body];
  while (stack.length > 0) {
    const statement = stack.pop()!;
    switch (statement.kind) {
      case "AnnAssign":
        return true;
      case "For":
      case "AsyncFor":
      case "While":
      case "If":
        stack.push(...statement.body, ...statement.orelse);
        break;
      case "With":
      case "AsyncWith":
        stack.push(...statement.body);
        break;
      case "Try":
      case "TryStar":
        stack.push(...statement.body, ...statement.orelse, ...statement.finalbody);
        for (const handler of statement.handlers) stack.push(...handler.body);
        break;
      case "Match":
        for (const matchCase of statement.cases) stack.push(...matchCase.body);
        break;
      default:
        break;
    }
  }
  return false;
}

/** `namespace[key] = text` for a new str, released even when the store runs out of memory. */
function setNewStr(m: Machine, namespace: Ptr, key: Ptr, text: string): void {
  const value = m.newStr(text);
  try {
    namespaceStore(m, namespace, key, value);
  } finally {
    m.decref(value);
  }
}
