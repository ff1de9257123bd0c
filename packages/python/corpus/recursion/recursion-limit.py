# sys.getrecursionlimit / setrecursionlimit, and RecursionError at the limit (issue 11, item 7).
import sys

print(sys.getrecursionlimit())

def depth(n=1):
    try:
        return depth(n + 1)
    except RecursionError:
        return n

sys.setrecursionlimit(120)
print(sys.getrecursionlimit(), depth())
sys.setrecursionlimit(300)
print(sys.getrecursionlimit(), depth())
sys.setrecursionlimit(1000)

def at_depth(n, action):
    if n == 0:
        return action()
    return at_depth(n - 1, action)

def lower():
    try:
        sys.setrecursionlimit(10)
    except RecursionError as e:
        print('RecursionError:', e)

at_depth(20, lower)
for bad in [0, -5, 2**31, 1.5, '10', None]:
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ':', e)
try:
    sys.setrecursionlimit()
except TypeError as e:
    print('TypeError:', e)
print(sys.getrecursionlimit())
