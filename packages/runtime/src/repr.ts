import { formatAddress, type Ptr } from "@pymem/core";
import { type Heap, ObjectKind } from "@pymem/heap";

/** Below this decimal exponent and from {@link FLOAT_REPR_EXPONENT_HIGH} on, floats print in scientific notation. CPython: `float_repr_style` 'short'. */
const FLOAT_REPR_EXPONENT_LOW = -4;
const FLOAT_REPR_EXPONENT_HIGH = 16;
/** Characters `str.isprintable()` rejects (besides which the space is printable). CPython: `Py_UNICODE_ISPRINTABLE`. */
const NOT_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

/**
 * CPython's `repr()` of a float: the shortest digits that round-trip, in fixed notation for
 * decimal exponents −4…15 (with `.0` when integral) and scientific notation otherwise, with a
 * two-digit exponent at least.
 *
 * @example
 * ```ts
 * floatRepr(1); // "1.0"
 * floatRepr(1e16); // "1e+16"
 * floatRepr(1.5e-7); // "1.5e-07"
 * ```
 */
export function floatRepr(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (value === Number.POSITIVE_INFINITY) return "inf";
  if (value === Number.NEGATIVE_INFINITY) return "-inf";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const sign = value < 0 ? "-" : "";
  // toExponential() without a precision gives the shortest round-trip digits, as CPython's repr.
  const [mantissa = "", exponentText = "0"] = Math.abs(value).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exponent = Number(exponentText);
  if (exponent >= FLOAT_REPR_EXPONENT_LOW && exponent < FLOAT_REPR_EXPONENT_HIGH) {
    if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
    const whole = digits.padEnd(exponent + 1, "0").slice(0, exponent + 1);
    const fraction = digits.slice(exponent + 1);
    return `${sign}${whole}.${fraction === "" ? "0" : fraction}`;
  }
  const scaled = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const exponentDigits = String(Math.abs(exponent)).padStart(2, "0");
  return `${sign}${scaled}e${exponent < 0 ? "-" : "+"}${exponentDigits}`;
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, "0");
}

/**
 * CPython's `repr()` of a str: single quotes unless the text contains `'` and no `"`; backslash,
 * the quote, `\t`, `\n`, `\r` escaped; other non-printable characters as `\xNN`, `\uNNNN` or
 * `\UNNNNNNNN`. CPython: `unicode_repr`.
 *
 * @example
 * ```ts
 * strRepr("it's"); // "\"it's\""
 * strRepr("a\n"); // "'a\\n'"
 * ```
 */
export function strRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  // Runs of characters printed as they are are copied as slices: a multi-megabyte str costs one
  // pass and a few allocations, not one string concatenation per character.
  let out = quote;
  let plainStart = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const escaped =
      code >= 0x20 && code < 0x7f && code !== 0x5c && code !== quote.charCodeAt(0)
        ? undefined
        : escapeCodePoint(code, quote);
    if (escaped !== undefined) {
      out += text.slice(plainStart, i) + escaped;
      plainStart = i + width;
    }
    i += width;
  }
  return out + text.slice(plainStart) + quote;
}

/** The escape `unicode_repr` writes for one code point, or undefined when it is printed as is. */
function escapeCodePoint(code: number, quote: string): string | undefined {
  const character = String.fromCodePoint(code);
  if (character === quote || character === "\\") return `\\${character}`;
  if (character === "\t") return "\\t";
  if (character === "\n") return "\\n";
  if (character === "\r") return "\\r";
  if (code < 0x20 || code === 0x7f) return `\\x${hex(code, 2)}`;
  if (code < 0x7f || !NOT_PRINTABLE.test(character)) return undefined;
  if (code <= 0xff) return `\\x${hex(code, 2)}`;
  if (code <= 0xffff) return `\\u${hex(code, 4)}`;
  return `\\U${hex(code, 8)}`;
}

/** One container being printed: where it is and how far. */
interface ReprFrame {
  obj: Ptr;
  kind: number;
  /** Next step: an item index (list, tuple) or 2·entry + (0 key, 1 value) for dicts. */
  step: number;
  /** Steps in all. */
  steps: number;
  /** A dict's entries, read once (a repr runs no Python code that could change them). */
  entries: [Ptr, Ptr][] | undefined;
}

