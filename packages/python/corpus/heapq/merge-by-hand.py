# merging sorted runs through a heap of (value, run, index) entries
import heapq
runs = [[1, 4, 9], [2, 3, 10, 11], [0, 5]]
heap = [(run[0], i, 0) for i, run in enumerate(runs) if run]
heapq.heapify(heap)
merged = []
while heap:
    value, i, j = heapq.heappop(heap)
    merged.append(value)
    if j + 1 < len(runs[i]):
        heapq.heappush(heap, (runs[i][j + 1], i, j + 1))
print(merged)
