# A cache of weakrefs: entries go dead as their objects die.
import weakref


class Image:
    def __init__(self, name):
        self.name = name


cache = {}
images = [Image("a"), Image("b"), Image("c")]
for image in images:
    cache[image.name] = weakref.ref(image)
del image
images.pop(1)
for name in ["a", "b", "c"]:
    target = cache[name]()
    if target is None:
        print(name, "dead")
    else:
        print(name, "alive", target.name)
    target = None
