# Objects still referenced by globals are finalized when the interpreter shuts down.
class Global:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("shutdown finalizes", self.name)


keep = Global("kept")
drop = Global("dropped")
del drop
print("last statement")
