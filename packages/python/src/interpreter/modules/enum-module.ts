import type { NativeModuleFactory } from "../native.js";
import { ENUM_FLAG_SOURCE } from "./enum-flag.js";
import { ENUM_VALUE_TYPES_SOURCE } from "./enum-value-types.js";

/**
 * Python's `enum`, written in Python that pymem runs at import (pymem's own source, not
 * CPython's Lib/enum.py): `EnumType` (alias `EnumMeta`), `Enum`, `ReprEnum`, `IntEnum`,
 * `StrEnum`, `Flag`, `IntFlag`, `auto`, `unique`, `member`, `nonmember`, the flag boundaries.
 * The class body of an enum runs in an `_EnumDict` that `EnumType.__prepare__` returns — a
 * mapping, not a dict, since pymem cannot subclass dict — which records the members in
 * definition order and resolves `auto()` values as they are assigned.
 *
 * @module
 */

/** The metaclass, the namespace and `Enum` itself. */
const ENUM_CORE_SOURCE = `# pymem's enum, written for pymem (not CPython's Lib/enum.py).
Enum = Flag = ReprEnum = None
_FunctionType = type(lambda: None)
_mappingproxy = type(type.__dict__)


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()
_not_given = object()


class auto:
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


class member:
    def __init__(self, value):
        self.value = value


class nonmember:
    def __init__(self, value):
        self.value = value


def _is_descriptor(value):
    # CPython: _is_descriptor. pymem's functions have no __get__ attribute, so they are named.
    if isinstance(value, _FunctionType):
        return True
    return (hasattr(value, '__get__') or hasattr(value, '__set__')
            or hasattr(value, '__delete__'))


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_private(class_name, name):
    prefix = '_' + class_name.lstrip('_') + '__'
    return (name.startswith(prefix) and len(name) > len(prefix)
            and not name.endswith('__'))


_SUNDER_NAMES = ('_order_', '_generate_next_value_', '_numeric_repr_', '_missing_', '_ignore_',
                 '_iter_member_', '_iter_member_by_value_', '_iter_member_by_def_',
                 '_add_alias_', '_add_value_alias_')


class _EnumDict:
    # CPython: _EnumDict.__setitem__ — the class body's namespace, telling members from methods
    # and other attributes as they are assigned.
    def __init__(self, class_name):
        self._data = {}
        self._member_names = {}
        self._last_values = []
        self._ignore = []
        self._auto_called = False
        self._generate_next_value = None
        self._class_name = class_name

    def __getitem__(self, key):
        return self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __delitem__(self, key):
        del self._data[key]
        self._member_names.pop(key, None)

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def keys(self):
        return self._data.keys()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def update(self, other=(), **keywords):
        pairs = other.items() if hasattr(other, 'items') else other
        for key, value in pairs:
            self[key] = value
        for key, value in keywords.items():
            self[key] = value

    def __setitem__(self, key, value):
        if _is_private(self._class_name, key):
            pass
        elif _is_sunder(key):
            if key not in _SUNDER_NAMES:
                raise ValueError(f'_sunder_ names, such as {key!r}, are reserved for future '
                                 'Enum use')
            if key == '_generate_next_value_':
                if self._auto_called:
                    raise TypeError('_generate_next_value_ must be defined before members')
                self._generate_next_value = getattr(value, '__func__', value)
            elif key == '_ignore_':
                if isinstance(value, str):
                    value = value.replace(',', ' ').split()
                else:
                    value = list(value)
                self._ignore = value
                already = set(value) & set(self._member_names)
                if already:
                    raise ValueError(f'_ignore_ cannot specify already set names: {already!r}')
        elif _is_dunder(key):
            if key == '__order__':
                key = '_order_'
        elif key in self._member_names:
            raise TypeError(f'{key!r} already defined as {self._data[key]!r}')
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif _is_descriptor(value):
            pass
        else:
            if key in self._data:
                raise TypeError(f'{key!r} already defined as {self._data[key]!r}')
            if isinstance(value, member):
                value = value.value
            single = isinstance(value, auto)
            parts = (value,) if single else value
            if isinstance(parts, tuple) and any(isinstance(part, auto) for part in parts):
                resolved = self._resolve_autos(key, parts)
                value = resolved[0] if single else resolved
            else:
                self._last_values.append(value)
            self._member_names[key] = None
        self._data[key] = value

    def _resolve_autos(self, key, parts):
        # Each auto() gets the next value from those assigned so far, and becomes one of them.
        resolved = []
        for part in parts:
            if isinstance(part, auto):
                self._auto_called = True
                if part.value is _auto_null:
                    part.value = self._generate_next_value(key, 1, len(self._member_names),
                                                           self._last_values[:])
                part = part.value
                self._last_values.append(part)
            resolved.append(part)
        return tuple(resolved)


def _find_data_type(class_name, bases):
    # CPython: EnumType._find_data_type_ — the first non-enum base class with its own data.
    for chain in bases:
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                if base._member_type_ is not object:
                    return base._member_type_
                continue
            if '__new__' in base.__dict__ or '__init__' in base.__dict__:
                return base
    return object


def _mixins(class_name, bases):
    # CPython: EnumType._get_mixins_
    if not bases:
        return object, Enum
    first_enum = bases[-1]
    if not isinstance(first_enum, EnumType):
        raise TypeError('new enumerations should be created as '
                        '\`EnumName([mixin_type, ...] [data_type,] enum_type)\`')
    return _find_data_type(class_name, bases), first_enum


class EnumType(type):
    @classmethod
    def __prepare__(metacls, cls, bases, **keywords):
        for chain in bases:
            for base in chain.__mro__:
                if isinstance(base, EnumType) and base._member_names_:
                    raise TypeError(f'<enum {cls!r}> cannot extend {base!r}')
        namespace = _EnumDict(cls)
        member_type, first_enum = _mixins(cls, bases)
        if first_enum is not None:
            namespace['_generate_next_value_'] = getattr(first_enum, '_generate_next_value_',
                                                         None)
        return namespace

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **keywords):
        if not isinstance(classdict, _EnumDict):
            namespace = metacls.__prepare__(cls, bases)
            namespace.update(classdict)
            classdict = namespace
        member_names = list(classdict._member_names)
        for name in ('mro', ''):
            if name in member_names:
                raise ValueError(f'invalid enum member name(s) {name!r}')
        body = {key: value for key, value in classdict.items() if key not in classdict._member_names}
        body.pop('_ignore_', None)
        for name in classdict._ignore:
            body.pop(name, None)
        member_type, first_enum = _mixins(cls, bases)
        new_member = body.pop('__new__', None)
        if new_member is None:
            new_member = getattr(first_enum, '_new_member_', None)
        body['_new_member_'] = new_member
        body['_member_names_'] = []
        body['_member_map_'] = {}
        body['_value2member_map_'] = {}
        body['_unhashable_values_'] = []
        body['_member_type_'] = member_type
        body['_value_repr_'] = getattr(member_type, '_value_repr_', None)
        is_flag = Flag is not None and any(issubclass(base, Flag) for base in bases)
        if is_flag:
            body['_boundary_'] = boundary or getattr(first_enum, '_boundary_', None)
            body['_flag_mask_'] = 0
            body['_singles_mask_'] = 0
            body['_all_bits_'] = 0
            body['_inverted_'] = None
        enum_class = super().__new__(metacls, cls, bases, body, **keywords)
        _use_enum_methods(enum_class, classdict, bases, member_type, first_enum)
        for name in member_names:
            _add_member(enum_class, name, classdict[name], member_type, new_member, is_flag)
        if is_flag:
            _finish_flag(enum_class)
        order = classdict.get('_order_')
        if order is not None:
            if isinstance(order, str):
                order = order.replace(',', ' ').split()
            if order != enum_class._member_names_:
                raise TypeError(f'member order does not match _order_:\\n  '
                                f'{enum_class._member_names_!r}\\n  {order!r}')
        return enum_class

    def __call__(cls, value, names=_not_given, *values, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        if names is _not_given:
            return _lookup(cls, value)
        return _create(cls, value, names, module, qualname, type, start, boundary)

    def __contains__(cls, value):
        if isinstance(value, cls):
            return True
        try:
            return value in cls._value2member_map_
        except TypeError:
            return value in cls._unhashable_values_

    def __delattr__(cls, name):
        if name in cls._member_map_:
            raise AttributeError(f'{cls.__name__!r} cannot delete member {name!r}.')
        super().__delattr__(name)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    @property
    def __members__(cls):
        return _mappingproxy(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return f'<flag {cls.__name__!r}>'
        return f'<enum {cls.__name__!r}>'

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError(f'cannot reassign member {name!r}')
        super().__setattr__(name, value)


EnumMeta = EnumType


def _value_format(self, format_spec):
    return format(self._value_, format_spec)


def _value_str(self):
    return str(self._value_)


def _use_enum_methods(enum_class, classdict, bases, member_type, first_enum):
    # CPython: EnumType.__new__ — a ReprEnum keeps its data type's str() and format(); any
    # other enum gets the enum's repr/str/format where the data type's (or object's) would win.
    if ReprEnum is not None and ReprEnum in bases:
        if member_type is object:
            raise TypeError('ReprEnum subclasses must be mixed with a data type (i.e. int, '
                            'str, float, etc.)')
        # pymem's int and str format and print natively (no __format__/__str__ attribute to
        # copy): the data type's behaviour is that of the member's plain value.
        if '__format__' not in classdict:
            type.__setattr__(enum_class, '__format__', _value_format)
        if '__str__' not in classdict:
            type.__setattr__(enum_class, '__str__', _value_str)
    if first_enum is None or member_type is object:
        return
    for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
        if name in classdict:
            continue
        found = getattr(enum_class, name, None)
        if found is not None and found in (getattr(member_type, name, None),
                                           getattr(object, name, None)):
            type.__setattr__(enum_class, name, getattr(first_enum, name))


def _add_member(enum_class, name, value, member_type, new_member, is_flag):
    # CPython: _proto_member.__set_name__ — make the member (or find the member it aliases).
    args = value if isinstance(value, tuple) else (value,)
    if new_member is not None:
        enum_member = new_member(enum_class, *args)
    elif member_type is object:
        enum_member = object.__new__(enum_class)
    else:
        enum_member = member_type.__new__(enum_class, *args)
    if not hasattr(enum_member, '_value_'):
        if member_type is object:
            enum_member._value_ = value
        else:
            enum_member._value_ = member_type(*args)
    value = enum_member._value_
    enum_member._name_ = name
    enum_member.__objclass__ = enum_class
    enum_member.__init__(*args)
    canonical = _find_member(enum_class, value)
    if canonical is not None:
        enum_member = canonical
    elif not is_flag or _is_single_bit(value):
        enum_class._member_names_.append(name)
    type.__setattr__(enum_class, name, enum_member)
    enum_class._member_map_[name] = enum_member
    try:
        enum_class._value2member_map_.setdefault(value, enum_member)
    except TypeError:
        enum_class._unhashable_values_.append(value)
        enum_class._unhashable_members_ = getattr(enum_class, '_unhashable_members_', []) + [
            enum_member]


def _find_member(enum_class, value):
    try:
        return enum_class._value2member_map_.get(value)
    except TypeError:
        for candidate in getattr(enum_class, '_unhashable_members_', ()):
            if candidate._value_ == value:
                return candidate
    return None


def _lookup(cls, value):
    # CPython: Enum.__new__ — a member by value, else what _missing_ finds.
    if type(value) is cls:
        return value
    found = _find_member(cls, value)
    if found is not None:
        return found
    result = cls._missing_(value)
    if isinstance(result, cls):
        return result
    if result is None:
        raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')
    raise TypeError(f'error in {cls.__name__}._missing_: returned {result!r} instead of None '
                    'or a valid member')


def _create(cls, class_name, names, module, qualname, data_type, start, boundary):
    # CPython: EnumType._create_ — the functional API, Enum('Animal', 'ANT BEE').
    bases = (cls,) if data_type is None else (data_type, cls)
    namespace = type(cls).__prepare__(class_name, bases)
    if isinstance(names, str):
        names = names.replace(',', ' ').split()
    if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
        pairs = []
        last_values = []
        for count, name in enumerate(names):
            value = cls._generate_next_value_(name, start, count, last_values[:])
            last_values.append(value)
            pairs.append((name, value))
        names = pairs
    items = names.items() if hasattr(names, 'items') else names
    for name, value in items:
        namespace[name] = value
    namespace['__module__'] = module if module is not None else '__main__'
    if qualname is not None:
        namespace['__qualname__'] = qualname
    return type(cls).__new__(type(cls), class_name, bases, namespace, boundary=boundary)


class _EnumProperty:
    # CPython: enum.property for name and value — read-only on members.
    def __init__(self, attribute, public_name):
        self.attribute = attribute
        self.public_name = public_name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return getattr(instance, self.attribute)

    def __set__(self, instance, value):
        raise AttributeError(f'<enum {"Enum"!r}> cannot set attribute {self.public_name!r}')

    def __delete__(self, instance):
        raise AttributeError(f'<enum {"Enum"!r}> cannot delete attribute {self.public_name!r}')


class Enum(metaclass=EnumType):
    name = _EnumProperty('_name_', 'name')
    value = _EnumProperty('_value_', 'value')

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            last_value = sorted(last_values).pop()
        except TypeError:
            raise TypeError('unable to sort non-numeric values') from None
        try:
            return last_value + 1
        except TypeError:
            raise TypeError(f'unable to increment {last_value!r}') from None

    @classmethod
    def _missing_(cls, value):
        return None

    def __init__(self, *args, **keywords):
        pass

    def __repr__(self):
        value_repr = self.__class__._value_repr_ or repr
        return f'<{self.__class__.__name__}.{self._name_}: {value_repr(self._value_)}>'

    def __str__(self):
        return f'{self.__class__.__name__}.{self._name_}'

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, protocol):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class ReprEnum(Enum):
    pass


def unique(enumeration):
    duplicates = [(alias, found.name) for alias, found in enumeration.__members__.items()
                  if alias != found.name]
    if duplicates:
        details = ', '.join(f'{alias} -> {name}' for alias, name in duplicates)
        raise ValueError(f'duplicate values found in {enumeration!r}: {details}')
    return enumeration
`;

/** The module's closing lines: the boundary names and `__all__`. */
const ENUM_EXPORTS_SOURCE = `
STRICT, CONFORM, EJECT, KEEP = FlagBoundary.STRICT, FlagBoundary.CONFORM, FlagBoundary.EJECT, FlagBoundary.KEEP
Flag._boundary_ = STRICT
IntFlag._boundary_ = KEEP

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'ReprEnum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
           'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT', 'KEEP', 'auto', 'unique', 'member',
           'nonmember']
`;

/**
 * The `enum` module: the metaclass and `Enum`, the int- and str-valued kinds, then `Flag`,
 * run as one Python module at import.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { enum: enumModule } });
 * interpreter.run("from enum import Enum");
 * ```
 */
export const enumModule: NativeModuleFactory = (context) =>
  context.runModuleSource(
    "enum",
    ENUM_CORE_SOURCE + ENUM_VALUE_TYPES_SOURCE + ENUM_FLAG_SOURCE + ENUM_EXPORTS_SOURCE,
    [],
  );
