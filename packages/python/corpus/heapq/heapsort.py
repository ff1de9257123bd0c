# heap sort with heappush/heappop equals sorted()
import heapq
import random
random.seed(11)
values = [random.randint(0, 1000) for i in range(200)]
heap = []
for v in values:
    heapq.heappush(heap, v)
result = [heapq.heappop(heap) for i in range(len(heap))]
print(result == sorted(values), result[:10])
