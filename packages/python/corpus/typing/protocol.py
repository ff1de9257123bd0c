# Protocol classes: runtime_checkable isinstance by structure; plain protocols refuse checks.
from typing import Protocol, runtime_checkable


@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...


class Drawer(Protocol):
    def draw(self) -> str: ...


class File:
    def close(self):
        return "closed"


class Rock:
    pass


print(isinstance(File(), Closer), isinstance(Rock(), Closer), issubclass(File, Closer))
try:
    isinstance(File(), Drawer)
except TypeError as error:
    print(error)
try:
    Closer()
except TypeError as error:
    print(error)


class Impl(Drawer):
    def draw(self):
        return "drawn"


print(Impl().draw(), Closer._is_protocol, Impl._is_protocol, isinstance(Impl(), Impl))
try:
    runtime_checkable(File)
except TypeError as error:
    print(error)
