"""Reference counting checks in the style of CPython's test suite, using plain asserts."""

import sys
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.children = []


def check_refcount_of_new_object():
    obj = Node(1)
    base = sys.getrefcount(obj)
    holders = [obj, obj, obj]
    assert sys.getrefcount(obj) == base + 3, (sys.getrefcount(obj), base)
    del holders
    assert sys.getrefcount(obj) == base
    return "new object ok"


def check_container_refs():
    payload = Node("payload")
    before = sys.getrefcount(payload)
    d = {"a": payload, "b": payload}
    t = (payload,)
    s = [payload] * 4
    after = sys.getrefcount(payload)
    assert after - before == 7, after - before
    d.clear()
    del t, s
    assert sys.getrefcount(payload) == before
    return "containers ok"


def check_cycle_is_collected():
    gc.collect()
    a = Node("a")
    b = Node("b")
    a.children.append(b)
    b.children.append(a)
    del a, b
    collected = gc.collect()
    assert collected == 4, collected  # two instances and two lists
    return f"cycle ok ({collected})"


def check_intern():
    s1 = sys.intern("".join(["mem", "ory"]))
    s2 = sys.intern("memory")
    assert s1 is s2
    return "intern ok"


if __name__ == "__main__":
    for check in (check_refcount_of_new_object, check_container_refs,
                  check_cycle_is_collected, check_intern):
        print(check.__name__, "->", check())
    print(sys.getrefcount(None) > 1, type(sys.getsizeof(Node(0))).__name__)
