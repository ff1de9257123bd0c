import { OB_REFCNT_OFFSET, type Ptr, type TypeId } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import { asciiRepr } from "./ascii-repr.js";
import {
  bigIntBinary,
  bigIntUnary,
  compareNumbers,
  floatOperand,
  newBigInt,
} from "./big-int-arithmetic.js";
import { builtinBaseType, onBaseValues } from "./builtin-subclasses.js";
import { isBytesLike } from "./bytes-objects.js";
import { bytesBinary, bytesContains, compareBytes } from "./bytes-operations.js";
import { enterCRecursion, leaveCRecursion } from "./c-recursion.js";
import { codePointOrder } from "./code-points.js";
import { compareComplex, complexBinary } from "./complex-operations.js";
import { dictUnion } from "./dict-union.js";
import { compareDictView, dictViewBinary, itemsContain } from "./dict-view-operations.js";
import { presentFloat } from "./float-digits.js";
import { unionOf } from "./generic-alias.js";
import { truncatedIntegerText } from "./int-text.js";
import { dictEntryAt } from "./iteration.js";
import { getIterator, isIterator, iteratorNext } from "./iterator-protocol.js";
import { MAX_INT, type Machine, type TypeRecord } from "./machine.js";
import { compareViews } from "./memoryview-methods.js";
import { getItem } from "./object-access.js";
import { METHOD_FUNCTION_OFFSET, METHOD_SELF_OFFSET, VIEW_DICT_OFFSET } from "./object-layouts.js";
import { repr, str } from "./object-repr.js";
import { Cmp, compareValues, OP_SYMBOLS, Op } from "./operator-codes.js";
import { checkSequenceSize, checkStrSize } from "./result-size.js";
import { compareSets, setBinary, withKey } from "./set-operations.js";
import { slicesEqual } from "./slice-objects.js";

/**
 * Arithmetic, comparison and membership on heap objects (CPython: `PyNumber_*`,
 * `PyObject_RichCompare`, `PySequence_Contains`), as plain functions taking the {@link Machine}
 * first: ints are float64 safe integers with exact big ints past that range (big-int-arithmetic.ts),
 * floats follow IEEE with
 * Python's floor division and modulo, sequences concatenate and repeat, user classes dispatch to
 * their dunder methods.
 *
 * @module
 */

/**
 * `a op b` for borrowed operands; a new reference. `inplace` (`a op= b`) tries a user class's
 * `__iop__` first and names the operator `op=` in the TypeError, as CPython's in-place
 * `BINARY_OP` does. CPython: `PyNumber_*`, `PyNumber_InPlace*`.
 */
