# skip, skipIf, skipUnless, skipTest, expectedFailure and a failing subTest; exit status 1
import unittest


class Decorated(unittest.TestCase):
    @unittest.skip("not today")
    def test_skip(self):
        print("never")

    @unittest.skipIf(True, "condition")
    def test_skip_if(self):
        print("never")

    @unittest.skipUnless(True, "runs")
    def test_skip_unless(self):
        print("skipUnless(True) ran")

    def test_skip_test(self):
        self.skipTest("from inside")

    @unittest.expectedFailure
    def test_expected(self):
        self.assertTrue(False)

    def test_subtests(self):
        for value in range(4):
            with self.subTest(value=value):
                print("subtest", value)
                self.assertLess(value, 2)


@unittest.skip("whole class")
class Skipped(unittest.TestCase):
    def test_one(self):
        print("never")


unittest.main()
