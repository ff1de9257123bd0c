import type { Ptr, TypeId } from "@pymem/core";
import type { Machine } from "./machine.js";
import { VIEW_DICT_OFFSET } from "./object-layouts.js";
import { Cmp, compareValues, OP_SYMBOLS, Op } from "./operator-codes.js";

/**
 * Arithmetic, comparison and membership on heap objects (CPython: `PyNumber_*`,
 * `PyObject_RichCompare`, `PySequence_Contains`), as {@link Machine} methods: ints are float64
 * safe integers (overflow is OverflowError), floats follow IEEE with Python's floor division and
 * modulo, sequences concatenate and repeat, user classes dispatch to their dunder methods.
 *
 * @module
 */

/**
 * The operator methods of {@link Machine}.
 *
 * @example
 * ```ts
 * const sum = machine.binary(Op.ADD, a, b); // a new reference
 * ```
 */
export interface OperatorMethods {
  binary(op: number, a: Ptr, b: Ptr): Ptr;
  repeatCount(obj: Ptr): number;
  sequenceItems(obj: Ptr): Ptr[];
  intBinary(op: number, x: number, y: number): Ptr;
  floatBinary(op: number, x: number, y: number): Ptr;
  percentFormat(format: Ptr, args: Ptr): Ptr;
  numberArgument(value: Ptr, conversion: string): number;
  unary(op: "USub" | "UAdd" | "Invert", a: Ptr): Ptr;
  compare(op: number, a: Ptr, b: Ptr): boolean;
  takeTruth(result: Ptr): boolean;
  equalOther(a: Ptr, b: Ptr, ta: TypeId): boolean;
  compareSequences(op: number, a: Ptr, b: Ptr): boolean;
  contains(container: Ptr, item: Ptr): boolean;
  checkHashable(key: Ptr): void;
}

/**
 * The implementation of {@link OperatorMethods}, installed on `Machine.prototype`.
 *
 * @internal
 *
 * @example
 * ```ts
 * Object.defineProperties(Machine.prototype, Object.getOwnPropertyDescriptors(operatorMethods));
 * ```
 */
