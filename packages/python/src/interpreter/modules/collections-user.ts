/**
 * The Python source of `collections.UserDict`, `UserList` and `UserString` (pymem's own source,
 * not CPython's Lib/collections): wrappers whose `data` attribute holds a real dict, list or str,
 * built on the `collections.abc` mixins, whose results keep the wrapper's class (`self.__class__`)
 * where CPython's do. Appended to collections-module.ts's source.
 *
 * @internal
 */
export const COLLECTIONS_USER_SOURCE = `

_USER_CLASSES = ('UserDict', 'UserList', 'UserString')


def __getattr__(name):
    # PEP 562: the User classes derive from collections.abc's mixins, which can be imported only
    # once this module is (collections.abc is a submodule of it): made on first use.
    if name not in _USER_CLASSES:
        raise AttributeError(f"module 'collections' has no attribute '{name}'")
    import collections.abc as abc
    made = {'_abc': abc}
    exec(_USER_SOURCE, globals(), made)
    for user_class in _USER_CLASSES:
        made[user_class].__module__ = 'collections'
        globals()[user_class] = made[user_class]
    return globals()[name]


def __dir__():
    return sorted(set(globals()) | set(_USER_CLASSES))


_USER_SOURCE = """
class UserDict(_abc.MutableMapping):
    'A dict wrapper: the contents live in the dict self.data.'

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        if hasattr(self.__class__, '__missing__'):
            return self.__class__.__missing__(self, key)
        raise KeyError(key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def get(self, key, default=None):
        if key in self:
            return self[key]
        return default

    def __repr__(self):
        return repr(self.data)

    def __or__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(self.data | other.data)
        if isinstance(other, dict):
            return self.__class__(self.data | other)
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(other.data | self.data)
        if isinstance(other, dict):
            return self.__class__(other | self.data)
        return NotImplemented

    def __ior__(self, other):
        if isinstance(other, UserDict):
            self.data |= other.data
        else:
            self.data |= other
        return self

    def __copy__(self):
        new = self.__class__.__new__(self.__class__)
        new.__dict__.update(self.__dict__)
        new.__dict__['data'] = self.__dict__['data'].copy()
        return new

    def copy(self):
        if self.__class__ is UserDict:
            return UserDict(self.data.copy())
        import copy
        data = self.data
        try:
            self.data = {}
            new = copy.copy(self)
        finally:
            self.data = data
        new.update(self)
        return new

    @classmethod
    def fromkeys(cls, iterable, value=None):
        new = cls()
        for key in iterable:
            new[key] = value
        return new


class UserList(_abc.MutableSequence):
    'A list wrapper: the items live in the list self.data.'

    def __init__(self, initlist=None):
        self.data = []
        if initlist is not None:
            if type(initlist) == type(self.data):
                self.data[:] = initlist
            elif isinstance(initlist, UserList):
                self.data[:] = initlist.data[:]
            else:
                self.data = list(initlist)

    def __repr__(self):
        return repr(self.data)

    def _cast(self, other):
        return other.data if isinstance(other, UserList) else other

    def __lt__(self, other):
        return self.data < self._cast(other)

    def __le__(self, other):
        return self.data <= self._cast(other)

    def __eq__(self, other):
        return self.data == self._cast(other)

    def __gt__(self, other):
        return self.data > self._cast(other)

    def __ge__(self, other):
        return self.data >= self._cast(other)

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.__class__(self.data[i])
        return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __add__(self, other):
        if isinstance(other, UserList):
            return self.__class__(self.data + other.data)
        if isinstance(other, type(self.data)):
            return self.__class__(self.data + other)
        return self.__class__(self.data + list(other))

    def __radd__(self, other):
        if isinstance(other, UserList):
            return self.__class__(other.data + self.data)
        if isinstance(other, type(self.data)):
            return self.__class__(other + self.data)
        return self.__class__(list(other) + self.data)

    def __iadd__(self, other):
        if isinstance(other, UserList):
            self.data += other.data
        elif isinstance(other, type(self.data)):
            self.data += other
        else:
            self.data += list(other)
        return self

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    def __copy__(self):
        new = self.__class__.__new__(self.__class__)
        new.__dict__.update(self.__dict__)
        new.__dict__['data'] = self.__dict__['data'][:]
        return new

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)

    def extend(self, other):
        if isinstance(other, UserList):
            self.data.extend(other.data)
        else:
            self.data.extend(other)


class UserString(_abc.Sequence):
    'A str wrapper: the text lives in the str self.data.'

    def __init__(self, seq):
        if isinstance(seq, str):
            self.data = seq
        elif isinstance(seq, UserString):
            self.data = seq.data[:]
        else:
            self.data = str(seq)

    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __int__(self):
        return int(self.data)

    def __float__(self):
        return float(self.data)

    def __complex__(self):
        return complex(self.data)

    def __hash__(self):
        return hash(self.data)

    def __getnewargs__(self):
        return (self.data[:],)

    def _cast(self, other):
        return other.data if isinstance(other, UserString) else other

    def __eq__(self, string):
        return self.data == self._cast(string)

    def __lt__(self, string):
        return self.data < self._cast(string)

    def __le__(self, string):
        return self.data <= self._cast(string)

    def __gt__(self, string):
        return self.data > self._cast(string)

    def __ge__(self, string):
        return self.data >= self._cast(string)

    def __contains__(self, char):
        return self._cast(char) in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        return self.__class__(self.data[index])

    def __add__(self, other):
        if isinstance(other, UserString):
            return self.__class__(self.data + other.data)
        if isinstance(other, str):
            return self.__class__(self.data + other)
        return self.__class__(self.data + str(other))

    def __radd__(self, other):
        if isinstance(other, str):
            return self.__class__(other + self.data)
        return self.__class__(str(other) + self.data)

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __mod__(self, args):
        return self.__class__(self.data % args)

    def __rmod__(self, template):
        return self.__class__(str(template) % self)

    def format(self, /, *args, **kwds):
        return self.data.format(*args, **kwds)

    def format_map(self, mapping):
        return self.data.format_map(mapping)

    def encode(self, encoding='utf-8', errors='strict'):
        return self.data.encode(encoding, errors)

    def join(self, seq):
        return self.data.join(seq)

    def maketrans(self, *args):
        return self.data.maketrans(*args)


def _user_string_method(name, wraps):
    # A str method run on self.data; a str result is wrapped in the instance's class when
    # wraps, and UserString arguments are unwrapped (as CPython's methods do one by one).
    method = getattr(str, name)

    def run(self, /, *args, **kwargs):
        args = [arg.data if isinstance(arg, UserString) else arg for arg in args]
        result = method(self.data, *args, **kwargs)
        return self.__class__(result) if wraps else result

    run.__name__ = name
    run.__qualname__ = 'UserString.' + name
    return run


for _name in ('capitalize', 'casefold', 'center', 'expandtabs', 'ljust', 'lower', 'lstrip',
              'removeprefix', 'removesuffix', 'replace', 'rjust', 'rstrip', 'strip', 'swapcase',
              'title', 'translate', 'upper', 'zfill'):
    setattr(UserString, _name, _user_string_method(_name, True))
for _name in ('count', 'endswith', 'find', 'index', 'isalpha', 'isalnum', 'isascii', 'isdecimal',
              'isdigit', 'isidentifier', 'islower', 'isnumeric', 'isprintable', 'isspace',
              'istitle', 'isupper', 'partition', 'rfind', 'rindex', 'rpartition', 'rsplit',
              'split', 'splitlines', 'startswith'):
    setattr(UserString, _name, _user_string_method(_name, False))
del _name
"""
`;
