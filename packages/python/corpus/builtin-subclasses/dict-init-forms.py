# dict subclass construction: keywords, pairs, mappings, super().__init__ and fromkeys
class Config(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.loaded = True
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)
c = Config([("host", "x")], port=80)
print(c, c.host, c.port, c.loaded, isinstance(c, dict))
try:
    c.missing
except AttributeError as error:
    print("AttributeError", error)
class Plain(dict):
    pass
p = Plain({"a": 1}, b=2)
print(p, type(p).__name__, {**p}, dict(p, c=3))
print(p.copy(), type(p.copy()).__name__, list(p), [k for k in p], sorted(p.values()))
print(Plain(zip("ab", "xy")), Plain(p) == p, Plain() == {})