export const operatorMethods: OperatorMethods & ThisType<Machine> = {
  /** `a op b` for borrowed operands; a new reference. CPython: `PyNumber_*`. */
  binary(this: Machine, op: number, a: Ptr, b: Ptr): Ptr {
    const heap = this.heap;
    const ta = this.typeIdOf(a);
    const tb = this.typeIdOf(b);
    const intA = ta === heap.intType || ta === heap.boolType;
    const intB = tb === heap.intType || tb === heap.boolType;
    if (intA && intB) return this.intBinary(op, this.numberOf(a), this.numberOf(b));
    if ((intA || ta === heap.floatType) && (intB || tb === heap.floatType))
      return this.floatBinary(op, this.numberOf(a), this.numberOf(b));
    if (ta === heap.strType) {
      if (op === Op.ADD && tb === heap.strType)
        return heap.newStr(heap.strValue(a) + heap.strValue(b));
      if (op === Op.MUL && intB) return heap.newStr(heap.strValue(a).repeat(this.repeatCount(b)));
      if (op === Op.MOD) return this.percentFormat(a, b);
    }
    if (ta === heap.strType && intA === false && op === Op.MUL && intB) {
      return heap.newStr(heap.strValue(a).repeat(this.repeatCount(b)));
    }
    if (
      op === Op.MUL &&
      intA &&
      (tb === heap.strType || tb === heap.listType || tb === heap.tupleType)
    )
      return this.binary(op, b, a);
    if (ta === heap.listType || ta === heap.tupleType) {
      if (op === Op.ADD && tb === ta) {
        const items = [...this.sequenceItems(a), ...this.sequenceItems(b)];
        return ta === heap.listType ? heap.newList(items) : this.newTuple(items);
      }
      if (op === Op.MUL && intB) {
        const count = this.repeatCount(b);
        const source = this.sequenceItems(a);
        const items: Ptr[] = [];
        for (let i = 0; i < count; i++) items.push(...source);
        return ta === heap.listType ? heap.newList(items) : this.newTuple(items);
      }
    }
    const dunder = BINARY_DUNDERS[op]!;
    const ra = this.records[ta];
    if (
      op === Op.MUL &&
      (ta === heap.strType ||
        ta === heap.listType ||
        ta === heap.tupleType ||
        tb === heap.strType ||
        tb === heap.listType ||
        tb === heap.tupleType)
    )
      this.raise(
        "TypeError",
        `can't multiply sequence by non-int of type '${this.typeName(ta === heap.strType || ta === heap.listType || ta === heap.tupleType ? b : a)}'`,
      );
    if (op === Op.ADD && (ta === heap.strType || ta === heap.listType || ta === heap.tupleType))
      this.raise(
        "TypeError",
        `can only concatenate ${this.typeName(a)} (not "${this.typeName(b)}") to ${this.typeName(a)}`,
      );
    if (ra?.user === true) {
      const result = this.callSpecial(a, dunder, [b]);
      if (result !== 0) return result;
    }
    const rb = this.records[tb];
    if (rb?.user === true) {
      const result = this.callSpecial(b, `__r${dunder.slice(2)}`, [a]);
      if (result !== 0) return result;
    }
    this.raise(
      "TypeError",
      `unsupported operand type(s) for ${OP_SYMBOLS[op]}: '${this.typeName(a)}' and '${this.typeName(b)}'`,
    );
  },

  repeatCount(this: Machine, obj: Ptr): number {
    const n = this.numberOf(obj);
    return Math.max(n, 0);
  },

  /** Items of a list or tuple as borrowed pointers. */
  sequenceItems(this: Machine, obj: Ptr): Ptr[] {
    const heap = this.heap;
    const items: Ptr[] = [];
    if (this.typeIdOf(obj) === heap.listType)
      for (let i = 0; i < heap.listLength(obj); i++) items.push(heap.listGetItem(obj, i));
    else for (let i = 0; i < heap.tupleLength(obj); i++) items.push(heap.tupleGetItem(obj, i));
    return items;
  },

  intBinary(this: Machine, op: number, x: number, y: number): Ptr {
    switch (op) {
      case Op.ADD:
        return this.newInt(x + y);
      case Op.SUB:
        return this.newInt(x - y);
      case Op.MUL:
        return this.newInt(x * y);
      case Op.TRUEDIV:
        if (y === 0) this.raise("ZeroDivisionError", "division by zero");
        return this.newFloat(x / y);
      case Op.FLOORDIV:
        if (y === 0) this.raise("ZeroDivisionError", "integer division or modulo by zero");
        return this.newInt(Math.floor(x / y));
      case Op.MOD: {
        if (y === 0) this.raise("ZeroDivisionError", "integer modulo by zero");
        const r = x % y;
        return this.newInt(r !== 0 && r < 0 !== y < 0 ? r + y : r);
      }
      case Op.POW:
        if (y < 0) {
          if (x === 0) this.raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
          return this.newFloat(x ** y);
        }
        return this.newInt(x ** y);
      case Op.LSHIFT:
        if (y < 0) this.raise("ValueError", "negative shift count");
        return this.newInt(x * 2 ** y);
      case Op.RSHIFT:
        if (y < 0) this.raise("ValueError", "negative shift count");
        return this.newInt(Math.floor(x / 2 ** y));
      case Op.OR:
        return this.newInt(Number(BigInt(x) | BigInt(y)));
      case Op.XOR:
        return this.newInt(Number(BigInt(x) ^ BigInt(y)));
      case Op.AND:
        return this.newInt(Number(BigInt(x) & BigInt(y)));
      default:
        return this.raise(
          "TypeError",
          `unsupported operand type(s) for ${OP_SYMBOLS[op]}: 'int' and 'int'`,
        );
    }
  },

  floatBinary(this: Machine, op: number, x: number, y: number): Ptr {
    switch (op) {
      case Op.ADD:
        return this.newFloat(x + y);
      case Op.SUB:
        return this.newFloat(x - y);
      case Op.MUL:
        return this.newFloat(x * y);
      case Op.TRUEDIV:
        if (y === 0) this.raise("ZeroDivisionError", "float division by zero");
        return this.newFloat(x / y);
      case Op.FLOORDIV:
        if (y === 0) this.raise("ZeroDivisionError", "float floor division by zero");
        return this.newFloat(Math.floor(x / y));
      case Op.MOD: {
        if (y === 0) this.raise("ZeroDivisionError", "float modulo by zero");
        const r = x % y;
        return this.newFloat(r !== 0 && r < 0 !== y < 0 ? r + y : r);
      }
      case Op.POW:
        if (x === 0 && y < 0)
          this.raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
        return this.newFloat(x ** y);
      default:
        return this.raise(
          "TypeError",
          `unsupported operand type(s) for ${OP_SYMBOLS[op]}: 'float' and 'float'`,
        );
    }
  },

  /** `str % args` with %s, %r, %d, %i, %f, %x, %% (the forms scripts commonly use). */
  percentFormat(this: Machine, format: Ptr, args: Ptr): Ptr {
    const heap = this.heap;
    const text = heap.strValue(format);
    const values = this.typeIdOf(args) === heap.tupleType ? this.sequenceItems(args) : [args];
    let index = 0;
    const next = (): Ptr => {
      const value = values[index++];
      if (value === undefined)
        return this.raise("TypeError", "not enough arguments for format string");
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
            body = this.str(value);
            break;
          case "r":
            body = this.repr(value);
            break;
          case "d":
          case "i":
            body = String(Math.trunc(this.numberArgument(value, conversion)));
            break;
          case "x":
            body = Math.trunc(this.numberArgument(value, conversion)).toString(16);
            break;
          case "X":
            body = Math.trunc(this.numberArgument(value, conversion)).toString(16).toUpperCase();
            break;
          case "g":
            body = String(this.numberArgument(value, conversion));
            break;
          default:
            body = this.numberArgument(value, conversion).toFixed(
              precision === undefined ? 6 : Number(precision),
            );
        }
        const size = width === "" ? 0 : Number(width);
        if (flags.includes("-")) return body.padEnd(size);
        return flags.includes("0") ? body.padStart(size, "0") : body.padStart(size);
      },
    );
    if (index < values.length)
      this.raise("TypeError", "not all arguments converted during string formatting");
    return heap.newStr(out);
  },

  numberArgument(this: Machine, value: Ptr, conversion: string): number {
    if (!this.isNumber(value))
      this.raise(
        "TypeError",
        `%${conversion} format: a real number is required, not ${this.typeName(value)}`,
      );
    return this.numberOf(value);
  },

  /** Unary `-`, `+`, `~` on a borrowed operand; a new reference. */
  unary(this: Machine, op: "USub" | "UAdd" | "Invert", a: Ptr): Ptr {
    const t = this.typeIdOf(a);
    const heap = this.heap;
    if (t === heap.intType || t === heap.boolType) {
      const x = this.numberOf(a);
      if (op === "USub") return this.newInt(-x);
      if (op === "UAdd") return this.newInt(x);
      return this.newInt(-x - 1);
    }
    if (t === heap.floatType && op !== "Invert")
      return this.newFloat(op === "USub" ? -this.numberOf(a) : this.numberOf(a));
    const symbol = op === "USub" ? "-" : op === "UAdd" ? "+" : "~";
    const dunder = op === "USub" ? "__neg__" : op === "UAdd" ? "__pos__" : "__invert__";
    const result = this.callSpecial(a, dunder, []);
    if (result !== 0) return result;
    this.raise("TypeError", `bad operand type for unary ${symbol}: '${this.typeName(a)}'`);
  },

  // ─────────────────────────────────────────────────────────────── comparisons

  /** Rich comparison of borrowed operands. CPython: `PyObject_RichCompare` (bool result). */
  compare(this: Machine, op: number, a: Ptr, b: Ptr): boolean {
    const heap = this.heap;
    const ta = this.typeIdOf(a);
    const tb = this.typeIdOf(b);
    const numA = ta === heap.intType || ta === heap.boolType || ta === heap.floatType;
    const numB = tb === heap.intType || tb === heap.boolType || tb === heap.floatType;
    if (numA && numB) return compareValues(op, this.numberOf(a), this.numberOf(b));
    if (ta === heap.strType && tb === heap.strType)
      return compareValues(op, heap.strValue(a), heap.strValue(b));
    if ((ta === heap.listType || ta === heap.tupleType) && ta === tb)
      return this.compareSequences(op, a, b);
    const ra = this.records[ta];
    const rb = this.records[tb];
    if (ra?.user === true) {
      const result = this.callSpecial(a, CMP_DUNDERS[op]!, [b]);
      if (result !== 0) return this.takeTruth(result);
    }
    if (rb?.user === true) {
      const result = this.callSpecial(b, CMP_DUNDERS[CMP_REFLECTED[op]!]!, [a]);
      if (result !== 0) return this.takeTruth(result);
    }
    if (op === Cmp.EQ) return this.equalOther(a, b, ta);
    if (op === Cmp.NE) return !this.equalOther(a, b, ta);
    this.raise(
      "TypeError",
      `'${CMP_SYMBOLS[op]}' not supported between instances of '${this.typeName(a)}' and '${this.typeName(b)}'`,
    );
  },

  takeTruth(this: Machine, result: Ptr): boolean {
    try {
      return this.isTrue(result);
    } finally {
      this.decref(result);
    }
  },

  equalOther(this: Machine, a: Ptr, b: Ptr, ta: TypeId): boolean {
    if (a === b) return true;
    if (ta === this.heap.dictType && this.typeIdOf(b) === ta) {
      const heap = this.heap;
      if (heap.dictLength(a) !== heap.dictLength(b)) return false;
      for (const [key, value] of heap.dictItems(a)) {
        const other = heap.dictGetItem(b, key);
        if (other === 0 || !this.compare(Cmp.EQ, value, other)) return false;
      }
      return true;
    }
    if (ta === this.types.range && this.typeIdOf(b) === ta) {
      const x = this.rangeValues(a);
      const y = this.rangeValues(b);
      return x[0] === y[0] && x[1] === y[1] && x[2] === y[2];
    }
    return false;
  },

  compareSequences(this: Machine, op: number, a: Ptr, b: Ptr): boolean {
    const xs = this.sequenceItems(a);
    const ys = this.sequenceItems(b);
    const n = Math.min(xs.length, ys.length);
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const y = ys[i]!;
      if (x === y || this.compare(Cmp.EQ, x, y)) continue;
      if (op === Cmp.EQ) return false;
      if (op === Cmp.NE) return true;
      return this.compare(op, x, y);
    }
    return compareValues(op, xs.length, ys.length);
  },

  /** `item in container`. CPython: `PySequence_Contains`. */
  contains(this: Machine, container: Ptr, item: Ptr): boolean {
    const heap = this.heap;
    const t = this.typeIdOf(container);
    if (t === heap.dictType) {
      this.checkHashable(item);
      return heap.dictGetItem(container, item) !== 0;
    }
    if (t === heap.strType) {
      if (!this.isStr(item))
        this.raise(
          "TypeError",
          `'in <string>' requires string as left operand, not ${this.typeName(item)}`,
        );
      return heap.strValue(container).includes(heap.strValue(item));
    }
    if (t === heap.listType || t === heap.tupleType) {
      const length = t === heap.listType ? heap.listLength(container) : heap.tupleLength(container);
      for (let i = 0; i < length; i++) {
        const element =
          t === heap.listType ? heap.listGetItem(container, i) : heap.tupleGetItem(container, i);
        if (element === item || this.compare(Cmp.EQ, element, item)) return true;
      }
      return false;
    }
    if (t === this.types.range) {
      if (!this.isNumber(item)) return false;
      const [start, stop, step] = this.rangeValues(container);
      const x = this.numberOf(item);
      if (!Number.isInteger(x)) return false;
      const inBounds = step > 0 ? x >= start && x < stop : x <= start && x > stop;
      return inBounds && (x - start) % step === 0;
    }
    const viewKind = this.viewKind(t);
    if (viewKind === 1) return this.contains(this.field(container, VIEW_DICT_OFFSET), item);
    if (viewKind !== 0) {
      const items = this.viewItems(container, viewKind);
      try {
        return items.some((element) => element === item || this.compare(Cmp.EQ, element, item));
      } finally {
        for (const element of items) this.decref(element);
      }
    }
    const result = this.callSpecial(container, "__contains__", [item]);
    if (result !== 0) return this.takeTruth(result);
    this.raise("TypeError", `argument of type '${this.typeName(container)}' is not iterable`);
  },

  /** Raises TypeError for keys pymem's dicts cannot hold. */
  checkHashable(this: Machine, key: Ptr): void {
    const t = this.typeIdOf(key);
    const heap = this.heap;
    if (t === heap.listType || t === heap.dictType)
      this.raise("TypeError", `unhashable type: '${this.typeName(key)}'`);
    if (t === heap.tupleType)
      for (let i = 0; i < heap.tupleLength(key); i++) this.checkHashable(heap.tupleGetItem(key, i));
  },
};

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
