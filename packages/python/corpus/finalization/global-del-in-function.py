# `del` of a global from inside a function (with a `global` statement) finalizes at once.
class Resource:
    def __del__(self):
        print("resource finalized")


shared = Resource()


def release():
    global shared
    print("releasing")
    del shared
    print("released")


release()
try:
    shared
except NameError as e:
    print("NameError", e)
