# breadth-first search on a grid with a deque as the queue
from collections import deque
grid = ["S..#....",
        ".#.#.##.",
        ".#...#..",
        ".####.#.",
        "......#E"]
rows, cols = len(grid), len(grid[0])
start = (0, 0)
goal = (4, 7)
queue = deque([start])
distance = {start: 0}
while queue:
    r, c = queue.popleft()
    if (r, c) == goal:
        break
    for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != '#' and (nr, nc) not in distance:
            distance[(nr, nc)] = distance[(r, c)] + 1
            queue.append((nr, nc))
print('shortest path:', distance.get(goal))
print('visited:', len(distance), 'left in queue:', len(queue))
