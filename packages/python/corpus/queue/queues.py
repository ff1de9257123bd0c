# queue: FIFO, LIFO and priority order, task counting, bounds, shutdown, and the errors
import queue
for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
    q = cls()
    for item in (3, 1, 2):
        q.put(item)
    print(cls.__name__, q.qsize(), [q.get() for _ in range(3)], q.empty())
q = queue.Queue(maxsize=2)
q.put_nowait("a"); q.put("b")
print(q.full(), q.maxsize, q.unfinished_tasks)
try:
    q.put("c", block=False)
except queue.Full as error:
    print("Full", repr(error))
try:
    q.put("c", timeout=-1)
except ValueError as error:
    print(error)
print(q.get(), q.get_nowait())
try:
    q.get_nowait()
except queue.Empty:
    print("Empty")
q.task_done(); q.task_done(); q.join()
try:
    q.task_done()
except ValueError as error:
    print(error)
q.put(1); q.shutdown()
try:
    q.put(2)
except queue.ShutDown:
    print("ShutDown on put")
print(q.get(), q.is_shutdown)
s = queue.SimpleQueue(); s.put(5); s.put_nowait(6)
print(s.qsize(), s.get(), s.get_nowait(), s.empty(), queue.Queue[int])
print(queue.__all__)
