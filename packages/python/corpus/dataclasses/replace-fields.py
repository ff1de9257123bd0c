# replace(), fields(), is_dataclass() and the Field objects a dataclass records.
from dataclasses import dataclass, field, fields, replace, is_dataclass, InitVar, MISSING


@dataclass(frozen=True)
class Config:
    host: str
    port: int = 80
    debug: bool = field(default=False, metadata={"doc": "verbose"})
    tries: int = field(init=False, default=3)


c = Config("h")
c2 = replace(c, port=8080)
print(c, c2, c2 is c, c.__replace__(host="x"))
print([(f.name, f.type.__name__, f.default is MISSING, f.init, f.repr, f.compare, f.hash, f.kw_only) for f in fields(c)])
print(fields(Config)[2].metadata["doc"], len(fields(Config)[0].metadata), fields(c)[0].default_factory is MISSING)
print(is_dataclass(c), is_dataclass(Config), is_dataclass(3), is_dataclass(int))
try:
    replace(c, tries=4)
except TypeError as error:
    print(error)
try:
    replace(c, colour=1)
except TypeError as error:
    print(error)
for value in (Config, 5):
    try:
        replace(value)
    except TypeError as error:
        print(error)
try:
    fields(5)
except TypeError as error:
    print(error)


@dataclass
class WithInit:
    a: int
    factor: InitVar[int]

    def __post_init__(self, factor):
        self.a *= factor


w = WithInit(2, 3)
print(w, replace(w, factor=10))
try:
    replace(w)
except TypeError as error:
    print(error)
print(Config.__dataclass_params__)
