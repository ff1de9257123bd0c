"""CPython side of @pymem/gc's benchmarks (spawned by bench/index.ts, same workloads and N).

G1 live:   N two-slot lists chained (x = [prev, leaf]) + one shared leaf; full gc.collect() frees nothing.
G2 cycles: N/2 unreachable 2-cycles of two-slot lists; one full gc.collect() frees N.
Prints one line per workload: "<name> <ns>" (best of ROUNDS, perf_counter_ns; thread_time_ns,
the thread's CPU time, when PYMEM_BENCH_CLOCK=cpu, as bench/index.ts --clock cpu sets it).
"""
import gc, os, sys, time

clock = time.thread_time_ns if os.environ.get("PYMEM_BENCH_CLOCK") == "cpu" else time.perf_counter_ns

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 5

def g1_live():
    gc.disable(); gc.collect()
    leaf = []
    head = None
    for _ in range(N):
        head = [head, leaf]
    gc.collect()                      # promote to the oldest generation
    best = None
    for _ in range(ROUNDS):
        t0 = clock(); n = gc.collect(); dt = clock() - t0
        assert n == 0, n
        best = dt if best is None else min(best, dt)
    # the interpreter's own heap, to subtract
    del head
    gc.collect()
    base = None
    for _ in range(ROUNDS):
        t0 = clock(); gc.collect(); dt = clock() - t0
        base = dt if base is None else min(base, dt)
    return best - base

def g2_cycles():
    gc.disable(); gc.collect()
    best = None
    for _ in range(ROUNDS):
        for _ in range(N // 2):
            a = [None, None]; b = [a, None]; a[0] = b
        del a, b
        t0 = clock(); n = gc.collect(); dt = clock() - t0
        assert n >= N - 2, n
        best = dt if best is None else min(best, dt)
    return best

print("g1", g1_live())
print("g2", g2_cycles())
print("version", sys.version.split()[0])
