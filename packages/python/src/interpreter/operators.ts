import type { Ptr, TypeId } from "@pymem/core";
import { codePointOrder } from "./code-points.js";
import { dictEntryAt } from "./iteration.js";
import type { Machine } from "./machine.js";
import { VIEW_DICT_OFFSET } from "./object-layouts.js";
import { repr, str } from "./object-repr.js";
import { Cmp, compareValues, OP_SYMBOLS, Op } from "./operator-codes.js";
import { checkSequenceSize, checkStrSize } from "./result-size.js";

/**
 * Arithmetic, comparison and membership on heap objects (CPython: `PyNumber_*`,
 * `PyObject_RichCompare`, `PySequence_Contains`), as plain functions taking the {@link Machine}
 * first: ints are float64 safe integers (overflow is OverflowError), floats follow IEEE with
 * Python's floor division and modulo, sequences concatenate and repeat, user classes dispatch to
 * their dunder methods.
 *
 * @module
 */

/** `a op b` for borrowed operands; a new reference. CPython: `PyNumber_*`. */
export function binary(m: Machine, op: number, a: Ptr, b: Ptr): Ptr {
  const heap = m.heap;
  const ta = m.typeIdOf(a);
  const tb = m.typeIdOf(b);
  const intA = ta === heap.intType || ta === heap.boolType;
  const intB = tb === heap.intType || tb === heap.boolType;
  if (intA && intB) return intBinary(m, op, m.numberOf(a), m.numberOf(b));
  if ((intA || ta === heap.floatType) && (intB || tb === heap.floatType))
    return floatBinary(m, op, m.numberOf(a), m.numberOf(b));
  if (ta === heap.strType) {
    if (op === Op.ADD && tb === heap.strType) {
      checkStrSize(heap, heap.strLength(a) + heap.strLength(b));
      return heap.newStr(heap.strValue(a) + heap.strValue(b));
    }
    if (op === Op.MUL && intB) {
      const count = repeatCount(m, b);
      checkStrSize(heap, heap.strLength(a) * count);
      return heap.newStr(heap.strValue(a).repeat(count));
    }
    if (op === Op.MOD) return percentFormat(m, a, b);
  }
  if (
    op === Op.MUL &&
    intA &&
    (tb === heap.strType || tb === heap.listType || tb === heap.tupleType)
  )
    return binary(m, op, b, a);
  if (ta === heap.listType || ta === heap.tupleType) {
    if (op === Op.ADD && tb === ta) {
      const items = [...sequenceItems(m, a), ...sequenceItems(m, b)];
      return ta === heap.listType ? heap.newList(items) : m.newTuple(items);
    }
    if (op === Op.MUL && intB) {
      // CPython: list_repeat / tuple_repeat. The size is checked before anything is built, and
      // the items go into a typed array (4 bytes each), never a JavaScript array of count copies.
      const count = repeatCount(m, b);
      const source = sequenceItems(m, a);
      checkSequenceSize(heap, source.length * count);
      const items = new Uint32Array(source.length * count);
      items.set(source);
      for (let filled = source.length; filled > 0 && filled < items.length; filled *= 2)
        items.copyWithin(filled, 0, Math.min(filled, items.length - filled));
      return ta === heap.listType ? heap.newList(items) : m.newTuple(items);
    }
  }
  const dunder = BINARY_DUNDERS[op]!;
  const ra = m.records[ta];
  if (
    op === Op.MUL &&
    (ta === heap.strType ||
      ta === heap.listType ||
      ta === heap.tupleType ||
      tb === heap.strType ||
      tb === heap.listType ||
      tb === heap.tupleType)
  )
    m.raise(
      "TypeError",
      `can't multiply sequence by non-int of type '${m.typeName(ta === heap.strType || ta === heap.listType || ta === heap.tupleType ? b : a)}'`,
    );
  if (op === Op.ADD && (ta === heap.strType || ta === heap.listType || ta === heap.tupleType))
    m.raise(
      "TypeError",
      `can only concatenate ${m.typeName(a)} (not "${m.typeName(b)}") to ${m.typeName(a)}`,
    );
  if (ra?.user === true) {
    const result = m.callSpecial(a, dunder, [b]);
    if (result !== 0) return result;
  }
  const rb = m.records[tb];
  if (rb?.user === true) {
    const result = m.callSpecial(b, `__r${dunder.slice(2)}`, [a]);
    if (result !== 0) return result;
  }
  m.raise(
    "TypeError",
    `unsupported operand type(s) for ${OP_SYMBOLS[op]}: '${m.typeName(a)}' and '${m.typeName(b)}'`,
  );
}

