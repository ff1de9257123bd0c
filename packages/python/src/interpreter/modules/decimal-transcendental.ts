/**
 * The part of pymem's `decimal` source with exp, ln, log10 and power: fixed-point series with an
 * error bound, rounded once both ends of the bound round alike (so the results are correctly
 * rounded, like libmpdec's), and libmpdec's power algorithms (binary powering for integer
 * exponents, exp(y ln x) otherwise).
 *
 * @module
 */

/**
 * Python source, run as part of the `decimal` module (see `decimal-module.ts`).
 *
 * @example
 * ```ts
 * const source = [DECIMAL_TRANSCENDENTAL_SOURCE].join("");
 * ```
 */
export const DECIMAL_TRANSCENDENTAL_SOURCE = String.raw`
# exp, ln, log10 and power: fixed-point approximations with an error bound, rounded once the
# bounds round alike (Ziv's strategy), so the results are correctly rounded like libmpdec's.
_GUARD = 8
_LOG_CACHE = {}


def _div_toward_zero(numerator, denominator):
    quotient = abs(numerator) // denominator
    return -quotient if numerator < 0 else quotient


def _atanh_inverse(k, scale):
    """atanh(1/k) * scale, within a few units."""
    power = scale // k
    total = power
    square = k * k
    divisor = 3
    while power:
        power //= square
        total += power // divisor
        divisor += 2
    return total


def _log_constants(digits):
    """(ln 2, ln 10) * 10**digits, within a few units."""
    if digits not in _LOG_CACHE:
        scale = 10 ** (digits + 5)
        ln2 = 2 * _atanh_inverse(3, scale)
        ln10 = 3 * ln2 + 2 * _atanh_inverse(9, scale)
        if len(_LOG_CACHE) > 8:
            _LOG_CACHE.clear()
        _LOG_CACHE[digits] = (ln2 // 100000, ln10 // 100000)
    return _LOG_CACHE[digits]


def _shift_scale(coefficient, exponent, digits):
    """coefficient * 10**(exponent + digits), truncated toward zero."""
    places = exponent + digits
    if places >= 0:
        return coefficient * 10 ** places
    if -places > _ndigits(coefficient):
        return 0
    return coefficient // 10 ** -places


def _ln_fixed(coefficient, exponent, digits):
    """ln(coefficient * 10**exponent) * 10**digits within 10 units (coefficient > 0)."""
    adjusted = exponent + _ndigits(coefficient) - 1
    work = digits + len(str(abs(adjusted))) + 4
    scale = 10 ** work
    ln2, ln10 = _log_constants(work)
    # y = coefficient / 10**(digits - 1), in [1, 10).
    y = _shift_scale(coefficient, -(_ndigits(coefficient) - 1), work)
    halvings = 0
    while 2 * y >= 3 * scale:
        y //= 2
        halvings += 1
    t = (y - scale) * scale // (y + scale)
    square = t * t // scale
    term = t
    total = t
    divisor = 3
    while term:
        term = _div_toward_zero(term * square, scale)
        total += _div_toward_zero(term, divisor)
        divisor += 2
    result = 2 * total + halvings * ln2 + adjusted * ln10
    return result // 10 ** (work - digits)


def _exp_fixed(argument, digits):
    """exp(argument / 10**digits) as (mantissa, power): mantissa * 10**(power - digits), within
    about 10 units of the mantissa."""
    ln2, ln10 = _log_constants(digits + 2)
    # Rough n = round(x / ln 10), then x - n ln 10 in a precision that covers n's digits.
    n = (argument * 100 + ln10 // 2) // ln10
    extra = len(str(abs(n))) + 6
    work = digits + extra
    scale = 10 ** work
    ln2, ln10 = _log_constants(work)
    reduced = argument * 10 ** extra - n * ln10
    halvings = 10
    reduced = _div_toward_zero(reduced, 1 << halvings)
    total = scale
    term = scale
    k = 1
    while term:
        term = _div_toward_zero(term * reduced, scale * k)
        total += term
        k += 1
    for _ in range(halvings):
        total = total * total // scale
    return total // 10 ** extra, n


def _ziv(approximate, context, status, digits, rounding=None):
    """Rounds f to the context, where approximate(digits) gives (mantissa, exponent, error):
    f lies strictly within (mantissa +- error) * 10**exponent. More digits until both ends
    round alike; the result is inexact."""
    for _ in range(6):
        mantissa, exponent, error = approximate(digits)
        ends = []
        for end in (mantissa - error, mantissa + error):
            rounded = _finalize(1 if end < 0 else 0, abs(end), exponent, context, _Status(),
                                rounding)
            ends.append((rounded._sign, rounded._coef, rounded._exp, rounded._kind))
        if ends[0] == ends[1]:
            break
        digits += digits // 2 + 10
    sticky = 10 * mantissa + (1 if mantissa >= 0 else -1)
    return _finalize(1 if sticky < 0 else 0, abs(sticky), exponent - 1, context, status,
                     rounding)


def _ln_digits(a, context):
    """Fraction digits enough for prec significant digits of ln(a)."""
    adjusted = _adjusted(a)
    magnitude = 0
    if -1 <= adjusted <= 0:
        difference = _add(a, _make(1, 1, 0), _UNBOUNDED, _Status())
        if difference._coef:
            magnitude = min(0, _adjusted(difference) - 2)
    return context.prec + _GUARD - magnitude


def _exp(a, context, status, rounding=ROUND_HALF_EVEN):
    """exp(a), correctly rounded with rounding (libmpdec rounds exp half-even, except
    inside power)."""
    nan = _check_nans(a, None, context, status)
    if nan is not None:
        return nan
    if a._kind == _INFINITE:
        return _make(0, 0, 0) if a._sign else a
    if a._coef == 0:
        return _make(0, 1, 0)
    adjusted = _adjusted(a)
    etiny = context.Emin - context.prec + 1
    if adjusted >= 19:
        if a._sign:
            return _finalize(0, 1, etiny - 2, context, status, rounding)
        return _finalize(0, 1, context.Emax + 1, context, status, rounding)
    if adjusted < -(context.prec + 1):
        # libmpdec: |a| < 10**-(prec+1) gives 1 to full precision, in every rounding mode.
        return _inexact_one(0, context, status)

    def approximate(digits):
        argument = _shift_scale(a._coef, a._exp, digits)
        mantissa, power = _exp_fixed(-argument if a._sign else argument, digits)
        return mantissa, power - digits, 20

    return _ziv(approximate, context, status, context.prec + _GUARD, rounding)


def _log_special(a, context, status):
    nan = _check_nans(a, None, context, status)
    if nan is not None:
        return nan
    if a._kind == _INFINITE:
        return _nan_result(status) if a._sign else a
    if a._coef == 0:
        return _infinity(1)
    if a._sign:
        return _nan_result(status)
    return None


def _ln(a, context, status):
    special = _log_special(a, context, status)
    if special is not None:
        return special
    if _compare_finite(a, _make(0, 1, 0)) == 0:
        return _make(0, 0, 0)

    def approximate(digits):
        return _ln_fixed(a._coef, a._exp, digits), -digits, 12

    return _ziv(approximate, context, status, _ln_digits(a, context), ROUND_HALF_EVEN)


def _log10(a, context, status):
    special = _log_special(a, context, status)
    if special is not None:
        return special
    stripped, power = _strip_to(a._coef, a._exp, a._exp + _ndigits(a._coef))
    if stripped == 1:
        result = _finalize(1 if power < 0 else 0, abs(power), 0, context, status)
        if status.bits & _ROUNDED:
            status.bits |= _INEXACT
        return result

    def approximate(digits):
        ln10 = _log_constants(digits + 4)[1]
        value = _ln_fixed(a._coef, a._exp, digits + 4) * 10 ** digits // ln10
        return value, -digits, 12

    return _ziv(approximate, context, status, _ln_digits(a, context), ROUND_HALF_EVEN)


def _integer_parts(b):
    """(is_integer, |value| or None when it has more than 40 digits, odd) for finite b."""
    if b._kind != _FINITE:
        return False, None, False
    coefficient, exponent = b._coef, b._exp
    if exponent < 0:
        coefficient, exponent = _strip_to(coefficient, exponent, 0)
        if exponent < 0:
            return False, None, False
    if coefficient == 0:
        return True, 0, False
    if exponent + _ndigits(coefficient) > 40:
        return True, None, exponent == 0 and coefficient & 1 == 1
    value = coefficient * 10 ** exponent
    return True, value, value & 1 == 1


def _inexact_one(sign, context, status):
    # libmpdec's result for 1 to a non-integer or infinite power: 1 to full precision, inexact.
    status.bits |= _INEXACT | _ROUNDED
    return _make(sign, 10 ** (context.prec - 1), 1 - context.prec)


def _power(a, b, context, status):
    nan = _check_nans(a, b, context, status)
    if nan is not None:
        return nan
    integer, count, odd = _integer_parts(b)
    if b._kind == _FINITE and b._coef == 0:
        if a._kind == _FINITE and a._coef == 0:
            return _nan_result(status)
        return _make(0, 1, 0)
    if a._sign and not integer and not (a._kind == _FINITE and a._coef == 0):
        return _nan_result(status)
    sign = a._sign if odd else 0
    if a._kind == _INFINITE or a._coef == 0:
        if (a._kind == _INFINITE) == (b._sign == 1):
            return _make(sign, 0, 0)
        return _infinity(sign)
    order = _compare_finite(a.copy_abs(), _make(0, 1, 0))
    if b._kind == _INFINITE:
        if order == 0:
            return _inexact_one(0, context, status)
        if (order < 0) == (b._sign == 0):
            return _make(0, 0, 0)
        return _infinity(0)
    if order == 0 and (not integer or count is None):
        if not integer:
            return _inexact_one(sign, context, status)
        if b._sign or a._exp == 0:
            return _make(sign, 1, 0)
        return _finalize(sign, 10 ** (context.prec + 2), -(context.prec + 2), context, status)
    bounded = _power_bounds(a, b, sign, context, status) if order else None
    if bounded is not None:
        return bounded
    if integer and count is not None:
        return _power_integer(a, b, count, sign, context, status)
    # libmpdec's _mpd_qpow_real: exp(b * ln|a|) at a working precision of max(digits of a,
    # prec) + 23 without exponent limits, rounded half-even at each step; then rounded to the
    # context.
    work = Context(prec=max(_ndigits(a._coef), context.prec) + 23, rounding=ROUND_HALF_EVEN,
                   Emin=MIN_EMIN, Emax=MAX_EMAX)
    steps = _Status()
    logarithm = _ln(a.copy_abs(), work, steps)
    product = _multiply(logarithm, b, work, steps)
    value = _exp(product, work, steps)
    status.bits |= steps.bits & (_INEXACT | _ROUNDED)
    if value._kind == _INFINITE:
        return _finalize(sign, 1, MAX_EMAX * 4, context, status)
    return _finalize(sign, value._coef, value._exp, context, status)


def _power_bounds(a, b, sign, context, status):
    """libmpdec's _qcheck_pow_bounds: the result when a**b certainly overflows or underflows,
    judged from lower bounds of log10|log10|a|| and log10|b| against the digits of Emax or
    Etiny; None otherwise."""
    adjusted = _adjusted(a)
    if adjusted >= 1 or adjusted <= -2:
        lower_zeta = len(str(adjusted if adjusted >= 1 else -adjusted - 1)) - 1
    else:
        difference = _add(a.copy_abs(), _make(1, 1, 0), _UNBOUNDED, _Status())
        lower_zeta = _adjusted(difference) - (1 if adjusted == -1 else 2)
    lower_theta = _adjusted(b)
    if (adjusted < 0) == (b._sign == 1):
        if len(str(context.Emax)) < lower_zeta + lower_theta:
            return _finalize(sign, 1, MAX_EMAX * 4, context, status)
    else:
        etiny = context.Emin - context.prec + 1
        if len(str(-etiny)) < lower_zeta + lower_theta:
            return _finalize(sign, 1, etiny - 1, context, status)
    return None


def _power_integer(a, b, count, sign, context, status):
    """libmpdec's _mpd_qpow_int: binary powering at a working precision of prec + the
    exponent's digits + 2 (one more for 1/a first when b < 0), rounded half-even, then
    rounded to the context."""
    extra = _ndigits(b._coef) + b._exp + 2 + (1 if b._sign else 0)
    work = Context(prec=context.prec + extra, rounding=ROUND_HALF_EVEN, Emin=context.Emin,
                   Emax=context.Emax, clamp=0)
    base = a.copy_abs()
    if b._sign:
        base = _divide(_make(0, 1, 0), base, work, status)
    result = base
    bit = 1 << (count.bit_length() - 1)
    steps = _Status()
    while bit > 1:
        bit >>= 1
        result = _multiply(result, result, work, steps)
        if count & bit:
            result = _multiply(result, base, work, steps)
        if result._kind == _INFINITE or (result._coef == 0 and steps.bits & _CLAMPED):
            break
    status.bits |= steps.bits
    if result._kind == _INFINITE:
        return _finalize(sign, 1, MAX_EMAX * 4, context, status)
    return _finalize(sign, result._coef, result._exp, context, status)


def _power_modulo(a, b, modulo, context, status):
    for value in (a, b, modulo):
        if value._kind == _SNAN:
            status.bits |= _INVALID_OPERATION
            return _fix_nan(value, context)
    for value in (a, b, modulo):
        if value._kind == _QNAN:
            return _fix_nan(value, context)
    values = []
    for value in (a, b, modulo):
        integer, count, _ = _integer_parts(value)
        if not integer or count is None:
            return _nan_result(status)
        values.append(-count if value._sign else count)
    base, exponent, modulus = values
    if exponent < 0 or modulus == 0 or _ndigits(abs(modulus)) > context.prec:
        return _nan_result(status)
    if base == 0 and exponent == 0:
        return _nan_result(status)
    result = pow(abs(base), exponent, abs(modulus))
    sign = 1 if base < 0 and exponent & 1 else 0
    return _make(sign, result, 0)
`;
