# heapify rearranges a list in place exactly as CPython does
import heapq
for data in [[9, 8, 7, 6, 5, 4, 3, 2, 1], [1, 2, 3], [], [4], [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]]:
    heapq.heapify(data)
    print(data)
big = list(range(3000, 0, -1))
heapq.heapify(big)
print(big[:12], big[-5:])
