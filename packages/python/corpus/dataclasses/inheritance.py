# Fields are inherited in base-first order; a subclass may override a field's default.
from dataclasses import dataclass, field, fields


@dataclass
class Animal:
    name: str
    legs: int = 4


@dataclass
class Bird(Animal):
    legs: int = 2
    can_fly: bool = True


@dataclass
class Penguin(Bird):
    can_fly: bool = False
    colony: list = field(default_factory=list)


print(Bird("robin"), Penguin("pingu", colony=["a"]))
print([f.name for f in fields(Penguin)], Penguin.__match_args__)
print(Penguin("p") == Bird("p", 2, False), Animal("x") == Animal("x"))


class Outer:
    @dataclass
    class Inner:
        value: int = 0


print(Outer.Inner(), Outer.Inner.__init__.__qualname__, Outer.Inner.__repr__.__qualname__)


class NotData(Animal):
    extra = 1


@dataclass
class Later(NotData):
    flag: bool = False


print(Later("l"), [f.name for f in fields(Later)])


@dataclass
class Named:
    name: str

    def __repr__(self):
        return f"<Named {self.name}>"


@dataclass
class SubNamed(Named):
    n: int = 0


print(Named("a"), SubNamed("b"), SubNamed.__repr__ is Named.__repr__)
