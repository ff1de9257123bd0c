"""
Benchmark to measure performance of the python builtin method copy.deepcopy

Performance is tested on a nested dictionary and a dataclass
"""
import copy
from dataclasses import dataclass


@dataclass
class A:
    string: str
    lst: list
    boolean: bool


def benchmark_reduce(n):
    """ Benchmark where the __reduce__ functionality is used """
    class C(object):
        def __init__(self):
            self.a = 1
            self.b = 2

        def __reduce__(self):
            return (C, (), self.__dict__)

        def __setstate__(self, state):
            self.__dict__.update(state)
    c = C()

    for ii in range(n):
        _ = copy.deepcopy(c)
    return _.a, _.b


def benchmark_memo(n):
    """ Benchmark where the memo functionality of deepcopy is used """
    A = [1] * 100
    data = {'a': (A, A, A), 'b': [A] * 100}

    for ii in range(n):
        _ = copy.deepcopy(data)
    return _['a'][0] is _['b'][5], len(_['b'])


def benchmark(n):
    """ Benchmark on some standard data types """
    a = {
        'list': [1, 2, 3, 43],
        't': (1, 2, 3),
        'str': 'hello',
        'subdict': {'a': True}}
    dc = A('hello', [1, 2, 3], True)

    for ii in range(n):
        for jj in range(30):
            _ = copy.deepcopy(a)
        for s in ['red', 'blue', 'green']:
            dc.string = s
            for kk in range(5):
                dc.lst[0] = kk
                for b in [True, False]:
                    dc.boolean = b
                    _ = copy.deepcopy(dc)
    return _


if __name__ == "__main__":
    print(benchmark_reduce(10))
    print(benchmark_memo(10))
    print(benchmark(2))