/**
 * CPython's `repr()` of one object that is not a list, tuple or dict (those hold other objects:
 * see {@link repr}): None, bools, ints, floats, strs, weakrefs, and `<T object at 0x…>` for the
 * rest. Never looks at another object's items, so its cost is the object's own text.
 *
 * @remarks
 * Use it to build bounded or custom container printers (a visualiser's one-line repr) that
 * still print atoms exactly as CPython does.
 *
 * @example
 * ```ts
 * atomRepr(heap, heap.none); // "None"
 * atomRepr(heap, runtime.fromJS(1.5)); // "1.5"
 * ```
 */
export function atomRepr(heap: Heap, obj: Ptr, kind: number = heap.kindOf(obj)): string {
  switch (kind) {
    case ObjectKind.NONE:
      return "None";
    case ObjectKind.BOOL:
      return obj === heap.true ? "True" : "False";
    case ObjectKind.INT:
      return String(heap.numberValue(obj));
    case ObjectKind.FLOAT:
      return floatRepr(heap.numberValue(obj));
    case ObjectKind.STR:
      return strRepr(heap.strValue(obj));
    case ObjectKind.WEAKREF: {
      // CPython: weakref_repr()
      const referent = heap.weakrefGet(obj);
      if (referent === heap.none) return `<weakref at ${formatAddress(obj)}; dead>`;
      return `<weakref at ${formatAddress(obj)}; to '${heap.typeName(referent)}' at ${formatAddress(referent)}>`;
    }
    default:
      // CPython: object_repr()
      return `<${heap.typeName(obj)} object at ${formatAddress(obj)}>`;
  }
}

const OPEN: Record<number, string> = {
  [ObjectKind.LIST]: "[",
  [ObjectKind.TUPLE]: "(",
  [ObjectKind.DICT]: "{",
};
const CLOSE: Record<number, string> = {
  [ObjectKind.LIST]: "]",
  [ObjectKind.TUPLE]: ")",
  [ObjectKind.DICT]: "}",
};

/**
 * CPython's `repr()` of an object: `[1, 'a', (2,), {'k': None}]`, `1.0`, `"it's"`, `[[...]]` for a
 * list inside itself (`{...}`, `(...)` likewise), `<weakref at 0x…; to 'Node' at 0x…>`,
 * `<Node object at 0x…>`. Iterative, so arbitrarily deep nesting prints without recursion.
 *
 * @example
 * ```ts
 * repr(heap, listPointer); // "[1, 'a', (2,), {'k': None}]"
 * ```
 */
export function repr(heap: Heap, obj: Ptr): string {
  heap.checkLive(obj);
  const parts: string[] = [];
  const stack: ReprFrame[] = [];
  // CPython: Py_ReprEnter / Py_ReprLeave — containers being printed right now.
  const active = new Set<Ptr>();
  const emit = (item: Ptr): void => {
    const kind = heap.kindOf(item);
    if (kind !== ObjectKind.LIST && kind !== ObjectKind.TUPLE && kind !== ObjectKind.DICT) {
      parts.push(atomRepr(heap, item, kind));
      return;
    }
    if (active.has(item)) {
      parts.push(`${OPEN[kind]}...${CLOSE[kind]}`);
      return;
    }
    const entries = kind === ObjectKind.DICT ? heap.dictItems(item) : undefined;
    const steps =
      kind === ObjectKind.LIST
        ? heap.listLength(item)
        : kind === ObjectKind.TUPLE
          ? heap.tupleLength(item)
          : 2 * entries!.length;
    parts.push(OPEN[kind]!);
    active.add(item);
    stack.push({ obj: item, kind, step: 0, steps, entries });
  };
  emit(obj);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.step >= frame.steps) {
      // CPython: tuple_repr() writes "(x,)" for a 1-tuple.
      if (frame.kind === ObjectKind.TUPLE && frame.steps === 1) parts.push(",");
      parts.push(CLOSE[frame.kind]!);
      active.delete(frame.obj);
      stack.pop();
      continue;
    }
    const step = frame.step++;
    if (frame.kind === ObjectKind.DICT) {
      const entry = frame.entries![step >> 1]!;
      if ((step & 1) === 0) {
        if (step > 0) parts.push(", ");
        emit(entry[0]);
      } else {
        parts.push(": ");
        emit(entry[1]);
      }
    } else {
      if (step > 0) parts.push(", ");
      emit(
        frame.kind === ObjectKind.LIST
          ? heap.listGetItem(frame.obj, step)
          : heap.tupleGetItem(frame.obj, step),
      );
    }
  }
  return parts.join("");
}
