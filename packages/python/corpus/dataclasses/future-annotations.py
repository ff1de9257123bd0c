# Under `from __future__ import annotations` field types are strings, and "InitVar[...]" still counts.
from __future__ import annotations

from dataclasses import dataclass, field, fields, InitVar, KW_ONLY


@dataclass
class Account:
    owner: str
    balance: float = 0.0
    history: list[float] = field(default_factory=list)
    bonus: InitVar[float] = 0.0
    _: KW_ONLY
    currency: str = "EUR"

    def __post_init__(self, bonus):
        self.balance += bonus


a = Account("ann", 10, bonus=5)
print(a, [(f.name, f.type) for f in fields(a)])
print(Account.__dataclass_fields__["bonus"]._field_type, Account.__dataclass_fields__["bonus"].type)
print(Account.__match_args__, Account.__doc__)
print(Account.__annotations__)
