/**
 * The methods `@dataclass` adds, as Python closures over the field list. CPython writes each
 * method's source text and `exec`s it (`_FuncBuilder`); pymem has no `exec`, so `__init__` binds
 * its arguments itself and raises the TypeErrors CPython's argument binding would for the
 * generated signature (`Point.__init__() missing 1 required positional argument: 'y'`).
 *
 * @module
 */

/**
 * The builders' Python source, run at the top of the `dataclasses` module (its later
 * definitions — `MISSING`, `FrozenInstanceError`, `_FIELD_INITVAR` — are read when the methods
 * run).
 */
export const DATACLASSES_METHODS_SOURCE = `# pymem's dataclasses, written for pymem (not CPython's Lib/dataclasses.py).
class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()
_UNSET = object()


def _quoted_names(names):
    # CPython: format_missing — 'a', 'a' and 'b', 'a', 'b', and 'c'.
    quoted = [repr(name) for name in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return quoted[0] + ' and ' + quoted[1]
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _missing_error(qualname, kind, names):
    count = len(names)
    return TypeError(f"{qualname}() missing {count} required {kind} "
                     f"argument{'s' if count != 1 else ''}: {_quoted_names(names)}")


def _too_many_error(qualname, positional_count, default_count, given, keyword_only_given):
    # CPython: too_many_positional — self counts as a positional argument.
    argument_count = positional_count + 1
    if default_count:
        signature = f'from {argument_count - default_count} to {argument_count}'
        plural = True
    else:
        signature = str(argument_count)
        plural = argument_count != 1
    given += 1
    keyword_only_text = ''
    if keyword_only_given:
        keyword_only_text = (f" positional argument{'s' if given != 1 else ''} "
                             f"(and {keyword_only_given} keyword-only "
                             f"argument{'s' if keyword_only_given != 1 else ''})")
    verb = 'was' if given == 1 and not keyword_only_given else 'were'
    return TypeError(f"{qualname}() takes {signature} positional argument{'s' if plural else ''} "
                     f"but {given}{keyword_only_text} {verb} given")


def _default_of(f):
    if f.default is not MISSING:
        return f.default
    if f.default_factory is not MISSING:
        return _HAS_DEFAULT_FACTORY
    return _UNSET


def _make_binder(qualname, std_fields, kw_only_fields):
    # CPython: initialize_locals in ceval.c, for the signature the generated __init__ would have:
    # returns a function turning (args, kwargs) into one value per init parameter, in order.
    names = [f.name for f in std_fields + kw_only_fields]
    index_of = {name: index for index, name in enumerate(names)}
    defaults = [_default_of(f) for f in std_fields + kw_only_fields]
    positional_count = len(std_fields)
    default_count = sum(1 for value in defaults[:positional_count] if value is not _UNSET)

    def bind(args, kwargs):
        values = [_UNSET] * len(names)
        for index in range(min(len(args), positional_count)):
            values[index] = args[index]
        for name, value in kwargs.items():
            index = index_of.get(name)
            if index is None:
                raise TypeError(f"{qualname}() got an unexpected keyword argument '{name}'")
            if values[index] is not _UNSET:
                raise TypeError(f"{qualname}() got multiple values for argument '{name}'")
            values[index] = value
        if len(args) > positional_count:
            keyword_only_given = sum(1 for value in values[positional_count:]
                                     if value is not _UNSET)
            raise _too_many_error(qualname, positional_count, default_count, len(args),
                                  keyword_only_given)
        for start, stop, kind in ((0, positional_count, 'positional'),
                                  (positional_count, len(names), 'keyword-only')):
            missing = []
            for index in range(start, stop):
                if values[index] is _UNSET:
                    if defaults[index] is _UNSET:
                        missing.append(names[index])
                    else:
                        values[index] = defaults[index]
            if missing:
                raise _missing_error(qualname, kind, missing)
        return values

    return bind


def _make_init(cls, all_init_fields, std_fields, kw_only_fields, frozen, has_post_init, slots):
    # CPython: _init_fn and _field_init — the steps the generated __init__ body would run.
    bind = _make_binder(cls.__qualname__ + '.__init__', std_fields, kw_only_fields)
    # Every parameter positional and all of them given: the arguments need no binding.
    exact_count = len(std_fields) if not kw_only_fields else -1
    parameter_index = {f.name: index for index, f in enumerate(std_fields + kw_only_fields)}
    steps = []
    init_var_indexes = []
    for f in all_init_fields:
        if f._field_type is _FIELD_INITVAR:
            if f.init:
                init_var_indexes.append(parameter_index[f.name])
            continue
        if f.init:
            steps.append((f.name, parameter_index[f.name], f.default_factory, None))
        elif f.default_factory is not MISSING:
            steps.append((f.name, -1, f.default_factory, None))
        elif slots and f.default is not MISSING:
            steps.append((f.name, -1, MISSING, f.default))
    store = object.__setattr__ if frozen else setattr

    def __init__(self, /, *args, **kwargs):
        values = args if not kwargs and len(args) == exact_count else bind(args, kwargs)
        for name, index, factory, default in steps:
            if index >= 0:
                value = values[index]
                if value is _HAS_DEFAULT_FACTORY:
                    value = factory()
            elif factory is not MISSING:
                value = factory()
            else:
                value = default
            store(self, name, value)
        if has_post_init:
            self.__post_init__(*[values[index] for index in init_var_indexes])

    return __init__


def _make_repr(repr_fields):
    # CPython: _repr_fn wrapped in _recursive_repr — a self-referencing instance shows '...'.
    names = tuple(f.name for f in repr_fields)
    running = set()

    def __repr__(self):
        key = id(self)
        if key in running:
            return '...'
        running.add(key)
        try:
            parts = [f'{name}={getattr(self, name)!r}' for name in names]
        finally:
            running.discard(key)
        return self.__class__.__qualname__ + '(' + ', '.join(parts) + ')'

    # CPython's generated __repr__ is a reprlib.recursive_repr wrapper whose __wrapped__ is
    # named '__create_fn__.<locals>.__repr__': pprint recognises dataclass reprs by that name.
    def unwrapped(self):
        return __repr__(self)

    unwrapped.__qualname__ = '__create_fn__.<locals>.__repr__'
    __repr__.__wrapped__ = unwrapped
    return __repr__


def _make_eq(compare_fields):
    # CPython 3.13: self.a==other.a and self.b==other.b, field by field.
    names = tuple(f.name for f in compare_fields)

    def __eq__(self, other):
        if self is other:
            return True
        if other.__class__ is self.__class__:
            result = True
            for name in names:
                result = getattr(self, name) == getattr(other, name)
                if not result:
                    return result
            return result
        return NotImplemented

    return __eq__


def _less(a, b):
    return a < b


def _less_equal(a, b):
    return a <= b


def _greater(a, b):
    return a > b


def _greater_equal(a, b):
    return a >= b


def _make_order(name, operator, compare_fields):
    # CPython: _cmp_fn — compares the tuples of the fields.
    names = tuple(f.name for f in compare_fields)

    def method(self, other):
        if other.__class__ is self.__class__:
            return operator(tuple([getattr(self, field) for field in names]),
                            tuple([getattr(other, field) for field in names]))
        return NotImplemented

    method.__name__ = name
    return method


def _make_hash(cls, hash_fields):
    # CPython: _hash_fn
    names = tuple(f.name for f in hash_fields)

    def __hash__(self):
        return hash(tuple([getattr(self, name) for name in names]))

    __hash__.__qualname__ = f'{cls.__qualname__}.__hash__'
    return __hash__


def _make_frozen_setattr(cls, fields):
    # CPython: _frozen_get_del_attr
    names = tuple(fields)

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot assign to field {name!r}')
        super(cls, self).__setattr__(name, value)

    return __setattr__


def _make_frozen_delattr(cls, fields):
    names = tuple(fields)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot delete field {name!r}')
        super(cls, self).__delattr__(name)

    return __delattr__
`;
