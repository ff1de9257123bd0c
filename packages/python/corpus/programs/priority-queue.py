# A task scheduler on heapq with dataclass-like ordering, a generator of due tasks and keyword-only options.
import heapq


class Task:
    _counter = 0

    def __init__(self, priority, name, *, repeat=0):
        Task._counter += 1
        self.order = Task._counter
        self.priority, self.name, self.repeat = priority, name, repeat

    def __lt__(self, other):
        return (self.priority, self.order) < (other.priority, other.order)

    def __repr__(self):
        return f"<{self.name} p{self.priority}>"


class Scheduler:
    def __init__(self):
        self._heap = []

    def add(self, *tasks):
        for task in tasks:
            heapq.heappush(self._heap, task)

    def run(self, *, limit=10):
        while self._heap and limit:
            task = heapq.heappop(self._heap)
            limit -= 1
            yield task
            if task.repeat:
                task.repeat -= 1
                self.add(Task(task.priority + 1, task.name, repeat=task.repeat))

    def __len__(self):
        return len(self._heap)


s = Scheduler()
s.add(Task(3, "email"), Task(1, "backup", repeat=2), Task(2, "build"), Task(1, "deploy"))
print([t for t in s.run(limit=5)], len(s))
print(list(s.run()), len(s))
print(heapq.nsmallest(2, [Task(5, "a"), Task(0, "b"), Task(3, "c")]))
