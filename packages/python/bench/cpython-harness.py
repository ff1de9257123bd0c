"""Times the benchmark programs inside one CPython 3.13 process (the anchor of python-programs.ts).

    python3 cpython-harness.py ROUNDS program.py [program.py ...]

Each program is compiled once, run once to warm up, then ROUNDS times, each run executing the code
object in a fresh `__main__` globals dict with stdout captured; only the exec is timed (no process
start-up, no compilation), which is what pymem's side times too. Prints one JSON object:
{name: {"samplesMs": [...], "output": "..."}}.
"""
import gc
import io
import json
import sys
import time


def run_once(code):
    captured = io.StringIO()
    saved = sys.stdout
    sys.stdout = captured
    globals_dict = {"__name__": "__main__"}
    gc.collect()
    started = time.perf_counter()
    try:
        exec(code, globals_dict)
    finally:
        elapsed = (time.perf_counter() - started) * 1000
        sys.stdout = saved
    globals_dict.clear()
    gc.enable()
    return elapsed, captured.getvalue()


def main():
    rounds = int(sys.argv[1])
    results = {}
    for path in sys.argv[2:]:
        with open(path) as source_file:
            code = compile(source_file.read(), path, "exec")
        run_once(code)
        samples = []
        output = ""
        for _ in range(rounds):
            elapsed, output = run_once(code)
            samples.append(elapsed)
        results[path] = {"samplesMs": samples, "output": output}
    results["version"] = sys.version
    print(json.dumps(results))


main()
