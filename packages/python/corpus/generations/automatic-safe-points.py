# Automatic collections run where CPython's eval loop checks for pending work, not at the allocation that crosses the threshold
import gc

events = []
stage = "start"

def on_gc(phase, info):
    if phase == "start":
        events.append(stage)

def report(label):
    print(label, events)
    events.clear()

def enter():
    global stage
    stage = "in function body"

gc.collect()
gc.callbacks.append(on_gc)
gc.set_threshold(6)

# A display allocates without a check: the collection waits for the next call into a built-in.
sets = [stage := "display", {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, stage := "display done"]
stage = "before abs"
abs(-1)
stage = "after abs"
report("display:")

# A Python function's entry is a check: the collection runs before its first line.
call_sets = [stage := "before call", {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}]
enter()
report("call:")

# A loop's back edge is a check.
for i in range(3):
    stage = f"iteration {i}"
    if i == 0:
        loop_sets = [{1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}]
report("loop:")

# A comprehension's back edge too.
stage = "comprehension"
comprehension_sets = [{n} for n in range(9)]
stage = "after comprehension"
abs(-1)
report("comprehension:")

# A built-in call site checks after it returns the first time only: from then on CPython runs
# it as CALL_LEN, which does not check, and the collection waits for the next check.
def fill_and_measure():
    global stage
    stage = "filling"
    filled = [{1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}]
    stage = "measuring"
    size = len(filled)
    stage = "after len"
    return filled

first = fill_and_measure()
second = fill_and_measure()
report("len:")

gc.callbacks.remove(on_gc)
gc.set_threshold(2000)
