# Each assert method's failure message, caught and printed (CPython 3.13's text)
import unittest


class Probe(unittest.TestCase):
    def runTest(self):
        pass


case = Probe()
checks = [
    lambda: case.assertEqual(1, 2),
    lambda: case.assertEqual(1.5, 2, "custom"),
    lambda: case.assertNotEqual(3, 3),
    lambda: case.assertTrue(0),
    lambda: case.assertFalse([1]),
    lambda: case.assertIs(None, 1),
    lambda: case.assertIsNot(case, case),
    lambda: case.assertIsNone(5),
    lambda: case.assertIsNotNone(None),
    lambda: case.assertIn(4, [1, 2]),
    lambda: case.assertNotIn(1, (1,)),
    lambda: case.assertIsInstance(1, str),
    lambda: case.assertNotIsInstance(1, int),
    lambda: case.assertGreater(1, 2),
    lambda: case.assertGreaterEqual(1, 2),
    lambda: case.assertLess(2, 1),
    lambda: case.assertLessEqual(2, 1),
    lambda: case.assertAlmostEqual(1.0, 1.1),
    lambda: case.assertAlmostEqual(1.0, 1.5, delta=0.1),
    lambda: case.assertNotAlmostEqual(1.0, 1.0000000001),
    lambda: case.assertRaises(ValueError, int, "5"),
    lambda: case.fail("explicit"),
]
for check in checks:
    try:
        check()
    except AssertionError as error:
        print(type(error).__name__, "|", error)