export function binary(m: Machine, op: number, a: Ptr, b: Ptr, inplace = false): Ptr {
  const heap = m.heap;
  const ta = m.typeIdOf(a);
  const tb = m.typeIdOf(b);
  const intA = ta === heap.intType || ta === heap.boolType;
  const intB = tb === heap.intType || tb === heap.boolType;
  if (intA && intB) {
    // CPython: bool_and / bool_or / bool_xor — two bools give a bool.
    if (ta === heap.boolType && tb === heap.boolType && op >= Op.OR && op <= Op.AND) {
      const [x, y] = [a === heap.true, b === heap.true];
      return m.newBool(op === Op.OR ? x || y : op === Op.AND ? x && y : x !== y);
    }
    const x = m.numberOf(a);
    const y = m.numberOf(b);
    // A big int's float64 slot reads NaN.
    if (!Number.isNaN(x) && !Number.isNaN(y)) return intBinary(m, op, x, y);
    return bigIntBinary(m, op, heap.intBigValue(a), heap.intBigValue(b));
  }
  if ((intA || ta === heap.floatType) && (intB || tb === heap.floatType))
    return floatBinary(m, op, floatOperand(m, a), floatOperand(m, b));
  if (ta === heap.strType) {
    if (op === Op.ADD && tb === heap.strType) {
      checkStrSize(heap, heap.strLength(a) + heap.strLength(b));
      return heap.strConcat(a, b);
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
      if (items.length > 0) items.set(source);
      for (let filled = source.length; filled > 0 && filled < items.length; filled *= 2)
        items.copyWithin(filled, 0, Math.min(filled, items.length - filled));
      return ta === heap.listType ? heap.newList(items) : m.newTuple(items);
    }
  }
  if (ta === heap.complexType || tb === heap.complexType) {
    const result = complexBinary(m, op, a, b);
    if (result !== 0) return result;
  }
  // CPython: dict_ior runs before any method of b's; dict_or defers to a subclass's __ror__.
  if (op === Op.OR && ta === heap.dictType && (inplace || m.records[tb]?.user !== true)) {
    const result = dictUnion(m, a, b, inplace);
    if (result !== 0) return result;
  }
  if (ta === heap.setType || ta === heap.frozensetType) {
    const result = setBinary(m, op, a, b);
    if (result !== 0) return result;
  }
  if (isBytesLike(m, a) || isBytesLike(m, b)) {
    const result = bytesBinary(m, op, a, b);
    if (result !== 0) return result;
  }
  // CPython: dict_keys / dict_items number slots; a's slot runs before any method of b's.
  const viewA = m.viewKind(ta);
  if (viewA === 1 || viewA === 3) {
    const result = dictViewBinary(m, op, a, b);
    if (result !== 0) return result;
  }
  const dunder = BINARY_DUNDERS[op]!;
  const ra = m.records[ta];
  if (inplace && ra?.user === true) {
    // CPython: binary_iop1 — a class's `__iadd__` (…) first, then the plain operator.
    const result = declined(m, m.callSpecial(a, `__i${dunder.slice(2)}`, [b]));
    if (result !== 0) return result;
  }
  const rb = m.records[tb];
  const reflected = `__r${dunder.slice(2)}`;
  // CPython: binary_op1 — b's reflected method first when b's class derives from a's and
  // overrides it (method_is_overloaded).
  const reflectedFirst =
    rb?.user === true &&
    ra !== undefined &&
    ta !== tb &&
    m.isSubtype(rb, ra) &&
    m.lookupType(rb, m.name(reflected)) !== m.lookupType(ra, m.name(reflected));
  if (reflectedFirst) {
    const result = declined(m, m.callSpecial(b, reflected, [a]));
    if (result !== 0) return result;
  }
  if (ra?.user === true) {
    const result = declined(m, m.callSpecial(a, dunder, [b]));
    if (result !== 0) return result;
  }
  if (rb?.user === true && !reflectedFirst) {
    const result = declined(m, m.callSpecial(b, reflected, [a]));
    if (result !== 0) return result;
  }
  // A view on the right: its slot, after a's own method declined (`[1] & d.keys()`).
  const viewB = m.viewKind(tb);
  if (viewB === 1 || viewB === 3) {
    const result = dictViewBinary(m, op, a, b);
    if (result !== 0) return result;
  }
  // CPython's built-in slots take subclass instances (PyList_Check, PyLong_Check): run the
  // operator on their base values once the classes' own methods declined.
  const onBase = onBaseValues(m, a, b, (x, y) => binary(m, op, x, y, inplace));
  if (onBase !== 0) return onBase;
  // CPython: sq_repeat / sq_concat come after both operands' number slots, so a user class's
  // __rmul__ / __radd__ gets its turn before a sequence refuses.
  if (
    op === Op.MUL &&
    (ta === heap.strType ||
      ta === heap.listType ||
      ta === heap.tupleType ||
      tb === heap.strType ||
      tb === heap.listType ||
      tb === heap.tupleType) &&
    builtinBaseType(m, ta) === 0 &&
    builtinBaseType(m, tb) === 0
  )
    m.raise(
      "TypeError",
      `can't multiply sequence by non-int of type '${m.typeName(ta === heap.strType || ta === heap.listType || ta === heap.tupleType ? b : a)}'`,
    );
  if (
    op === Op.ADD &&
    (ta === heap.strType || ta === heap.listType || ta === heap.tupleType) &&
    builtinBaseType(m, tb) === 0
  )
    m.raise(
      "TypeError",
      `can only concatenate ${m.typeName(a)} (not "${m.typeName(b)}") to ${m.typeName(a)}`,
    );
  if (op === Op.OR) {
    // CPython: type.__or__ / __ror__ — `int | None` builds a union of type hints.
    const union = unionOf(m, a, b);
    if (union !== 0) return union;
  }
  m.raise(
    "TypeError",
    `unsupported operand type(s) for ${OP_SYMBOLS[op]}${inplace ? "=" : ""}: '${m.typeName(a)}' and '${m.typeName(b)}'`,
  );
}

