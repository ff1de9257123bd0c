# self's reference count inside a method called in different ways. Calling a bound method
# object (3.13) unpacks it into function and self, so a temporary one adds nothing.
import sys


class K:
    def m(self):
        return sys.getrefcount(self)

    def n(self, other):
        return sys.getrefcount(other)


k = K()
print("k.m():", k.m(), "getattr(k, 'm')():", getattr(k, "m")(), "K.m(k):", K.m(k))
bm = k.m
print("stored bound method:", bm())
print("argument:", k.n(k), "keyword argument:", k.n(other=k))
holders = [k]
table = {"k": k}
pair = (k, k)
print("via list:", holders[0].m(), "via dict:", table["k"].m(), "via get:", table.get("k").m())
print("via tuple:", pair[1].m())


def give():
    return k


print("via a call's result:", give().m())
