/**
 * Correctly rounded decimal digits of a double for any precision: the `f`, `e` and `g`
 * presentations of `format()`, f-strings and `%`. Works on the exact binary value with big
 * integers and rounds half to even, as CPython's `_Py_dg_dtoa` (modes 2 and 3) does, so
 * `format(0.125, '.2f')` is `0.12` and `format(0.1, '.30f')` shows the double's true digits.
 * A double has at most 1074 fractional and 767 significant decimal digits, so digits past those
 * are zeros and are appended without arithmetic: `format(1.5, '.100000f')` costs its length.
 * CPython: `PyOS_double_to_string`, `format_float_short`.
 *
 * @module
 */

/** Fractional decimal digits beyond which every double's expansion is zeros (2^-1074 has 1074). */
const EXACT_FRACTION_DIGITS = 1074;
/** Significant decimal digits beyond which every double's expansion is zeros. */
const EXACT_SIGNIFICANT_DIGITS = 767;

const bits = new DataView(new ArrayBuffer(8));

/** `value * 10**scale` rounded half to even, for a finite `value >= 0`. */
function scaledRound(value: number, scale: number): bigint {
  bits.setFloat64(0, value);
  const high = bits.getUint32(0);
  const biased = (high >>> 20) & 0x7ff;
  const fraction = (BigInt(high & 0xfffff) << 32n) | BigInt(bits.getUint32(4));
  // value = mantissa · 2^power exactly (subnormals have no implicit bit).
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const power = (biased === 0 ? 1 : biased) - 1075;
  let numerator = mantissa;
  let denominator = 1n;
  if (power >= 0) numerator <<= BigInt(power);
  else denominator <<= BigInt(-power);
  if (scale >= 0) numerator *= 10n ** BigInt(scale);
  else denominator *= 10n ** BigInt(-scale);
  const quotient = numerator / denominator;
  const twice = 2n * (numerator - quotient * denominator);
  if (twice > denominator || (twice === denominator && (quotient & 1n) === 1n))
    return quotient + 1n;
  return quotient;
}

/**
 * `value` (finite, `>= 0`) with exactly `precision` digits after the point (none and no point
 * for 0). CPython: `format(value, f".{precision}f")`.
 *
 * @example
 * ```ts
 * fixedDigits(2.675, 2); // "2.67" (the double is 2.67499999…)
 * ```
 */
export function fixedDigits(value: number, precision: number): string {
  const computed = Math.min(precision, EXACT_FRACTION_DIGITS);
  const digits = scaledRound(value, computed).toString();
  if (precision === 0) return digits;
  const padded = digits.padStart(computed + 1, "0");
  const point = padded.length - computed;
  return `${padded.slice(0, point)}.${padded.slice(point)}${"0".repeat(precision - computed)}`;
}

/**
 * The significant digits of `value` (finite, `> 0`) rounded to `precision + 1` of them, and the
 * decimal exponent of the first: `value ≈ d.ddd × 10^exponent`.
 */
function significantDigits(value: number, precision: number): { digits: string; exponent: number } {
  const computed = Math.min(precision, EXACT_SIGNIFICANT_DIGITS);
  let exponent = Math.floor(Math.log10(value));
  for (;;) {
    const digits = scaledRound(value, computed - exponent).toString();
    // log10 can be one off near powers of ten, and rounding can carry into a new digit.
    if (digits.length > computed + 1) exponent++;
    else if (digits.length < computed + 1) exponent--;
    else return { digits: digits + "0".repeat(precision - computed), exponent };
  }
}

function exponentText(exponent: number): string {
  return `e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
}

/**
 * `value` (finite, `>= 0`) in exponent form with `precision` digits after the point.
 * CPython: `format(value, f".{precision}e")`.
 *
 * @example
 * ```ts
 * exponentDigits(1234.5, 2); // "1.23e+03"
 * ```
 */
export function exponentDigits(value: number, precision: number): string {
  if (value === 0) return `${precision === 0 ? "0" : `0.${"0".repeat(precision)}`}e+00`;
  const { digits, exponent } = significantDigits(value, precision);
  const mantissa = precision === 0 ? digits : `${digits[0]}.${digits.slice(1)}`;
  return mantissa + exponentText(exponent);
}

/**
 * `value` (finite, `>= 0`) in the `g` presentation: `precision` significant digits (0 counts as
 * 1), fixed notation when the exponent is in `[-4, precision)`, else exponent form; trailing
 * zeros removed unless `keepZeros` (the `#` flag). With `addDotZero` (a float formatted with a
 * precision and no type), fixed notation stops one exponent earlier and keeps a digit after the
 * point (CPython: `Py_DTSF_ADD_DOT_0`). CPython: `format(value, f".{precision}g")`.
 *
 * @example
 * ```ts
 * generalDigits(9.9999, 2, false); // "10"
 * ```
 */
export function generalDigits(
  value: number,
  precision: number,
  keepZeros: boolean,
  addDotZero = false,
): string {
  const significant = precision === 0 ? 1 : precision;
  const exponent = value === 0 ? 0 : significantDigits(value, significant - 1).exponent;
  let text: string;
  if (exponent >= -4 && exponent < (addDotZero ? significant - 1 : significant)) {
    text = fixedDigits(value, significant - 1 - exponent);
    if (!keepZeros && text.includes(".")) text = text.replace(/\.?0+$/, "");
    if (addDotZero && !text.includes(".")) text += ".0";
  } else {
    text = exponentDigits(value, significant - 1);
    if (!keepZeros) text = text.replace(/\.?0+e/, "e");
  }
  return text;
}

/**
 * A float in the `f`, `e` or `g` presentation with its sign, `inf` and `nan` spelled as CPython
 * does (upper case for `F`, `E`, `G`): what a `%` conversion prints. CPython: `formatfloat`.
 *
 * @example
 * ```ts
 * presentFloat(-1e20, "g", 6); // "-1e+20"
 * ```
 */
export function presentFloat(value: number, kind: string, precision: number): string {
  const lower = kind.toLowerCase();
  const magnitude = Math.abs(value);
  let body: string;
  if (Number.isNaN(value)) body = "nan";
  else if (!Number.isFinite(value)) body = "inf";
  else if (lower === "e") body = exponentDigits(magnitude, precision);
  else if (lower === "g") body = generalDigits(magnitude, precision, false);
  else body = fixedDigits(magnitude, precision);
  if (kind !== lower) body = body.toUpperCase();
  return value < 0 || Object.is(value, -0) ? `-${body}` : body;
}
