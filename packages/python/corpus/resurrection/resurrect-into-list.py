# Resurrection into a container: the object returns to life with all of its attributes.
class Record:
    def __init__(self, data):
        self.data = data

    def __del__(self):
        archive.append(self)
        print("archived", self.data)


archive = []
r = Record([1, 2, 3])
r = Record("second")
print(len(archive), archive[0].data)
del r
print(len(archive), archive[1].data)
archive.clear()
print("archive cleared", len(archive))
