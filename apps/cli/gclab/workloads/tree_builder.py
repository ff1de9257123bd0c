# A tree-heavy program, the shape of a type checker or a document builder: many small objects in
# trees that live for a while and are replaced, parents known only by the walk (few cycles).
import _gclab as lab

class Element:
    def __init__(self, tag, text):
        self.tag = tag
        self.text = text
        self.children = []
        self.attributes = {}

def document(n):
    root = Element("doc", "")
    for i in range(n):
        section = Element("section", "s" + str(i))
        section.attributes["id"] = i
        for j in range(8):
            para = Element("p", "text")
            para.children.append(Element("span", str(j)))
            section.children.append(para)
        root.children.append(section)
    return root

def measure(node):
    total = 0
    stack = [node]
    while stack:
        current = stack.pop()
        total += len(current.text)
        stack.extend(current.children)
    return total

kept = []
for round_number in range(lab.scaled(60)):
    doc = document(40)
    kept.append(doc)
    if len(kept) > 10:
        kept.pop(0)
    measure(doc)
lab.sample()
