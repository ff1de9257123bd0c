# from __future__ import annotations: every annotation is stored as CPython 3.13's unparsed text.
"""Module docstring before the future import."""
from __future__ import annotations
import __future__


class Node:
    value: int
    next: Node | None = None
    children: list[Node] = []
    weights: dict[str, tuple[int, ...]]

    def link(self, other: Node, *, weight: float = 1.0) -> Node:
        return other

    def walk(self, depth: int = -1) -> Iterator[tuple[int, Node]]:
        pass


def f(a: 'quoted', b: Literal["x", 'y'], c: Callable[[int, str], None], d: 1 + 2 * 3,
      e: (a or b) and not c, g: x if y else z, h: f(1, k=2), i: -x ** 2, j: (-x) ** 2,
      k: lambda_free[1:2, ::3], m: {1: 2, **d}, n: {1, 2}, o: [*a], p: a < b <= c,
      q: a is not None, r: (1,), s: (), t: 1.5e300, u: ..., v: True, w: a.b.c[0]) -> str | int:
    pass


x: Final[int] = 3
print(Node.__annotations__)
print(Node.link.__annotations__)
for name, text in f.__annotations__.items():
    print(name, repr(text))
print(__annotations__)
print(__future__.annotations, __future__.annotations.compiler_flag)
print(annotations.getMandatoryRelease(), "annotations" in __future__.all_feature_names)
