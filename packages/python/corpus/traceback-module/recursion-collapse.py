# StackSummary.format collapses repeated frames: [Previous line repeated N more times]
import traceback

def show(text):
    for line in text.splitlines():
        if line.startswith("  File \""):
            path = line.split("\"")[1]
            line = line.replace(path, path.rsplit("/", 1)[-1])
        print(line)

def countdown(n):
    if n == 0:
        raise RuntimeError("bottom")
    countdown(n - 1)

for depth in (2, 3, 4, 12):
    try:
        countdown(depth)
    except RuntimeError:
        text = traceback.format_exc()
        print(depth, text.count("line 8, in countdown"), "repeated" in text)
show(text)
