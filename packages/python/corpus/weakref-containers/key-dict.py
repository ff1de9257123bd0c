# WeakKeyDictionary attaches data to objects without keeping them alive (a per-widget style table).
import gc
import weakref

class Widget:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Widget(" + self.name + ")"

styles = weakref.WeakKeyDictionary()
button = Widget("button")
label = Widget("label")
styles[button] = {"color": "red"}
styles[label] = {"color": "blue"}
print(len(styles), styles[button], button in styles, 42 in styles)
print(sorted(w.name for w in styles))
print(styles.get(Widget("other"), "no style"))
print(styles.setdefault(button, {}), styles.setdefault(Widget("temp"), "temp"))
print(len(styles))
del label
print(len(styles), list(styles.keys()))
styles.update({button: {"color": "green"}})
print(list(styles.items()))
print(len(styles.keyrefs()), styles.keyrefs()[0]() is button)

a = Widget("a")
b = Widget("b")
a.partner = b
b.partner = a
styles[a] = 1
styles[b] = 2
del a, b
print(len(styles))
gc.collect()
print(len(styles), list(styles.values()))
print(styles.pop(button), len(styles))
try:
    styles[button]
except KeyError as e:
    print("KeyError for a key no longer present")
try:
    styles[1] = 2
except TypeError as e:
    print(e)
