# A class-heavy inventory: __slots__, __eq__/__lt__ ordering, __init_subclass__ registry and a metaclass-free plugin scheme.
class Item:
    __slots__ = ("name", "price", "quantity")
    kinds = {}

    def __init_subclass__(cls, /, kind, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.kind = kind
        Item.kinds[kind] = cls

    def __init__(self, name, price, quantity=1):
        self.name, self.price, self.quantity = name, price, quantity

    def total(self):
        return self.price * self.quantity

    def __eq__(self, other):
        return (self.name, self.price) == (other.name, other.price)

    def __lt__(self, other):
        return self.total() < other.total()

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, {self.price}, {self.quantity})"


class Food(Item, kind="food"):
    __slots__ = ("expires",)


class Tool(Item, kind="tool"):
    __slots__ = ()


stock = [Food("bread", 3, 2), Tool("hammer", 12), Food("milk", 1, 6), Tool("saw", 20)]
print(sorted(stock))
print(max(stock), min(stock, key=lambda item: item.name))
print({kind: cls.__name__ for kind, cls in Item.kinds.items()})
print(Food("bread", 3) == Food("bread", 3, 9), sum(item.total() for item in stock))
try:
    stock[0].colour = "brown"
except AttributeError as error:
    print(error)
