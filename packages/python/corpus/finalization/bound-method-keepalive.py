# A stored bound method keeps its instance alive after every other name is gone.
class Worker:
    def __init__(self, name):
        self.name = name

    def work(self):
        return self.name + " works"

    def __del__(self):
        print("worker", self.name, "freed")


w = Worker("w1")
task = w.work
del w
print("instance still reachable:", task())
tasks = [Worker("w2").work, Worker("w3").work]
print("two tasks queued")
tasks.pop(0)
print("one left:", tasks[0]())
del task
print("end")
