# str.format and str.format_map: field names with attributes and indexes, auto and manual
# numbering, nested specs, conversions, and CPython's errors for malformed templates.
import types

point = types.SimpleNamespace(x=3, y=[10, 20, {"k": "v"}])
print("{0[1]} {a[x]:{w}} |".format([1, 2], a={"x": 3}, w=4))
print("{:>{}}|{:^{}}|".format(1, 5, "ab", 6))
print("{p.x} {p.y[1]} {p.y[2][k]} {0.y[0]:05d}".format(point, p=point))
print("{0!r:>8} {0!s:<6}| {0!a}".format("é"))
print("{{literal}} {{{0}}} }}{{".format(7))
print("{:{}{}{}}".format(3.14159, "<", 10, ".3"))
print("{0:{1}}|{0:{fill}^9}|".format("x", 4, fill="*"))
print("{0}{1}{0}".format("ab", "-"))
print("{}".format({"a": 1}))
print("{[0]}".format("xyz"))
print("{0[-1]}".format({"-1": "string key"}))
print("{.real}".format(5))

print("{name} is {age:d}".format_map({"name": "Ann", "age": 41}))


class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"


print("{a} {b} {c.__class__.__name__}".format_map(Default(a=1, c=2.0)))


class Lookup:
    def __getitem__(self, key):
        return key.upper()


print("{hello} {world:>7}".format_map(Lookup()))

bad = [
    ("}", (), {}),
    ("{", (), {}),
    ("a}b", (), {}),
    ("{0", (), {}),
    ("{0:", (), {}),
    ("{!}", (1,), {}),
    ("{0!}", (1,), {}),
    ("{0!r", (1,), {}),
    ("{0!rx}", (1,), {}),
    ("{0!z}", (1,), {}),
    ("{0!\n}", (1,), {}),
    ("{a{}", (), {}),
    ("{0[}", ([1],), {}),
    ("{0[0]x}", ([1],), {}),
    ("{0.}", (1,), {}),
    ("{0[]}", ([1],), {}),
    ("{}{0}", (1, 2), {}),
    ("{0}{}", (1, 2), {}),
    ("{2}", (1,), {}),
    ("{}{}", (1,), {}),
    ("{x}", (), {}),
    ("{0.nope}", (1,), {}),
    ("{0[5]}", ([1],), {}),
    ("{0:{1:{2}}}", (1, 2, 3), {}),
    ("{99999999999999999999}", (), {}),
    ("{0:xyz}", (1,), {}),
]
for template, args, kwargs in bad:
    try:
        print(repr(template), "->", repr(template.format(*args, **kwargs)))
    except Exception as error:
        print(repr(template), type(error).__name__, error)

for template in ("{0}", "{}", "{x[0]}"):
    try:
        print(template.format_map({"x": "yz"}))
    except Exception as error:
        print(repr(template), type(error).__name__, error)
for call in (lambda: "".format_map(), lambda: "".format_map({}, {}), lambda: "{a}".format_map(1)):
    try:
        call()
    except TypeError as error:
        print("TypeError", error)
