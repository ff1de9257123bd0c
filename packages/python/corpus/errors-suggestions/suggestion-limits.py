# The matcher's limits: under 750 candidates, names up to 40 characters once common affixes go, case flips half price.
import traceback
def hint(obj, name):
    e = AttributeError("m", name=name, obj=obj)
    print(traceback.format_exception_only(e)[-1], end="")
class Bag:
    pass
def bag(count, extra):
    b = Bag()
    for i in range(count):
        setattr(b, "attribute_%d" % i, i)
    setattr(b, extra, 1)
    return b
hint(bag(700, "target_name"), "target_nam")
hint(bag(740, "target_name"), "target_nam")
hint(bag(760, "target_name"), "target_nam")
long = "x" * 45
hint(bag(0, long + "a"), long + "b")
hint(bag(0, "y" * 41 + "a"), "z" * 41 + "b")
hint(bag(0, "Value"), "value")
hint(bag(0, "VALUE"), "value")
hint(bag(0, "ab"), "b")
hint(bag(0, "a"), "b")
hint(bag(0, "abcdef"), "abcfed")
hint(bag(0, "abcdefgh"), "abcdhgfe")
hint(bag(0, "café"), "cafe")
hint(bag(0, "first"), "frist")
