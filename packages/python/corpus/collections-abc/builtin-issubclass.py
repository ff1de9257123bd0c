# issubclass with built-in classes, including dict views.
import collections.abc as cabc

print(issubclass(list, cabc.MutableSequence), issubclass(tuple, cabc.MutableSequence))
print(issubclass(dict, cabc.MutableMapping), issubclass(dict, cabc.Sequence))
print(issubclass(str, cabc.Sequence), issubclass(str, cabc.Hashable))
print(issubclass(frozenset, cabc.Set), issubclass(frozenset, cabc.MutableSet))
print(issubclass(set, cabc.MutableSet), issubclass(set, cabc.Hashable))
print(issubclass(int, cabc.Iterable), issubclass(int, cabc.Hashable))
keys, values, items = {}.keys(), {}.values(), {}.items()
for view in (keys, values, items):
    print(type(view).__name__, isinstance(view, cabc.KeysView), isinstance(view, cabc.ValuesView),
          isinstance(view, cabc.ItemsView), isinstance(view, cabc.Set),
          isinstance(view, cabc.MappingView))
print(issubclass(cabc.MutableSequence, cabc.Sequence), issubclass(cabc.Sequence, cabc.Iterable))
print(issubclass(cabc.Mapping, cabc.Collection), issubclass(cabc.Set, cabc.Sized))
