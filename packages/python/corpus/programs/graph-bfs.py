# TheAlgorithms style: breadth-first and depth-first search, shortest path and connected components.
def bfs(graph, start):
    seen, queue, order = {start}, [start], []
    while queue:
        node = queue.pop(0)
        order.append(node)
        for neighbour in sorted(graph.get(node, ())):
            if neighbour not in seen:
                seen.add(neighbour)
                queue.append(neighbour)
    return order


def dfs(graph, start, seen=None):
    seen = set() if seen is None else seen
    seen.add(start)
    yield start
    for neighbour in sorted(graph.get(start, ())):
        if neighbour not in seen:
            yield from dfs(graph, neighbour, seen)


def shortest_path(graph, start, goal):
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        nxt = []
        for node in frontier:
            for neighbour in sorted(graph.get(node, ())):
                if neighbour not in paths:
                    paths[neighbour] = paths[node] + [neighbour]
                    nxt.append(neighbour)
        frontier = nxt
    return paths.get(goal)


def components(graph):
    seen, result = set(), []
    for node in sorted(graph):
        if node not in seen:
            part = list(dfs(graph, node, seen))
            result.append(sorted(part))
    return result


edges = [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e"), ("x", "y")]
graph = {}
for u, v in edges:
    graph.setdefault(u, set()).add(v)
    graph.setdefault(v, set()).add(u)
print(bfs(graph, "a"), list(dfs(graph, "a")))
print(shortest_path(graph, "a", "e"), shortest_path(graph, "a", "x"))
print(components(graph))
