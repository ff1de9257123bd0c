# CPython anchor for @pymem/refcount's benchmarks. Prints one "name ns" line per workload;
# timings with perf_counter_ns, GC disabled so only allocation and refcounting are measured.
import gc
import sys
import time
import weakref

n = int(sys.argv[1])
rounds = int(sys.argv[2])
gc.disable()


class Node:
    __slots__ = ("a", "b", "__weakref__")


def chain():
    head = None
    for _ in range(n):
        head = [head, None]
    t0 = time.perf_counter_ns()
    del head
    return time.perf_counter_ns() - t0


def churn(make):
    objs = [None] * n
    t0 = time.perf_counter_ns()
    for i in range(n):
        objs[i] = make(i)
    for i in range(n):
        objs[i] = None
    return time.perf_counter_ns() - t0


target = Node()
workloads = {
    "chain": chain,
    "int": lambda: churn(lambda i: i + 1000),
    "float": lambda: churn(lambda i: i + 0.5),
    "str": lambda: churn(lambda i: "abcdefgh"[: (i & 7) + 1] + "x"),
    "tuple": lambda: churn(lambda i: (i, None)),
    "list": lambda: churn(lambda i: [i, None]),
    "dict": lambda: churn(lambda i: {"k": i}),
    "instance": lambda: churn(lambda i: Node()),
    "weakref": lambda: churn(lambda i: weakref.ref(target, len)),
}
for name, fn in workloads.items():
    best = min(fn() for _ in range(rounds))
    print(name, best)
