# heapreplace pops then pushes; heappushpop pushes then pops
import heapq
heap = [1, 3, 5, 7, 9]
print(heapq.heapreplace(heap, 4), heap)
print(heapq.heappushpop(heap, 2), heap)
print(heapq.heappushpop(heap, 10), heap)
print(heapq.heappushpop([], 5), heapq.heapreplace([0], 1))
