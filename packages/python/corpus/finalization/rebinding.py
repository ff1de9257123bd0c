# Rebinding a name releases the old value after the new one is stored.
class Tracked:
    def __init__(self, label):
        self.label = label
        print("create", label)

    def __del__(self):
        print("finalize", self.label)


x = Tracked("first")
x = Tracked("second")
print("rebound")
x = None
print("cleared")
