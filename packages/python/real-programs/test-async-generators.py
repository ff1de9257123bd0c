"""Asynchronous generators (PEP 525) and comprehensions (PEP 530), in the style of
Lib/test/test_asyncgen.py: each test drives async generators by hand or under asyncio."""

import asyncio
import gc
import sys
import unittest
import weakref


def run_awaitable(awaitable):
    """Drives an awaitable that never suspends to its result."""
    try:
        awaitable.send(None)
    except StopIteration as stop:
        return stop.value
    raise AssertionError("the awaitable suspended")


async def count_to(n, log=None):
    try:
        for i in range(n):
            yield i
    finally:
        if log is not None:
            log.append("finally")


class AsyncGenTest(unittest.TestCase):

    def test_type_and_names(self):
        agen = count_to(1)
        self.assertEqual(type(agen).__name__, "async_generator")
        self.assertEqual(agen.__name__, "count_to")
        self.assertTrue(repr(agen).startswith("<async_generator object count_to at 0x"))
        self.assertIs(aiter(agen), agen)
        self.assertFalse(agen.ag_running)
        self.assertTrue(gc.is_tracked(agen))

    def test_items_and_end(self):
        agen = count_to(2)
        self.assertEqual(run_awaitable(agen.__anext__()), 0)
        self.assertEqual(run_awaitable(agen.__anext__()), 1)
        with self.assertRaises(StopAsyncIteration):
            run_awaitable(agen.__anext__())

    def test_asend_and_athrow(self):
        async def echo():
            while True:
                try:
                    value = yield
                    yield value * 2
                except KeyError:
                    yield "caught"

        agen = echo()
        run_awaitable(agen.asend(None))
        self.assertEqual(run_awaitable(agen.asend(21)), 42)
        self.assertEqual(run_awaitable(agen.athrow(KeyError)), "caught")
        run_awaitable(agen.aclose())

    def test_aclose_runs_finally(self):
        log = []
        agen = count_to(5, log)
        run_awaitable(agen.__anext__())
        self.assertIsNone(run_awaitable(agen.aclose()))
        self.assertEqual(log, ["finally"])
        with self.assertRaises(StopAsyncIteration):
            run_awaitable(agen.__anext__())

    def test_reuse_is_an_error(self):
        agen = count_to(3)
        awaitable = agen.__anext__()
        run_awaitable(awaitable)
        with self.assertRaisesRegex(RuntimeError, "cannot reuse already awaited"):
            awaitable.send(None)

    def test_ignored_generator_exit(self):
        async def stubborn():
            try:
                yield 1
            finally:
                yield 2

        agen = stubborn()
        run_awaitable(agen.__anext__())
        with self.assertRaisesRegex(RuntimeError, "async generator ignored GeneratorExit"):
            run_awaitable(agen.aclose())

    def test_stop_iteration_inside(self):
        async def leaky():
            yield 1
            raise StopIteration

        agen = leaky()
        run_awaitable(agen.__anext__())
        with self.assertRaisesRegex(RuntimeError, "async generator raised StopIteration"):
            run_awaitable(agen.__anext__())

    def test_comprehensions(self):
        async def collect():
            return ([x async for x in count_to(4) if x % 2],
                    {x: x * x async for x in count_to(3)},
                    [y async for y in (x + 1 async for x in count_to(3))])

        self.assertEqual(run_awaitable(collect()), ([1, 3], {0: 0, 1: 1, 2: 4}, [1, 2, 3]))

    def test_anext_default(self):
        async def first_or_none():
            return await anext(count_to(0), None)

        self.assertIsNone(run_awaitable(first_or_none()))
        with self.assertRaises(TypeError):
            anext(object())

    def test_finalizer_hook(self):
        seen = []
        old = sys.get_asyncgen_hooks()
        sys.set_asyncgen_hooks(firstiter=lambda g: seen.append("first"),
                               finalizer=lambda g: seen.append("final"))
        try:
            agen = count_to(3)
            run_awaitable(agen.__anext__())
            del agen
        finally:
            sys.set_asyncgen_hooks(*old)
        self.assertEqual(seen, ["first", "final"])

    def test_cycle_is_collected(self):
        log = []

        class Holder:
            pass

        async def walk(owner):
            try:
                yield owner
            finally:
                log.append("finally")

        holder = Holder()
        holder.agen = walk(holder)
        self.assertIs(run_awaitable(holder.agen.__anext__()), holder)
        probe = weakref.ref(holder)
        del holder
        gc.collect()
        self.assertIsNone(probe())
        self.assertEqual(log, ["finally"])

    def test_asyncio_shutdown_closes_generators(self):
        log = []

        async def main():
            agen = count_to(10, log)
            await anext(agen)
            return agen

        kept = asyncio.run(main())
        self.assertEqual(log, ["finally"])
        self.assertFalse(kept.ag_suspended)


if __name__ == "__main__":
    unittest.main()
