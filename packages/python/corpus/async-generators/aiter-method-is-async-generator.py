# A class whose `async def __aiter__` yields: __aiter__ returns an async generator, which
# `async for` drives (recursively, as pyperformance's async_generators tree walk does).
import asyncio


class Tree:
    def __init__(self, left, value, right):
        self.left, self.value, self.right = left, value, right

    async def __aiter__(self):
        if self.left:
            async for item in self.left:
                yield item
        yield self.value
        if self.right:
            async for item in self.right:
                yield item


def build(values):
    if not values:
        return None
    middle = len(values) // 2
    return Tree(build(values[:middle]), values[middle], build(values[middle + 1:]))


async def main():
    tree = build(list(range(15)))
    print([item async for item in tree])
    walker = tree.__aiter__()
    print(type(walker).__name__, await walker.__anext__(), await anext(walker))
    await walker.aclose()


asyncio.run(main())
