# a str subclass: str methods return plain strs, overrides are honoured, keys still match
class Tag(str):
    def wrap(self):
        return f"<{self}>"
t = Tag("bold")
print(t, repr(t), t.wrap(), t.upper(), type(t.upper()).__name__, len(t), t[0], t[1:], type(t[1:]).__name__)
print(t == "bold", "bo" in t, t + "!", type(t + "!").__name__, "x" + t, t * 2, {"bold": 1}[t], {t: 2}["bold"])
print(", ".join([Tag("a"), "b"]), sorted([Tag("b"), "a"]), str(t), type(str(t)).__name__, f"{t:>6}|")
print(isinstance(t, str), t.startswith("b"), t.split("o"), list(t), hash(t) == hash("bold"))
class Upper(str):
    def __new__(cls, text):
        return super().__new__(cls, text.upper())
    def __str__(self):
        return "Upper:" + self
u = Upper("hi")
print(u, repr(u), u.lower(), str.__str__(u), print("plain", u))
t.extra = 1
print(t.extra, vars(t))
