# with holds the manager while the block runs and releases it afterwards.
import sys
class Manager:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("inside exit", sys.getrefcount(self) > 2)
m = Manager()
before = sys.getrefcount(m)
with m as same:
    print(same is m)
del same
print(sys.getrefcount(m) == before)
