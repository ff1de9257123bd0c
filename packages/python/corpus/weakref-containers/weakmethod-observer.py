# An event source whose subscribers are bound methods held by WeakMethod: dead observers drop out.
import weakref

class Event:
    def __init__(self):
        self._handlers = []
    def subscribe(self, method):
        self._handlers.append(weakref.WeakMethod(method, self._forget))
    def _forget(self, dead):
        print("forgetting a dead handler")
        self._handlers.remove(dead)
    def fire(self, value):
        for ref in list(self._handlers):
            handler = ref()
            if handler is not None:
                handler(value)

class Display:
    def __init__(self, name):
        self.name = name
    def show(self, value):
        print(self.name, "shows", value)

changed = Event()
screen = Display("screen")
log = Display("log")
changed.subscribe(screen.show)
changed.subscribe(log.show)
changed.fire(1)
del log
changed.fire(2)
print(len(changed._handlers))

wm = weakref.WeakMethod(screen.show)
print(wm() == screen.show, wm() is screen.show, wm().__self__ is screen)
other = weakref.WeakMethod(screen.show)
print(wm == other, hash(wm) == hash(other), wm != other)
plain = weakref.ref(screen.show)
print(plain() is None)
try:
    weakref.WeakMethod(print)
except TypeError as e:
    print(e)
try:
    weakref.WeakMethod(Display)
except TypeError as e:
    print(e)
del screen
print(wm(), wm == other)