/** The count of `seq * n` (negative counts repeat zero times, as `list_repeat`). */
export function repeatCount(m: Machine, obj: Ptr): number {
  const n = m.numberOf(obj);
  return Math.max(n, 0);
}

/** Items of a list or tuple as borrowed pointers (CPython: `PySequence_Fast_ITEMS`). */
export function sequenceItems(m: Machine, obj: Ptr): Ptr[] {
  const heap = m.heap;
  const items: Ptr[] = [];
  if (m.typeIdOf(obj) === heap.listType)
    for (let i = 0; i < heap.listLength(obj); i++) items.push(heap.listGetItem(obj, i));
  else for (let i = 0; i < heap.tupleLength(obj); i++) items.push(heap.tupleGetItem(obj, i));
  return items;
}

/**
 * `x op y` on two ints held as safe integers; a new reference, OverflowError past the safe
 * range. CPython: `long_add`, `long_sub`, `long_mul`, `long_div`, `long_mod`, `long_pow`, … .
 */
export function intBinary(m: Machine, op: number, x: number, y: number): Ptr {
  switch (op) {
    case Op.ADD:
      return m.newInt(x + y);
    case Op.SUB:
      return m.newInt(x - y);
    case Op.MUL:
      return m.newInt(x * y);
    case Op.TRUEDIV:
      if (y === 0) m.raise("ZeroDivisionError", "division by zero");
      return m.newFloat(x / y);
    case Op.FLOORDIV:
      if (y === 0) m.raise("ZeroDivisionError", "integer division or modulo by zero");
      return m.newInt(Math.floor(x / y));
    case Op.MOD: {
      if (y === 0) m.raise("ZeroDivisionError", "integer modulo by zero");
      const r = x % y;
      return m.newInt(r !== 0 && r < 0 !== y < 0 ? r + y : r);
    }
    case Op.POW:
      if (y < 0) {
        if (x === 0) m.raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
        return m.newFloat(x ** y);
      }
      return m.newInt(x ** y);
    case Op.LSHIFT:
      if (y < 0) m.raise("ValueError", "negative shift count");
      return m.newInt(x * 2 ** y);
    case Op.RSHIFT:
      if (y < 0) m.raise("ValueError", "negative shift count");
      return m.newInt(Math.floor(x / 2 ** y));
    case Op.OR:
      return m.newInt(Number(BigInt(x) | BigInt(y)));
    case Op.XOR:
      return m.newInt(Number(BigInt(x) ^ BigInt(y)));
    case Op.AND:
      return m.newInt(Number(BigInt(x) & BigInt(y)));
    default:
      return m.raise(
        "TypeError",
        `unsupported operand type(s) for ${OP_SYMBOLS[op]}: 'int' and 'int'`,
      );
  }
}

/**
 * `x op y` where either side is a float; a new reference. CPython: `float_add`, `float_div`,
 * `float_floor_div`, `float_rem`, `float_pow`, … (`Objects/floatobject.c`).
 */
export function floatBinary(m: Machine, op: number, x: number, y: number): Ptr {
  switch (op) {
    case Op.ADD:
      return m.newFloat(x + y);
    case Op.SUB:
      return m.newFloat(x - y);
    case Op.MUL:
      return m.newFloat(x * y);
    case Op.TRUEDIV:
      if (y === 0) m.raise("ZeroDivisionError", "float division by zero");
      return m.newFloat(x / y);
    case Op.FLOORDIV:
      if (y === 0) m.raise("ZeroDivisionError", "float floor division by zero");
      return m.newFloat(floatDivmod(x, y)[0]);
    case Op.MOD:
      if (y === 0) m.raise("ZeroDivisionError", "float modulo by zero");
      return m.newFloat(floatDivmod(x, y)[1]);
    case Op.POW: {
      if (x === 0 && y < 0)
        m.raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
      const result = x ** y;
      // CPython: float_pow reports ERANGE when finite operands overflow.
      if (!Number.isFinite(result) && Number.isFinite(x) && Number.isFinite(y))
        m.raise("OverflowError", "(34, 'Numerical result out of range')");
      return m.newFloat(result);
    }
    default:
      return m.raise(
        "TypeError",
        `unsupported operand type(s) for ${OP_SYMBOLS[op]}: 'float' and 'float'`,
      );
  }
}

