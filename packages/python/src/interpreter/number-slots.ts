import type { Ptr } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import { bigToFloat } from "./big-int-arithmetic.js";
import { baseValue } from "./builtin-subclasses.js";
import { call } from "./calls.js";
import { intFromFloat } from "./int-constructor.js";
import type { Machine } from "./machine.js";
import { defineTypeMethod } from "./native-arguments.js";
import { warnDeprecated } from "./native-warnings.js";
import { asIndex } from "./number-index.js";
import { Cmp, Op } from "./operator-codes.js";
import { binary, compare, unary } from "./operators.js";
import { defineSlotWrapper } from "./slot-wrappers.js";

/**
 * The special methods of `int`, `bool`, `float` and `complex` as CPython's slot wrappers run
 * them when called directly (`int.__add__(1, 2)`, `(1.0).__radd__(1)`, `super().__add__(x)` in a
 * subclass): each number slot takes only operands it can convert and returns NotImplemented for
 * anything else (`(1).__add__(1.0)`), reflected wrappers swap the operands (`__radd__(a, b)` is
 * the slot on `(b, a)`), `int`'s slots give plain ints for bools (`int.__or__(True, False)` is 1)
 * while `bool`'s own `&`, `|`, `^` keep bools, and `__pow__` takes a modulus.
 * CPython: `long_as_number` and `long_richcompare` (`CHECK_BINOP`), `float_as_number` and
 * `float_richcompare` (`CONVERT_TO_DOUBLE`), `complex_as_number` and `complex_richcompare`
 * (`TO_COMPLEX`), `bool_as_number`; `wrap_binaryfunc_l`/`_r`, `wrap_ternaryfunc`/`_r`.
 *
 * @module
 */

/** The arithmetic slots shared by the number types, by operator code. */
const ARITHMETIC: ReadonlyArray<readonly [string, number]> = [
  ["add", Op.ADD],
  ["sub", Op.SUB],
  ["mul", Op.MUL],
  ["truediv", Op.TRUEDIV],
  ["floordiv", Op.FLOORDIV],
  ["mod", Op.MOD],
];

/** `int`'s bitwise slots, by operator code. */
const BITWISE: ReadonlyArray<readonly [string, number]> = [
  ["lshift", Op.LSHIFT],
  ["rshift", Op.RSHIFT],
  ["and", Op.AND],
  ["or", Op.OR],
  ["xor", Op.XOR],
];

/** The rich comparisons, by {@link Cmp} code. */
const COMPARISONS: ReadonlyArray<readonly [string, number]> = [
  ["__lt__", Cmp.LT],
  ["__le__", Cmp.LE],
  ["__eq__", Cmp.EQ],
  ["__ne__", Cmp.NE],
  ["__gt__", Cmp.GT],
  ["__ge__", Cmp.GE],
];

/** How a number type's slots see an operand: a new plain object of its kind, or 0 (not convertible). */
type Converter = (m: Machine, obj: Ptr) => Ptr;

/**
 * An int operand (an int, a bool or an instance of an int subclass) as a new exact int; 0 for
 * anything else. CPython: `CHECK_BINOP` (`PyLong_Check`).
 */
function asInt(m: Machine, obj: Ptr): Ptr {
  const heap = m.heap;
  const t = m.typeIdOf(obj);
  if (t === heap.intType) return m.incref(obj);
  if (t === heap.boolType) return m.newInt(obj === heap.true ? 1 : 0);
  if (heap.kinds[t] === ObjectKind.INT) return baseValue(m, obj);
  return 0;
}

/**
 * The value of a float operand (a float, an int, or an instance of a subclass of either), or
 * undefined; an int beyond the float range is OverflowError. CPython: `CONVERT_TO_DOUBLE`.
 */
function floatValue(m: Machine, obj: Ptr): number | undefined {
  const kind = m.heap.kinds[m.typeIdOf(obj)];
  if (kind === ObjectKind.FLOAT) return m.numberOf(obj);
  if (kind !== ObjectKind.INT && kind !== ObjectKind.BOOL) return undefined;
  const value = m.numberOf(obj);
  return Number.isNaN(value) ? bigToFloat(m, m.heap.intBigValue(obj)) : value;
}

/** A float operand as a new exact float; 0 when it is not one (see {@link floatValue}). */
function asFloat(m: Machine, obj: Ptr): Ptr {
  const value = floatValue(m, obj);
  return value === undefined ? 0 : m.newFloat(value);
}

