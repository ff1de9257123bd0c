import type { Ptr, TypeId } from "@pymem/core";
import { refuseAbstractInstance } from "./abstract-classes.js";
import { asciiRepr } from "./ascii-repr.js";
import { installAsyncGeneratorBuiltins } from "./async-generator-builtins.js";
import { floatOperand, newBigInt, roundInt } from "./big-int-arithmetic.js";
import { installBuiltinSubclassSlots } from "./builtin-subclass-slots.js";
import { sumItems } from "./builtin-sum.js";
import { installBytesMethods } from "./bytes-methods.js";
import { bytesLength, bytesView, newBytes } from "./bytes-objects.js";
import { newBytesFromArguments } from "./bytes-operations.js";
import { installBytesSlots } from "./bytes-slots.js";
import { call } from "./calls.js";
import { decodeToStr } from "./codecs.js";
import { installComplexMethods, newComplexFromArguments } from "./complex-operations.js";
import { installDescriptorBuiltins } from "./descriptor-builtins.js";
import { installDictMethods, updateDict } from "./dict-methods.js";
import { installDictUnion } from "./dict-union.js";
import { installDictViewMethods } from "./dict-view-operations.js";
import { installDirMethods } from "./dir-protocol.js";
import { installExceptionFields } from "./exception-fields.js";
import { installExceptionGroups } from "./exception-groups.js";
import { installExceptionMethods } from "./exception-methods.js";
import { installExecBuiltins } from "./exec-builtins.js";
import { installOpenBuiltin } from "./files/open-builtin.js";
import { installFloatMethods } from "./float-methods.js";
import { formatWithSpec } from "./formatting.js";
import { installGenericAliasConstructor, unionMembers } from "./generic-alias.js";
import { importModuleLevel } from "./import-resolution.js";
import { installIntBytesMethods } from "./int-bytes.js";
import { intFromArguments, intFromFloat } from "./int-constructor.js";
import { builtinPow, installIntMethods, integerToBase } from "./int-methods.js";
import { installIntrospectionBuiltins } from "./introspection-builtins.js";
import { collect, iterate } from "./iteration.js";
import { installIteratorBuiltins } from "./iterator-builtins.js";
import { installListMethods } from "./list-methods.js";
import { Cmp, type Machine, type TypeRecord } from "./machine.js";
import { installMemoryview, viewLength } from "./memoryview-methods.js";
import { isMemoryview } from "./memoryview-objects.js";
import { checkHook, initClass, installTypeMethods, typeNew } from "./metaclasses.js";
import { installModuleConstructor } from "./module-constructor.js";
import { bindArguments, type Signature } from "./modules/arguments.js";
import type { NativeFunction } from "./native.js";
import { arity, defineMethod, keyword, noKeywords } from "./native-arguments.js";
import { indexSize } from "./number-index.js";
import {
  deleteAttribute,
  findAttribute,
  getAttribute,
  raiseNoAttribute,
  setAttribute,
} from "./object-access.js";
import { MODULE_DICT_OFFSET, VIEW_DICT_OFFSET } from "./object-layouts.js";
import { repr, str } from "./object-repr.js";
import { binary, checkHashable, compare, sequenceItems } from "./operators.js";
import { installReduceBuiltins } from "./reduce-builtins.js";
import { installSequenceSearch } from "./sequence-search.js";
import { installSetMethods } from "./set-methods.js";
import { newSetFrom } from "./set-operations.js";
import { installSlice } from "./slice-objects.js";
import { sortItems } from "./sorting.js";
import { redirectedStdout } from "./stdout-redirect.js";
import { installStrMethods } from "./str-methods.js";
import { installStrMoreMethods } from "./str-more-methods.js";
import { installStrSearch } from "./str-search.js";
import { installStrSplitlines } from "./str-splitlines.js";
import { installStrTranslate } from "./str-translate.js";
import { installWeakrefType } from "./weakref-type.js";

/**
 * The built-in functions (`print`, `len`, `sorted`, …) and the constructors of the built-in types
 * (`int(x)`, `list(it)`, …), as native functions with CPython's argument checking and error
 * messages; the methods of `list`, `dict` and `str` live in list-methods.ts, dict-methods.ts and
 * str-methods.ts.
 * The iterator built-ins (`iter`, `next`, `enumerate`, `zip`, `map`, `filter`, `reversed`) are in
 * iterator-builtins.ts.
 *
 * @module
 */

/**
 * Installs the built-ins into `builtins` (a dict) and the methods into the built-in types' dicts.
 *
 * @example
 * ```ts
 * installBuiltins(machine, machine.builtins);
 * ```
 */