/**
 * `name += b` for an exact `str` `a` that only the variable `name` and the caller (who loaded it)
 * reference, and an exact `str` `b`: appends in place when `a`'s block has room, else builds the
 * result with spare room so that the next append usually does. Returns a new reference, or 0 when
 * the case does not apply (the caller then adds as usual). The variable's old value is the same
 * object when appended in place, so storing the result back is a no-op on counts. This is what
 * keeps a loop of `s += piece` linear, as in CPython.
 * CPython: `BINARY_OP_INPLACE_ADD_UNICODE` (then `PyUnicode_Append`).
 *
 * @example
 * ```ts
 * const result = appendStrToVariable(machine, a, b) || binary(machine, Op.ADD, a, b, true);
 * ```
 */
export function appendStrToVariable(m: Machine, a: Ptr, b: Ptr): Ptr {
  const heap = m.heap;
  if (m.typeIdOf(a) !== heap.strType || m.typeIdOf(b) !== heap.strType) return 0;
  if (heap.memory.u32[(a + OB_REFCNT_OFFSET) >>> 2] !== 2) return 0;
  checkStrSize(heap, heap.strLength(a) + heap.strLength(b));
  if (heap.strAppendInPlace(a, b)) return m.incref(a);
  return heap.strConcat(a, b, true);
}

/**
 * A dunder's result, or 0 when it returned `NotImplemented` (released) — CPython's signal to try
 * the reflected method or the default. 0 in stays 0 (no such method).
 *
 * @example
 * ```ts
 * const result = declined(machine, machine.callSpecial(a, "__add__", [b]));
 * ```
 */
export function declined(m: Machine, result: Ptr): Ptr {
  if (result !== m.notImplemented) return result;
  m.decref(result);
  return 0;
}

/** The count of `seq * n` (negative counts repeat zero times, as `list_repeat`). */
export function repeatCount(m: Machine, obj: Ptr): number {
  const n = m.numberOf(obj);
  // A big int (NaN here) cannot be a size, whatever its sign. CPython: PyNumber_AsSsize_t.
  if (Number.isNaN(n)) m.raise("OverflowError", "cannot fit 'int' into an index-sized integer");
  return Math.max(n, 0);
}

/** Items of a list or tuple as borrowed pointers (CPython: `PySequence_Fast_ITEMS`). */
export function sequenceItems(m: Machine, obj: Ptr): Ptr[] {
  const heap = m.heap;
  const items: Ptr[] = [];
  if (heap.kinds[m.typeIdOf(obj)] === ObjectKind.LIST)
    for (let i = 0; i < heap.listLength(obj); i++) items.push(heap.listGetItem(obj, i));
  else for (let i = 0; i < heap.tupleLength(obj); i++) items.push(heap.tupleGetItem(obj, i));
  return items;
}

/**
 * `x op y` on two ints held as safe integers; a new reference. A result past the safe range is
 * computed again exactly by {@link bigIntBinary}. CPython: `long_add`, `long_sub`, `long_mul`,
 * `long_div`, `long_mod`, `long_pow`, … .
 */
