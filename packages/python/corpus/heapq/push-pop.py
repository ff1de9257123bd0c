# heappush and heappop keep the smallest item first, in CPython's heap order
import heapq
heap = []
for x in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(heap, x)
    print(heap)
print([heapq.heappop(heap) for i in range(7)], heap)
