# unittest.main() on passing tests: dots on stderr, "OK", exit status 0, code after main not run
import unittest


class Arithmetic(unittest.TestCase):
    def test_add(self):
        self.assertEqual(1 + 1, 2)

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError) as context:
            1 / 0
        print("caught:", context.exception)

    def test_raises_callable(self):
        self.assertRaises(KeyError, {}.pop, "missing")


class Strings(unittest.TestCase):
    def test_upper(self):
        print("running", self.id())
        self.assertEqual("abc".upper(), "ABC")


if __name__ == "__main__":
    unittest.main()
    print("not reached")