/** A complex operand (a complex, float or int) as a new exact complex; 0 otherwise. CPython: `TO_COMPLEX`. */
function asComplex(m: Machine, obj: Ptr): Ptr {
  const heap = m.heap;
  if (heap.kinds[m.typeIdOf(obj)] === ObjectKind.COMPLEX)
    return heap.newComplex(heap.complexReal(obj), heap.complexImag(obj));
  const value = floatValue(m, obj);
  return value === undefined ? 0 : heap.newComplex(value, 0);
}

/**
 * `operation` on `a` and `b` converted by `convert` (new references, released afterwards), or
 * NotImplemented when either does not convert.
 */
function onConverted(
  m: Machine,
  convert: Converter,
  a: Ptr,
  b: Ptr,
  operation: (x: Ptr, y: Ptr) => Ptr,
): Ptr {
  const x = convert(m, a);
  if (x === 0) return m.incref(m.notImplemented);
  try {
    const y = convert(m, b);
    if (y === 0) return m.incref(m.notImplemented);
    try {
      return operation(x, y);
    } finally {
      m.decref(y);
    }
  } finally {
    m.decref(x);
  }
}

/** A built-in function (`divmod`, `pow`, `round`, `abs`) called with `args`; a new reference. */
function callBuiltin(m: Machine, name: string, args: readonly Ptr[]): Ptr {
  return call(m, m.heap.dictGetItem(m.builtins, m.name(name)), args, undefined);
}

/** One number type's slots: its name, which objects are its instances, how operands convert. */
interface NumberType {
  readonly name: "int" | "float" | "complex";
  readonly isSelf: (obj: Ptr) => boolean;
  readonly convert: Converter;
}

/**
 * Installs the number slots of `int` (which `bool` inherits), `bool`'s own, `float`'s and
 * `complex`'s, replacing whatever those types' dicts held under the same names.
 *
 * @example
 * ```ts
 * installNumberSlots(machine); // then int.__add__(1, 1.0) is NotImplemented
 * ```
 * @internal
 */
export function installNumberSlots(m: Machine): void {
  const kinds = m.heap.kinds;
  const of =
    (...wanted: number[]) =>
    (obj: Ptr): boolean =>
      wanted.includes(kinds[m.typeIdOf(obj)]!);
  const int: NumberType = {
    name: "int",
    isSelf: of(ObjectKind.INT, ObjectKind.BOOL),
    convert: asInt,
  };
  const float: NumberType = { name: "float", isSelf: of(ObjectKind.FLOAT), convert: asFloat };
  const complex: NumberType = {
    name: "complex",
    isSelf: of(ObjectKind.COMPLEX),
    convert: asComplex,
  };
  for (const type of [int, float, complex]) installBinarySlots(m, type);
  installIntSlots(m, int);
  installFloatSlots(m, float);
  installComplexSlots(m, complex);
  installBoolSlots(m);
}

/** `__add__` … `__pow__` (with reflections), `divmod` and the comparisons of one number type. */
function installBinarySlots(m: Machine, type: NumberType): void {
  const { name: typeName, isSelf, convert } = type;
  const slot = (name: string, fn: (self: Ptr, other: Ptr) => Ptr): void =>
    defineSlotWrapper(m, typeName, isSelf, name, "binary", (self, [other]) => fn(self, other!));
  const operators = BITWISE_FOR[typeName] ? [...ARITHMETIC, ...BITWISE] : ARITHMETIC;
  for (const [name, op] of operators) {
    if (typeName === "complex" && (op === Op.FLOORDIV || op === Op.MOD)) continue;
    const run = (x: Ptr, y: Ptr): Ptr => binary(m, op, x, y);
    slot(`__${name}__`, (self, other) => onConverted(m, convert, self, other, run));
    slot(`__r${name}__`, (self, other) => onConverted(m, convert, other, self, run));
  }
  if (typeName !== "complex") {
    const divmod = (x: Ptr, y: Ptr): Ptr => callBuiltin(m, "divmod", [x, y]);
    slot("__divmod__", (self, other) => onConverted(m, convert, self, other, divmod));
    slot("__rdivmod__", (self, other) => onConverted(m, convert, other, self, divmod));
  }
  const power =
    (reflected: boolean) =>
    (self: Ptr, [other, modulus]: readonly Ptr[]) => {
      const [a, b] = reflected ? [other!, self] : [self, other!];
      return numberPower(m, type, a, b, modulus!);
    };
  defineSlotWrapper(m, typeName, isSelf, "__pow__", "ternary", power(false));
  defineSlotWrapper(m, typeName, isSelf, "__rpow__", "ternary", power(true));
  for (const [name, op] of COMPARISONS)
    slot(name, (self, other) => {
      // CPython: complex_richcompare orders nothing.
      if (typeName === "complex" && op !== Cmp.EQ && op !== Cmp.NE)
        return m.incref(m.notImplemented);
      // float_richcompare and complex_richcompare compare with an int exactly, not via a float.
      const other_ = typeName === "int" ? convert : typeName === "float" ? asReal : asNumber;
      const x = convert(m, self);
      try {
        const y = other_(m, other);
        if (y === 0) return m.incref(m.notImplemented);
        try {
          return m.newBool(compare(m, op, x, y));
        } finally {
          m.decref(y);
        }
      } finally {
        m.decref(x);
      }
    });
}

