import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's typing module, written in Python that pymem runs at import (pymem's own source):
 * what evaluating annotations and writing typed classes needs — the special forms (`Any`,
 * `Union`, `Optional`, `Literal`, `ClassVar`, `Final`, `Annotated`, `Self`, `NoReturn` …), the
 * aliases of built-in and `collections.abc` classes (`List[int]`, `Callable[[int], str]`),
 * `TypeVar`, `Generic` (through `__mro_entries__` and `__class_getitem__`), `Protocol` with
 * `runtime_checkable`, `NamedTuple` (built on `collections.namedtuple`), `TypedDict` (instances
 * are plain dicts), `NewType`, `cast`, `overload`, `get_type_hints`, `get_origin`, `get_args`,
 * with CPython's reprs (`typing.Optional[int]`, `~T`) and error messages.
 *
 * @module
 */

/** The module's Python source, run at import. */
const TYPING_SOURCE = `# pymem's typing module, written for pymem in Python (not CPython's Lib/typing.py source).
import collections
import collections.abc
from abc import ABCMeta, abstractmethod

TYPE_CHECKING = False
_NoneType = type(None)


def _type_repr(obj):
    # How an argument appears inside a subscription's repr.
    if isinstance(obj, type) and not isinstance(obj, _TypingBase):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return obj.__module__ + '.' + obj.__qualname__
    if obj is ...:
        return '...'
    if isinstance(obj, list):
        return '[' + ', '.join(_type_repr(item) for item in obj) + ']'
    if type(obj).__name__ == 'function':
        return obj.__module__ + '.' + obj.__qualname__
    return repr(obj)


def _type_check(arg, message):
    # What a type argument may be: a class, an alias, a TypeVar, None (NoneType) or a string.
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    if isinstance(arg, _SpecialForm) and arg in (Union, Optional, Generic, Protocol, ClassVar, Final):
        raise TypeError(f'Plain {arg} is not valid as type argument')
    if not callable(arg) and not isinstance(arg, (_TypeParameter, _TypingBase, tuple, list)) \\
            and arg is not ... and type(arg).__name__ not in ('GenericAlias', 'UnionType'):
        raise TypeError(f'{message} Got {_type_repr(arg)}.')
    return arg


def _as_tuple(parameters):
    return parameters if isinstance(parameters, tuple) else (parameters,)


def _collect_parameters(args):
    # The TypeVars an alias's arguments mention, in first-seen order.
    found = []
    for arg in args:
        if isinstance(arg, _TypeParameter):
            candidates = (arg,)
        elif isinstance(arg, list):
            candidates = _collect_parameters(arg)
        else:
            candidates = getattr(arg, '__parameters__', ())
            if not isinstance(candidates, tuple):
                candidates = ()
        for parameter in candidates:
            if parameter not in found:
                found.append(parameter)
    return tuple(found)


def _substitute(arg, mapping):
    if isinstance(arg, _TypeParameter):
        return mapping.get(arg, arg)
    if isinstance(arg, list):
        return [_substitute(item, mapping) for item in arg]
    if isinstance(arg, _GenericAlias) and arg.__parameters__:
        return arg[tuple(mapping.get(p, p) for p in arg.__parameters__)]
    return arg


class _TypingBase:
    # Marker base of pymem's typing objects (aliases and special forms).
    __slots__ = ()


class ForwardRef(_TypingBase):
    __slots__ = ('__forward_arg__',)

    def __init__(self, arg):
        if not isinstance(arg, str):
            raise TypeError(f'Forward reference must be a string -- got {arg!r}')
        self.__forward_arg__ = arg

    def __eq__(self, other):
        return isinstance(other, ForwardRef) and self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __repr__(self):
        return f'ForwardRef({self.__forward_arg__!r})'


class _NoDefaultType:
    # The default of a type parameter declared without one (PEP 696).
    __slots__ = ()

    def __repr__(self):
        return 'typing.NoDefault'


NoDefault = _NoDefaultType()


class _TypeParameter(_TypingBase):
    # What TypeVar, ParamSpec and TypeVarTuple share: a name and a default that a PEP 695
    # declaration evaluates lazily (the _evaluate_* functions run on first access).
    __slots__ = ('__name__', '__module__', '_default', '_evaluate_default')

    def _init_parameter(self, name, default, evaluate_default=None):
        self.__name__ = name
        self.__module__ = 'typing'
        self._default = default
        self._evaluate_default = evaluate_default

    @property
    def __default__(self):
        if self._evaluate_default is not None:
            self._default = self._evaluate_default()
            self._evaluate_default = None
        return self._default

    def has_default(self):
        return self._evaluate_default is not None or self._default is not NoDefault

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __init_subclass__(cls, *args, **kwargs):
        if cls.__module__ != 'typing':
            raise TypeError(f"type 'typing.{cls.__mro__[1].__name__}' is not an acceptable base type")


def _variance_prefix(parameter):
    if parameter.__infer_variance__:
        return ''
    return '+' if parameter.__covariant__ else '-' if parameter.__contravariant__ else '~'


class TypeVar(_TypeParameter):
    __slots__ = ('_bound', '_evaluate_bound', '_constraints', '_evaluate_constraints',
                 '__covariant__', '__contravariant__', '__infer_variance__')

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False,
                 infer_variance=False, default=NoDefault):
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        if infer_variance and (covariant or contravariant):
            raise ValueError('Variance cannot be specified with infer_variance.')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        if constraints and bound is not None:
            raise TypeError('Constraints cannot be combined with bound=...')
        self._init_parameter(name, default)
        self._bound = None if bound is None else _type_check(bound, 'Bound must be a type.')
        self._evaluate_bound = None
        self._constraints = tuple(constraints)
        self._evaluate_constraints = None
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)

    @property
    def __bound__(self):
        if self._evaluate_bound is not None:
            self._bound = self._evaluate_bound()
            self._evaluate_bound = None
        return self._bound

    @property
    def __constraints__(self):
        if self._evaluate_constraints is not None:
            self._constraints = tuple(self._evaluate_constraints())
            self._evaluate_constraints = None
        return self._constraints

    def __repr__(self):
        return _variance_prefix(self) + self.__name__


class ParamSpecArgs:
    __slots__ = ('__origin__',)

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f'{self.__origin__.__name__}.args'

    def __eq__(self, other):
        if not isinstance(other, ParamSpecArgs):
            return NotImplemented
        return self.__origin__ == other.__origin__


class ParamSpecKwargs:
    __slots__ = ('__origin__',)

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f'{self.__origin__.__name__}.kwargs'

    def __eq__(self, other):
        if not isinstance(other, ParamSpecKwargs):
            return NotImplemented
        return self.__origin__ == other.__origin__


class ParamSpec(_TypeParameter):
    __slots__ = ('__bound__', '__covariant__', '__contravariant__', '__infer_variance__')

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False,
                 infer_variance=False, default=NoDefault):
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        self._init_parameter(name, default)
        self.__bound__ = None if bound is None else _type_check(bound, 'Bound must be a type.')
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __repr__(self):
        return _variance_prefix(self) + self.__name__


class TypeVarTuple(_TypeParameter):
    __slots__ = ()

    def __init__(self, name, *, default=NoDefault):
        self._init_parameter(name, default)

    def __iter__(self):
        yield Unpack[self]

    def __repr__(self):
        return self.__name__


def _type_parameter(kind, name, evaluate_bound, evaluate_constraints, evaluate_default):
    # A PEP 695 type parameter: variance inferred, bound, constraints and default evaluated
    # lazily in the annotation scope (CPython: _Py_make_typevar and friends).
    if kind == 'TypeVar':
        parameter = TypeVar(name, infer_variance=True)
        parameter._evaluate_bound = evaluate_bound
        parameter._evaluate_constraints = evaluate_constraints
    elif kind == 'ParamSpec':
        parameter = ParamSpec(name, infer_variance=True)
    else:
        parameter = TypeVarTuple(name)
    parameter._evaluate_default = evaluate_default
    return parameter


class TypeAliasType:
    # The value of a 'type' statement (PEP 695); __value__ is evaluated on first access.
    __slots__ = ('__name__', '__module__', '__type_params__', '_value', '_evaluate_value')

    def __init__(self, name, value, *, type_params=()):
        if not isinstance(name, str):
            raise TypeError(f"typealias() argument 'name' must be str, not {type(name).__name__}")
        if not isinstance(type_params, tuple):
            raise TypeError('type_params must be a tuple')
        self.__name__ = name
        self.__module__ = 'typing'
        self.__type_params__ = type_params
        self._value = value
        self._evaluate_value = None

    @property
    def __value__(self):
        if self._evaluate_value is not None:
            self._value = self._evaluate_value()
            self._evaluate_value = None
        return self._value

    @property
    def __parameters__(self):
        return tuple(Unpack[p] if isinstance(p, TypeVarTuple) else p for p in self.__type_params__)

    def __repr__(self):
        return self.__name__

    def __getitem__(self, parameters):
        if not self.__type_params__:
            raise TypeError('Only generic type aliases are subscriptable')
        return _GenericAlias(self, _as_tuple(parameters), None, _alias_display)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError("type 'typing.TypeAliasType' is not an acceptable base type")


def _alias_display(alias):
    return alias.__origin__.__name__ + '[' + ', '.join(map(_type_repr, alias.__args__)) + ']'


def _type_alias(name, evaluate_value, type_params, module):
    alias = TypeAliasType(name, None, type_params=type_params)
    alias._evaluate_value = evaluate_value
    alias.__module__ = module
    return alias


class _SpecialForm(_TypingBase):
    __slots__ = ('_name', '_getitem')

    def __init__(self, getitem):
        self._getitem = getitem
        self._name = getitem.__name__

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwds):
        raise TypeError(f'Cannot instantiate {self!r}')

    def __instancecheck__(self, obj):
        raise TypeError(f'{self} cannot be used with isinstance()')

    def __subclasscheck__(self, cls):
        raise TypeError(f'{self} cannot be used with issubclass()')

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __mro_entries__(self, bases):
        raise TypeError(f'Cannot subclass {self!r}')


class _GenericAlias(_TypingBase):
    # origin[args]: typing.List[int], typing.Union[int, str], __main__.Stack[int].
    def __init__(self, origin, args, name=None, display=None):
        self.__origin__ = origin
        self.__args__ = args
        self.__parameters__ = _collect_parameters(args)
        self._name = name
        self._display = display

    def __repr__(self):
        if self._display is not None:
            return self._display(self)
        head = 'typing.' + self._name if self._name else _type_repr(self.__origin__)
        if not self.__args__:
            return head + '[()]'
        return head + '[' + ', '.join(_type_repr(arg) for arg in self.__args__) + ']'

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        if self.__origin__ is Union and other.__origin__ is Union:
            return set(self.__args__) == set(other.__args__)
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        if self.__origin__ is Union:
            return hash(frozenset(self.__args__))
        return hash((self.__origin__, self.__args__))

    def __getitem__(self, parameters):
        parameters = _as_tuple(parameters)
        if not self.__parameters__:
            raise TypeError(f'{self} is not a generic class')
        if len(parameters) != len(self.__parameters__):
            raise TypeError(f"Too {'many' if len(parameters) > len(self.__parameters__) else 'few'}"
                            f' arguments for {self}; actual {len(parameters)},'
                            f' expected {len(self.__parameters__)}')
        mapping = dict(zip(self.__parameters__, parameters))
        args = tuple(_substitute(arg, mapping) for arg in self.__args__)
        if self.__origin__ is Union:
            return Union[args]
        return _GenericAlias(self.__origin__, args, self._name, self._display)

    def __call__(self, *args, **kwargs):
        if self._name is not None and self.__origin__ in _NOT_INSTANTIABLE:
            raise TypeError(f'Type {self._name} cannot be instantiated; use '
                            f'{self.__origin__.__name__}() instead')
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except (AttributeError, TypeError):
            pass
        return result

    def __mro_entries__(self, bases):
        if self.__origin__ is Generic:
            # Generic comes in through a later generic base when there is one.
            for base in bases[list(bases).index(self) + 1:]:
                origin = base.__origin__ if isinstance(base, _GenericAlias) else base
                if isinstance(origin, type) and issubclass(origin, Generic):
                    return ()
            return (Generic,)
        if isinstance(self.__origin__, type):
            return (self.__origin__,)
        raise TypeError(f'Cannot subclass {self!r}')

    def __instancecheck__(self, obj):
        if self.__origin__ is Union:
            return any(isinstance(obj, arg) for arg in self.__args__)
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __subclasscheck__(self, cls):
        if self.__origin__ is Union:
            return any(issubclass(cls, arg) for arg in self.__args__)
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)


class _SpecialGenericAlias(_TypingBase):
    # typing.List, typing.Iterable …: the bare alias of a class, subscriptable.
    def __init__(self, origin, name, arity):
        self.__origin__ = origin
        self._name = name
        self._arity = arity

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, parameters):
        parameters = _as_tuple(parameters)
        if self._arity >= 0 and len(parameters) != self._arity:
            raise TypeError(f"Too {'many' if len(parameters) > self._arity else 'few'} arguments"
                            f' for {self}; actual {len(parameters)}, expected {self._arity}')
        args = tuple(_type_check(p, 'Parameters to generic types must be types.')
                     for p in parameters)
        return _GenericAlias(self.__origin__, args, self._name)

    def __call__(self, *args, **kwargs):
        if self.__origin__ in _NOT_INSTANTIABLE:
            raise TypeError(f'Type {self._name} cannot be instantiated; use '
                            f'{self.__origin__.__name__}() instead')
        return self.__origin__(*args, **kwargs)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)


_NOT_INSTANTIABLE = (list, dict, set, frozenset, tuple, type)


def _tuple_display(alias):
    if not alias.__args__:
        return 'typing.Tuple[()]'
    return 'typing.Tuple[' + ', '.join(_type_repr(arg) for arg in alias.__args__) + ']'


class _TupleAlias(_SpecialGenericAlias):
    def __getitem__(self, parameters):
        if parameters == ():
            return _GenericAlias(tuple, (), 'Tuple')
        parameters = _as_tuple(parameters)
        if len(parameters) == 2 and parameters[1] is ...:
            return _GenericAlias(tuple, (_type_check(parameters[0], 'Tuple[t, ...]: t must be a type.'), ...), 'Tuple')
        args = tuple(_type_check(p, 'Tuple[t0, t1, ...]: each t must be a type.')
                     for p in parameters)
        return _GenericAlias(tuple, args, 'Tuple')


def _callable_display(alias):
    *parameters, result = alias.__args__
    if len(parameters) == 1 and (parameters[0] is ... or isinstance(parameters[0], ParamSpec)):
        head = _type_repr(parameters[0])
    else:
        head = '[' + ', '.join(_type_repr(arg) for arg in parameters) + ']'
    return f'typing.Callable[{head}, {_type_repr(result)}]'


class _CallableAlias(_SpecialGenericAlias):
    def __getitem__(self, parameters):
        if not isinstance(parameters, tuple) or len(parameters) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        arguments, result = parameters
        if arguments is ... or isinstance(arguments, ParamSpec):
            args = (arguments, _type_check(result, 'Callable[args, result]: result must be a type.'))
        elif isinstance(arguments, list):
            args = tuple(_type_check(a, 'Callable[[arg, ...], result]: each arg must be a type.')
                         for a in arguments) + (_type_check(result, 'Callable[args, result]: result must be a type.'),)
        else:
            raise TypeError('Callable[args, result]: args must be a list. Got ' + _type_repr(arguments))
        return _GenericAlias(collections.abc.Callable, args, 'Callable', _callable_display)


List = _SpecialGenericAlias(list, 'List', 1)
Dict = _SpecialGenericAlias(dict, 'Dict', 2)
Set = _SpecialGenericAlias(set, 'Set', 1)
FrozenSet = _SpecialGenericAlias(frozenset, 'FrozenSet', 1)
Tuple = _TupleAlias(tuple, 'Tuple', -1)
Type = _SpecialGenericAlias(type, 'Type', 1)
Callable = _CallableAlias(collections.abc.Callable, 'Callable', 2)
DefaultDict = _SpecialGenericAlias(collections.defaultdict, 'DefaultDict', 2)
OrderedDict = _SpecialGenericAlias(collections.OrderedDict, 'OrderedDict', 2)
Counter = _SpecialGenericAlias(collections.Counter, 'Counter', 1)
ChainMap = _SpecialGenericAlias(collections.ChainMap, 'ChainMap', 2)
Deque = _SpecialGenericAlias(collections.deque, 'Deque', 1)
Iterable = _SpecialGenericAlias(collections.abc.Iterable, 'Iterable', 1)
Iterator = _SpecialGenericAlias(collections.abc.Iterator, 'Iterator', 1)
Generator = _SpecialGenericAlias(collections.abc.Generator, 'Generator', 3)
Reversible = _SpecialGenericAlias(collections.abc.Reversible, 'Reversible', 1)
Container = _SpecialGenericAlias(collections.abc.Container, 'Container', 1)
Collection = _SpecialGenericAlias(collections.abc.Collection, 'Collection', 1)
Sized = _SpecialGenericAlias(collections.abc.Sized, 'Sized', 0)
Hashable = _SpecialGenericAlias(collections.abc.Hashable, 'Hashable', 0)
Sequence = _SpecialGenericAlias(collections.abc.Sequence, 'Sequence', 1)
MutableSequence = _SpecialGenericAlias(collections.abc.MutableSequence, 'MutableSequence', 1)
Mapping = _SpecialGenericAlias(collections.abc.Mapping, 'Mapping', 2)
MutableMapping = _SpecialGenericAlias(collections.abc.MutableMapping, 'MutableMapping', 2)
AbstractSet = _SpecialGenericAlias(collections.abc.Set, 'AbstractSet', 1)
MutableSet = _SpecialGenericAlias(collections.abc.MutableSet, 'MutableSet', 1)
KeysView = _SpecialGenericAlias(collections.abc.KeysView, 'KeysView', 1)
ItemsView = _SpecialGenericAlias(collections.abc.ItemsView, 'ItemsView', 2)
ValuesView = _SpecialGenericAlias(collections.abc.ValuesView, 'ValuesView', 1)
MappingView = _SpecialGenericAlias(collections.abc.MappingView, 'MappingView', 1)
Text = str


@_SpecialForm
def Any(self, parameters):
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def NoReturn(self, parameters):
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def Never(self, parameters):
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def Self(self, parameters):
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def LiteralString(self, parameters):
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def TypeAlias(self, parameters):
    raise TypeError(f'{self} is not subscriptable')


def _union_display(alias):
    args = alias.__args__
    if len(args) == 2 and _NoneType in args:
        other = args[0] if args[1] is _NoneType else args[1]
        return f'typing.Optional[{_type_repr(other)}]'
    return 'typing.Union[' + ', '.join(_type_repr(arg) for arg in args) + ']'


@_SpecialForm
def Union(self, parameters):
    if parameters == ():
        raise TypeError('Cannot take a Union of no types.')
    parameters = _as_tuple(parameters)
    members = []
    for parameter in parameters:
        parameter = _type_check(parameter, 'Union[arg, ...]: each arg must be a type.')
        if isinstance(parameter, _GenericAlias) and parameter.__origin__ is Union:
            nested = parameter.__args__
        elif type(parameter).__name__ == 'UnionType':
            nested = parameter.__args__
        else:
            nested = (parameter,)
        for member in nested:
            if member not in members:
                members.append(member)
    if len(members) == 1:
        return members[0]
    return _GenericAlias(Union, tuple(members), 'Union', _union_display)


@_SpecialForm
def Optional(self, parameters):
    arg = _type_check(parameters, 'Optional[t] requires a single type.')
    return Union[arg, _NoneType]


@_SpecialForm
def ClassVar(self, parameters):
    item = _type_check(parameters, f'{self} accepts only single type.')
    return _GenericAlias(self, (item,), 'ClassVar')


@_SpecialForm
def Final(self, parameters):
    item = _type_check(parameters, f'{self} accepts only single type.')
    return _GenericAlias(self, (item,), 'Final')


@_SpecialForm
def Literal(self, parameters):
    # 1 and True are different literals: duplicates are equal values of the same type.
    values = []
    seen = []
    for value in _as_tuple(parameters):
        if (type(value), value) not in seen:
            seen.append((type(value), value))
            values.append(value)
    return _GenericAlias(self, tuple(values), 'Literal', _literal_display)


def _literal_display(alias):
    return 'typing.Literal[' + ', '.join(repr(arg) for arg in alias.__args__) + ']'


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        super().__init__(origin, (origin,), None, _annotated_display)
        self.__metadata__ = metadata

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__metadata__ == other.__metadata__

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)


def _annotated_display(alias):
    return (f'typing.Annotated[{_type_repr(alias.__origin__)}, '
            + ', '.join(repr(item) for item in alias.__metadata__) + ']')


class _AnnotatedForm(_TypingBase):
    def __repr__(self):
        return 'typing.Annotated'

    def __getitem__(self, parameters):
        if not isinstance(parameters, tuple) or len(parameters) < 2:
            raise TypeError('Annotated[...] should be used with at least two arguments '
                            '(a type and an annotation).')
        origin = _type_check(parameters[0], 'Annotated[t, ...]: t must be a type.')
        if isinstance(origin, _AnnotatedAlias):
            return _AnnotatedAlias(origin.__origin__, origin.__metadata__ + parameters[1:])
        return _AnnotatedAlias(origin, parameters[1:])

    def __call__(self, *args, **kwargs):
        raise TypeError('Cannot instantiate typing.Annotated')


Annotated = _AnnotatedForm()


class Generic:
    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, parameters):
        parameters = _as_tuple(parameters)
        if not parameters:
            raise TypeError(f'Parameter list to {cls.__qualname__}[...] cannot be empty')
        if cls in (Generic, Protocol):
            for parameter in parameters:
                if isinstance(parameter, _GenericAlias) and parameter.__origin__ is Unpack:
                    parameter = parameter.__args__[0]
                if not isinstance(parameter, _TypeParameter):
                    raise TypeError(f'Parameters to {cls.__name__}[...] must all be type '
                                    'variables or parameter specification variables.')
            if len(set(parameters)) != len(parameters):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be unique')
            return _GenericAlias(cls, parameters, None, _generic_display)
        expected = cls.__dict__.get('__parameters__', ())
        if len(parameters) != len(expected):
            raise TypeError(f"Too {'many' if len(parameters) > len(expected) else 'few'} "
                            f'arguments for {cls}; actual {len(parameters)}, '
                            f'expected {len(expected)}')
        args = tuple(_type_check(p, 'Parameters to generic types must be types.')
                     for p in parameters)
        return _GenericAlias(cls, args)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        declared = None
        parameters = []
        for base in cls.__dict__.get('__orig_bases__', ()):
            if isinstance(base, _GenericAlias):
                if base.__origin__ in (Generic, Protocol):
                    declared = base.__args__
                for parameter in base.__parameters__:
                    if parameter not in parameters:
                        parameters.append(parameter)
        if declared is not None:
            declared_parameters = _collect_parameters(declared)
            missing = [p for p in parameters if p not in declared_parameters]
            if missing:
                raise TypeError(f"Some type variables ({', '.join(map(str, missing))}) "
                                f"are not listed in Generic[{', '.join(map(str, declared))}]")
            parameters = list(declared_parameters)
        cls.__parameters__ = tuple(parameters)


def _generic_display(alias):
    return f'typing.{alias.__origin__.__name__}[' + ', '.join(map(_type_repr, alias.__args__)) + ']'


# Attributes every class has, which a protocol's members never include.
_SPECIAL_NAMES = frozenset({
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__', '__init__', '__module__',
    '__new__', '__slots__', '__subclasshook__', '__weakref__', '__class_getitem__',
    '__qualname__', '__orig_bases__', '__parameters__', '__init_subclass__', '_is_protocol',
    '_is_runtime_protocol', '__protocol_attrs__', '__non_callable_proto_members__',
    '__type_params__', '__firstlineno__', '__static_attributes__', '_abc_impl',
    '__classcell__', '__orig_class__',
})


def _protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        names = list(base.__dict__) + list(base.__dict__.get('__annotations__', {}))
        for name in names:
            if name not in _SPECIAL_NAMES:
                attrs.add(name)
    return attrs


class _ProtocolMeta(ABCMeta):
    def __instancecheck__(cls, instance):
        if cls is Protocol:
            return type.__instancecheck__(cls, instance)
        if not getattr(cls, '_is_protocol', False):
            return super().__instancecheck__(instance)
        if not getattr(cls, '_is_runtime_protocol', False):
            raise TypeError('Instance and class checks can only be used with'
                            ' @runtime_checkable protocols')
        if super().__instancecheck__(instance):
            return True
        for attr in cls.__protocol_attrs__:
            try:
                value = getattr(instance, attr)
            except AttributeError:
                return False
            if value is None and attr not in cls.__non_callable_proto_members__:
                return False
        return True

    def __subclasscheck__(cls, other):
        if cls is Protocol:
            return type.__subclasscheck__(cls, other)
        if getattr(cls, '_is_protocol', False) and not getattr(cls, '_is_runtime_protocol', False):
            if not isinstance(other, type):
                raise TypeError('issubclass() arg 1 must be a class')
            raise TypeError('Instance and class checks can only be used with'
                            ' @runtime_checkable protocols')
        return super().__subclasscheck__(other)


def _protocol_subclasshook(cls, other):
    if not cls.__dict__.get('_is_protocol', False):
        return NotImplemented
    if cls.__non_callable_proto_members__:
        raise TypeError("Protocols with non-method members don't support issubclass()."
                        f' Non-method members: {str(sorted(cls.__non_callable_proto_members__))[1:-1]}.')
    for attr in cls.__protocol_attrs__:
        for base in other.__mro__:
            if attr in base.__dict__:
                if base.__dict__[attr] is None:
                    return NotImplemented
                break
        else:
            if not hasattr(other, attr):
                return NotImplemented
    return True


def _no_init(self, *args, **kwargs):
    if type(self)._is_protocol:
        raise TypeError('Protocols cannot be instantiated')


class Protocol(Generic, metaclass=_ProtocolMeta):
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(base is Protocol for base in cls.__bases__)
        cls.__protocol_attrs__ = _protocol_attrs(cls)
        cls.__non_callable_proto_members__ = set()
        if '__subclasshook__' not in cls.__dict__:
            cls.__subclasshook__ = classmethod(_protocol_subclasshook)
        if cls._is_protocol and '__init__' not in cls.__dict__:
            cls.__init__ = _no_init


def runtime_checkable(cls):
    if not (isinstance(cls, type) and issubclass(cls, Generic) and cls.__dict__.get('_is_protocol', False)):
        raise TypeError('@runtime_checkable can be only applied to protocol classes,'
                        f' got {cls!r}')
    cls._is_runtime_protocol = True
    members = set()
    for attr in cls.__protocol_attrs__:
        try:
            is_callable = callable(getattr(cls, attr, None))
        except Exception:
            is_callable = False
        if not is_callable:
            members.add(attr)
    cls.__non_callable_proto_members__ = members
    return cls


def _protocol(name, method, result=None):
    namespace = {'__slots__': (), method: abstractmethod(lambda self: result)}
    return runtime_checkable(_ProtocolMeta(name, (Protocol,), {**namespace, '__module__': 'typing'}))


SupportsInt = _protocol('SupportsInt', '__int__', 0)
SupportsFloat = _protocol('SupportsFloat', '__float__', 0.0)
SupportsIndex = _protocol('SupportsIndex', '__index__', 0)
SupportsAbs = _protocol('SupportsAbs', '__abs__')
SupportsRound = _protocol('SupportsRound', '__round__')


def cast(typ, val):
    return val


def assert_type(val, typ, /):
    return val


def reveal_type(obj, /):
    import sys
    print(f'Runtime type is {type(obj).__name__!r}', file=sys.stderr)
    return obj


def assert_never(arg, /):
    raise AssertionError(f'Expected code to be unreachable, but got: {arg!r}')


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        'You should not call an overloaded function. '
        'A series of @overload-decorated functions '
        'outside a stub module should always be followed '
        'by an implementation that is not @overload-ed.')


def overload(func):
    return _overload_dummy


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def override(method, /):
    try:
        method.__override__ = True
    except (AttributeError, TypeError):
        pass
    return method


def no_type_check(arg):
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


class NewType:
    def __init__(self, name, tp):
        self.__qualname__ = name
        self.__name__ = name.split('.')[-1]
        self.__supertype__ = tp
        self.__module__ = '__main__'

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def get_origin(tp):
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_GenericAlias, _SpecialGenericAlias)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if type(tp).__name__ in ('GenericAlias', 'UnionType'):
        return getattr(tp, '__origin__', None) or _union_type_of(tp)
    return None


def _union_type_of(tp):
    return type(tp)


def get_args(tp):
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _GenericAlias) or type(tp).__name__ in ('GenericAlias', 'UnionType'):
        args = tp.__args__
        if isinstance(tp, _GenericAlias) and tp.__origin__ is collections.abc.Callable \\
                and not (len(args) == 2 and args[0] is ...):
            return (list(args[:-1]), args[-1])
        return args
    return ()


def _tokens(text):
    # The tokens of an annotation string: names, numbers, strings, '...' and punctuation.
    tokens = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            i += 1
        elif char.isalpha() or char == '_':
            start = i
            while i < len(text) and (text[i].isalpha() or text[i].isdigit() or text[i] == '_'):
                i += 1
            tokens.append(('name', text[start:i]))
        elif char.isdigit() or (char == '-' and i + 1 < len(text) and text[i + 1].isdigit()):
            start = i
            i += 1
            while i < len(text) and text[i].isdigit():
                i += 1
            tokens.append(('value', int(text[start:i])))
        elif char in '\\'"':
            end = text.index(char, i + 1)
            tokens.append(('value', text[i + 1:end]))
            i = end + 1
        elif text[i:i + 3] == '...':
            tokens.append(('value', ...))
            i += 3
        elif char in '[](),.|':
            tokens.append(('punct', char))
            i += 1
        else:
            raise SyntaxError(f'Forward reference must be an expression -- got {text!r}')
    return tokens


class _AnnotationEvaluator:
    # Evaluates an annotation string (pymem has no eval()): names, attributes, subscripts,
    # lists, literals and |.
    def __init__(self, text, globalns, localns):
        self.text = text
        self.tokens = _tokens(text)
        self.position = 0
        self.globalns = globalns
        self.localns = localns

    def peek(self):
        return self.tokens[self.position] if self.position < len(self.tokens) else ('end', None)

    def take(self, punct):
        if self.peek() != ('punct', punct):
            raise SyntaxError(f'Forward reference must be an expression -- got {self.text!r}')
        self.position += 1

    def evaluate(self):
        value = self.union()
        if self.peek()[0] != 'end':
            raise SyntaxError(f'Forward reference must be an expression -- got {self.text!r}')
        return value

    def union(self):
        value = self.postfix()
        while self.peek() == ('punct', '|'):
            self.position += 1
            value = value | self.postfix()
        return value

    def postfix(self):
        value = self.atom()
        while True:
            token = self.peek()
            if token == ('punct', '.'):
                self.position += 1
                kind, name = self.peek()
                self.position += 1
                value = getattr(value, name)
            elif token == ('punct', '['):
                self.position += 1
                items = self.items(']')
                value = value[items[0] if len(items) == 1 and not self.trailing else tuple(items)]
            else:
                return value

    def items(self, close):
        items = []
        self.trailing = False
        while self.peek() != ('punct', close):
            items.append(self.union())
            self.trailing = self.peek() == ('punct', ',')
            if self.trailing:
                self.position += 1
            else:
                break
        self.take(close)
        return items

    def atom(self):
        kind, value = self.peek()
        self.position += 1
        if kind == 'value':
            return value
        if kind == 'name':
            return self.lookup(value)
        if value == '[':
            return self.items(']')
        if value == '(':
            items = self.items(')')
            return items[0] if len(items) == 1 and not self.trailing else tuple(items)
        raise SyntaxError(f'Forward reference must be an expression -- got {self.text!r}')

    def lookup(self, name):
        for namespace in (self.localns, self.globalns):
            if namespace is not None and name in namespace:
                return namespace[name]
        builtins = self.globalns.get('__builtins__') if self.globalns else None
        if builtins is None:
            builtins = __builtins__
        if isinstance(builtins, dict):
            if name in builtins:
                return builtins[name]
        elif hasattr(builtins, name):
            return getattr(builtins, name)
        if name == 'None':
            return None
        # typing's own names (Optional, List …) when the caller's module is out of reach.
        if name in _TYPING_NAMES:
            return globals()[name]
        raise NameError(f"name '{name}' is not defined")


def _evaluate(value, globalns, localns):
    if value is None:
        return _NoneType
    if isinstance(value, str):
        value = ForwardRef(value)
    if isinstance(value, ForwardRef):
        value = _AnnotationEvaluator(value.__forward_arg__, globalns, localns).evaluate()
        return _evaluate(value, globalns, localns)
    if isinstance(value, _GenericAlias) and any(isinstance(arg, ForwardRef) for arg in value.__args__):
        args = tuple(_evaluate(arg, globalns, localns) for arg in value.__args__)
        if value.__origin__ is Union:
            return Union[args]
        return _GenericAlias(value.__origin__, args, value._name, value._display)
    return value


def _strip_annotated(value):
    if isinstance(value, _AnnotatedAlias):
        return _strip_annotated(value.__origin__)
    if isinstance(value, _GenericAlias) and value.__origin__ in (ClassVar, Final):
        return value
    return value


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    if getattr(obj, '__no_type_check__', False):
        return {}
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            annotations = base.__dict__.get('__annotations__', {})
            base_globals = globalns
            if base_globals is None:
                base_globals = next((value.__globals__ for value in base.__dict__.values()
                                     if hasattr(value, '__globals__')), {})
            base_locals = localns
            if base_locals is None:
                # Without sys.modules the class's module namespace may be out of reach: its
                # own name and attributes at least resolve (self-references).
                base_locals = dict(vars(base))
                base_locals.setdefault(base.__name__, base)
            for name, value in annotations.items():
                hints[name] = _evaluate(value, base_globals, base_locals)
    else:
        annotations = getattr(obj, '__annotations__', None)
        if annotations is None:
            raise TypeError(f'{obj!r} is not a module, class, method, or function.')
        if globalns is None:
            globalns = getattr(obj, '__globals__', {})
        for name, value in annotations.items():
            hints[name] = _evaluate(value, globalns, localns)
    if include_extras:
        return hints
    return {name: _strip_annotated(value) for name, value in hints.items()}


def _make_namedtuple(name, fields, defaults, module):
    field_names = [field for field, _ in fields]
    cls = collections.namedtuple(name, field_names, defaults=defaults, module=module)
    cls.__annotations__ = dict(fields)
    return cls


_NAMEDTUPLE_RESERVED = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__', '_fields',
                                  '_field_defaults', '_make', '_replace', '_asdict', '_source'})
_NAMEDTUPLE_SPECIAL = frozenset({'__module__', '__name__', '__annotations__', '__qualname__',
                                 '__orig_bases__', '__firstlineno__', '__static_attributes__'})


class NamedTupleMeta(type):
    def __new__(mcls, typename, bases, namespace):
        if not bases:
            return super().__new__(mcls, typename, bases, namespace)
        annotations = namespace.get('__annotations__', {})
        fields = list(annotations.items())
        defaults = []
        for field, _ in fields:
            if field in namespace:
                defaults.append(namespace[field])
            elif defaults:
                raise TypeError(f"Non-default namedtuple field {field} cannot follow default field"
                                f"{'s' if len(defaults) > 1 else ''} {', '.join(f for f, _ in fields if f in namespace)}")
        cls = _make_namedtuple(typename, fields, defaults, namespace.get('__module__', '__main__'))
        for key, value in namespace.items():
            if key in _NAMEDTUPLE_RESERVED:
                raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
            if key not in _NAMEDTUPLE_SPECIAL and key not in annotations:
                setattr(cls, key, value)
        return cls


class _NamedTupleBase(metaclass=NamedTupleMeta):
    pass


def NamedTuple(typename, fields=None, /, **kwargs):
    if fields is None:
        fields = list(kwargs.items())
    return _make_namedtuple(typename, list(fields), [], '__main__')


def _namedtuple_mro_entries(bases):
    return (_NamedTupleBase,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


class _TypedDictMeta(type):
    def __new__(mcls, name, bases, namespace, total=True):
        annotations = {}
        required = set()
        optional = set()
        for base in bases:
            if base is _TypedDictBase:
                continue
            annotations.update(base.__dict__.get('__annotations__', {}))
            required |= base.__required_keys__
            optional |= base.__optional_keys__
        own = namespace.get('__annotations__', {})
        for key, value in own.items():
            annotations[key] = value
            origin = getattr(value, '__origin__', None)
            if origin is Required:
                required.add(key)
            elif origin is NotRequired:
                optional.add(key)
            elif total:
                required.add(key)
            else:
                optional.add(key)
        namespace['__annotations__'] = annotations
        cls = super().__new__(mcls, name, (_TypedDictBase,), namespace)
        cls.__required_keys__ = frozenset(required - optional)
        cls.__optional_keys__ = frozenset(optional)
        cls.__total__ = total
        return cls

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __instancecheck__(cls, instance):
        raise TypeError('TypedDict does not support instance and class checks')

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')


# What a TypedDict class statement's bases become (through TypedDict.__mro_entries__).
_TypedDictBase = type.__new__(_TypedDictMeta, 'TypedDict', (), {
    '__required_keys__': frozenset(), '__optional_keys__': frozenset(), '__module__': 'typing'})


def TypedDict(typename, fields=None, /, *, total=True):
    namespace = {'__annotations__': dict(fields or {}), '__module__': '__main__'}
    return _TypedDictMeta(typename, (), namespace, total=total)


def _typeddict_mro_entries(bases):
    return (_TypedDictBase,)


TypedDict.__mro_entries__ = _typeddict_mro_entries


@_SpecialForm
def Required(self, parameters):
    return _GenericAlias(self, (_type_check(parameters, 'Required accepts only single type.'),), 'Required')


@_SpecialForm
def NotRequired(self, parameters):
    return _GenericAlias(self, (_type_check(parameters, 'NotRequired accepts only single type.'),), 'NotRequired')


@_SpecialForm
def Unpack(self, parameters):
    return _GenericAlias(self, (_type_check(parameters, 'Unpack accepts only single type.'),), 'Unpack')


def is_typeddict(tp):
    return isinstance(tp, _TypedDictMeta)


_TYPING_NAMES = frozenset(name for name in globals() if not name.startswith('_'))
`;

/**
 * Builds the `typing` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { typing: typingModule } });
 * ```
 */
export const typingModule = pythonSourceModule("typing", TYPING_SOURCE);
