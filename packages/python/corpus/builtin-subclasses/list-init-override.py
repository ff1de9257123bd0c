# a list subclass with its own __init__ calls list.__init__ through super() or explicitly
class Numbers(list):
    def __init__(self, text):
        super().__init__(int(part) for part in text.split(","))
        self.text = text
class Words(list):
    def __init__(self, *words):
        list.__init__(self, words)
n = Numbers("3,1,2")
print(n, n.text, sum(n), type(n).__name__)
w = Words("a", "b")
print(w, len(w))
list.__init__(w, "xyz")
print(w)
w.extend(["q"])
list.append(w, "r")
print(w, list.__len__(w), list.__getitem__(w, 0))
