"""WeakValueDictionary, WeakKeyDictionary, WeakSet and finalize, unittest style."""

import gc
import unittest
import weakref


class Thing:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Thing({self.name!r})"


class WeakValueDictionaryTests(unittest.TestCase):

    def test_values_disappear(self):
        d = weakref.WeakValueDictionary()
        objects = [Thing(i) for i in range(5)]
        for o in objects:
            d[o.name] = o
        self.assertEqual(len(d), 5)
        del o
        del objects[:2]
        gc.collect()
        self.assertEqual(sorted(d.keys()), [2, 3, 4])
        self.assertIn(3, d)
        self.assertNotIn(0, d)
        self.assertEqual(d.get(0, "gone"), "gone")
        with self.assertRaises(KeyError):
            d[1]

    def test_setdefault_and_pop(self):
        d = weakref.WeakValueDictionary()
        keep = Thing("k")
        self.assertIs(d.setdefault("a", keep), keep)
        self.assertIs(d.pop("a"), keep)
        self.assertEqual(len(d), 0)


class WeakKeyDictionaryTests(unittest.TestCase):

    def test_keys_disappear(self):
        d = weakref.WeakKeyDictionary()
        a, b = Thing("a"), Thing("b")
        d[a] = 1
        d[b] = 2
        self.assertEqual(len(d), 2)
        del a
        gc.collect()
        self.assertEqual(list(d.values()), [2])
        self.assertEqual([k.name for k in d.keys()], ["b"])

    def test_update(self):
        d = weakref.WeakKeyDictionary()
        things = [Thing(n) for n in "xyz"]
        d.update({t: t.name.upper() for t in things})
        self.assertEqual(sorted(d.values()), ["X", "Y", "Z"])


class WeakSetTests(unittest.TestCase):

    def test_membership(self):
        s = weakref.WeakSet()
        items = [Thing(i) for i in range(3)]
        for item in items:
            s.add(item)
        self.assertEqual(len(s), 3)
        self.assertIn(items[0], s)
        del item
        items.pop()
        gc.collect()
        self.assertEqual(len(s), 2)
        s.discard(items[0])
        self.assertEqual(len(s), 1)


class FinalizeTests(unittest.TestCase):

    def test_finalize(self):
        events = []
        t = Thing("f")
        f = weakref.finalize(t, events.append, "finalized")
        self.assertTrue(f.alive)
        del t
        gc.collect()
        self.assertEqual(events, ["finalized"])
        self.assertFalse(f.alive)

    def test_detach_and_call(self):
        events = []
        t = Thing("g")
        f = weakref.finalize(t, events.append, "called")
        self.assertEqual(f(), None)
        self.assertEqual(events, ["called"])
        self.assertIsNone(f())
        g = weakref.finalize(t, events.append, "never")
        obj, func, args, kwargs = g.detach()
        self.assertIs(obj, t)
        self.assertEqual(args, ("never",))
        del t
        gc.collect()
        self.assertEqual(events, ["called"])

    @unittest.skip("atexit behaviour is checked elsewhere")
    def test_atexit(self):
        self.fail("not run")


if __name__ == "__main__":
    unittest.main()
