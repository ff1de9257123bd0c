import type { NativeModuleFactory } from "../native.js";
import { DATACLASSES_METHODS_SOURCE } from "./dataclasses-methods.js";

/**
 * Python's `dataclasses`, written in Python that pymem runs at import (pymem's own source, not
 * CPython's Lib/dataclasses.py): `dataclass` with every 3.13 parameter, `field`, `Field`,
 * `fields`, `asdict`, `astuple`, `replace`, `make_dataclass`, `is_dataclass`, `InitVar`, `KW_ONLY`, `MISSING`,
 * `FrozenInstanceError`. CPython generates the methods as source text and `exec`s it; pymem has
 * no `exec`, so the methods are closures over the field list (`dataclasses-methods.ts`) whose
 * behaviour — argument errors, reprs, comparisons — is the generated code's.
 *
 * @module
 */

/** The decorator and the module-level functions, run after the method builders. */
const DATACLASSES_SOURCE = `
import copy as _copy


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'
_mappingproxy = type(type.__dict__)
_EMPTY_METADATA = _mappingproxy({})


class InitVar:
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return f'dataclasses.InitVar[{type_name}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init',
                 'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = _EMPTY_METADATA if metadata is None else _mappingproxy(metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type}'
                ')')

    def __set_name__(self, owner, name):
        set_name = getattr(type(self.default), '__set_name__', None)
        if set_name is not None:
            set_name(self.default, owner, name)


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen', 'match_args',
                 'kw_only', 'slots', 'weakref_slot')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots,
                 weakref_slot):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen
        self.match_args = match_args
        self.kw_only = kw_only
        self.slots = slots
        self.weakref_slot = weakref_slot

    def __repr__(self):
        return ('_DataclassParams('
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'eq={self.eq!r},'
                f'order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},'
                f'frozen={self.frozen!r},'
                f'match_args={self.match_args!r},'
                f'kw_only={self.kw_only!r},'
                f'slots={self.slots!r},'
                f'weakref_slot={self.weakref_slot!r}'
                ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _fields_in_init_order(fields):
    return (tuple(f for f in fields if f.init and not f.kw_only),
            tuple(f for f in fields if f.init and f.kw_only))


def _is_classvar(a_type):
    # CPython compares with typing.ClassVar when typing is in sys.modules. An annotation that
    # typing did not make cannot be ClassVar, so typing is only imported (already loaded, then)
    # for one it made.
    if getattr(type(a_type), '__module__', None) != 'typing':
        return False
    import typing
    class_var = getattr(typing, 'ClassVar', None)
    return a_type is class_var or getattr(a_type, '__origin__', None) is class_var


def _is_initvar(a_type):
    return a_type is InitVar or type(a_type) is InitVar


def _is_kw_only(a_type):
    return a_type is _KW_ONLY_TYPE or a_type is KW_ONLY


def _split_annotation(text):
    # CPython: _MODULE_IDENTIFIER_RE, ^(?:\\s*(\\w+)\\s*\\.)?\\s*(\\w+) — an optional module name and
    # a dot, then the annotation's leading name.
    def word(position):
        while position < len(text) and text[position].isspace():
            position += 1
        start = position
        while position < len(text) and (text[position].isalpha() or text[position].isdigit()
                                        or text[position] == '_'):
            position += 1
        return text[start:position], position

    first, position = word(0)
    if not first:
        return None
    after = position
    while after < len(text) and text[after].isspace():
        after += 1
    if after < len(text) and text[after] == '.':
        second, _ = word(after + 1)
        if second:
            return first, second
    return None, first


def _module_namespace(cls):
    # CPython reads sys.modules[cls.__module__].__dict__; pymem has no sys.modules, so the
    # globals of a function defined in the class stand in for it.
    for value in cls.__dict__.values():
        if isinstance(value, (staticmethod, classmethod)):
            value = value.__func__
        namespace = getattr(value, '__globals__', None)
        if namespace is not None:
            return namespace
    return None


def _is_type(annotation, cls, module_name, type_name, predicate):
    # CPython: _is_type — a string annotation names the type when its leading name (or
    # module.name) is bound to it in the class's module.
    split = _split_annotation(annotation)
    if split is None:
        return False
    prefix, name = split
    namespace = _module_namespace(cls)
    if namespace is None:
        return name == type_name and (prefix is None or prefix == module_name)
    if prefix is None:
        return predicate(namespace.get(name))
    module = namespace.get(prefix)
    if module is None or getattr(module, '__name__', None) != module_name:
        return False
    return predicate(getattr(module, name, None))


def _get_field(cls, a_name, a_type, default_kw_only):
    # CPython: _get_field
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        if type(default).__name__ == 'member_descriptor':
            default = MISSING
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD
    if (_is_classvar(a_type)
            or (isinstance(a_type, str)
                and _is_type(a_type, cls, 'typing', 'ClassVar', _is_classvar))):
        f._field_type = _FIELD_CLASSVAR
    if f._field_type is _FIELD:
        if (_is_initvar(a_type)
                or (isinstance(a_type, str)
                    and _is_type(a_type, cls, 'dataclasses', 'InitVar', _is_initvar))):
            f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a default factory')
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError(f'field {f.name} is a ClassVar but specifies kw_only')
    if f._field_type is _FIELD and _is_unhashable_class(type(f.default)):
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{f.name} is not allowed: use default_factory')
    return f


_UNHASHABLE_BUILTINS = (list, dict, set)


def _is_unhashable_class(cls):
    # CPython: cls.__hash__ is None. pymem's built-in containers keep no __hash__ entry, so they
    # are named here.
    for klass in cls.__mro__:
        if klass in _UNHASHABLE_BUILTINS:
            return True
        if '__hash__' in klass.__dict__:
            return klass.__dict__['__hash__'] is None
    return False


def _set_new_attribute(cls, name, value):
    # CPython: _set_new_attribute — never overwrites what the class defines itself.
    if name in cls.__dict__:
        return True
    _set_qualname(cls, value)
    setattr(cls, name, value)
    return False


def _set_qualname(cls, value):
    if callable(value) and hasattr(value, '__qualname__'):
        value.__qualname__ = f'{cls.__qualname__}.{value.__name__}'


def _annotation_text(annotation):
    # CPython: inspect.formatannotation, as the class's __doc__ signature shows it.
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if isinstance(annotation, type) and type(annotation) is not type(list[int]):
        if annotation.__module__ == 'builtins':
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)


def _signature_text(cls, std_fields, kw_only_fields):
    parts = []
    for f in std_fields + kw_only_fields:
        if f is kw_only_fields[0] if kw_only_fields else False:
            parts.append('*')
        text = f.name + ': ' + _annotation_text(f.type)
        if f.default is not MISSING:
            text += ' = ' + repr(f.default)
        elif f.default_factory is not MISSING:
            text += ' = <factory>'
        parts.append(text)
    return cls.__name__ + '(' + ', '.join(parts) + ')'


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only,
                   slots, weakref_slot):
    # CPython: _process_class
    fields = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen,
                                           match_args, kw_only, slots, weakref_slot))
    any_frozen_base = False
    all_frozen_bases = None
    has_dataclass_bases = False
    for base in cls.__mro__[-1:0:-1]:
        base_fields = base.__dict__.get(_FIELDS)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if all_frozen_bases is None:
                all_frozen_bases = True
            current_frozen = base.__dict__[_PARAMS].frozen
            all_frozen_bases = all_frozen_bases and current_frozen
            any_frozen_base = any_frozen_base or current_frozen

    annotations = cls.__dict__.get('__annotations__', {})
    cls_fields = []
    kw_only_seen = False
    for name, a_type in annotations.items():
        if (_is_kw_only(a_type)
                or (isinstance(a_type, str)
                    and _is_type(a_type, cls, 'dataclasses', 'KW_ONLY', _is_kw_only))):
            if kw_only_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY has already been specified')
            kw_only_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, a_type, kw_only))
    for f in cls_fields:
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if all_frozen_bases is False and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    setattr(cls, _FIELDS, fields)
    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING
                             or (class_hash is None and '__eq__' in cls.__dict__))
    if order and not eq:
        raise ValueError('eq must be true if order is true')

    all_init_fields = [f for f in fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields, kw_only_init_fields = _fields_in_init_order(all_init_fields)
    if init:
        seen_default = None
        for f in std_init_fields:
            if f.default is MISSING and f.default_factory is MISSING:
                if seen_default is not None:
                    raise TypeError(f'non-default argument {f.name!r} '
                                    f'follows default argument {seen_default.name!r}')
            elif seen_default is None:
                seen_default = f
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        _set_new_attribute(cls, '__init__',
                           _make_init(cls, all_init_fields, std_init_fields,
                                      kw_only_init_fields, frozen, has_post_init, slots))

    field_list = [f for f in fields.values() if f._field_type is _FIELD]
    if repr:
        _set_new_attribute(cls, '__repr__', _make_repr([f for f in field_list if f.repr]))
    compare_fields = [f for f in field_list if f.compare]
    if eq:
        _set_new_attribute(cls, '__eq__', _make_eq(compare_fields))
    if order:
        for name, operator in (('__lt__', _less), ('__le__', _less_equal),
                               ('__gt__', _greater), ('__ge__', _greater_equal)):
            if _set_new_attribute(cls, name, _make_order(name, operator, compare_fields)):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__} '
                                'Consider using functools.total_ordering')
    if frozen:
        for name, method in (('__setattr__', _make_frozen_setattr(cls, fields)),
                             ('__delattr__', _make_frozen_delattr(cls, fields))):
            if _set_new_attribute(cls, name, method):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}')

    # CPython: _hash_action, indexed by (unsafe_hash, eq, frozen, has_explicit_hash).
    hash_fields = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
        cls.__hash__ = _make_hash(cls, hash_fields)
    elif eq and frozen:
        if not has_explicit_hash:
            cls.__hash__ = _make_hash(cls, hash_fields)
    elif eq:
        if not has_explicit_hash:
            cls.__hash__ = None

    if not getattr(cls, '__doc__', None):
        cls.__doc__ = _signature_text(cls, std_init_fields, kw_only_init_fields)
    if match_args:
        _set_new_attribute(cls, '__match_args__', tuple(f.name for f in std_init_fields))
    if weakref_slot and not slots:
        raise TypeError('weakref_slot is True but slots is False')
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)
    cls.__replace__ = _replace
    return cls


def _slots_of(cls):
    # CPython: _get_slots
    slots = cls.__dict__.get('__slots__')
    if slots is None:
        return ()
    if isinstance(slots, str):
        return (slots,)
    return tuple(slots)


def _add_slots(cls, is_frozen, weakref_slot):
    # CPython: _add_slots — a new class with the same body and __slots__ naming the fields.
    class_dict = dict(cls.__dict__)
    if '__slots__' in class_dict:
        raise TypeError(f'{cls.__name__} already specifies __slots__')
    field_names = tuple(f.name for f in fields(cls))
    inherited = set()
    for base in cls.__mro__[1:-1]:
        inherited.update(_slots_of(base))
    wanted = field_names + (('__weakref__',) if weakref_slot else ())
    class_dict['__slots__'] = tuple(name for name in wanted if name not in inherited)
    for name in field_names:
        class_dict.pop(name, None)
    class_dict.pop('__dict__', None)
    class_dict.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    new_class = type(cls)(cls.__name__, cls.__bases__, class_dict)
    if qualname is not None:
        new_class.__qualname__ = qualname
    if is_frozen:
        if '__getstate__' not in class_dict:
            new_class.__getstate__ = _dataclass_getstate
        if '__setstate__' not in class_dict:
            new_class.__setstate__ = _dataclass_setstate
    return new_class


def _dataclass_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _dataclass_setstate(self, state):
    for f, value in zip(fields(self), state):
        object.__setattr__(self, f.name, value)


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only, slots, weakref_slot)

    if cls is None:
        return wrap
    return wrap(cls)


_KEYWORDS = frozenset(('False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await',
                       'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
                       'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda',
                       'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while',
                       'with', 'yield'))


def _is_identifier(name):
    if not name or not (name[0].isalpha() or name[0] == '_'):
        return False
    return all(char.isalpha() or char.isdigit() or char == '_' for char in name)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True, eq=True,
                   order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False,
                   slots=False, weakref_slot=False, module=None):
    # CPython: make_dataclass — each field is a name, (name, type) or (name, type, field()).
    body = dict(namespace or {})
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            name, annotation = item, 'typing.Any'
        elif len(item) == 2:
            name, annotation = item
        elif len(item) == 3:
            name, annotation, body[item[0]] = item
        else:
            raise TypeError(f'Invalid field: {item!r}')
        if not isinstance(name, str) or not _is_identifier(name):
            raise TypeError(f'Field names must be valid identifiers: {name!r}')
        if name in _KEYWORDS:
            raise TypeError(f'Field names must not be keywords: {name!r}')
        if name in annotations:
            raise TypeError(f'Field name duplicated: {name!r}')
        annotations[name] = annotation
    body['__annotations__'] = annotations
    body['__module__'] = '__main__' if module is None else module
    metaclass = type(bases[0]) if bases else type
    cls = metaclass(cls_name, tuple(bases), body)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
                     frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)


def fields(class_or_instance):
    try:
        all_fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in all_fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


_ATOMIC_TYPES = frozenset({type(None), bool, int, float, str, complex, type,
                           range, property})


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')

    def convert(instance):
        if dict_factory is dict:
            return {f.name: _convert(getattr(instance, f.name), convert) for f in fields(instance)}
        return dict_factory([(f.name, _convert(getattr(instance, f.name), convert))
                             for f in fields(instance)])

    return _convert(obj, convert)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')

    def convert(instance):
        return tuple_factory([_convert(getattr(instance, f.name), convert)
                              for f in fields(instance)])

    return _convert(obj, convert)


def _is_namedtuple(obj):
    # CPython: isinstance(obj, tuple) and hasattr(obj, '_fields'); pymem's namedtuple classes do
    # not derive from tuple, so their _make marks them too.
    if isinstance(obj, tuple):
        return hasattr(obj, '_fields')
    return hasattr(type(obj), '_fields') and hasattr(type(obj), '_make')


def _convert(obj, convert_dataclass):
    # CPython: _asdict_inner / _astuple_inner — dataclasses become dicts or tuples through
    # convert_dataclass, (named)tuples, lists and dicts are rebuilt, anything else is deep-copied.
    obj_type = type(obj)
    if obj_type in _ATOMIC_TYPES:
        return obj
    if hasattr(obj_type, _FIELDS):
        return convert_dataclass(obj)
    if _is_namedtuple(obj):
        return obj_type(*[_convert(value, convert_dataclass) for value in obj])
    if isinstance(obj, (list, tuple)):
        return obj_type(_convert(value, convert_dataclass) for value in obj)
    if isinstance(obj, dict):
        if hasattr(obj_type, 'default_factory'):
            result = obj_type(obj.default_factory)
            for key, value in obj.items():
                result[_convert(key, convert_dataclass)] = _convert(value, convert_dataclass)
            return result
        return obj_type((_convert(key, convert_dataclass), _convert(value, convert_dataclass))
                        for key, value in obj.items())
    return _copy.deepcopy(obj)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    return _replace(obj, **changes)


def _replace(self, /, **changes):
    # CPython: _replace — unchanged init fields are read from the instance.
    for f in getattr(self, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise TypeError(f'field {f.name} is declared with init=False, '
                                 'it cannot be specified with replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise TypeError(f'InitVar {f.name!r} must be specified with replace()')
            changes[f.name] = getattr(self, f.name)
    return self.__class__(**changes)


__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace', 'is_dataclass']
`;

/**
 * The `dataclasses` module: its method builders, then the decorator and functions, run as one
 * Python module at import.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { dataclasses: dataclassesModule } });
 * interpreter.run("from dataclasses import dataclass");
 * ```
 */
export const dataclassesModule: NativeModuleFactory = (context) =>
  context.runModuleSource("dataclasses", DATACLASSES_METHODS_SOURCE + DATACLASSES_SOURCE, []);
