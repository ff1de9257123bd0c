/**
 * The part of pymem's `decimal` source that converts to and from Decimal: numeric strings (the
 * constructor's whitespace and underscores), ints, floats (exactly), tuples, and the scientific
 * and engineering strings of the General Decimal Arithmetic specification.
 *
 * @module
 */

/**
 * Python source, run as part of the `decimal` module (see `decimal-module.ts`).
 *
 * @example
 * ```ts
 * const source = [DECIMAL_CONVERSIONS_SOURCE].join("");
 * ```
 */
export const DECIMAL_CONVERSIONS_SOURCE = String.raw`
DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent', module='decimal')

_HASH_MODULUS = next(candidate for candidate in (2 ** 61 - 1, 2 ** 31 - 1) if hash(candidate) == 0)
_HASH_INF = 314159
_HASH_TEN_INVERSE = pow(10, _HASH_MODULUS - 2, _HASH_MODULUS)


def _parse(text, lenient=True):
    """(sign, coefficient, exponent, kind) for a numeric string, or None (libmpdec's
    mpd_qset_string; the constructor, lenient, first strips whitespace and underscores)."""
    if lenient:
        text = text.strip().replace('_', '')
    if not text.isascii():
        text = ''.join(str(int(char)) if char.isdecimal() else char for char in text)
    sign = 0
    if text[:1] in ('+', '-'):
        sign = 1 if text[0] == '-' else 0
        text = text[1:]
    lower = text.lower()
    if lower in ('inf', 'infinity'):
        return sign, 0, 0, _INFINITE
    kind = _FINITE
    if lower.startswith('nan'):
        kind, payload = _QNAN, text[3:]
    elif lower.startswith('snan'):
        kind, payload = _SNAN, text[4:]
    if kind != _FINITE:
        if payload and not (payload.isdigit() and payload.isascii()):
            return None
        return sign, _str_to_int(payload) if payload else 0, 0, kind
    mantissa, exponent = text, 0
    marker = lower.find('e')
    if marker >= 0:
        mantissa, power = text[:marker], text[marker + 1:]
        digits = power[1:] if power[:1] in ('+', '-') else power
        if not digits or not (digits.isdigit() and digits.isascii()):
            return None
        exponent = _str_to_int(power.lstrip('+'))
    whole, point, fraction = mantissa.partition('.')
    if not whole and not fraction:
        return None
    for part in (whole, fraction):
        if part and not (part.isdigit() and part.isascii()):
            return None
    return sign, _str_to_int((whole + fraction).lstrip('0') or '0'), exponent - len(fraction), _FINITE


def _from_int(value):
    return _make(1 if value < 0 else 0, abs(value), 0)


def _from_float(value):
    if value != value:
        return _make(1 if _math.copysign(1.0, value) < 0 else 0, 0, 0, _QNAN)
    sign = 1 if _math.copysign(1.0, value) < 0 else 0
    if value in (float('inf'), float('-inf')):
        return _infinity(sign)
    numerator, denominator = abs(value).as_integer_ratio()
    shift = denominator.bit_length() - 1
    return _make(sign, numerator * 5 ** shift, -shift)


def _from_tuple(value):
    if len(value) != 3:
        raise ValueError('argument must be a sequence of length 3')
    sign, digits, exponent = value
    if not (isinstance(sign, int) and sign in (0, 1)):
        raise ValueError('sign must be an integer with the value 0 or 1')
    kind = _FINITE
    if isinstance(exponent, str):
        kinds = {'F': _INFINITE, 'n': _QNAN, 'N': _SNAN}
        if exponent not in kinds:
            raise ValueError("string argument in the third position must be 'F', 'n' or 'N'")
        kind = kinds[exponent]
        exponent = 0
    elif not isinstance(exponent, int):
        raise ValueError('exponent must be an integer')
    if not isinstance(digits, (tuple, list)):
        raise ValueError('coefficient must be a tuple of digits')
    coefficient = 0
    for digit in digits:
        if not (isinstance(digit, int) and 0 <= digit <= 9):
            raise ValueError('coefficient must be a tuple of digits')
        coefficient = coefficient * 10 + digit
    if kind == _INFINITE:
        coefficient = 0
    return _make(sign, coefficient, exponent, kind)


def _from_string(text, context):
    parsed = _parse(text)
    if parsed is None:
        context._apply(_CONVERSION_SYNTAX)
        return _make(0, 0, 0, _QNAN)
    sign, coefficient, exponent, kind = parsed
    return _make(sign, coefficient, exponent, kind)


def _exact(value, context):
    """Decimal(value) without rounding (the constructor's conversion)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        return _from_string(value, context)
    if isinstance(value, int):
        return _from_int(value)
    if isinstance(value, float):
        context._apply(_FLOAT_OPERATION)
        return _from_float(value)
    if isinstance(value, (tuple, list, DecimalTuple)):
        return _from_tuple(tuple(value))
    raise TypeError('conversion from %s to Decimal is not supported' % type(value).__name__)


def _operand(value, strict=True):
    """An int or Decimal operand as a Decimal; other types give NotImplemented (operators) or
    TypeError (methods, strict)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return _from_int(value)
    if strict:
        raise TypeError('conversion from %s to Decimal is not supported' % type(value).__name__)
    return NotImplemented


def _context_argument(context):
    if context is None:
        return getcontext()
    if not isinstance(context, Context):
        raise TypeError('optional argument must be a context')
    return context


def _run(operation, context, *operands):
    status = _Status()
    result = operation(*operands, context, status)
    context._apply(status.bits)
    return result


def _plain_digits(coefficient, exponent):
    digits = _int_to_str(coefficient)
    if exponent == 0:
        return digits
    if exponent > 0:
        return digits + '0' * exponent
    if len(digits) > -exponent:
        return digits[:exponent] + '.' + digits[exponent:]
    return '0.' + '0' * (-exponent - len(digits)) + digits


def _to_string(value, engineering, capitals):
    """libmpdec's to-scientific-string and to-engineering-string."""
    sign = '-' if value._sign else ''
    if value._kind == _INFINITE:
        return sign + 'Infinity'
    if value._kind != _FINITE:
        payload = _int_to_str(value._coef) if value._coef else ''
        return sign + ('NaN' if value._kind == _QNAN else 'sNaN') + payload
    digits = _int_to_str(value._coef)
    exponent = value._exp
    adjusted = exponent + len(digits) - 1
    if exponent <= 0 and adjusted >= -6:
        return sign + _plain_digits(value._coef, exponent)
    if not engineering:
        mantissa = digits[0] + ('.' + digits[1:] if len(digits) > 1 else '')
    elif value._coef == 0:
        shown = -(-adjusted // 3) * 3
        mantissa = '0.' + '0' * (shown - adjusted) if shown != adjusted else '0'
        adjusted = shown
    else:
        before = adjusted % 3 + 1
        adjusted -= before - 1
        digits += '0' * max(0, before - len(digits))
        mantissa = digits[:before] + ('.' + digits[before:] if len(digits) > before else '')
    if adjusted == 0 and engineering:
        return sign + mantissa
    return '%s%s%s%+d' % (sign, mantissa, 'E' if capitals else 'e', adjusted)
`;
