# threading's primitives used from the main thread: Lock, RLock, Condition, Semaphore, Event,
# local, Thread objects before start, and the errors CPython gives for misuse.
import threading

lock = threading.Lock()
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
with lock:
    print("held", lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
r = threading.RLock()
with r:
    with r:
        print("reentrant", r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
c = threading.Condition()
with c:
    print(c.wait(0.01), c.wait_for(lambda: 5))
    c.notify_all()
try:
    c.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
e = threading.Event()
print(repr(e).split(" at ")[0], e.is_set(), e.wait(0.01))
e.set()
print(e.wait(), e.is_set())
s = threading.BoundedSemaphore(2)
print(s.acquire(), s.acquire(), s.acquire(blocking=False))
s.release()
s.release()
try:
    s.release()
except ValueError as err:
    print("ValueError:", err)
t = threading.Thread(target=print, args=("hi",), name="worker")
print(t, t.name, t.is_alive(), t.daemon, t.ident)
t.run()
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
print(threading.active_count(), threading.enumerate() == [threading.main_thread()])
data = threading.local()
data.x = 5
print(data.x, threading.TIMEOUT_MAX > 0, threading.ThreadError is RuntimeError)
try:
    t.join()
except RuntimeError as err:
    print("RuntimeError:", err)
b = threading.Barrier(1)
print(b.wait(), b.parties, b.n_waiting, b.broken)
