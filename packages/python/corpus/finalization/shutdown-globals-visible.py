# Finalizers that run at exit can still use module globals defined before or after them.
import gc

PREFIX = "closing"


class Connection:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print(PREFIX, self.name, "gc enabled:", gc.isenabled(), "log size:", len(log))


connection = Connection("db")
log = ["opened"]
later = Connection("cache")
print("end of script")
