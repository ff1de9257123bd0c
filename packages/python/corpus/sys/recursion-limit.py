# getrecursionlimit/setrecursionlimit: a lower limit stops deep recursion sooner
import sys
print(sys.getrecursionlimit())
def depth(n):
    return n if n == 0 else depth(n - 1)
sys.setrecursionlimit(100)
print(sys.getrecursionlimit())
try:
    depth(200)
except RecursionError as error:
    print('RecursionError:', error)
print(depth(50))
sys.setrecursionlimit(1000)
print(depth(500))
for bad in [0, -5, 2.5]:
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as error:
        print(type(error).__name__ + ':', error)
def inner():
    sys.setrecursionlimit(2)
try:
    inner()
except RecursionError as error:
    print('RecursionError:', error)
print(sys.getrecursionlimit())
