# Keyword-only fields: KW_ONLY, kw_only=True and field(kw_only=True), after the positional ones.
from dataclasses import dataclass, field, KW_ONLY


@dataclass
class Request:
    url: str
    _: KW_ONLY
    method: str = "GET"
    timeout: float


print(Request("/a", timeout=1.0), Request.__match_args__, Request.__doc__)
for args, kwargs in [(("/a", "POST"), {"timeout": 2}), (("/a",), {}), (("/a",), {"timeout": 1, "retries": 2})]:
    try:
        Request(*args, **kwargs)
    except TypeError as error:
        print(error)


@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    level: int


print(Options(level=3), Options.__match_args__)


@dataclass
class Mixed:
    a: int
    b: int = field(kw_only=True, default=2)
    c: int = 3


print(Mixed(1, 5), Mixed(1, 5, b=0), Mixed.__match_args__, Mixed.__doc__)
try:
    Mixed(1, 2, 3)
except TypeError as error:
    print(error)
try:
    @dataclass
    class Twice:
        a: int
        _: KW_ONLY
        b: int
        __: KW_ONLY
except TypeError as error:
    print(error)
