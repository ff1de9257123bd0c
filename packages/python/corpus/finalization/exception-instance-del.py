# An exception instance is a heap object too: it dies when the handler's name is deleted.
class Tracked(Exception):
    def __del__(self):
        print("exception object freed")


def fail():
    raise Tracked("oops")


try:
    fail()
except Tracked as e:
    print("handling", e)
print("after handler")
try:
    fail()
except Tracked:
    print("handling without a name")
print("end")
