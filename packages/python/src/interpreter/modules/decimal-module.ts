import { DECIMAL_ARITHMETIC_SOURCE } from "./decimal-arithmetic.js";
import { DECIMAL_CLASS_SOURCE } from "./decimal-class.js";
import { DECIMAL_CONTEXT_SOURCE } from "./decimal-context.js";
import { DECIMAL_CONVERSIONS_SOURCE } from "./decimal-conversions.js";
import { DECIMAL_FORMAT_SOURCE } from "./decimal-format.js";
import { DECIMAL_OPERATIONS_SOURCE } from "./decimal-operations.js";
import { DECIMAL_SIGNALS_SOURCE } from "./decimal-signals.js";
import { DECIMAL_TRANSCENDENTAL_SOURCE } from "./decimal-transcendental.js";
import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `decimal`, written in Python that pymem runs at import (pymem's own source, not
 * CPython's Lib/_pydecimal.py): decimal floating point after the General Decimal Arithmetic
 * specification, behaving like CPython 3.13's `_decimal` (libmpdec) — `Decimal` with integer
 * coefficients of any size, `Context` with its precision, rounding, exponent limits, flags and
 * traps, the signals as exceptions, correctly rounded `exp`/`ln`/`log10`, CPython's numeric hash
 * and `format()` mini-language. Every Decimal and Context lives on the pymem heap like any
 * Python object.
 *
 * @module
 */

/** The module's Python source: its parts in dependency order. */
const DECIMAL_SOURCE = [
  DECIMAL_SIGNALS_SOURCE,
  DECIMAL_ARITHMETIC_SOURCE,
  DECIMAL_CONVERSIONS_SOURCE,
  DECIMAL_CLASS_SOURCE,
  DECIMAL_OPERATIONS_SOURCE,
  DECIMAL_TRANSCENDENTAL_SOURCE,
  DECIMAL_CONTEXT_SOURCE,
  DECIMAL_FORMAT_SOURCE,
].join("");

/**
 * `import decimal`.
 *
 * @example
 * ```ts
 * interpreter.run("from decimal import Decimal\nprint(Decimal('0.1') + Decimal('0.2'))"); // 0.3
 * ```
 */
export const decimalModule = pythonSourceModule("decimal", DECIMAL_SOURCE, {
  Decimal: "decimal.Decimal",
  Context: "decimal.Context",
});
