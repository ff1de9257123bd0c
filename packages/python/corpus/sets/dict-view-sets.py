# dict_keys / dict_items as sets: & | - ^ with any iterable on either side, comparisons with
# sets and other views, isdisjoint, `in` on items, .mapping, reversed(); results printed sorted.
d = {"a": 1, "b": 2, "c": 3}
k = d.keys()
it = d.items()


def show(expr):
    try:
        value = eval(expr)
    except Exception as error:
        print(expr, "->", type(error).__name__, error)
        return
    if isinstance(value, set):
        print(expr, "->", type(value).__name__, sorted(value, key=repr))
    else:
        print(expr, "->", repr(value))


for expr in (
    "k & {'a', 'z'}", "k | ['z']", "k - 'ab'", "k ^ {'a', 'q'}", "{'a'} & k", "['a'] & k",
    "'ab' - k", "('a', 'x') ^ k", "k & k", "k | d.keys()", "k - {'a': 0}",
    "k == {'a', 'b', 'c'}", "k != {'a'}", "k < {'a', 'b', 'c', 'd'}", "k <= set('abc')",
    "k > {'a'}", "k >= frozenset('ab')", "{'a'} < k", "set('abc') == k", "k == ['a', 'b', 'c']",
    "k == {'a': 1, 'b': 2, 'c': 3}.keys()", "k == {'a': 9, 'b': 9, 'c': 9}.keys()",
    "it & {('a', 1)}", "it | [('z', 0)]", "it - {('a', 1)}", "it ^ {('a', 1), ('q', 2)}",
    "it <= {('a', 1), ('b', 2), ('c', 3)}", "{('a', 1), ('b', 2), ('c', 3)} == it",
    "it == {'a': 1, 'b': 2, 'c': 3}.items()", "it == {'a': 1, 'b': 2, 'c': 4}.items()",
    "it & k", "k & it", "[1] & {1: 2}.items()", "{1: 2}.items() & [[1]]", "{1: []}.items() & [(1, [])]",
    "('a', 1) in it", "('a', 2) in it", "['a', 1] in it", "('a', 1, 2) in it", "([], 1) in it",
    "k.isdisjoint('xyz')", "k.isdisjoint('xya')", "it.isdisjoint([('a', 2)])", "it.isdisjoint([('a', 1)])",
    "k.isdisjoint(k)", "{}.keys().isdisjoint({}.keys())", "k.isdisjoint(set('xyzw'))",
    "k.mapping", "d.values().mapping", "it.mapping['b']", "type(k.mapping).__name__", "k.mapping is d",
    "list(reversed(k))", "list(reversed(d.values()))", "list(reversed(it))",
    "d.values() == d.values()", "d.values() & {1}",
    "k & 1", "k | 3", "k - None", "1 ^ k", "k.isdisjoint(1)", "k & [[1]]", "k < ['a']",
    "set() | k", "frozenset('a') | k", "k - k",
):
    show(expr)


class Other:
    def __and__(self, other):
        return "Other.__and__"

    def __rand__(self, other):
        return "Other.__rand__"

    def __eq__(self, other):
        return "Other.__eq__"

    def __iter__(self):
        return iter(["a"])


print(Other() & k, k & Other(), Other() == k, k == Other())
k2 = {"x": 1}.keys()
k2.mapping  # the view keeps the dict
print(sorted(k2 | {"y"}), k2.mapping)
try:
    k.mapping["a"] = 5
except TypeError as error:
    print("TypeError", error)
