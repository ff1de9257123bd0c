# Storing a bound method on its own instance creates a cycle: instance -> method -> instance.
import gc

gc.disable()


class Button:
    def __init__(self, label):
        self.label = label
        self.handler = self.click

    def click(self):
        return "clicked " + self.label

    def __del__(self):
        print("Button", self.label, "finalized")


b = Button("ok")
print(b.handler())
del b
print("collected", gc.collect())