/** Which number types have the bitwise slots. */
const BITWISE_FOR: Readonly<Record<string, boolean>> = { int: true, float: false, complex: false };

/** An int or float operand as a new exact int or float (what float_richcompare accepts); else 0. */
function asReal(m: Machine, obj: Ptr): Ptr {
  const kind = m.heap.kinds[m.typeIdOf(obj)];
  return kind === ObjectKind.FLOAT ? asFloat(m, obj) : asInt(m, obj);
}

/** An int, float or complex operand as a new exact one (what complex_richcompare accepts); else 0. */
function asNumber(m: Machine, obj: Ptr): Ptr {
  const kind = m.heap.kinds[m.typeIdOf(obj)];
  return kind === ObjectKind.COMPLEX ? asComplex(m, obj) : asReal(m, obj);
}

/**
 * `a ** b` or `pow(a, b, modulus)` as the number type's `nb_power` runs it; `modulus` is None
 * when not given. CPython: `long_pow` (an int modulus, else NotImplemented), `float_pow` (any
 * modulus is TypeError, before the operands are looked at), `complex_pow` (ValueError).
 */
function numberPower(m: Machine, type: NumberType, a: Ptr, b: Ptr, modulus: Ptr): Ptr {
  const none = m.heap.none;
  if (modulus !== none && type.name === "float")
    m.raise("TypeError", "pow() 3rd argument not allowed unless all arguments are integers");
  if (modulus !== none && type.name === "complex") m.raise("ValueError", "complex modulo");
  return onConverted(m, type.convert, a, b, (x, y) => {
    if (modulus === none) return binary(m, Op.POW, x, y);
    const z = asInt(m, modulus);
    if (z === 0) return m.incref(m.notImplemented);
    try {
      return callBuiltin(m, "pow", [x, y, z]);
    } finally {
      m.decref(z);
    }
  });
}

/**
 * `operation` on `self` as a new plain object of its type (an int for a bool or an int subclass's
 * instance, a float, a complex).
 */
function onSelf(m: Machine, type: NumberType, self: Ptr, operation: (plain: Ptr) => Ptr): Ptr {
  const plain = type.convert(m, self);
  try {
    return operation(plain);
  } finally {
    m.decref(plain);
  }
}

/** The unary slots and the conversion methods every real number type has. */
function installRealUnarySlots(m: Machine, type: NumberType): void {
  const { name: typeName, isSelf } = type;
  const unarySlot = (name: string, fn: (plain: Ptr) => Ptr): void =>
    defineSlotWrapper(m, typeName, isSelf, name, "unary", (self) => onSelf(m, type, self, fn));
  unarySlot("__neg__", (plain) => unary(m, "USub", plain));
  unarySlot("__pos__", (plain) => m.incref(plain));
  unarySlot("__abs__", (plain) => callBuiltin(m, "abs", [plain]));
  unarySlot("__bool__", (plain) => m.newBool(m.isTrue(plain)));
  unarySlot("__float__", (plain) => m.newFloat(floatValue(m, plain)!));
}

/** `int`'s own slots and methods beyond the binary ones. CPython: `long_as_number`, `long_methods`. */
function installIntSlots(m: Machine, int: NumberType): void {
  installRealUnarySlots(m, int);
  const same = (plain: Ptr): Ptr => m.incref(plain);
  for (const name of ["__int__", "__index__"])
    defineSlotWrapper(m, "int", int.isSelf, name, "unary", (self) => onSelf(m, int, self, same));
  defineSlotWrapper(m, "int", int.isSelf, "__invert__", "unary", (self) =>
    onSelf(m, int, self, (plain) => unary(m, "Invert", plain)),
  );
  // An int is its own floor, ceiling and truncation (CPython: int___floor___impl, …).
  for (const name of ["__trunc__", "__floor__", "__ceil__"])
    defineTypeMethod(m, "int", int.isSelf, name, 0, 0, false, (self) => onSelf(m, int, self, same));
  // CPython: int___round___impl — ndigits, when given, must be an index (None is not).
  defineTypeMethod(m, "int", int.isSelf, "__round__", 0, 1, false, (self, [digits]) =>
    onSelf(m, int, self, (plain) => {
      if (digits === undefined) return m.incref(plain);
      const index = asIndex(m, digits);
      try {
        return callBuiltin(m, "round", [plain, index]);
      } finally {
        m.decref(index);
      }
    }),
  );
}

