# Generic instances and aliases are ordinary objects: refcounts free them, gc frees cycles.
import gc
import sys
import weakref
from typing import Generic, List, TypeVar

T = TypeVar("T")


class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item


b = Box[int](5)
print(b.item, b.__orig_class__)
watch = weakref.ref(b)
del b
print("freed by refcount:", watch() is None)
b = Box(None)
b.item = b
watch = weakref.ref(b)
del b
print("cycle alive:", watch() is not None)
gc.collect()
print("cycle freed:", watch() is None)
alias = List[int]
print(List[int] == alias, hash(List[int]) == hash(alias), sys.getrefcount(T))
