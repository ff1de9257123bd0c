"""Generator finalization (PEP 342 / PEP 442), in the style of Lib/test/test_generators.py."""

import gc
import sys
import unittest
import weakref


class FinalizationTest(unittest.TestCase):

    def test_frame_resurrect(self):
        # A generator frame can be resurrected by a generator's finalization.
        def gen():
            nonlocal frame
            try:
                yield
            finally:
                frame = sys._getframe()

        g = gen()
        wr = weakref.ref(g)
        next(g)
        del g
        support_gc_collect()
        self.assertIs(wr(), None)
        self.assertTrue(frame)
        del frame
        support_gc_collect()

    def test_refcycle(self):
        # A generator caught in a refcycle gets finalized anyway.
        old_garbage = gc.garbage[:]
        finalized = False
        def gen():
            nonlocal finalized
            try:
                g = yield
                yield 1
            finally:
                finalized = True

        g = gen()
        next(g)
        g.send(g)
        self.assertGreater(sys.getrefcount(g), 2)
        self.assertFalse(finalized)
        del g
        support_gc_collect()
        self.assertTrue(finalized)
        self.assertEqual(gc.garbage, old_garbage)

    def test_lambda_generator(self):
        # bpo-23192, gh-119897: Test that a lambda returning a generator behaves
        # like the equivalent function
        f = lambda: (yield 1)
        self.assertEqual(f.__name__, "<lambda>")
        g = f()
        self.assertEqual(next(g), 1)
        with self.assertRaises(StopIteration) as cm:
            g.send(2)
        self.assertEqual(cm.exception.value, 2)

    def test_close_runs_finally_once(self):
        log = []
        def gen():
            try:
                yield 1
                yield 2
            finally:
                log.append("finally")
        g = gen()
        self.assertEqual(next(g), 1)
        g.close()
        g.close()
        self.assertEqual(log, ["finally"])
        self.assertRaises(StopIteration, next, g)

    def test_throw(self):
        def gen():
            try:
                yield "first"
            except ValueError as exc:
                yield f"caught {exc}"
        g = gen()
        next(g)
        self.assertEqual(g.throw(ValueError("boom")), "caught boom")


def support_gc_collect():
    # test.support.gc_collect() collects three times
    gc.collect()
    gc.collect()
    gc.collect()


if __name__ == "__main__":
    unittest.main()
