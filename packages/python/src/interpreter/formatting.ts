import type { Ptr } from "@pymem/core";
import { floatRepr } from "@pymem/runtime";
import { bigToFloat } from "./big-int-arithmetic.js";
import { exponentDigits, fixedDigits, generalDigits } from "./float-digits.js";
import { bigIntDecimal } from "./int-text.js";
import type { Machine } from "./machine.js";
import { str } from "./object-repr.js";
import { checkStrSize } from "./result-size.js";

/**
 * Python's format-spec mini-language (`format(x, ".2f")`, f-string `{x:>8}`), for ints, floats
 * and strs. CPython: `Python/formatter_unicode.c`.
 *
 * @module
 */

const SPEC =
  /^(?:(.)?([<>=^]))?([-+ ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/su;

/** Largest C `Py_ssize_t` (64-bit): a longer width or precision is a parse error in CPython. */
const MAX_SSIZE = 2 ** 63 - 1;
/** Largest C `int`: CPython's limit on a float's precision. */
const MAX_INT = 2 ** 31 - 1;

/**
 * The result of a user class's own `__format__(spec)`, or undefined when its class defines none.
 * CPython: PyObject_Format calling the type's `__format__`, which must return a str.
 */
function ownFormat(m: Machine, value: Ptr, spec: string): string | undefined {
  if (!m.recordOf(value).user) return undefined;
  const specObject = m.newStr(spec);
  let result: Ptr;
  try {
    result = m.callSpecial(value, "__format__", [specObject]);
  } finally {
    m.decref(specObject);
  }
  if (result === 0) return undefined;
  if (!m.isStr(result)) {
    const typeName = m.typeName(result);
    m.decref(result);
    m.raise("TypeError", `__format__ must return a str, not ${typeName}`);
  }
  const formatted = m.heap.strValue(result);
  m.decref(result);
  return formatted;
}

/**
 * Formats `value` (or, when `text` is given, that already-converted string) with `spec`.
 *
 * @example
 * ```ts
 * formatWithSpec(machine, floatObj, undefined, ".2f"); // "3.14"
 * ```
 */
export function formatWithSpec(
  m: Machine,
  value: Ptr,
  text: string | undefined,
  spec: string,
): string {
  if (text === undefined && value !== 0) {
    const own = ownFormat(m, value, spec);
    if (own !== undefined) return own;
  }
  if (spec === "") return text ?? str(m, value);
  const match = SPEC.exec(spec);
  if (match === null)
    m.raise(
      "ValueError",
      `Invalid format specifier '${spec}' for object of type '${text === undefined ? m.typeName(value) : "str"}'`,
    );
  const [
    ,
    fillChar,
    align,
    sign = "-",
    ,
    alternate,
    zero,
    widthText,
    grouping,
    precisionText,
    type,
  ] = match;
  const width = widthText === undefined ? 0 : Number(widthText);
  const precision = precisionText === undefined ? undefined : Number(precisionText);
  // CPython: get_integer() — a count that overflows Py_ssize_t.
  if (width > MAX_SSIZE || (precision ?? 0) > MAX_SSIZE)
    m.raise("ValueError", "Too many decimal digits in format string");
  let fill = fillChar ?? (zero !== undefined && align === undefined ? "0" : " ");
  let alignment = align ?? (zero !== undefined ? "=" : undefined);
  let body: string;
  let prefix = "";
  if (text !== undefined || m.isStr(value)) {
    if (type !== undefined && type !== "s")
      m.raise("ValueError", `Unknown format code '${type}' for object of type 'str'`);
    body = text ?? m.heap.strValue(value);
    if (precision !== undefined) body = [...body].slice(0, precision).join("");
    alignment ??= "<";
  } else if (m.isNumber(value)) {
    const isInt = m.isInt(value);
    const kind = type ?? (isInt ? "d" : precision !== undefined ? "g" : "");
    // A big int formats its digits exactly, or converts to float for e/f/g/% (CPython:
    // format_long_internal, format_float_internal).
    const exact = isInt && m.heap.isBigInt(value) ? m.heap.intBigValue(value) : undefined;
    const number =
      exact === undefined ? m.numberOf(value) : "dbcoxXn".includes(kind) ? 0 : bigToFloat(m, exact);
    const negative = exact !== undefined ? exact < 0n : number < 0 || Object.is(number, -0);
    const magnitude = Math.abs(number);
    const exactMagnitude = exact !== undefined && exact < 0n ? -exact : exact;
    const digits = (radix: number): string =>
      exactMagnitude === undefined ? magnitude.toString(radix) : exactMagnitude.toString(radix);
    if (grouping === "," && "bcoxXn".includes(kind) && kind !== "")
      m.raise("ValueError", `Cannot specify ',' with '${kind}'.`);
    if (isInt && "eEfFgG%".includes(kind) === false && !"dbcoxXn".includes(kind))
      m.raise("ValueError", `Unknown format code '${kind}' for object of type 'int'`);
    if (!isInt && "dbcoxX".includes(kind) && kind !== "")
      m.raise("ValueError", `Unknown format code '${kind}' for object of type 'float'`);
    if (precision !== undefined && "dbcoxXn".includes(kind))
      m.raise("ValueError", "Precision not allowed in integer format specifier");
    // CPython: format_float_internal — precision must fit a C int.
    if (precision !== undefined && precision > MAX_INT) m.raise("ValueError", "precision too big");
    // The digits are built before any padding: refuse a precision the cap could never hold.
    if (precision !== undefined) checkStrSize(m.heap, precision);
    const float = "eEfFgG%".includes(kind) || (kind === "" && !isInt);
    if (float && !Number.isFinite(magnitude)) {
      body = Number.isNaN(magnitude) ? "nan" : "inf";
      if (kind !== "" && "EFG".includes(kind)) body = body.toUpperCase();
      if (kind === "%") body += "%";
    } else
      switch (kind) {
        case "d":
        case "n":
          body =
            exactMagnitude === undefined ? String(magnitude) : bigIntDecimal(m, exactMagnitude);
          break;
        case "b":
          body = digits(2);
          if (alternate) prefix = "0b";
          break;
        case "o":
          body = digits(8);
          if (alternate) prefix = "0o";
          break;
        case "x":
          body = digits(16);
          if (alternate) prefix = "0x";
          break;
        case "X":
          body = digits(16).toUpperCase();
          if (alternate) prefix = "0X";
          break;
        case "c":
          body = String.fromCodePoint(magnitude);
          break;
        case "f":
        case "F":
          body = fixedDigits(magnitude, precision ?? 6);
          break;
        case "e":
        case "E": {
          body = exponentDigits(magnitude, precision ?? 6);
          if (kind === "E") body = body.toUpperCase();
          break;
        }
        case "%":
          body = `${fixedDigits(magnitude * 100, precision ?? 6)}%`;
          break;
        case "g":
        case "G":
          // A float with a precision and no type is 'g' keeping a digit after the point.
          body = generalDigits(
            magnitude,
            precision ?? 6,
            alternate !== undefined,
            type === undefined && !isInt,
          );
          if (kind === "G") body = body.toUpperCase();
          break;
        default:
          body = isInt ? String(magnitude) : floatRepr(magnitude);
      }
    const signText = negative ? "-" : sign === "+" ? "+" : sign === " " ? " " : "";
    if (grouping !== undefined) {
      const [whole = "", fraction] = body.split(".");
      // CPython: groups of four digits for the binary, octal and hex presentations.
      const group = (digits: string): string =>
        kind !== "" && "boxX".includes(kind)
          ? digits.replace(/\B(?=([0-9a-fA-F]{4})+(?![0-9a-fA-F]))/g, grouping)
          : digits.replace(/\B(?=(\d{3})+(?!\d))/g, grouping);
      let padded = whole;
      let grouped = group(padded);
      // Zero padding ("0" flag) grows the digits, separators included, up to the width.
      // CPython: fill_number / _PyUnicode_InsertThousandsGrouping with min_width.
      if (fill === "0" && alignment === "=" && /^[0-9a-fA-F]+$/.test(whole)) {
        const target =
          width -
          signText.length -
          prefix.length -
          (fraction === undefined ? 0 : fraction.length + 1);
        checkStrSize(m.heap, target);
        while (grouped.length < target) {
          padded = `0${padded}`;
          grouped = group(padded);
        }
      }
      body = fraction !== undefined ? `${grouped}.${fraction}` : grouped;
    }
    prefix = signText + prefix;
    alignment ??= ">";
  } else {
    m.raise("TypeError", `unsupported format string passed to ${m.typeName(value)}.__format__`);
  }
  const length = [...prefix].length + [...body].length;
  if (length >= width) return prefix + body;
  checkStrSize(m.heap, width);
  const padding = width - length;
  if (alignment === "=") return prefix + fill.repeat(padding) + body;
  const content = prefix + body;
  if (alignment === "<") return content + fill.repeat(padding);
  if (alignment === "^") {
    const left = Math.floor(padding / 2);
    return fill.repeat(left) + content + fill.repeat(padding - left);
  }
  fill ||= " ";
  return fill.repeat(padding) + content;
}