export function intBinary(m: Machine, op: number, x: number, y: number): Ptr {
  let result: number;
  switch (op) {
    case Op.ADD:
      result = x + y;
      break;
    case Op.SUB:
      result = x - y;
      break;
    case Op.MUL:
      result = x * y;
      break;
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
      // A float64 power is exact only while it stays small; anything larger is recomputed.
      result = y >= 0 ? x ** y : Number.NaN;
      if (!(result <= SMALL_POWER && result >= -SMALL_POWER)) result = Number.NaN;
      break;
    case Op.LSHIFT:
      if (y < 0) m.raise("ValueError", "negative shift count");
      result = x * 2 ** y;
      break;
    case Op.RSHIFT:
      if (y < 0) m.raise("ValueError", "negative shift count");
      return m.newInt(y > 53 ? (x < 0 ? -1 : 0) : Math.floor(x / 2 ** y));
    // Two negative safe integers can combine to -(2**53): newBigInt stores whichever layout fits.
    case Op.OR:
      return newBigInt(m, BigInt(x) | BigInt(y));
    case Op.XOR:
      return newBigInt(m, BigInt(x) ^ BigInt(y));
    case Op.AND:
      return newBigInt(m, BigInt(x) & BigInt(y));
    default:
      return m.raise(
        "TypeError",
        `unsupported operand type(s) for ${OP_SYMBOLS[op]}: 'int' and 'int'`,
      );
  }
  if (result <= Number.MAX_SAFE_INTEGER && result >= -Number.MAX_SAFE_INTEGER)
    return m.newInt(result);
  return bigIntBinary(m, op, BigInt(x), BigInt(y));
}

/** Largest `x ** y` trusted from float64 `**` (2^31): beyond it the power is computed exactly. */
const SMALL_POWER = 2 ** 31;

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
      // CPython: float_pow — x**0 and 1**y are 1.0 even for a NaN or infinite other side (JS
      // gives NaN for 1**NaN and (±1)**±inf); a negative base to a fractional power is complex.
      if (y === 0 || x === 1 || (Math.abs(x) === 1 && !Number.isFinite(y) && !Number.isNaN(y)))
        return m.newFloat(1);
      if (x < 0 && Number.isFinite(x) && Number.isFinite(y) && y !== Math.floor(y))
        return complexPower(m, x, y);
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

