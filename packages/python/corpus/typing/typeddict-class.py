# TypedDict classes: instances are plain dicts; required and optional keys; no isinstance.
from typing import NotRequired, TypedDict


class Movie(TypedDict):
    title: str
    year: int


class Rated(Movie, total=False):
    stars: int


class Extra(TypedDict):
    name: str
    note: NotRequired[str]


m = Movie(title="Up", year=2009)
print(m, type(m).__name__, m["year"])
r = Rated(title="Heat", year=1995, stars=5)
print(r, sorted(Rated.__required_keys__), sorted(Rated.__optional_keys__), Rated.__total__)
print(Movie.__annotations__, list(Rated.__annotations__))
print(sorted(Extra.__required_keys__), sorted(Extra.__optional_keys__))
Point = TypedDict("Point", {"x": int, "y": int})
print(Point(x=1, y=2), Point.__annotations__)
try:
    isinstance(m, Movie)
except TypeError as error:
    print(error)
