# A leak hunt: snapshots before and after serving requests point at the line that keeps the responses.
import tracemalloc

class Response:
    __slots__ = ("body", "headers")
    def __init__(self, body):
        self.body = body
        self.headers = {"length": len(body)}

_debug_log = []

def handle(request):
    response = Response("reply to " + request)
    _debug_log.append(response)
    return response.headers["length"]

def serve(n):
    return sum(handle("request %d" % i) for i in range(n))

tracemalloc.start()
before = tracemalloc.take_snapshot()
serve(300)
after = tracemalloc.take_snapshot()
top = after.compare_to(before, "lineno")
print("biggest growth at line", top[0].traceback[0].lineno, top[0].size_diff > 0)
lines = [stat.traceback[0].lineno for stat in top[:2]]
print("top two lines", sorted(lines))
print("both grew:", all(stat.size_diff > 0 for stat in top[:2]))
worst = top[0]
print(worst.size == worst.size_diff, worst.count == worst.count_diff)
_debug_log.clear()
fixed = tracemalloc.take_snapshot()
shrunk = [s for s in fixed.compare_to(after, "lineno") if s.traceback[0].lineno == 13]
print("after the fix, line 13 shrank:", shrunk[0].size_diff < 0, shrunk[0].count_diff < 0)
tracemalloc.stop()
