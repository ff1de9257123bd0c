# An exception kept in a local after its handler forms a cycle through its traceback, which the collector frees.
import gc
import weakref


class Tracked(Exception):
    def __del__(self):
        print("freed", self.args[0])


def keep():
    try:
        raise Tracked("kept")
    except Tracked as error:
        saved = error
    return weakref.ref(saved)


gc.collect()
ref = keep()
print("alive after return:", ref() is not None)
print("collected something:", gc.collect() > 0)
print("dead after collect:", ref() is None)


def chained():
    try:
        try:
            raise Tracked("inner")
        except Tracked:
            raise Tracked("outer")
    except Tracked as outer:
        return outer


error = chained()
print(error.__context__.args, error.__context__.__context__)
del error
gc.collect()
print("end")
