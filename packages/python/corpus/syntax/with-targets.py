# The as-target can be any assignment target: attributes, subscripts, tuples.
class Pair:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *exc):
        return None
class Box:
    pass
box = Box()
slots = [0, 0]
with Pair() as (a, b):
    print(a, b)
with Pair() as box.value:
    print(box.value)
with Pair() as slots[1]:
    print(slots)
with Pair() as (first, *rest):
    print(first, rest)
