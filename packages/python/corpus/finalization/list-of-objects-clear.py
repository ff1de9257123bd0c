# Dropping a list finalizes its items in index order.
class Cell:
    def __init__(self, index):
        self.index = index

    def __del__(self):
        print("cell", self.index)


cells = []
for i in range(5):
    cells.append(Cell(i))
print("list built")
cells = None
print("list dropped")
