# asdict() and astuple() recurse into dataclasses, lists, tuples and dicts and copy everything else.
from collections import namedtuple
from dataclasses import dataclass, field, asdict, astuple


@dataclass
class Line:
    start: tuple
    end: tuple
    style: dict = field(default_factory=dict)


@dataclass
class Drawing:
    title: str
    lines: list
    meta: object = None


Pair = namedtuple("Pair", "a b")
drawing = Drawing("d", [Line((0, 0), (1, 1), {"color": ["red"]})], Pair(Line((1, 2), (3, 4)), 5))
d = asdict(drawing)
print(d)
d["lines"][0]["style"]["color"].append("blue")
print(drawing.lines[0].style, type(d["meta"]).__name__)
print(astuple(drawing))
print(asdict(Line((1,), (2,)), dict_factory=lambda pairs: [name for name, _ in pairs]))
print(astuple(Line((1,), (2,)), tuple_factory=list))
nested = [1, [2, [3]]]
copied = asdict(Drawing("n", nested))
print(copied["lines"] == nested, copied["lines"] is nested, copied["lines"][1] is nested[1])
for function in (asdict, astuple):
    try:
        function(Line)
    except TypeError as error:
        print(error)
try:
    asdict({"a": 1})
except TypeError as error:
    print(error)
