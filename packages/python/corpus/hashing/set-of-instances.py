# Sets of instances deduplicate by __eq__/__hash__ and iterate in hash order.
class Tag:
    def __init__(self, name, rank):
        self.name = name
        self.rank = rank

    def __eq__(self, other):
        return self.rank == other.rank

    def __hash__(self):
        return self.rank

    def __repr__(self):
        return self.name


tags = {Tag("c", 3), Tag("a", 1), Tag("b", 2), Tag("a2", 1)}
print(tags)
print(Tag("x", 2) in tags)
tags.discard(Tag("y", 3))
print(tags)
print(tags & {Tag("z", 1)})