/**
 * `[x // y, x % y]` for floats exactly as CPython computes them (the remainder takes the
 * divisor's sign, zero included; the quotient is corrected from `fmod`), so `-0.0 % 5` is `0.0`
 * and `1 // 0.1` is `9.0`. CPython: `_float_div_mod`. `y` must not be zero.
 */
function floatDivmod(x: number, y: number): [number, number] {
  let mod = x % y;
  let div = (x - mod) / y;
  if (mod !== 0) {
    if (y < 0 !== mod < 0) {
      mod += y;
      div -= 1;
    }
  } else mod = y < 0 ? -0 : 0;
  let floorDiv: number;
  if (div !== 0) {
    floorDiv = Math.floor(div);
    if (div - floorDiv > 0.5) floorDiv += 1;
  } else floorDiv = x / y < 0 || Object.is(x / y, -0) ? -0 : 0;
  return [floorDiv, mod];
}

/**
 * `str % args` with %s, %r, %d, %i, %f, %x, %% (the forms scripts commonly use).
 * CPython: `PyUnicode_Format`.
 */
export function percentFormat(m: Machine, format: Ptr, args: Ptr): Ptr {
  const heap = m.heap;
  const text = heap.strValue(format);
  const values = m.typeIdOf(args) === heap.tupleType ? sequenceItems(m, args) : [args];
  let index = 0;
  const next = (): Ptr => {
    const value = values[index++];
    if (value === undefined) return m.raise("TypeError", "not enough arguments for format string");
    return value;
  };
  const out = text.replace(
    /%([-+ 0]*)(\d*)(?:\.(\d+))?([sridfgxX%])/g,
    (_match, flags: string, width: string, precision: string | undefined, conversion: string) => {
      if (conversion === "%") return "%";
      const value = next();
      let body: string;
      switch (conversion) {
        case "s":
          body = str(m, value);
          break;
        case "r":
          body = repr(m, value);
          break;
        case "d":
        case "i":
          body = String(Math.trunc(numberArgument(m, value, conversion)));
          break;
        case "x":
          body = Math.trunc(numberArgument(m, value, conversion)).toString(16);
          break;
        case "X":
          body = Math.trunc(numberArgument(m, value, conversion))
            .toString(16)
            .toUpperCase();
          break;
        case "g":
          body = String(numberArgument(m, value, conversion));
          break;
        default:
          body = numberArgument(m, value, conversion).toFixed(
            precision === undefined ? 6 : Number(precision),
          );
      }
      const size = width === "" ? 0 : Number(width);
      checkStrSize(m.heap, size);
      if (flags.includes("-")) return body.padEnd(size);
      return flags.includes("0") ? body.padStart(size, "0") : body.padStart(size);
    },
  );
  if (index < values.length)
    m.raise("TypeError", "not all arguments converted during string formatting");
  return heap.newStr(out);
}

/** The number a `%d`/`%f` conversion formats, or its TypeError (CPython: `formatlong`, `formatfloat`). */
export function numberArgument(m: Machine, value: Ptr, conversion: string): number {
  if (!m.isNumber(value))
    m.raise(
      "TypeError",
      `%${conversion} format: a real number is required, not ${m.typeName(value)}`,
    );
  return m.numberOf(value);
}

/**
 * Unary `-`, `+`, `~` on a borrowed operand; a new reference. CPython: `UNARY_NEGATIVE` /
 * `PyNumber_Negative`, `CALL_INTRINSIC_1 INTRINSIC_UNARY_POSITIVE` / `PyNumber_Positive`,
 * `UNARY_INVERT` / `PyNumber_Invert`.
 */