/** `float`'s own slots and methods. CPython: `float_as_number`, `float_methods`. */
function installFloatSlots(m: Machine, float: NumberType): void {
  installRealUnarySlots(m, float);
  defineSlotWrapper(m, "float", float.isSelf, "__int__", "unary", (self) =>
    intFromFloat(m, Math.trunc(floatValue(m, self)!)),
  );
  const rounding: ReadonlyArray<readonly [string, (value: number) => number]> = [
    ["__trunc__", Math.trunc],
    ["__floor__", Math.floor],
    ["__ceil__", Math.ceil],
  ];
  for (const [name, round] of rounding)
    defineTypeMethod(m, "float", float.isSelf, name, 0, 0, false, (self) =>
      intFromFloat(m, round(floatValue(m, self)!)),
    );
  // CPython: float___round___impl — ndigits None is as absent.
  defineTypeMethod(m, "float", float.isSelf, "__round__", 0, 1, false, (self, [digits]) =>
    onSelf(m, float, self, (plain) =>
      callBuiltin(m, "round", digits === undefined ? [plain] : [plain, digits]),
    ),
  );
}

/** `complex`'s unary slots and `__complex__`. CPython: `complex_as_number`, `complex___complex___impl`. */
function installComplexSlots(m: Machine, complex: NumberType): void {
  const unarySlot = (name: string, fn: (plain: Ptr) => Ptr): void =>
    defineSlotWrapper(m, "complex", complex.isSelf, name, "unary", (self) =>
      onSelf(m, complex, self, fn),
    );
  unarySlot("__neg__", (plain) => unary(m, "USub", plain));
  unarySlot("__pos__", (plain) => m.incref(plain));
  unarySlot("__abs__", (plain) => callBuiltin(m, "abs", [plain]));
  unarySlot("__bool__", (plain) => m.newBool(m.isTrue(plain)));
  defineTypeMethod(m, "complex", complex.isSelf, "__complex__", 0, 0, false, (self) =>
    onSelf(m, complex, self, (plain) => m.incref(plain)),
  );
}

/**
 * `bool`'s own slots: `&`, `|`, `^` of two bools give a bool, anything else is int's slot
 * (`True & 2` is 0; `True & 1.5` NotImplemented); `~` warns that it inverts the int.
 * CPython: `bool_and`, `bool_or`, `bool_xor`, `bool_invert`.
 */
function installBoolSlots(m: Machine): void {
  const heap = m.heap;
  const isBool = (obj: Ptr): boolean => m.typeIdOf(obj) === heap.boolType;
  for (const [name, op] of BITWISE) {
    if (op !== Op.AND && op !== Op.OR && op !== Op.XOR) continue;
    const run = (a: Ptr, b: Ptr): Ptr =>
      isBool(a) && isBool(b)
        ? binary(m, op, a, b)
        : onConverted(m, asInt, a, b, (x, y) => binary(m, op, x, y));
    defineSlotWrapper(m, "bool", isBool, `__${name}__`, "binary", (self, [other]) =>
      run(self, other!),
    );
    defineSlotWrapper(m, "bool", isBool, `__r${name}__`, "binary", (self, [other]) =>
      run(other!, self),
    );
  }
  defineSlotWrapper(m, "bool", isBool, "__invert__", "unary", (self) => {
    warnDeprecated(m, BOOL_INVERT_DEPRECATION);
    return m.newInt(self === heap.true ? -2 : -1);
  });
}

/** CPython 3.13's DeprecationWarning text for `~` on a bool (`bool_invert`). */
export const BOOL_INVERT_DEPRECATION =
  "Bitwise inversion '~' on bool is deprecated and will be removed in Python 3.16. " +
  "This returns the bitwise inversion of the underlying int object and is usually not what you " +
  "expect from negating a bool. Use the 'not' operator for boolean negation or ~int(x) if you " +
  "really want the bitwise inversion of the underlying int.";
