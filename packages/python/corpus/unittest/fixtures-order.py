# setUpModule, setUpClass, setUp, tearDown, tearDownClass, addCleanup: the order CPython calls them
import unittest

log = []


def setUpModule():
    log.append("setUpModule")


def tearDownModule():
    log.append("tearDownModule")
    print(log)


class First(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("setUpClass First")

    @classmethod
    def tearDownClass(cls):
        log.append("tearDownClass First")

    def setUp(self):
        log.append("setUp " + self._testMethodName)
        self.addCleanup(log.append, "cleanup " + self._testMethodName)

    def tearDown(self):
        log.append("tearDown " + self._testMethodName)

    def test_b(self):
        log.append("test_b")

    def test_a(self):
        log.append("test_a")


class Second(unittest.TestCase):
    def test_only(self):
        log.append("Second.test_only")


unittest.main(exit=False)
print("after main")
