# popping from an empty heap ends the program with IndexError
import heapq
heap = [2, 1]
heapq.heapify(heap)
print(heapq.heappop(heap), heapq.heappop(heap))
print(heapq.heappop(heap))
