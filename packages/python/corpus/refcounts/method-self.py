# Inside a method, self is one more reference; a local alias and a list element add more.
import sys


class Probe:
    def count(self):
        return sys.getrefcount(self)

    def count_with_alias(self):
        alias = self
        holder = [self]
        return sys.getrefcount(self)


p = Probe()
print("outside:", sys.getrefcount(p))
print("in method:", p.count())
print("with alias and list:", p.count_with_alias())
print("after:", sys.getrefcount(p))