export function installBuiltins(m: Machine, builtins: Ptr): void {
  const heap = m.heap;
  const define = (name: string, fn: NativeFunction): void => {
    // A function that does not read its keywords rejects them, as CPython's METH_O and
    // METH_FASTCALL built-ins do ("abs() takes no keyword arguments").
    const checked: NativeFunction =
      fn.length >= 3
        ? fn
        : (context, args, keywords) => {
            noKeywords(m, name, keywords);
            return fn(context, args, keywords);
          };
    const obj = m.newBuiltin(m.addNative(name, checked), 0);
    heap.dictSetItem(builtins, m.name(name), obj);
    m.decref(obj);
  };
  const typeConstructor = (typeName: string, fn: NativeFunction): void =>
    defineMethod(m, typeName, "__new__", fn);

  for (const [name, record] of m.builtinTypes)
    if (
      ![
        "NoneType",
        "function",
        "builtin_function_or_method",
        "method",
        "cell",
        "module",
        "frame",
        "weakref.ReferenceType",
        "traceback",
        "code",
        "dict_keys",
        "dict_values",
        "dict_items",
        "NotImplementedType",
        "ellipsis",
        "types.GenericAlias",
        "types.UnionType",
      ].includes(name)
    )
      heap.dictSetItem(builtins, m.name(name), record.object);
  // CPython keeps these two old names as aliases of OSError (PEP 3151).
  for (const alias of ["EnvironmentError", "IOError"])
    heap.dictSetItem(builtins, m.name(alias), m.builtinType("OSError").object);
  heap.dictSetItem(builtins, m.name("NotImplemented"), m.notImplemented);
  heap.dictSetItem(builtins, m.name("Ellipsis"), m.ellipsis);
  // CPython: the constants are builtins too (the "Did you mean: 'False'?" hint lists them).
  heap.dictSetItem(builtins, m.name("False"), heap.false);
  heap.dictSetItem(builtins, m.name("None"), heap.none);
  heap.dictSetItem(builtins, m.name("True"), heap.true);
  installIteratorBuiltins(m, builtins);
  installAsyncGeneratorBuiltins(m, builtins);
  installGenericAliasConstructor(m);

  const none = (): Ptr => heap.none;
  installIntrospectionBuiltins(m, define);
  installExecBuiltins(m, define);
  installOpenBuiltin(m, define);

  // ───────────────────────────────────────────────────────── functions

  define("print", (_c, args, keywords) => {
    const options = keyword(m, "print", keywords, ["sep", "end", "file", "flush"]);
    const textOption = (name: string, fallback: string): string => {
      const value = options.get(name);
      if (value === undefined || value === heap.none) return fallback;
      if (!m.isStr(value))
        m.raise("TypeError", `${name} must be None or a string, not ${m.typeName(value)}`);
      return heap.strValue(value);
    };
    const sep = textOption("sep", " ");
    const end = textOption("end", "\n");
    const given = options.get("file");
    const file =
      given === undefined || given === heap.none ? redirectedStdout(m) || undefined : given;
    const flush = options.get("flush");
    if (file === undefined || file === heap.none) {
      m.stdout(args.map((arg) => str(m, arg)).join(sep) + end);
      return none();
    }
    // CPython: builtin_print_impl — one file.write() per piece, each str() taken just before
    // its write, then file.flush() when asked.
    const write = getAttribute(m, file, m.name("write"), "write");
    m.push(write);
    const writeText = (text: string): void => {
      const piece = m.newStr(text);
      try {
        m.decref(call(m, write, [piece], undefined));
      } finally {
        m.decref(piece);
      }
    };
    args.forEach((arg, index) => {
      if (index > 0) writeText(sep);
      writeText(str(m, arg));
    });
    writeText(end);
    m.sp--;
    m.decref(write);
    if (flush !== undefined && m.isTrue(flush)) {
      const flushMethod = getAttribute(m, file, m.name("flush"), "flush");
      try {
        m.decref(call(m, flushMethod, [], undefined));
      } finally {
        m.decref(flushMethod);
      }
    }
    return none();
  });

  // CPython: builtin_input_impl() — the prompt goes to stdout, the line comes without its
  // newline; when the program has replaced sys.stdin or sys.stdout, the prompt is written to
  // sys.stdout and the line read with sys.stdin.readline().
  define("input", (_c, args, keywords) => {
    noKeywords(m, "input", keywords);
    arity(m, "input", args, 0, 1);
    const stdin = replacedStream(m, "stdin");
    const stdout = replacedStream(m, "stdout");
    if (stdin === 0 && stdout === 0) {
      const prompt = args[0] === undefined ? "" : str(m, args[0]);
      if (prompt !== "") m.stdout(prompt);
      const line = m.stdin(prompt);
      if (line === undefined) return m.raise("EOFError", "EOF when reading a line");
      return m.newStr(line.replace(/\r?\n$/, ""));
    }
    return inputFromStreams(m, args[0]);
  });

  define("len", (_c, args, keywords) => {
    noKeywords(m, "len", keywords);
    arity(m, "len", args, 1, 1);
    return m.newInt(length(m, args[0]!));
  });

  define("repr", (_c, args) => {
    arity(m, "repr", args, 1, 1);
    return m.newStr(repr(m, args[0]!));
  });

  define("ascii", (_c, args) => {
    arity(m, "ascii", args, 1, 1);
    return m.newStr(asciiRepr(m, args[0]!));
  });

  // CPython's site module adds `exit` and `quit` (Quitter objects): calling one raises
  // SystemExit with the code given.
  for (const name of ["exit", "quit"])
    define(name, (_c, args) => {
      arity(m, name, args, 0, 1);
      throw m.exception(call(m, m.builtinType("SystemExit").object, args, undefined));
    });

  define("id", (_c, args) => {
    arity(m, "id", args, 1, 1);
    return m.newInt(args[0]!);
  });

  define("hash", (_c, args) => {
    arity(m, "hash", args, 1, 1);
    checkHashable(m, args[0]!);
    return m.newInt(heap.hash(args[0]!));
  });

  define("abs", (_c, args) => {
    arity(m, "abs", args, 1, 1);
    const x = args[0]!;
    if (m.typeIdOf(x) === heap.complexType) {
      // CPython: complex_abs (hypot of the parts; an infinite result from finite parts overflows).
      const [re, im] = [heap.complexReal(x), heap.complexImag(x)];
      const magnitude = Math.hypot(re, im);
      if (magnitude === Number.POSITIVE_INFINITY && Number.isFinite(re) && Number.isFinite(im))
        m.raise("OverflowError", "absolute value too large");
      return m.newFloat(magnitude);
    }
    if (!m.isNumber(x)) {
      // CPython: PyNumber_Absolute — a class's __abs__ (nb_absolute).
      const result = m.callSpecial(x, "__abs__", []);
      if (result !== 0) return result;
      m.raise("TypeError", `bad operand type for abs(): '${m.typeName(x)}'`);
    }
    if (!m.isInt(x)) return m.newFloat(Math.abs(m.numberOf(x)));
    const value = m.numberOf(x);
    // CPython: long_abs (a big int reads NaN here)
    if (Number.isNaN(value))
      return newBigInt(m, heap.intBigValue(x) < 0n ? -heap.intBigValue(x) : heap.intBigValue(x));
    return m.newInt(Math.abs(value));
  });

  define("round", (_c, given, keywords) => {
    const args = bindArguments(m.context, ROUND_SIGNATURE, given, keywords).filter(
      (arg) => arg !== undefined,
    );
    const x = args[0]!;
    if (!m.isNumber(x)) {
      // CPython: builtin_round_impl — the type's __round__, given ndigits only when passed.
      const result = m.callSpecial(x, "__round__", args.length > 1 ? [args[1]!] : []);
      if (result !== 0) return result;
      m.raise("TypeError", `type ${m.typeName(x)} doesn't define __round__ method`);
    }
    const value = m.numberOf(x);
    const digits =
      args[1] !== undefined && args[1] !== heap.none ? indexSize(m, args[1]) : undefined;
    if (m.isInt(x)) {
      if (digits === undefined || digits >= 0) return m.incref(x);
      return roundInt(m, heap.intBigValue(x), -digits);
    }
    if (digits === undefined) return intFromFloat(m, roundHalfEven(value));
    return m.newFloat(roundDecimal(value, digits));
  });

  define("pow", (_c, args, keywords) => builtinPow(m, args, keywords));
  for (const name of ["hex", "oct", "bin"] as const)
    define(name, (_c, args, keywords) => integerToBase(m, name, args, keywords));

  define("divmod", (_c, args) => {
    arity(m, "divmod", args, 2, 2);
    // CPython: float_divmod names itself when the divisor is zero.
    if (isFloatDivmodByZero(m, args[0]!, args[1]!)) m.raise("ZeroDivisionError", "float divmod()");
    const q = binary(m, 4, args[0]!, args[1]!);
    m.push(q);
    const r = binary(m, 5, args[0]!, args[1]!);
    m.sp--;
    return m.tupleSteal([q, r]);
  });

  define("chr", (_c, args) => {
    arity(m, "chr", args, 1, 1);
    const code = args[0]!;
    // CPython 3.13: a big int is out of range like any other, not OverflowError.
    if (m.isInt(code) && heap.isBigInt(code))
      m.raise("ValueError", "chr() arg not in range(0x110000)");
    return m.newStr(String.fromCodePoint(m.intArgument(code, "chr() argument")));
  });

  define("ord", (_c, args) => {
    arity(m, "ord", args, 1, 1);
    const x = args[0]!;
    if (!m.isStr(x) || heap.strLength(x) !== 1)
      m.raise(
        "TypeError",
        `ord() expected a character, but string of length ${m.isStr(x) ? heap.strLength(x) : 0} found`,
      );
    return m.newInt(heap.strValue(x).codePointAt(0)!);
  });

  define("callable", (_c, args) => {
    arity(m, "callable", args, 1, 1);
    const t = m.typeIdOf(args[0]!);
    const types = m.types;
    const record = m.recordOf(args[0]!);
    return m.newBool(
      t === types.function ||
        t === types.builtin ||
        t === types.method ||
        m.isTypeId(t) ||
        (record.user && m.lookupType(record, m.name("__call__")) !== 0),
    );
  });

  define("isinstance", (_c, args) => {
    arity(m, "isinstance", args, 2, 2);
    return m.newBool(classMatches(m, args[0]!, args[1]!, "isinstance"));
  });

  define("issubclass", (_c, args) => {
    arity(m, "issubclass", args, 2, 2);
    return m.newBool(classMatches(m, args[0]!, args[1]!, "issubclass"));
  });

  const attributeName = (value: Ptr): string => {
    if (!m.isStr(value))
      m.raise("TypeError", `attribute name must be string, not '${m.typeName(value)}'`);
    return heap.strValue(value);
  };

  define("getattr", (_c, args) => {
    arity(m, "getattr", args, 2, 3);
    const name = attributeName(args[1]!);
    // Without a default, the error is the attribute lookup's own (a __getattr__'s message).
    if (args.length === 2) return getAttribute(m, args[0]!, args[1]!, name);
    const value = findAttribute(m, args[0]!, args[1]!, name);
    if (value !== 0) return value;
    if (args.length === 3) return m.incref(args[2]!);
    return raiseNoAttribute(m, args[0]!, name);
  });

  define("hasattr", (_c, args) => {
    arity(m, "hasattr", args, 2, 2);
    const value = findAttribute(m, args[0]!, args[1]!, attributeName(args[1]!));
    if (value === 0) return heap.false;
    m.decref(value);
    return heap.true;
  });

  define("setattr", (_c, args) => {
    arity(m, "setattr", args, 3, 3);
    setAttribute(m, args[0]!, args[1]!, attributeName(args[1]!), args[2]!);
    return none();
  });

  define("delattr", (_c, args) => {
    arity(m, "delattr", args, 2, 2);
    deleteAttribute(m, args[0]!, args[1]!, attributeName(args[1]!));
    return none();
  });

  define("format", (_c, args) => {
    arity(m, "format", args, 1, 2);
    // CPython: builtin_format_impl's argument clinic check of format_spec.
    if (args[1] !== undefined && !m.isStr(args[1]))
      m.raise("TypeError", `format() argument 2 must be str, not ${m.typeName(args[1])}`);
    const spec = args[1] !== undefined ? heap.strValue(args[1]) : "";
    return m.newStr(formatWithSpec(m, args[0]!, undefined, spec));
  });

  define("sorted", (_c, args, keywords) => {
    arity(m, "sorted", args, 1, 1);
    const options = keyword(m, "sort", keywords, ["key", "reverse"]);
    const items = collect(m, args[0]!);
    try {
      const reverse = options.has("reverse") && m.isTrue(options.get("reverse")!);
      return heap.newList(sortItems(m, items, options.get("key"), reverse));
    } finally {
      for (const item of items) m.decref(item);
    }
  });

  // CPython: min_max — streams the iterable (no list of every item) and holds the best item and
  // its key while the next key function or comparison runs.
  const extreme =
    (name: string, op: number): NativeFunction =>
    (_c, args, keywords) => {
      const options = keyword(m, name, keywords, ["key", "default"]);
      if (args.length === 0) m.raise("TypeError", `${name} expected at least 1 argument, got 0`);
      if (args.length > 1 && options.has("default"))
        m.raise(
          "TypeError",
          `Cannot specify a default for ${name}() with multiple positional arguments`,
        );
      const keyFunction = options.get("key");
      const hasKey = keyFunction !== undefined && keyFunction !== heap.none;
      let best = 0;
      let bestKey = 0;
      const consider = (item: Ptr): boolean => {
        const key = hasKey ? call(m, keyFunction, [item], undefined) : m.incref(item);
        let better = best === 0;
        try {
          if (!better) better = compare(m, op, key, bestKey);
        } catch (error) {
          m.decref(key);
          throw error;
        }
        if (!better) {
          m.decref(key);
          return true;
        }
        if (best !== 0) {
          m.decref(best);
          m.decref(bestKey);
        }
        best = m.incref(item);
        bestKey = key;
        return true;
      };
      try {
        if (args.length === 1) iterate(m, args[0]!, consider);
        else for (const arg of args) consider(arg);
      } catch (error) {
        if (best !== 0) {
          m.decref(best);
          m.decref(bestKey);
        }
        throw error;
      }
      if (best === 0) {
        const fallback = options.get("default");
        if (fallback !== undefined) return m.incref(fallback);
        m.raise("ValueError", `${name}() iterable argument is empty`);
      }
      m.decref(bestKey);
      return best;
    };
  define("min", extreme("min", Cmp.LT));
  define("max", extreme("max", Cmp.GT));

  define("sum", (_c, args, keywords) => {
    arity(m, "sum", args, 1, 2);
    const options = keyword(m, "sum", keywords, ["start"]);
    const total = m.incref(args[1] ?? options.get("start") ?? heap.newInt(0));
    if (m.isStr(total)) {
      m.decref(total);
      m.raise("TypeError", "sum() can't sum strings [use ''.join(seq) instead]");
    }
    try {
      return sumItems(m, args[0]!, total);
    } finally {
      m.decref(total);
    }
  });

  define("any", (_c, args) => {
    arity(m, "any", args, 1, 1);
    let result = false;
    iterate(m, args[0]!, (item) => {
      result = m.isTrue(item);
      return !result;
    });
    return m.newBool(result);
  });

  define("all", (_c, args) => {
    arity(m, "all", args, 1, 1);
    let result = true;
    iterate(m, args[0]!, (item) => {
      result = m.isTrue(item);
      return result;
    });
    return m.newBool(result);
  });

  // CPython: builtin___import___impl.
  define("__import__", (_c, given, keywords) => {
    const [name, globals, , fromList, level] = bindArguments(
      m.context,
      IMPORT_SIGNATURE,
      given,
      keywords,
    );
    return importModuleLevel(m, name!, globals, fromList, level);
  });

  // ───────────────────────────────────────────────────────── constructors

  // object() and object.__new__(cls) (CPython: object_new).
  typeConstructor("object", (_c, args, keywords) => {
    if (args.length > 0 && m.isType(args[0]!)) return objectNew(m, args[0]!, args.length - 1);
    if (keywords.length > 0) m.raise("TypeError", "object() takes no arguments");
    arity(m, "object", args, 0, 0);
    return heap.allocate(m.types.object);
  });

  // type(obj), type(name, bases, dict) and type.__new__(metatype, name, bases, dict)
  // (CPython: type_new).
  typeConstructor("type", (_c, args, keywords) => {
    if (args.length === 1 && keywords.length === 0) return m.incref(m.recordOf(args[0]!).object);
    const typeRecord = m.builtinType("type");
    if (
      args.length !== 3 &&
      m.isType(args[0]!) &&
      m.isSubtype(m.recordOfType(args[0]!), typeRecord)
    )
      return typeNew(m, m.recordOfType(args[0]!), args.slice(1), keywords);
    if (args.length !== 3) m.raise("TypeError", "type() takes 1 or 3 arguments");
    const cls = typeNew(m, typeRecord, args, keywords);
    return m.isType(cls) ? initClass(m, cls, args, keywords) : cls;
  });
  installTypeMethods(m);

  typeConstructor("int", (_c, args, keywords) => intFromArguments(m, args, keywords));

  typeConstructor("float", (_c, args, keywords) => {
    noKeywords(m, "float", keywords);
    arity(m, "float", args, 0, 1);
    if (args.length === 0) return m.newFloat(0);
    const x = args[0]!;
    if (m.isNumber(x)) return m.newFloat(floatOperand(m, x));
    if (m.isStr(x)) {
      const text = heap.strValue(x).trim().toLowerCase();
      const special: Record<string, number> = {
        inf: Infinity,
        "+inf": Infinity,
        "-inf": -Infinity,
        infinity: Infinity,
        "-infinity": -Infinity,
        nan: Number.NaN,
        "-nan": Number.NaN,
        "+nan": Number.NaN,
      };
      if (text in special) return m.newFloat(special[text]!);
      if (!/^[-+]?(\d[\d_]*\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(text))
        m.raise("ValueError", `could not convert string to float: ${repr(m, x)}`);
      return m.newFloat(Number(text.replaceAll("_", "")));
    }
    // CPython: PyNumber_Float — nb_float (`__float__`), else nb_index (`__index__`).
    const converted = m.callSpecial(x, "__float__", []);
    if (converted !== 0) {
      if (m.typeIdOf(converted) === heap.floatType) return converted;
      const name = m.typeName(converted);
      m.decref(converted);
      m.raise("TypeError", `${m.typeName(x)}.__float__ returned non-float (type ${name})`);
    }
    const index = m.callSpecial(x, "__index__", []);
    if (index !== 0) {
      try {
        return m.newFloat(floatOperand(m, index));
      } finally {
        m.decref(index);
      }
    }
    return m.raise(
      "TypeError",
      `float() argument must be a string or a real number, not '${m.typeName(x)}'`,
    );
  });

  typeConstructor("str", (_c, given, keywords) => {
    const [object, encoding, errors] = bindArguments(m.context, STR_SIGNATURE, given, keywords);
    if (encoding !== undefined || errors !== undefined)
      return decodeToStr(m, object, encoding, errors);
    const args = object === undefined ? [] : [object];
    if (args.length === 0) return m.newStr("");
    // An exact str is its own str(); a subclass instance's goes through its __str__.
    if (m.typeIdOf(args[0]!) === heap.strType) return m.incref(args[0]!);
    return m.newStr(str(m, args[0]!));
  });

  typeConstructor("bool", (_c, args, keywords) => {
    noKeywords(m, "bool", keywords);
    arity(m, "bool", args, 0, 1);
    return m.newBool(args.length > 0 && m.isTrue(args[0]!));
  });

  typeConstructor("list", (_c, args, keywords) => {
    noKeywords(m, "list", keywords);
    arity(m, "list", args, 0, 1);
    if (args.length === 0) return heap.newList();
    return m.listSteal(collect(m, args[0]!));
  });

  typeConstructor("tuple", (_c, args, keywords) => {
    noKeywords(m, "tuple", keywords);
    arity(m, "tuple", args, 0, 1);
    if (args.length === 0) return heap.emptyTuple;
    if (m.typeIdOf(args[0]!) === heap.tupleType) return m.incref(args[0]!);
    return m.tupleSteal(collect(m, args[0]!));
  });

  typeConstructor("dict", (_c, args, keywords) => {
    arity(m, "dict", args, 0, 1);
    const dict = heap.newDict();
    m.push(dict);
    if (args.length === 1) updateDict(m, dict, args[0]!);
    for (const [key, value] of keywords) heap.dictSetItem(dict, m.name(key), value);
    m.sp--;
    return dict;
  });

  typeConstructor("range", (_c, args, keywords) => {
    noKeywords(m, "range", keywords);
    if (args.length === 0) m.raise("TypeError", "range expected at least 1 argument, got 0");
    arity(m, "range", args, 1, 3);
    const values = args.map((arg) => {
      if (!m.isInt(arg))
        m.raise("TypeError", `'${m.typeName(arg)}' object cannot be interpreted as an integer`);
      // pymem's range keeps float64 bounds: a big int cannot be one.
      if (heap.isBigInt(arg))
        m.raise("OverflowError", "range() bounds beyond 2**53 are not supported by pymem");
      return m.numberOf(arg);
    });
    const [start, stop, step] =
      values.length === 1 ? [0, values[0]!, 1] : [values[0]!, values[1]!, values[2] ?? 1];
    if (step === 0) m.raise("ValueError", "range() arg 3 must not be zero");
    return m.newRange(start, stop, step);
  });

  // CPython: set_new / frozenset_new (an exact frozenset argument is returned as is).
  const setConstructor = (name: "set" | "frozenset") =>
    typeConstructor(name, (_c, args, keywords) => {
      noKeywords(m, name, keywords);
      arity(m, name, args, 0, 1);
      const iterable = args[0];
      if (
        name === "frozenset" &&
        iterable !== undefined &&
        m.typeIdOf(iterable) === heap.frozensetType
      )
        return m.incref(iterable);
      return newSetFrom(m, iterable ?? 0, name === "frozenset");
    });
  setConstructor("set");
  setConstructor("frozenset");
  typeConstructor("complex", (_c, args, keywords) => newComplexFromArguments(m, args, keywords));
  installModuleConstructor(m);
  installDirMethods(m);
  for (const id of [m.types.bytes, m.types.bytearray])
    typeConstructor(m.records[id]!.name, (_c, args, keywords) =>
      newBytesFromArguments(m, id, args, keywords),
    );

  installListMethods(m);
  installDictMethods(m);
  installDescriptorBuiltins(m);
  installDictViewMethods(m); // after property, which its getter is
  installExceptionMethods(m);
  installReduceBuiltins(m);
  installExceptionGroups(m);
  installSetMethods(m);
  installComplexMethods(m);
  installIntMethods(m);
  installFloatMethods(m);
  installStrMethods(m);
  installBuiltinSubclassSlots(m);
  installBytesMethods(m);
  installBytesSlots(m);
  installStrSplitlines(m);
  installIntBytesMethods(m);
  installStrMoreMethods(m);
  installStrTranslate(m);
  installStrSearch(m);
  // After the descriptor builtins: range's members are properties.
  installSequenceSearch(m);
  installWeakrefType(m);
  installDictUnion(m);
  installExceptionFields(m);
  installMemoryview(m, builtins);
  installSlice(m);
}

/**
 * `len(obj)` (CPython: `PyObject_Size`).
 *
 * @example
 * ```ts
 * length(machine, listObject); // len(list)
 * ```
 */
export function length(m: Machine, obj: Ptr, t: TypeId = m.typeIdOf(obj)): number {
  const heap = m.heap;
  if (t === heap.listType) return heap.listLength(obj);
  if (t === heap.tupleType) return heap.tupleLength(obj);
  if (t === heap.dictType) return heap.dictLength(obj);
  if (t === heap.setType || t === heap.frozensetType) return heap.setLength(obj);
  if (t === heap.strType) return heap.strLength(obj);
  if (t === m.types.bytes || t === m.types.bytearray) return bytesLength(m, obj);
  if (isMemoryview(m, obj)) return viewLength(m, obj);
  if (t === m.types.range) {
    const [start, stop, step] = m.rangeValues(obj);
    return m.rangeLength(start, stop, step);
  }
  if (m.viewKind(t) !== 0) return heap.dictLength(m.field(obj, VIEW_DICT_OFFSET));
  const result = m.callSpecial(obj, "__len__", []);
  if (result !== 0) {
    const value = m.isInt(result) ? m.numberOf(result) : Number.NaN;
    const name = m.typeName(result);
    m.decref(result);
    if (Number.isNaN(value))
      m.raise("TypeError", `'${name}' object cannot be interpreted as an integer`);
    if (value < 0) m.raise("ValueError", "__len__() should return >= 0");
    return value;
  }
  return m.raise("TypeError", `object of type '${m.typeName(obj)}' has no len()`);
}

/**
 * `isinstance(obj, classinfo)` / `issubclass(obj, classinfo)`: the exact class first, then a
 * tuple's items, then the metaclass's `__instancecheck__` / `__subclasscheck__`, else the MRO.
 * CPython: `PyObject_IsInstance`, `PyObject_IsSubclass`.
 */
function classMatches(
  m: Machine,
  obj: Ptr,
  classinfo: Ptr,
  what: "isinstance" | "issubclass",
): boolean {
  if (what === "isinstance" && m.recordOf(obj).object === classinfo) return true;
  if (m.typeIdOf(classinfo) === m.heap.tupleType)
    return sequenceItems(m, classinfo).some((item) => classMatches(m, obj, item, what));
  const members = unionMembers(m, classinfo);
  if (members !== undefined) return members.some((item) => classMatches(m, obj, item, what));
  if (m.typeIdOf(classinfo) === m.types.genericAlias)
    m.raise("TypeError", `${what}() argument 2 cannot be a parameterized generic`);
  // Any object whose class defines the hook answers, not only classes (typing's aliases).
  const hook = checkHook(
    m,
    classinfo,
    what === "isinstance" ? "__instancecheck__" : "__subclasscheck__",
  );
  if (hook !== 0) {
    const result = call(m, hook, [classinfo, obj], undefined);
    try {
      return m.isTrue(result);
    } finally {
      m.decref(result);
    }
  }
  if (m.isType(classinfo)) {
    if (what === "issubclass" && !m.isType(obj))
      m.raise("TypeError", "issubclass() arg 1 must be a class");
    const record = what === "isinstance" ? m.recordOf(obj) : m.recordOfType(obj);
    const target = m.recordOfType(classinfo);
    if (target === m.builtinType("object")) return true;
    if (m.isSubtype(record, target)) return true;
    // CPython: object_isinstance's second chance — an instance whose `__class__` names another
    // class (a weakref proxy, a mock) is an instance of that class too. Only a class written in
    // Python can make `__class__` answer anything but its type.
    return what === "isinstance" && record.instances && claimedClassMatches(m, obj, record, target);
  }
  if (what === "issubclass" && !m.isType(obj))
    m.raise("TypeError", "issubclass() arg 1 must be a class");
  return m.raise("TypeError", `${what}() arg 2 must be a type, a tuple of types, or a union`);
}

/**
 * `sys.<name>` when the program has replaced it (it is no longer `sys.__<name>__`), else 0;
 * borrowed. 0 too while `sys` is not imported (nothing can have replaced it).
 */
function replacedStream(m: Machine, name: "stdin" | "stdout"): Ptr {
  const sys = m.importedModule("sys");
  if (sys === 0) return 0;
  const dict = m.field(sys, MODULE_DICT_OFFSET);
  const current = m.heap.dictGetItem(dict, m.name(name));
  const original = m.heap.dictGetItem(dict, m.name(`__${name}__`));
  return current !== 0 && current !== original ? current : 0;
}

/** `input()` through the program's sys.stdout and sys.stdin objects (CPython's non-tty path). */
function inputFromStreams(m: Machine, prompt: Ptr | undefined): Ptr {
  m.decref(callStreamMethod(m, "stdout", "flush", []));
  if (prompt !== undefined) {
    const text = m.newStr(str(m, prompt));
    try {
      m.decref(callStreamMethod(m, "stdout", "write", [text]));
    } finally {
      m.decref(text);
    }
  }
  // CPython: PyFile_GetLine — a str or bytes line, its one trailing newline dropped.
  const line = callStreamMethod(m, "stdin", "readline", []);
  try {
    if (m.typeIdOf(line) === m.types.bytes) {
      const data = bytesView(m, line);
      if (data.length === 0) m.raise("EOFError", "EOF when reading a line");
      return data[data.length - 1] === 0x0a ? newBytes(m, data.slice(0, -1)) : m.incref(line);
    }
    if (!m.isStr(line)) m.raise("TypeError", "object.readline() returned non-string");
    const text = m.heap.strValue(line);
    if (text === "") m.raise("EOFError", "EOF when reading a line");
    return text.endsWith("\n") ? m.newStr(text.slice(0, -1)) : m.incref(line);
  } finally {
    m.decref(line);
  }
}

/** `sys.<stream>.<method>(*args)`, a new reference (CPython: "lost sys.stdin" when it is gone). */
function callStreamMethod(
  m: Machine,
  stream: "stdin" | "stdout",
  method: string,
  args: readonly Ptr[],
): Ptr {
  const sys = m.importedModule("sys");
  const file = sys === 0 ? 0 : m.heap.dictGetItem(m.field(sys, MODULE_DICT_OFFSET), m.name(stream));
  if (file === 0 || file === m.heap.none) m.raise("RuntimeError", `input(): lost sys.${stream}`);
  const bound = getAttribute(m, file, m.name(method), method);
  try {
    return call(m, bound, args, undefined);
  } finally {
    m.decref(bound);
  }
}

/** Whether `obj.__class__`, when it is a class other than `obj`'s type, is `target` or a subclass. */
function claimedClassMatches(
  m: Machine,
  obj: Ptr,
  record: TypeRecord,
  target: TypeRecord,
): boolean {
  const claimed = findAttribute(m, obj, m.name("__class__"), "__class__");
  if (claimed === 0) return false;
  try {
    return (
      claimed !== record.object && m.isType(claimed) && m.isSubtype(m.recordOfType(claimed), target)
    );
  } finally {
    m.decref(claimed);
  }
}

/** Python's `round()`: half to even. */
function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const difference = value - floor;
  if (difference > 0.5) return floor + 1;
  if (difference < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * `round(x, n)` for floats as CPython does it: on the exact decimal value of the double, half to
 * even (so `round(2.675, 2)` is 2.67, because 2.675 is really 2.67499999…).
 */
function roundDecimal(value: number, digits: number): number {
  // Past 2^52 a double has no fractional digits to round (toFixed would switch to exponents).
  if (!Number.isFinite(value) || digits > 22 || (digits >= 0 && Math.abs(value) >= 2 ** 52))
    return value;
  if (digits < 0) {
    const scale = 10 ** -digits;
    const rounded = roundHalfEven(value / scale) * scale;
    // CPython: double_round keeps the sign of a result rounded to zero (round(-1.5, -1) is -0.0).
    return rounded === 0 && value < 0 ? -0 : rounded;
  }
  const exact = Math.abs(value).toFixed(Math.min(100, digits + 80));
  const point = exact.indexOf(".");
  const kept = exact.slice(0, point + 1 + digits);
  const rest = exact.slice(point + 1 + digits);
  const firstDropped = rest.charCodeAt(0) - 48;
  const tail = rest.slice(1);
  const lastKept = kept.replace(".", "").slice(-1).charCodeAt(0) - 48;
  const roundUp =
    firstDropped > 5 || (firstDropped === 5 && (/[1-9]/.test(tail) || lastKept % 2 === 1));
  let result = Number(kept.endsWith(".") ? kept.slice(0, -1) : kept);
  if (roundUp) result += 10 ** -digits;
  result = Number(result.toFixed(digits));
  return value < 0 ? -result : result;
}

/**
 * `object.__new__(cls)`: a bare instance of `cls`, with CPython's excess-arguments rule
 * (CPython: `object_new`).
 */
function objectNew(m: Machine, cls: Ptr, extraArguments: number): Ptr {
  const record = m.recordOfType(cls);
  if (record === m.builtinType("object")) {
    if (extraArguments > 0) m.raise("TypeError", "object() takes no arguments");
    return m.heap.allocate(m.types.object);
  }
  if (!record.instances || record.exception)
    m.raise(
      "TypeError",
      `object.__new__(${record.name}) is not safe, use ${record.name}.__new__()`,
    );
  if (extraArguments > 0) {
    const ownNew = m.lookupType(record, m.name("__new__"));
    if (m.typeIdOf(ownNew) === m.descriptorTypes.staticmethod)
      m.raise("TypeError", "object.__new__() takes exactly one argument (the type to instantiate)");
    const init = m.lookupType(record, m.name("__init__"));
    if (m.typeIdOf(init) !== m.types.function)
      m.raise("TypeError", `${record.name}() takes no arguments`);
  }
  refuseAbstractInstance(m, record);
  return m.heap.newInstance(record.id);
}

/** `__import__(name, globals=None, locals=None, fromlist=(), level=0)`. */
const IMPORT_SIGNATURE: Signature = {
  name: "__import__",
  positionalOnly: 0,
  positional: ["name", "globals", "locals", "fromlist", "level"],
  required: 1,
  keywordOnly: [],
};

/** `round(number, ndigits=None)`. CPython: builtin_round_impl's clinic signature. */
const ROUND_SIGNATURE: Signature = {
  name: "round",
  positionalOnly: 0,
  positional: ["number", "ndigits"],
  required: 1,
  keywordOnly: [],
};

/** `str(object='', encoding='utf-8', errors='strict')`. CPython: unicode_new_impl. */
const STR_SIGNATURE: Signature = {
  name: "str",
  positionalOnly: 0,
  positional: ["object", "encoding", "errors"],
  required: 0,
  keywordOnly: [],
};

/** Whether `divmod(a, b)` is float_divmod's with a zero divisor (exact ints and floats, one a float). */
function isFloatDivmodByZero(m: Machine, a: Ptr, b: Ptr): boolean {
  const heap = m.heap;
  const real = (t: TypeId): boolean =>
    t === heap.intType || t === heap.boolType || t === heap.floatType;
  const ta = m.typeIdOf(a);
  const tb = m.typeIdOf(b);
  return (
    real(ta) && real(tb) && (ta === heap.floatType || tb === heap.floatType) && m.numberOf(b) === 0
  );
}
