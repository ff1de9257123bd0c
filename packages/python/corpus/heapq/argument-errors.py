# wrong arguments: CPython's messages for heapq's functions
import heapq
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
attempt("push tuple", lambda: heapq.heappush((), 1))
attempt("push one arg", lambda: heapq.heappush([]))
attempt("push three args", lambda: heapq.heappush([], 1, 2))
attempt("push keywords", lambda: heapq.heappush(x=[], item=1))
attempt("pop empty", lambda: heapq.heappop([]))
attempt("pop tuple", lambda: heapq.heappop(()))
attempt("replace empty", lambda: heapq.heapreplace([], 1))
attempt("heapify int", lambda: heapq.heapify(5))
attempt("heapify mixed", lambda: heapq.heapify([3, "a", 1]))
attempt("nlargest str n", lambda: heapq.nlargest("a", [1]))
attempt("nsmallest int", lambda: heapq.nsmallest(2, 5))
attempt("nlargest none", lambda: heapq.nlargest())
attempt("nlargest float n", lambda: heapq.nlargest(1.5, [1, 2, 3]))