export function unary(m: Machine, op: "USub" | "UAdd" | "Invert", a: Ptr): Ptr {
  const t = m.typeIdOf(a);
  const heap = m.heap;
  if (t === heap.intType || t === heap.boolType) {
    const x = m.numberOf(a);
    if (op === "USub") return m.newInt(-x);
    if (op === "UAdd") return m.newInt(x);
    return m.newInt(-x - 1);
  }
  if (t === heap.floatType && op !== "Invert")
    return m.newFloat(op === "USub" ? -m.numberOf(a) : m.numberOf(a));
  const symbol = op === "USub" ? "-" : op === "UAdd" ? "+" : "~";
  const dunder = op === "USub" ? "__neg__" : op === "UAdd" ? "__pos__" : "__invert__";
  const result = m.callSpecial(a, dunder, []);
  if (result !== 0) return result;
  m.raise("TypeError", `bad operand type for unary ${symbol}: '${m.typeName(a)}'`);
}

// ─────────────────────────────────────────────────────────────── comparisons

/** Rich comparison of borrowed operands. CPython: `PyObject_RichCompare` (bool result). */
export function compare(m: Machine, op: number, a: Ptr, b: Ptr): boolean {
  const heap = m.heap;
  const ta = m.typeIdOf(a);
  const tb = m.typeIdOf(b);
  const numA = ta === heap.intType || ta === heap.boolType || ta === heap.floatType;
  const numB = tb === heap.intType || tb === heap.boolType || tb === heap.floatType;
  if (numA && numB) return compareValues(op, m.numberOf(a), m.numberOf(b));
  if (ta === heap.strType && tb === heap.strType)
    return compareValues(op, codePointOrder(heap.strValue(a), heap.strValue(b)), 0);
  if ((ta === heap.listType || ta === heap.tupleType) && ta === tb)
    return compareSequences(m, op, a, b);
  const ra = m.records[ta];
  const rb = m.records[tb];
  if (ra?.user === true) {
    const result = m.callSpecial(a, CMP_DUNDERS[op]!, [b]);
    if (result !== 0) return takeTruth(m, result);
  }
  if (rb?.user === true) {
    const result = m.callSpecial(b, CMP_DUNDERS[CMP_REFLECTED[op]!]!, [a]);
    if (result !== 0) return takeTruth(m, result);
  }
  if (op === Cmp.EQ) return equalOther(m, a, b, ta);
  if (op === Cmp.NE) return !equalOther(m, a, b, ta);
  m.raise(
    "TypeError",
    `'${CMP_SYMBOLS[op]}' not supported between instances of '${m.typeName(a)}' and '${m.typeName(b)}'`,
  );
}

/** The truth of a comparison result, which it releases (CPython: `PyObject_IsTrue` after `PyObject_RichCompare`). */
export function takeTruth(m: Machine, result: Ptr): boolean {
  try {
    return m.isTrue(result);
  } finally {
    m.decref(result);
  }
}

/** `a == b` for dicts and ranges (CPython: `dict_richcompare`, `range_richcompare`). */
export function equalOther(m: Machine, a: Ptr, b: Ptr, ta: TypeId): boolean {
  if (a === b) return true;
  if (ta === m.heap.dictType && m.typeIdOf(b) === ta) {
    const heap = m.heap;
    if (heap.dictLength(a) !== heap.dictLength(b)) return false;
    // CPython: dict_equal — a's table walked live, each key and both values held across their
    // __eq__ (which may mutate either dict).
    for (let position = 0; ; position++) {
      const entry = dictEntryAt(m, a, position);
      if (entry === undefined) return true;
      position = entry.position;
      const key = m.incref(entry.key);
      const value = m.incref(entry.value);
      try {
        const other = heap.dictGetItem(b, key);
        if (other === 0) return false;
        m.incref(other);
        try {
          if (!compare(m, Cmp.EQ, value, other)) return false;
        } finally {
          m.decref(other);
        }
      } finally {
        m.decref(key);
        m.decref(value);
      }
    }
  }
  if (ta === m.types.range && m.typeIdOf(b) === ta) {
    const x = m.rangeValues(a);
    const y = m.rangeValues(b);
    return x[0] === y[0] && x[1] === y[1] && x[2] === y[2];
  }
  return false;
}

