/**
 * The part of pymem's `decimal` source that rounds a result to its context (libmpdec's
 * `mpd_qfinalize`: precision, overflow, subnormal results, clamping) and does the basic
 * arithmetic: NaN propagation, add/subtract, multiply, divide, divide-integer, remainder, divmod,
 * exact comparison, square root and fused multiply-add.
 *
 * @module
 */

/**
 * Python source, run as part of the `decimal` module (see `decimal-module.ts`).
 *
 * @example
 * ```ts
 * const source = [DECIMAL_ARITHMETIC_SOURCE].join("");
 * ```
 */
export const DECIMAL_ARITHMETIC_SOURCE = String.raw`
# Kinds of Decimal value.
_FINITE = 0
_INFINITE = 1
_QNAN = 2
_SNAN = 3


def _make(sign, coefficient, exponent, kind=_FINITE):
    result = object.__new__(Decimal)
    result._sign = sign
    result._coef = coefficient
    result._exp = exponent
    result._kind = kind
    return result


def _infinity(sign):
    return _make(sign, 0, 0, _INFINITE)


def _nan_result(status):
    # An invalid operation's result: a quiet NaN without payload.
    status.bits |= _INVALID_OPERATION
    return _make(0, 0, 0, _QNAN)


def _fix_nan(value, context):
    # libmpdec's _mpd_fix_nan: a payload keeps its last prec - clamp digits.
    payload = value._coef
    if payload and _ndigits(payload) > context.prec - context.clamp:
        payload %= 10 ** (context.prec - context.clamp)
    return _make(value._sign, payload, 0, _QNAN)


def _check_nans(a, b, context, status):
    """The NaN result when an operand is a NaN (signalling ones first), else None."""
    if a._kind == _SNAN or (b is not None and b._kind == _SNAN):
        status.bits |= _INVALID_OPERATION
        return _fix_nan(a if a._kind == _SNAN else b, context)
    if a._kind == _QNAN:
        return _fix_nan(a, context)
    if b is not None and b._kind == _QNAN:
        return _fix_nan(b, context)
    return None


def _adjusted(value):
    return value._exp + _ndigits(value._coef) - 1


def _overflow(sign, context, status, rounding=None):
    status.bits |= _OVERFLOW | _INEXACT | _ROUNDED
    rounding = rounding or context.rounding
    if (rounding in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP)
            or (rounding == ROUND_CEILING and sign == 0)
            or (rounding == ROUND_FLOOR and sign == 1)):
        return _infinity(sign)
    return _make(sign, 10 ** context.prec - 1, context.Emax - context.prec + 1)


def _finalize(sign, coefficient, exponent, context, status, rounding=None):
    """Rounds an exact finite value to the context (libmpdec's mpd_qfinalize)."""
    prec = context.prec
    emax = context.Emax
    etiny = context.Emin - prec + 1
    if coefficient == 0:
        top = emax - prec + 1 if context.clamp else emax
        if exponent > top:
            exponent = top
            status.bits |= _CLAMPED
        elif exponent < etiny:
            exponent = etiny
            status.bits |= _CLAMPED
        return _make(sign, 0, exponent)
    digits = _ndigits(coefficient)
    adjusted = exponent + digits - 1
    if adjusted > emax:
        return _overflow(sign, context, status, rounding)
    subnormal = adjusted < context.Emin
    target = max(adjusted - prec + 1, etiny)
    if exponent < target:
        coefficient, inexact = _drop_digits(
            sign, coefficient, target - exponent, rounding or context.rounding)
        exponent = target
        status.bits |= _ROUNDED
        if inexact:
            status.bits |= _INEXACT
            if subnormal:
                status.bits |= _UNDERFLOW
        if coefficient and _ndigits(coefficient) > prec:
            coefficient //= 10
            exponent += 1
        if coefficient and exponent + _ndigits(coefficient) - 1 > emax:
            return _overflow(sign, context, status, rounding)
        if coefficient == 0 and inexact:
            status.bits |= _CLAMPED
    if subnormal:
        status.bits |= _SUBNORMAL
    return _clamped(sign, coefficient, exponent, context, status)


def _clamped(sign, coefficient, exponent, context, status):
    # With clamp=1 an exponent above Etop is lowered to it, the coefficient padded with zeros
    # (the last step of libmpdec's mpd_qfinalize).
    top = context.Emax - context.prec + 1
    if context.clamp and exponent > top:
        coefficient *= 10 ** (exponent - top)
        exponent = top
        status.bits |= _CLAMPED
    return _make(sign, coefficient, exponent)


def _round_value(value, context, status):
    """A finite or special operand rounded to the context (libmpdec's mpd_qplus without the
    sign rule)."""
    if value._kind == _FINITE:
        return _finalize(value._sign, value._coef, value._exp, context, status)
    nan = _check_nans(value, None, context, status)
    return nan if nan is not None else value


def _strip_to(coefficient, exponent, ideal):
    """Removes trailing zeros of an exact coefficient while the exponent stays <= ideal."""
    while exponent < ideal and coefficient % 10 == 0 and coefficient:
        coefficient //= 10
        exponent += 1
    return coefficient, exponent


def _sticky(coefficient, exponent, low):
    # Keeps the digits down to exponent low, replacing anything below with one nonzero digit:
    # rounding at a position above low then sees the same result.
    if exponent >= low:
        return coefficient, exponent
    count = low - exponent
    if count > _ndigits(coefficient):
        kept, remainder = 0, coefficient
    else:
        kept, remainder = divmod(coefficient, 10 ** count)
    return kept * 10 + (1 if remainder else 0), low - 1


def _add(a, b, context, status, negate_b=False):
    nan = _check_nans(a, b, context, status)
    if nan is not None:
        return nan
    sign_b = b._sign ^ 1 if negate_b else b._sign
    if a._kind == _INFINITE:
        if b._kind == _INFINITE and a._sign != sign_b:
            return _nan_result(status)
        return _infinity(a._sign)
    if b._kind == _INFINITE:
        return _infinity(sign_b)
    prec = context.prec
    if a._coef == 0 or b._coef == 0:
        exponent = min(a._exp, b._exp)
        if a._coef == 0 and b._coef == 0:
            if context.rounding == ROUND_FLOOR:
                sign = a._sign | sign_b
            else:
                sign = a._sign & sign_b
            return _finalize(sign, 0, exponent, context, status)
        if a._coef:
            sign, coefficient, own = a._sign, a._coef, a._exp
        else:
            sign, coefficient, own = sign_b, b._coef, b._exp
        # Zeros below the precision only get dropped again: stop two digits past it.
        exponent = max(exponent, min(own, own + _ndigits(coefficient) - prec - 2))
        return _finalize(sign, coefficient * 10 ** (own - exponent), exponent, context, status)
    big = (a._sign, a._coef, a._exp, _adjusted(a))
    small = (sign_b, b._coef, b._exp, _adjusted(b))
    if big[3] < small[3]:
        big, small = small, big
    small_sign, small_coef, small_exp, small_adjusted = small
    if small_adjusted <= big[3] - 2:
        low = min(big[2], big[3] - prec) - 1
        if small_exp < low:
            if small_adjusted < low:
                small_coef, small_exp = 1, low - 1
            else:
                small_coef, small_exp = _sticky(small_coef, small_exp, low)
    exponent = min(big[2], small_exp)
    first = big[1] * 10 ** (big[2] - exponent)
    second = small_coef * 10 ** (small_exp - exponent)
    if big[0] == small_sign:
        return _finalize(big[0], first + second, exponent, context, status)
    if first == second:
        return _finalize(1 if context.rounding == ROUND_FLOOR else 0, 0, exponent, context, status)
    if first > second:
        return _finalize(big[0], first - second, exponent, context, status)
    return _finalize(small_sign, second - first, exponent, context, status)


def _multiply(a, b, context, status):
    nan = _check_nans(a, b, context, status)
    if nan is not None:
        return nan
    sign = a._sign ^ b._sign
    if a._kind == _INFINITE or b._kind == _INFINITE:
        if (a._kind == _FINITE and a._coef == 0) or (b._kind == _FINITE and b._coef == 0):
            return _nan_result(status)
        return _infinity(sign)
    return _finalize(sign, a._coef * b._coef, a._exp + b._exp, context, status)


def _division_special(a, b, integer, context, status):
    """The result of a / b (or a // b when integer) when an operand is special or b is zero,
    else None."""
    nan = _check_nans(a, b, context, status)
    if nan is not None:
        return nan
    sign = a._sign ^ b._sign
    if a._kind == _INFINITE:
        if b._kind == _INFINITE:
            return _nan_result(status)
        return _infinity(sign)
    if b._kind == _INFINITE:
        if integer:
            return _make(sign, 0, 0)
        status.bits |= _CLAMPED
        return _make(sign, 0, context.Emin - context.prec + 1)
    if b._coef == 0:
        if a._coef == 0:
            status.bits |= _DIVISION_UNDEFINED
            return _make(0, 0, 0, _QNAN)
        status.bits |= _DIVISION_BY_ZERO
        return _infinity(sign)
    return None


def _divide(a, b, context, status):
    special = _division_special(a, b, False, context, status)
    if special is not None:
        return special
    sign = a._sign ^ b._sign
    ideal = a._exp - b._exp
    if a._coef == 0:
        return _finalize(sign, 0, ideal, context, status)
    shift = max(0, context.prec + _ndigits(b._coef) - _ndigits(a._coef) + 2)
    quotient, remainder = divmod(a._coef * 10 ** shift, b._coef)
    exponent = ideal - shift
    if remainder:
        return _finalize(sign, quotient * 10 + 1, exponent - 1, context, status)
    quotient, exponent = _strip_to(quotient, exponent, ideal)
    return _finalize(sign, quotient, exponent, context, status)


def _integer_division(a, b, context, status):
    """Both parts of divide-integer for finite a, b with b != 0: (quotient, remainder exact
    coefficient and exponent) or None when the quotient needs more than prec digits."""
    if a._coef == 0:
        return 0, 0, min(a._exp, b._exp)
    exponent = min(a._exp, b._exp)
    adjusted_a, adjusted_b = _adjusted(a), _adjusted(b)
    if adjusted_a < adjusted_b - 1:
        # |a| < |b|: the quotient is 0 and the remainder is a.
        return 0, a._coef * 10 ** (a._exp - exponent), exponent
    if adjusted_a - adjusted_b > context.prec + 1:
        return None
    dividend = a._coef * 10 ** (a._exp - exponent)
    divisor = b._coef * 10 ** (b._exp - exponent)
    quotient, remainder = divmod(dividend, divisor)
    if _ndigits(quotient) > context.prec:
        return None
    return quotient, remainder, exponent


def _divide_integer(a, b, context, status):
    special = _division_special(a, b, True, context, status)
    if special is not None:
        return special
    sign = a._sign ^ b._sign
    parts = _integer_division(a, b, context, status)
    if parts is None:
        status.bits |= _DIVISION_IMPOSSIBLE
        return _make(0, 0, 0, _QNAN)
    return _finalize(sign, parts[0], 0, context, status)


def _remainder_parts(a, b, context, status):
    """For remainder and remainder-near: the result when an operand is special, b is zero or
    the quotient needs more than prec digits, else the parts of the integer division."""
    nan = _check_nans(a, b, context, status)
    if nan is not None:
        return nan
    if a._kind == _INFINITE:
        return _nan_result(status)
    if b._kind == _INFINITE:
        return _round_value(a, context, status)
    if b._coef == 0:
        status.bits |= _DIVISION_UNDEFINED if a._coef == 0 else _INVALID_OPERATION
        return _make(0, 0, 0, _QNAN)
    parts = _integer_division(a, b, context, status)
    if parts is None:
        status.bits |= _DIVISION_IMPOSSIBLE
        return _make(0, 0, 0, _QNAN)
    return parts


def _remainder(a, b, context, status):
    parts = _remainder_parts(a, b, context, status)
    if isinstance(parts, Decimal):
        return parts
    return _finalize(a._sign, parts[1], parts[2], context, status)


def _divmod(a, b, context, status):
    nan = _check_nans(a, b, context, status)
    if nan is not None:
        return nan, nan
    sign = a._sign ^ b._sign
    if a._kind == _INFINITE:
        if b._kind == _INFINITE:
            nan = _nan_result(status)
            return nan, nan
        return _infinity(sign), _nan_result(status)
    if b._kind == _INFINITE:
        return _make(sign, 0, 0), _finalize(a._sign, a._coef, a._exp, context, status)
    if b._coef == 0:
        if a._coef == 0:
            status.bits |= _DIVISION_UNDEFINED
            nan = _make(0, 0, 0, _QNAN)
            return nan, nan
        status.bits |= _DIVISION_BY_ZERO | _INVALID_OPERATION
        return _infinity(sign), _make(0, 0, 0, _QNAN)
    parts = _integer_division(a, b, context, status)
    if parts is None:
        status.bits |= _DIVISION_IMPOSSIBLE
        nan = _make(0, 0, 0, _QNAN)
        return nan, nan
    quotient = _finalize(sign, parts[0], 0, context, status)
    return quotient, _finalize(a._sign, parts[1], parts[2], context, status)


def _compare_finite(a, b):
    """-1, 0 or 1 for finite or infinite (not NaN) a and b."""
    if a._kind == _INFINITE or b._kind == _INFINITE:
        left = 0 if a._kind == _FINITE else (-1 if a._sign else 1)
        right = 0 if b._kind == _FINITE else (-1 if b._sign else 1)
        if left == right:
            return 0
        if left != 0 or right != 0:
            return -1 if left < right else 1
    if a._coef == 0 and b._coef == 0:
        return 0
    if a._coef == 0:
        return 1 if b._sign else -1
    if b._coef == 0:
        return -1 if a._sign else 1
    if a._sign != b._sign:
        return -1 if a._sign else 1
    direction = -1 if a._sign else 1
    adjusted_a, adjusted_b = _adjusted(a), _adjusted(b)
    if adjusted_a != adjusted_b:
        return direction if adjusted_a > adjusted_b else -direction
    exponent = min(a._exp, b._exp)
    first = a._coef * 10 ** (a._exp - exponent)
    second = b._coef * 10 ** (b._exp - exponent)
    if first == second:
        return 0
    return direction if first > second else -direction


def _sqrt(a, context, status):
    nan = _check_nans(a, None, context, status)
    if nan is not None:
        return nan
    ideal = a._exp // 2
    if a._kind == _INFINITE:
        if a._sign:
            return _nan_result(status)
        return a
    if a._coef == 0:
        return _finalize(a._sign, 0, ideal, context, status)
    if a._sign:
        return _nan_result(status)
    coefficient, exponent = a._coef, a._exp
    if exponent & 1:
        coefficient *= 10
        exponent -= 1
    missing = 2 * context.prec + 2 - _ndigits(coefficient)
    if missing > 0:
        missing += missing & 1
        coefficient *= 10 ** missing
        exponent -= missing
    root = _math.isqrt(coefficient)
    exponent //= 2
    if root * root != coefficient:
        return _finalize(0, root * 10 + 1, exponent - 1, context, status, ROUND_HALF_EVEN)
    root, exponent = _strip_to(root, exponent, ideal)
    return _finalize(0, root, exponent, context, status, ROUND_HALF_EVEN)


def _fma(a, b, c, context, status):
    for value in (a, b, c):
        if value._kind == _SNAN:
            status.bits |= _INVALID_OPERATION
            return _fix_nan(value, context)
    if a._kind != _FINITE or b._kind != _FINITE:
        product = _multiply(a, b, context, status)
        if product._kind == _QNAN:
            return product
    else:
        product = _make(a._sign ^ b._sign, a._coef * b._coef, a._exp + b._exp)
    return _add(product, c, context, status)
`;
