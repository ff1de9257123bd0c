"""The GC lab's probe for CPython and Pyodide (pymem's is native: apps/cli/src/gclab-module.ts).

Workloads call dropped(n) right after they drop n objects of cyclic garbage, and a Sentinel's
__del__ in each garbage structure calls freed(n) when the collector frees it, so dropped - freed
is the garbage outstanding (made unreachable, not yet freed). Pauses come from gc.callbacks.
"""
import gc
import os
import sys
import time

SCALE = float(os.environ.get("GCLAB_SCALE", "1"))
# Pauses on the wall clock, or (GCLAB_CLOCK=cpu) in this thread's CPU time, which a loaded
# machine's waits do not inflate.
def _thread_clock():
    """time.thread_time_ns where the platform has a thread CPU clock (Pyodide's may not)."""
    try:
        time.thread_time_ns()
        return time.thread_time_ns
    except (AttributeError, OSError):
        return time.process_time_ns


_pause_clock = _thread_clock() if os.environ.get("GCLAB_CLOCK") == "cpu" else time.perf_counter_ns

_state = {"dropped": 0, "freed": 0, "samples": 0, "sum": 0, "max": 0, "peak_blocks": 0}
_pauses = []
_auto_pauses = []
_generations = {}
_started = [0]
_explicit = [False]


def scaled(n):
    return max(1, int(n * SCALE))


def freed(n):
    _state["freed"] += n


def dropped(n):
    _state["dropped"] += n
    sample()


def sample():
    outstanding = _state["dropped"] - _state["freed"]
    _state["samples"] += 1
    _state["sum"] += outstanding
    if outstanding > _state["max"]:
        _state["max"] = outstanding
    blocks = sys.getallocatedblocks()
    if blocks > _state["peak_blocks"]:
        _state["peak_blocks"] = blocks


def _on_collection(phase, info):
    if phase == "start":
        _started[0] = _pause_clock()
        return
    pause = (_pause_clock() - _started[0]) / 1e6
    _pauses.append(pause)
    if not _explicit[0]:
        _auto_pauses.append(pause)
    generation = info["generation"]
    _generations[generation] = _generations.get(generation, 0) + 1


def _explicit_collect(*args, **kwargs):
    _explicit[0] = True
    try:
        return _collect(*args, **kwargs)
    finally:
        _explicit[0] = False


_collect = gc.collect


def run(path):
    with open(path) as source:
        code = compile(source.read(), path, "exec")
    gc.collect()
    gc.callbacks.append(_on_collection)
    gc.collect = _explicit_collect  # pauses of gc.collect() calls are told apart
    started = time.perf_counter_ns()
    exec(code, {"__name__": "__main__"})
    wall = (time.perf_counter_ns() - started) / 1e6
    gc.callbacks.remove(_on_collection)
    gc.collect = _collect
    return {
        "version": sys.version.split()[0],
        "wallMs": wall,
        "pausesMs": _pauses,
        "autoPausesMs": _auto_pauses,
        "collections": [_generations.get(g, 0) for g in range(3)],
        "dropped": _state["dropped"],
        "freed": _state["freed"],
        "outstandingMax": _state["max"],
        "outstandingMean": _state["sum"] / _state["samples"] if _state["samples"] else 0,
        "peakBlocks": _state["peak_blocks"],
    }


if __name__ == "__main__":
    import json

    sys.modules["_gclab"] = sys.modules[__name__]
    print("GCLAB " + json.dumps(run(sys.argv[1])))