/** Lexicographic comparison of two lists or tuples (CPython: `list_richcompare`, `tuplerichcompare`). */
export function compareSequences(m: Machine, op: number, a: Ptr, b: Ptr): boolean {
  // CPython: list_richcompare / tuplerichcompare — lengths and items read live, each pair held
  // across its __eq__ (which may clear either list); unequal lengths settle == and != at once.
  const heap = m.heap;
  const length = (seq: Ptr): number =>
    m.typeIdOf(seq) === heap.listType ? heap.listLength(seq) : heap.tupleLength(seq);
  const itemAt = (seq: Ptr, i: number): Ptr =>
    m.typeIdOf(seq) === heap.listType ? heap.listGetItem(seq, i) : heap.tupleGetItem(seq, i);
  if (length(a) !== length(b) && (op === Cmp.EQ || op === Cmp.NE)) return op === Cmp.NE;
  let i = 0;
  for (; i < length(a) && i < length(b); i++) {
    const x = m.incref(itemAt(a, i));
    const y = m.incref(itemAt(b, i));
    try {
      if (x !== y && !compare(m, Cmp.EQ, x, y)) break;
    } finally {
      m.decref(x);
      m.decref(y);
    }
  }
  if (i >= length(a) || i >= length(b)) return compareValues(op, length(a), length(b));
  if (op === Cmp.EQ) return false;
  if (op === Cmp.NE) return true;
  const x = m.incref(itemAt(a, i));
  const y = m.incref(itemAt(b, i));
  try {
    return compare(m, op, x, y);
  } finally {
    m.decref(x);
    m.decref(y);
  }
}

/** `item in container`. CPython: `PySequence_Contains`. */
export function contains(m: Machine, container: Ptr, item: Ptr): boolean {
  const heap = m.heap;
  const t = m.typeIdOf(container);
  if (t === heap.dictType) {
    checkHashable(m, item);
    return heap.dictGetItem(container, item) !== 0;
  }
  if (t === heap.strType) {
    if (!m.isStr(item))
      m.raise(
        "TypeError",
        `'in <string>' requires string as left operand, not ${m.typeName(item)}`,
      );
    return heap.strValue(container).includes(heap.strValue(item));
  }
  if (t === heap.listType || t === heap.tupleType) {
    // CPython: list_contains — the length re-read and the element held across each __eq__,
    // which may shrink or clear the list.
    const isList = t === heap.listType;
    for (let i = 0; i < (isList ? heap.listLength(container) : heap.tupleLength(container)); i++) {
      const element = isList ? heap.listGetItem(container, i) : heap.tupleGetItem(container, i);
      if (element === item) return true;
      m.incref(element);
      try {
        if (compare(m, Cmp.EQ, element, item)) return true;
      } finally {
        m.decref(element);
      }
    }
    return false;
  }
  if (t === m.types.range) {
    if (!m.isNumber(item)) return false;
    const [start, stop, step] = m.rangeValues(container);
    const x = m.numberOf(item);
    if (!Number.isInteger(x)) return false;
    const inBounds = step > 0 ? x >= start && x < stop : x <= start && x > stop;
    return inBounds && (x - start) % step === 0;
  }
  const viewKind = m.viewKind(t);
  if (viewKind === 1) return contains(m, m.field(container, VIEW_DICT_OFFSET), item);
  if (viewKind !== 0) {
    const items = m.viewItems(container, viewKind);
    try {
      return items.some((element) => element === item || compare(m, Cmp.EQ, element, item));
    } finally {
      for (const element of items) m.decref(element);
    }
  }
  const result = m.callSpecial(container, "__contains__", [item]);
  if (result !== 0) return takeTruth(m, result);
  m.raise("TypeError", `argument of type '${m.typeName(container)}' is not iterable`);
}

/** Raises TypeError for keys pymem's dicts cannot hold (CPython: `PyObject_HashNotImplemented`). */
export function checkHashable(m: Machine, key: Ptr): void {
  const t = m.typeIdOf(key);
  const heap = m.heap;
  if (t === heap.listType || t === heap.dictType)
    m.raise("TypeError", `unhashable type: '${m.typeName(key)}'`);
  if (t === heap.tupleType)
    for (let i = 0; i < heap.tupleLength(key); i++) checkHashable(m, heap.tupleGetItem(key, i));
}

const BINARY_DUNDERS = [
  "__add__",
  "__sub__",
  "__mul__",
  "__truediv__",
  "__floordiv__",
  "__mod__",
  "__pow__",
  "__lshift__",
  "__rshift__",
  "__or__",
  "__xor__",
  "__and__",
  "__matmul__",
];

const CMP_SYMBOLS = ["<", "<=", "==", "!=", ">", ">="];
const CMP_DUNDERS = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
const CMP_REFLECTED = [4, 5, 2, 3, 0, 1];
