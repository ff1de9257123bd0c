/**
 * The part of pymem's `decimal` source with `Context` (validated attributes, flags and traps as
 * signal dicts, CPython's repr, every arithmetic method), the three template contexts,
 * `getcontext`/`setcontext` and `localcontext`.
 *
 * @module
 */

/**
 * Python source, run as part of the `decimal` module (see `decimal-module.ts`).
 *
 * @example
 * ```ts
 * const source = [DECIMAL_CONTEXT_SOURCE].join("");
 * ```
 */
export const DECIMAL_CONTEXT_SOURCE = String.raw`

_SIGNAL_KEYS_MESSAGE = ('valid values for signals are:\n'
                        '  [InvalidOperation, FloatOperation, DivisionByZero,\n'
                        '   Overflow, Underflow, Subnormal, Inexact, Rounded,\n'
                        '   Clamped]')


def _key_bits(key):
    for signal, bits in _SIGNALS:
        if key is signal:
            return bits
    raise KeyError(_SIGNAL_KEYS_MESSAGE)


def _bits_from(value, what):
    """Status bits from a list of signals or a dict of every signal (Context's flags= and
    traps=)."""
    if isinstance(value, _SignalDict):
        return value._bits()
    if isinstance(value, dict):
        if len(value) != len(_SIGNALS):
            raise KeyError('invalid signal dict')
        bits = 0
        for signal, set_bits in _SIGNALS:
            if signal not in value:
                raise KeyError('invalid signal dict')
            if value[signal]:
                bits |= set_bits
        return bits
    if isinstance(value, (list, tuple)):
        bits = 0
        for signal in value:
            bits |= _key_bits(signal)
        return bits
    raise TypeError('argument must be a signal dict')


class _SignalDict(_collections_abc.MutableMapping):
    """A context's flags or traps as a mapping from signal to bool (_decimal's SignalDict)."""

    __slots__ = ('_context', '_field')

    def __init__(self, context, field):
        self._context = context
        self._field = field

    def _bits(self):
        return getattr(self._context, self._field)

    def __getitem__(self, key):
        return self._bits() & _key_bits(key) != 0

    def __setitem__(self, key, value):
        bits = _key_bits(key)
        current = self._bits()
        setattr(self._context, self._field, current | bits if value else current & ~bits)

    def __delitem__(self, key):
        raise ValueError('signal keys cannot be deleted')

    def __iter__(self):
        return iter([signal for signal, _ in _SIGNALS])

    def __len__(self):
        return len(_SIGNALS)

    def copy(self):
        return {signal: self[signal] for signal, _ in _SIGNALS}

    def __repr__(self):
        return '{' + ', '.join('%r:%s' % (signal, self[signal]) for signal, _ in _SIGNALS) + '}'


def _integer_setting(value):
    if not isinstance(value, int):
        raise TypeError('an integer is required')
    return value


class Context(object):
    """The context affects almost all operations and controls rounding,
Over/Underflow, raising of exceptions and much more.  A new context
can be constructed as follows:

    >>> c = Context(prec=28, Emin=-425000000, Emax=425000000,
    ...             rounding=ROUND_HALF_EVEN, capitals=1, clamp=1,
    ...             traps=[InvalidOperation, DivisionByZero, Overflow],
    ...             flags=[])
    >>>


"""

    __slots__ = ('_prec', '_rounding', '_Emin', '_Emax', '_capitals', '_clamp', '_flag_bits',
                 '_trap_bits')

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None):
        template = DefaultContext if isinstance(DefaultContext, Context) else None
        object.__setattr__(self, '_prec', template._prec if template else 28)
        object.__setattr__(self, '_rounding',
                           template._rounding if template else ROUND_HALF_EVEN)
        object.__setattr__(self, '_Emin', template._Emin if template else -999999)
        object.__setattr__(self, '_Emax', template._Emax if template else 999999)
        object.__setattr__(self, '_capitals', template._capitals if template else 1)
        object.__setattr__(self, '_clamp', template._clamp if template else 0)
        object.__setattr__(self, '_flag_bits', 0)
        object.__setattr__(self, '_trap_bits', template._trap_bits if template else
                           _IEEE_INVALID | _DIVISION_BY_ZERO | _OVERFLOW)
        for name, value in (('prec', prec), ('rounding', rounding), ('Emin', Emin),
                            ('Emax', Emax), ('capitals', capitals), ('clamp', clamp)):
            if value is not None:
                setattr(self, name, value)
        if traps is not None:
            self._trap_bits = _bits_from(traps, 'traps')
        if flags is not None:
            self._flag_bits = _bits_from(flags, 'flags')

    def __setattr__(self, name, value):
        if name == 'prec':
            value = _integer_setting(value)
            if not 1 <= value <= MAX_PREC:
                raise ValueError('valid range for prec is [1, MAX_PREC]')
        elif name == 'Emin':
            value = _integer_setting(value)
            if not MIN_EMIN <= value <= 0:
                raise ValueError('valid range for Emin is [MIN_EMIN, 0]')
        elif name == 'Emax':
            value = _integer_setting(value)
            if not 0 <= value <= MAX_EMAX:
                raise ValueError('valid range for Emax is [0, MAX_EMAX]')
        elif name == 'capitals' or name == 'clamp':
            value = _integer_setting(value)
            if value not in (0, 1):
                raise ValueError('valid values for %s are 0 or 1' % name)
        elif name == 'rounding':
            if value not in _ROUNDINGS:
                raise TypeError(_ROUNDING_MESSAGE)
        elif name == 'flags' or name == 'traps':
            object.__setattr__(self, '_flag_bits' if name == 'flags' else '_trap_bits',
                               _bits_from(value, name))
            return
        elif name not in ('_flag_bits', '_trap_bits'):
            raise AttributeError("'decimal.Context' object has no attribute '%s'" % name)
        object.__setattr__(self, '_' + name if name[0] != '_' else name, value)

    def __delattr__(self, name):
        raise AttributeError('context attributes cannot be deleted')

    def __sizeof__(self):
        # CPython's PyDecContextObject (tp_basicsize, without the GC header).
        return 96

    prec = property(lambda self: self._prec)
    rounding = property(lambda self: self._rounding)
    Emin = property(lambda self: self._Emin)
    Emax = property(lambda self: self._Emax)
    capitals = property(lambda self: self._capitals)
    clamp = property(lambda self: self._clamp)
    flags = property(lambda self: _SignalDict(self, '_flag_bits'))
    traps = property(lambda self: _SignalDict(self, '_trap_bits'))

    def _apply(self, bits):
        """Records an operation's conditions and raises the first trapped one (_decimal's
        dec_addstatus)."""
        if bits:
            self._flag_bits |= bits
            trapped = bits & self._trap_bits
            if trapped:
                raise _trapped_class(trapped)(_signal_list(trapped))

    def _apply_float_comparison(self, equality):
        # Mixed float comparisons set FloatOperation; only ordering raises it when trapped.
        self._flag_bits |= _FLOAT_OPERATION
        if not equality and self._trap_bits & _FLOAT_OPERATION:
            raise FloatOperation([FloatOperation])

    def __repr__(self):
        def names(bits):
            return '[' + ', '.join(signal.__name__ for signal, mask in _REPR_ORDER
                                   if bits & mask) + ']'
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, '
                'flags=%s, traps=%s)' % (self._prec, self._rounding, self._Emin, self._Emax,
                                         self._capitals, self._clamp, names(self._flag_bits),
                                         names(self._trap_bits)))

    def __reduce__(self):
        def signals(bits):
            return [signal for signal, mask in _SIGNALS if bits & mask]
        return (self.__class__, (self._prec, self._rounding, self._Emin, self._Emax,
                                 self._capitals, self._clamp, signals(self._flag_bits),
                                 signals(self._trap_bits)))

    def copy(self):
        result = object.__new__(self.__class__)
        for name in Context.__slots__:
            object.__setattr__(result, name, getattr(self, name))
        return result

    __copy__ = copy

    def clear_flags(self):
        self._flag_bits = 0

    def clear_traps(self):
        self._trap_bits = 0

    def Etiny(self):
        return self._Emin - self._prec + 1

    def Etop(self):
        return self._Emax - self._prec + 1

    def create_decimal(self, num='0'):
        """Create a new Decimal instance from num, using self as the context. Unlike the
        Decimal constructor, this function observes the context limits."""
        if isinstance(num, str):
            parsed = _parse(num, False)
            if parsed is None or (parsed[3] >= _QNAN and parsed[1]
                                  and _ndigits(parsed[1]) > self._prec - self._clamp):
                self._apply(_CONVERSION_SYNTAX)
                return _make(0, 0, 0, _QNAN)
            value = _make(*parsed)
        else:
            value = _exact(num, self)
        status = _Status()
        if value._kind >= _QNAN:
            result = _fix_nan(value, self) if value._kind == _QNAN else _make(
                value._sign, value._coef if _ndigits(value._coef) <= self._prec - self._clamp
                else 0, 0, _SNAN)
        else:
            result = _round_value(value, self, status)
        self._apply(status.bits)
        return result

    def create_decimal_from_float(self, f):
        """Create a new Decimal instance from float f, rounded to this context."""
        value = Decimal.from_float(f)
        return _run(_round_value, self, value)

    # The arithmetic of Decimal, with this context and int operands allowed.
    def abs(self, a):
        return _run(_absolute, self, _operand(a))

    def add(self, a, b):
        return _run(_add, self, _operand(a), _operand(b))

    def subtract(self, a, b):
        return _run(_subtract, self, _operand(a), _operand(b))

    def multiply(self, a, b):
        return _run(_multiply, self, _operand(a), _operand(b))

    def divide(self, a, b):
        return _run(_divide, self, _operand(a), _operand(b))

    def divide_int(self, a, b):
        return _run(_divide_integer, self, _operand(a), _operand(b))

    def remainder(self, a, b):
        return _run(_remainder, self, _operand(a), _operand(b))

    def divmod(self, a, b):
        return _run(_divmod, self, _operand(a), _operand(b))

    def power(self, a, b, modulo=None):
        if modulo is None:
            return _run(_power, self, _operand(a), _operand(b))
        return _run(_power_modulo, self, _operand(a), _operand(b), _operand(modulo))

    def fma(self, a, b, c):
        return _operand(a).fma(b, c, context=self)

    def minus(self, a):
        return _run(_minus, self, _operand(a))

    def plus(self, a):
        return _run(_plus, self, _operand(a))

    def canonical(self, a):
        if not isinstance(a, Decimal):
            raise TypeError('argument must be a Decimal')
        return a

    def copy_decimal(self, a):
        return _operand(a)

    def copy_abs(self, a):
        return _operand(a).copy_abs()

    def copy_negate(self, a):
        return _operand(a).copy_negate()

    def copy_sign(self, a, b):
        return _operand(a).copy_sign(b)

    def radix(self):
        return _make(0, 10, 0)

    def to_sci_string(self, a):
        return _to_string(_operand(a), False, self._capitals)

    def to_eng_string(self, a):
        return _to_string(_operand(a), True, self._capitals)

    def number_class(self, a):
        return _operand(a).number_class(self)

    def is_normal(self, a):
        return _operand(a).is_normal(self)

    def is_subnormal(self, a):
        return _operand(a).is_subnormal(self)

    def compare_total(self, a, b):
        return _operand(a).compare_total(b)

    def compare_total_mag(self, a, b):
        return _operand(a).compare_total_mag(b)

    def same_quantum(self, a, b):
        return _operand(a).same_quantum(b)

    def to_integral_exact(self, a):
        return _operand(a).to_integral_exact(context=self)

    def to_integral_value(self, a):
        return _operand(a).to_integral_value(context=self)

    to_integral = to_integral_value

    def quantize(self, a, b):
        return _operand(a).quantize(b, context=self)

    def logical_invert(self, a):
        return _operand(a).logical_invert(self)


def _unary_context_method(name):
    def method(self, a):
        return getattr(_operand(a), name)(context=self)
    method.__name__ = name
    return method


def _binary_context_method(name):
    def method(self, a, b):
        return getattr(_operand(a), name)(b, context=self)
    method.__name__ = name
    return method


def _predicate_context_method(name):
    def method(self, a):
        return getattr(_operand(a), name)()
    method.__name__ = name
    return method


for _name in ('exp', 'ln', 'log10', 'logb', 'next_minus', 'next_plus', 'normalize', 'sqrt'):
    setattr(Context, _name, _unary_context_method(_name))
for _name in ('compare', 'compare_signal', 'max', 'max_mag', 'min', 'min_mag', 'next_toward',
              'remainder_near', 'rotate', 'scaleb', 'shift', 'logical_and', 'logical_or',
              'logical_xor'):
    setattr(Context, _name, _binary_context_method(_name))
for _name in ('is_canonical', 'is_finite', 'is_infinite', 'is_nan', 'is_qnan', 'is_signed',
              'is_snan', 'is_zero'):
    setattr(Context, _name, _predicate_context_method(_name))

DefaultContext = None
DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
                         capitals=1, clamp=0, flags=[],
                         traps=[InvalidOperation, DivisionByZero, Overflow])
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP, Emin=-999999, Emax=999999, capitals=1,
                       clamp=0, flags=[], traps=[Clamped, InvalidOperation, DivisionByZero,
                                                 Overflow, Underflow])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
                          capitals=1, clamp=0, flags=[], traps=[])
_UNBOUNDED = Context(prec=MAX_PREC, rounding=ROUND_HALF_EVEN, Emin=MIN_EMIN, Emax=MAX_EMAX,
                     capitals=1, clamp=0, flags=[], traps=[])
_current_context = None


def getcontext():
    """Get the current default context."""
    global _current_context
    if _current_context is None:
        _current_context = DefaultContext.copy()
    return _current_context


def setcontext(context):
    """Set a new default context."""
    global _current_context
    if not isinstance(context, Context):
        raise TypeError('argument must be a context')
    if context is DefaultContext or context is BasicContext or context is ExtendedContext:
        context = context.copy()
        context.clear_flags()
    _current_context = context


class ContextManager(object):
    """Context manager class to support localcontext()."""

    __slots__ = ('new_context', 'saved_context')

    def __init__(self, new_context):
        self.new_context = new_context

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, kind, value, traceback):
        setcontext(self.saved_context)
        return None


_LOCAL_KEYWORDS = ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags', 'traps')


def localcontext(ctx=None, **kwargs):
    """Return a context manager that will set the default context to a copy of ctx on entry
    to the with-statement and restore the previous default context when exiting the
    with-statement. If no context is specified, a copy of the current default context is
    used."""
    if ctx is None:
        ctx = getcontext()
    elif not isinstance(ctx, Context):
        raise TypeError('optional argument must be a context')
    new_context = ctx.copy()
    for name, value in kwargs.items():
        if name not in _LOCAL_KEYWORDS:
            raise TypeError("this function got an unexpected keyword argument '%s'" % name)
        setattr(new_context, name, value)
    return ContextManager(new_context)
`;
