"""A test module exercising unittest's own features: fixtures, skips, subTest, expected failures."""

import unittest

EVENTS = []


def setUpModule():
    EVENTS.append("setUpModule")


class FixtureTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        EVENTS.append("setUpClass")
        cls.shared = [1, 2, 3]

    @classmethod
    def tearDownClass(cls):
        EVENTS.append("tearDownClass")

    def setUp(self):
        self.items = list(self.shared)

    def tearDown(self):
        self.items = None

    def test_in_and_counts(self):
        self.assertIn(2, self.items)
        self.assertNotIn(5, self.items)
        self.assertCountEqual([3, 1, 2], self.items)
        self.assertEqual(EVENTS[:2], ["setUpModule", "setUpClass"])

    def test_almost_equal_and_comparisons(self):
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertNotAlmostEqual(0.1, 0.2)
        self.assertGreaterEqual(3, 3)
        self.assertLessEqual(2, 3)
        self.assertIsInstance(self.items, list)
        self.assertNotIsInstance(self.items, tuple)

    def test_raises_forms(self):
        with self.assertRaises(ZeroDivisionError):
            1 / 0
        with self.assertRaisesRegex(ValueError, "invalid literal"):
            int("x")
        self.assertRaises(KeyError, {}.__getitem__, "k")

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertEqual(i % 1, 0)

    def test_sequence_equality(self):
        self.assertListEqual([1, 2], [1, 2])
        self.assertTupleEqual((1,), (1,))
        self.assertDictEqual({"a": 1}, {"a": 1})
        self.assertSetEqual({1, 2}, {2, 1})
        self.assertMultiLineEqual("a\nb", "a\nb")
        self.assertRegex("hello world", r"wor")
        self.assertTrue([1])
        self.assertFalse([])
        self.assertIsNone(None)


class SkipTests(unittest.TestCase):
    @unittest.skip("demonstrating skipping")
    def test_skipped(self):
        self.fail("shouldn't happen")

    @unittest.skipIf(1 + 1 == 2, "math works")
    def test_skip_if(self):
        self.fail("shouldn't happen")

    @unittest.skipUnless(False, "never")
    def test_skip_unless(self):
        self.fail("shouldn't happen")

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertEqual(1, 0, "broken")

    def test_skip_inside(self):
        self.skipTest("skipped from inside")


if __name__ == "__main__":
    unittest.main()
    print("not reached")
