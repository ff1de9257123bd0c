# None, True, False and small ints are immortal in 3.12+: their counts are huge and never change.
import sys

print(sys.getrefcount(None) > 1000000)
print(sys.getrefcount(True) > 1000000, sys.getrefcount(False) > 1000000)
before = sys.getrefcount(None)
many = [None] * 100
print("unchanged by 100 more:", sys.getrefcount(None) == before)
print(sys.getrefcount(7) == sys.getrefcount(7))
