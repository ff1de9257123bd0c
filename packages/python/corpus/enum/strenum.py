# StrEnum members are their strings: equality, str(), format(), auto() as the lower-cased name.
from enum import StrEnum, auto


class Method(StrEnum):
    GET = auto()
    POST = auto()
    CUSTOM = "Custom-Verb"


print(repr(Method.GET), str(Method.GET), f"{Method.POST}", f"[{Method.GET:>5}]")
print(Method.GET == "get", Method.CUSTOM.upper(), Method.POST + "!", "/" + Method.GET)
print(Method("post"), Method["CUSTOM"], list(Method), len(Method.CUSTOM))
print(hash(Method.GET) == hash("get"), {"get": 1}[Method.GET], sorted(Method))
try:
    class Bad(StrEnum):
        ONE = 1
except TypeError as error:
    print(error)
try:
    Method("put")
except ValueError as error:
    print(error)
