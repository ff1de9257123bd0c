# A failing and an erroring test: unittest.main() reports them and exits with status 1
import unittest


class Broken(unittest.TestCase):
    def test_fails(self):
        self.assertEqual([1, 2], [1, 3])

    def test_errors(self):
        {}["missing"]

    def test_passes(self):
        print("test_passes ran")


unittest.main()