/** `complex(x) ** complex(y)`, what float_pow defers to for a negative base. */
function complexPower(m: Machine, x: number, y: number): Ptr {
  const base = m.heap.newComplex(x, 0);
  try {
    const exponent = m.heap.newComplex(y, 0);
    try {
      return complexBinary(m, Op.POW, base, exponent);
    } finally {
      m.decref(exponent);
    }
  } finally {
    m.decref(base);
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
 * `str % args`: %s, %r, %a, %d, %i, %o, %x, %X, %c, %e, %E, %f, %F, %g, %G, %%, with `%(key)s`
 * taking values from a mapping, the `-`, `0`, `+` and space flags, width and precision (either
 * may be `*`, taken from the arguments); any other conversion is CPython's ValueError.
 * CPython: `PyUnicode_Format`.
 */
export function percentFormat(m: Machine, format: Ptr, args: Ptr): Ptr {
  const heap = m.heap;
  const text = heap.strValue(format);
  // CPython: PyTuple_Check — a tuple subclass's items are the arguments too.
  const isTuple = heap.kinds[m.typeIdOf(args)] === ObjectKind.TUPLE;
  const values = isTuple ? sequenceItems(m, args) : [args];
  // CPython: a mapping argument (PyMapping_Check: its type has __getitem__; not a tuple or str)
  // serves `%(key)s` conversions, and excuses arguments left unconverted.
  const mapping =
    !isTuple && !m.isStr(args) && m.lookupType(m.recordOf(args), m.name("__getitem__")) !== 0
      ? args
      : 0;
  let index = 0;
  let usedKeys = false;
  const next = (): Ptr => {
    const value = values[index++];
    if (value === undefined) return m.raise("TypeError", "not enough arguments for format string");
    return value;
  };
  const held: Ptr[] = [];
  let out: string;
  try {
    out = text.replace(
      /%(?:\(([^)]*)\))?([-+ 0#]*)(\*|\d*)(?:\.(\*|\d+))?([\s\S]?)/g,
      (
        match,
        key: string | undefined,
        flags: string,
        width: string,
        precision: string | undefined,
        conversion: string,
        offset: number,
      ) => {
        // CPython: PyUnicode_Format — a conversion it does not know is a ValueError.
        if (conversion === "") m.raise("ValueError", "incomplete format");
        if (!"sridoufFeEgGxXca%".includes(conversion)) {
          const code = conversion.codePointAt(0)!;
          m.raise(
            "ValueError",
            `unsupported format character '${conversion}' (0x${code.toString(16)}) at index ${offset + match.length - 1}`,
          );
        }
        // CPython: a `*` width or precision takes the next argument, an int; a negative
        // width left-justifies.
        if (width === "*") {
          const starred = starArgument(m, next());
          if (starred < 0) flags += "-";
          width = String(Math.abs(starred));
        }
        if (precision === "*") precision = String(Math.max(0, starArgument(m, next())));
        if (conversion === "%") return "%";
        let value: Ptr;
        if (key !== undefined) {
          if (mapping === 0) m.raise("TypeError", "format requires a mapping");
          usedKeys = true;
          const name = heap.newStr(key);
          try {
            value = getItem(m, mapping, name);
          } finally {
            m.decref(name);
          }
          held.push(value);
        } else value = next();
        let body = convertOne(m, value, conversion, precision);
        // CPython: the '#' flag's alternate form puts 0x / 0X / 0o after the sign.
        const radixPrefix = flags.includes("#") && /[xXo]/.test(conversion) ? `0${conversion}` : "";
        if (radixPrefix !== "")
          body = body.startsWith("-") ? `-${radixPrefix}${body.slice(1)}` : `${radixPrefix}${body}`;
        if (/[dioufFeEgGxX]/.test(conversion) && !body.startsWith("-")) {
          if (flags.includes("+")) body = `+${body}`;
          else if (flags.includes(" ")) body = ` ${body}`;
        }
        const size = width === "" ? 0 : Number(width);
        checkStrSize(m.heap, size);
        if (flags.includes("-")) return body.padEnd(size);
        if (flags.includes("0") && /[dioufFeEgGxX]/.test(conversion)) {
          const sign = (/^[-+ ]/.test(body) ? body[0]! : "") + radixPrefix;
          return sign + body.slice(sign.length).padStart(size - sign.length, "0");
        }
        return body.padStart(size);
      },
    );
  } finally {
    for (const value of held) m.decref(value);
  }
  if (index < values.length && !usedKeys && !(mapping !== 0 && index === 0))
    m.raise("TypeError", "not all arguments converted during string formatting");
  return heap.newStr(out);
}

/** The int a `*` width or precision takes (CPython: PyUnicode_Format's "* wants int"). */
function starArgument(m: Machine, value: Ptr): number {
  if (!m.isInt(value)) m.raise("TypeError", "* wants int");
  return m.numberOf(value);
}

/** One `%` conversion's text (before width and flags). */
function convertOne(
  m: Machine,
  value: Ptr,
  conversion: string,
  precision: string | undefined,
): string {
  switch (conversion) {
    case "s":
      return precision === undefined ? str(m, value) : str(m, value).slice(0, Number(precision));
    case "r":
      return repr(m, value);
    case "a":
      return asciiRepr(m, value);
    case "c": {
      // CPython: formatchar — an int code point or a one-character str.
      if (m.isStr(value) && [...m.heap.strValue(value)].length === 1) return m.heap.strValue(value);
      if (!m.isInt(value) || m.isStr(value)) m.raise("TypeError", "%c requires int or char");
      const point = m.numberOf(value);
      if (!(point >= 0 && point <= 0x10ffff))
        m.raise("OverflowError", "%c arg not in range(0x110000)");
      return String.fromCodePoint(point);
    }
    case "d":
    case "i":
    case "u":
      return truncatedIntegerText(m, numberArgument(m, value, conversion), 10);
    case "o":
    case "x":
    case "X": {
      // CPython: formatlong — octal and hex want an int (or __index__), never a float.
      if (!m.isInt(value))
        m.raise(
          "TypeError",
          `%${conversion} format: an integer is required, not ${m.typeName(value)}`,
        );
      const body = truncatedIntegerText(m, value, conversion === "o" ? 8 : 16);
      return conversion === "X" ? body.toUpperCase() : body;
    }
    default: {
      // CPython: formatfloat — the precision must fit a C int, then the digits are built.
      const digits = precision === undefined ? 6 : Number(precision);
      if (digits > 2 ** 31 - 1) m.raise("ValueError", "precision too big");
      checkStrSize(m.heap, digits);
      return presentFloat(
        floatOperand(m, numberArgument(m, value, conversion)),
        conversion,
        digits,
      );
    }
  }
}

/** The number a `%d`/`%f` conversion formats (borrowed), or its TypeError (CPython: `formatlong`, `formatfloat`). */
export function numberArgument(m: Machine, value: Ptr, conversion: string): Ptr {
  if (!m.isNumber(value))
    m.raise(
      "TypeError",
      `%${conversion} format: a real number is required, not ${m.typeName(value)}`,
    );
  return value;
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
    if (Number.isNaN(x)) return bigIntUnary(m, op, heap.intBigValue(a));
    if (op === "USub") return m.newInt(-x);
    if (op === "UAdd") return m.newInt(x);
    // ~(2**53 - 1) is -(2**53): one past the safe range.
    return x < MAX_INT ? m.newInt(-x - 1) : bigIntUnary(m, op, BigInt(x));
  }
  if (t === heap.floatType && op !== "Invert")
    return m.newFloat(op === "USub" ? -m.numberOf(a) : m.numberOf(a));
  // CPython: complex_neg, complex_pos (an exact complex is its own +z).
  if (t === heap.complexType && op === "USub")
    return heap.newComplex(-heap.complexReal(a), -heap.complexImag(a));
  if (t === heap.complexType && op === "UAdd") return m.incref(a);
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
  if (numA && numB) {
    const x = m.numberOf(a);
    const y = m.numberOf(b);
    // NaN: a big int, or a float NaN; both are settled exactly there.
    if (!Number.isNaN(x) && !Number.isNaN(y)) return compareValues(op, x, y);
    return compareNumbers(m, op, a, b);
  }
  if (ta === heap.strType && tb === heap.strType)
    return compareValues(op, codePointOrder(heap.strValue(a), heap.strValue(b)), 0);
  if ((ta === heap.listType || ta === heap.tupleType) && ta === tb) {
    enterCRecursion(m, " in comparison");
    try {
      return compareSequences(m, op, a, b);
    } finally {
      leaveCRecursion(m);
    }
  }
  return takeTruth(m, compareObjects(m, op, a, b, ta, tb));
}

/**
 * `a < b`, `a == b`, … as an expression: a new reference to what the comparison gave — a user
 * class's `__lt__`/`__eq__` result as it is (a list, a custom object), else a bool. The truth
 * tests (`if`, sorting, `in`) use {@link compare}. CPython: `PyObject_RichCompare`.
 *
 * @example
 * ```ts
 * const result = richCompare(machine, Cmp.LT, a, b); // whatever a.__lt__(b) returned
 * ```
 */
export function richCompare(m: Machine, op: number, a: Ptr, b: Ptr): Ptr {
  const ta = m.typeIdOf(a);
  const tb = m.typeIdOf(b);
  if (m.records[ta]?.user !== true && m.records[tb]?.user !== true)
    return m.newBool(compare(m, op, a, b));
  return compareObjects(m, op, a, b, ta, tb);
}

/**
 * The comparison of operands other than two numbers, two strs or two lists/tuples: the
 * classes' own methods in CPython's order, then the built-in comparisons; a new reference.
 * CPython: `do_richcompare`.
 */
function compareObjects(m: Machine, op: number, a: Ptr, b: Ptr, ta: TypeId, tb: TypeId): Ptr {
  const heap = m.heap;
  const ra = m.records[ta];
  const rb = m.records[tb];
  // CPython: do_richcompare — when b's class derives from a's, b's reflected method goes first.
  const reflectedFirst = rb?.user === true && ta !== tb && ra !== undefined && m.isSubtype(rb, ra);
  if (reflectedFirst) {
    const result = userCompare(m, b, CMP_REFLECTED[op]!, a);
    if (result !== 0) return result;
  }
  if (ta === heap.setType || ta === heap.frozensetType) {
    const result = compareSets(m, op, a, b);
    if (result !== undefined) return m.newBool(result);
  }
  const setViewOrder = compareDictView(m, op, a, b);
  if (setViewOrder !== undefined) return m.newBool(setViewOrder);
  if (ta === heap.complexType || tb === heap.complexType) {
    const result = compareComplex(m, op, a, b);
    if (result !== undefined) return m.newBool(result);
  }
  const viewOrder = compareViews(m, op, a, b);
  if (viewOrder !== undefined) return m.newBool(viewOrder);
  const bytesOrder = compareBytes(m, op, a, b);
  if (bytesOrder !== undefined) return m.newBool(bytesOrder);
  if (ra?.user === true) {
    const result = userCompare(m, a, op, b);
    if (result !== 0) return result;
  }
  if (rb?.user === true && !reflectedFirst) {
    const result = userCompare(m, b, CMP_REFLECTED[op]!, a);
    if (result !== 0) return result;
  }
  // A keys / items view on the right answers the reflected comparison (`{1} <= d.keys()`).
  const reflectedViewOrder = compareDictView(m, CMP_REFLECTED[op]!, b, a);
  if (reflectedViewOrder !== undefined) return m.newBool(reflectedViewOrder);
  const onBase = onBaseValues(m, a, b, (x, y) => compare(m, op, x, y));
  if (onBase !== 0) return m.newBool(onBase);
  if (op === Cmp.EQ || op === Cmp.NE) {
    enterCRecursion(m, " in comparison");
    try {
      return m.newBool(equalOther(m, a, b, ta) === (op === Cmp.EQ));
    } finally {
      leaveCRecursion(m);
    }
  }
  m.raise(
    "TypeError",
    `'${CMP_SYMBOLS[op]}' not supported between instances of '${m.typeName(a)}' and '${m.typeName(b)}'`,
  );
}

/**
 * `obj.__op__(other)` for a user class: the result, or 0 when the class declines (no such method,
 * or `NotImplemented`). A class without `__ne__` inherits `object.__ne__`, the inverse of its
 * `__eq__`. CPython: `slot_tp_richcompare`, `object_richcompare`.
 */
function userCompare(m: Machine, obj: Ptr, op: number, other: Ptr): Ptr {
  const result = declined(m, m.callSpecial(obj, CMP_DUNDERS[op]!, [other]));
  if (result !== 0 || op !== Cmp.NE) return result;
  if (m.lookupType(m.recordOf(obj), m.name("__ne__")) !== 0) return 0;
  const equal = declined(m, m.callSpecial(obj, "__eq__", [other]));
  if (equal === 0) return 0;
  return m.newBool(!takeTruth(m, equal));
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
          // CPython: PyObject_RichCompareBool — identity first (`d['self'] = d; d == d`).
          if (value !== other && !compare(m, Cmp.EQ, value, other)) return false;
        } finally {
          m.decref(other);
        }
      } finally {
        m.decref(key);
        m.decref(value);
      }
    }
  }
  if (ta === m.types.method && m.typeIdOf(b) === ta) {
    // CPython: method_richcompare — the same self (identity) and equal functions.
    return (
      m.field(a, METHOD_SELF_OFFSET) === m.field(b, METHOD_SELF_OFFSET) &&
      m.field(a, METHOD_FUNCTION_OFFSET) === m.field(b, METHOD_FUNCTION_OFFSET)
    );
  }
  if (ta === m.heap.weakrefType && m.typeIdOf(b) === ta) {
    // CPython: weakref_richcompare — live references compare their referents.
    const x = m.heap.weakrefGet(a);
    const y = m.heap.weakrefGet(b);
    const dead = m.heap.none; // what weakrefGet gives once the referent is gone
    return x !== dead && y !== dead && compare(m, Cmp.EQ, x, y);
  }
  if (ta === m.types.slice && m.typeIdOf(b) === ta)
    return slicesEqual(m, a, b, (x, y) => compare(m, Cmp.EQ, x, y));
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
export function contains(
  m: Machine,
  container: Ptr,
  item: Ptr,
  t: TypeId = m.typeIdOf(container),
): boolean {
  const heap = m.heap;
  if (t === heap.dictType) {
    checkHashable(m, item);
    return heap.dictGetItem(container, item) !== 0;
  }
  if (t === heap.setType || t === heap.frozensetType)
    return withKey(m, item, (key) => heap.setContains(container, key));
  if (t === heap.strType) {
    if (!m.isStr(item))
      m.raise(
        "TypeError",
        `'in <string>' requires string as left operand, not ${m.typeName(item)}`,
      );
    return heap.strValue(container).includes(heap.strValue(item));
  }
  if (t === m.types.bytes || t === m.types.bytearray) return bytesContains(m, container, item);
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
  if (viewKind === 3) return itemsContain(m, container, item);
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
  // CPython: _PySequence_IterSearch — anything iterable is searched item by item.
  const record = m.recordOf(container);
  if (!isIterator(m, container) && !(record.user && definesIteration(m, record)))
    m.raise("TypeError", `argument of type '${m.typeName(container)}' is not iterable`);
  const it = getIterator(m, container);
  try {
    for (;;) {
      const element = iteratorNext(m, it);
      if (element === 0) return false;
      let found: boolean;
      try {
        found = element === item || compare(m, Cmp.EQ, element, item);
      } finally {
        m.decref(element);
      }
      if (found) return true;
    }
  } finally {
    m.decref(it);
  }
}

/** Whether a user class can be iterated (`__iter__`, or the old `__getitem__` protocol). */
function definesIteration(m: Machine, record: TypeRecord): boolean {
  return (
    m.lookupType(record, m.name("__iter__")) !== 0 ||
    m.lookupType(record, m.name("__getitem__")) !== 0
  );
}

/** Raises TypeError for keys pymem's dicts cannot hold (CPython: `PyObject_HashNotImplemented`). */
export function checkHashable(m: Machine, key: Ptr): void {
  const t = m.typeIdOf(key);
  const heap = m.heap;
  const kind = heap.kinds[t];
  if (
    kind === ObjectKind.LIST ||
    kind === ObjectKind.DICT ||
    kind === ObjectKind.SET ||
    t === m.types.bytearray
  ) {
    // A list, dict or set subclass defining __hash__ hashes through it (key-protocol.ts).
    if (!heap.keyProtocolTypes.has(t))
      m.raise("TypeError", `unhashable type: '${m.typeName(key)}'`);
  }
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
