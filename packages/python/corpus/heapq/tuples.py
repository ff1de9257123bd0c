# a priority queue of (priority, name) tuples
import heapq
tasks = []
heapq.heappush(tasks, (3, "write"))
heapq.heappush(tasks, (1, "plan"))
heapq.heappush(tasks, (2, "code"))
heapq.heappush(tasks, (1, "coffee"))
while tasks:
    priority, name = heapq.heappop(tasks)
    print(priority, name)
