# AttributeError.name and .obj at every kind of failing lookup, assignment and deletion.
import sys
class Plain: pass
class Slotted:
    __slots__ = ("a",)
class Hooked:
    def __getattr__(self, name):
        raise AttributeError("no " + name)
class Getter:
    @property
    def broken(self):
        raise AttributeError("inside the getter")
class Child(Plain):
    def method(self):
        return super().nothing
def show(label, f):
    try:
        f()
    except AttributeError as e:
        print(label, "|", e, "|", repr(e.name), "|", type(e.obj).__name__)
show("instance", lambda: Plain().x)
show("class", lambda: Plain.x)
show("module", lambda: sys.x)
show("int", lambda: (5).x)
show("None", lambda: None.x)
show("getattr()", lambda: getattr([], "x"))
show("method call", lambda: "s".x())
show("empty slot", lambda: Slotted().a)
show("slots set", lambda: setattr(Slotted(), "b", 1))
show("int set", lambda: setattr(1, "b", 1))
show("object set", lambda: setattr(object(), "b", 1))
show("del instance", lambda: delattr(Plain(), "b"))
show("del class", lambda: delattr(Plain, "b"))
show("del module", lambda: delattr(sys, "b"))
show("__getattr__", lambda: Hooked().wanted)
show("getter", lambda: Getter().broken)
show("super()", lambda: Child().method())
show("function", lambda: show.x)
show("read-only", lambda: setattr([], "append", 1))
