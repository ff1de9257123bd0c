import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `graphlib`, written in Python that pymem runs at import (pymem's own source, not
 * CPython's Lib/graphlib.py): `TopologicalSorter` (`add`, `prepare`, `get_ready`, `done`,
 * `is_active`, `static_order`) and `CycleError`, giving the orders and the cycle CPython reports.
 * The cycle search is iterative, so a graph of any depth is checked without recursion.
 *
 * @module
 */

/** The module's Python source, run at import. */
const GRAPHLIB_SOURCE = String.raw`# pymem's graphlib, written for pymem in Python (not CPython's Lib/graphlib.py).
from types import GenericAlias

__all__ = ['TopologicalSorter', 'CycleError']

_READY = -1   # handed out by get_ready(), not yet done()
_DONE = -2    # marked done()


class _Node:
    __slots__ = ('node', 'predecessor_count', 'successors')

    def __init__(self, node):
        self.node = node
        self.predecessor_count = 0
        self.successors = []


class CycleError(ValueError):
    """Subclass of ValueError raised by TopologicalSorter.prepare if cycles
    exist in the working graph.

    If multiple cycles exist, only one undefined choice among them will be reported
    and included in the exception. The detected cycle can be accessed via the second
    element in the *args* attribute of the exception instance and consists in a list
    of nodes, such that each node is, in the graph, an immediate predecessor of the
    next node in the list. In the reported list, the first and the last node will be
    the same, to make it clear that it is cyclic.
    """
    pass


class TopologicalSorter:
    """Provides functionality to topologically sort a graph of hashable nodes"""

    def __init__(self, graph=None):
        self._nodes = {}
        self._ready = None
        self._passed_out = 0
        self._finished = 0
        if graph is not None:
            for node, predecessors in graph.items():
                self.add(node, *predecessors)

    def _node(self, node):
        info = self._nodes.get(node)
        if info is None:
            info = self._nodes[node] = _Node(node)
        return info

    def add(self, node, *predecessors):
        """Add a new node and its predecessors to the graph."""
        if self._ready is not None:
            raise ValueError("Nodes cannot be added after a call to prepare()")
        info = self._node(node)
        info.predecessor_count += len(predecessors)
        for predecessor in predecessors:
            self._node(predecessor).successors.append(node)

    def prepare(self):
        """Mark the graph as finished and check for cycles in the graph."""
        if self._ready is not None:
            raise ValueError("cannot prepare() more than once")
        self._ready = [info.node for info in self._nodes.values()
                       if info.predecessor_count == 0]
        cycle = self._find_cycle()
        if cycle:
            raise CycleError("nodes are in a cycle", cycle)

    def get_ready(self):
        """Return a tuple of all the nodes that are ready."""
        if self._ready is None:
            raise ValueError("prepare() must be called first")
        result = tuple(self._ready)
        for node in result:
            self._nodes[node].predecessor_count = _READY
        self._ready.clear()
        self._passed_out += len(result)
        return result

    def is_active(self):
        """Return True if more progress can be made and False otherwise."""
        if self._ready is None:
            raise ValueError("prepare() must be called first")
        return self._finished < self._passed_out or bool(self._ready)

    def __bool__(self):
        return self.is_active()

    def done(self, *nodes):
        """Marks a set of nodes returned by "get_ready" as processed."""
        if self._ready is None:
            raise ValueError("prepare() must be called first")
        for node in nodes:
            info = self._nodes.get(node)
            if info is None:
                raise ValueError(f"node {node!r} was not added using add()")
            state = info.predecessor_count
            if state != _READY:
                if state >= 0:
                    raise ValueError(f"node {node!r} was not passed out (still not ready)")
                if state == _DONE:
                    raise ValueError(f"node {node!r} was already marked done")
                raise AssertionError(f"node {node!r}: unknown status {state}")
            info.predecessor_count = _DONE
            for successor in info.successors:
                successor_info = self._nodes[successor]
                successor_info.predecessor_count -= 1
                if successor_info.predecessor_count == 0:
                    self._ready.append(successor)
            self._finished += 1

    def _find_cycle(self):
        # Depth-first search with an explicit stack, successors in the order they were added; a
        # node met again while still on the path closes a cycle, reported from it round to it.
        nodes = self._nodes
        seen = set()
        path = []
        position = {}
        next_successor = []
        for start in nodes:
            if start in seen:
                continue
            node = start
            while True:
                if node not in seen:
                    seen.add(node)
                    position[node] = len(path)
                    path.append(node)
                    next_successor.append(iter(nodes[node].successors).__next__)
                elif node in position:
                    return path[position[node]:] + [node]
                # Go on from the deepest node on the path that has a successor left.
                while path:
                    try:
                        node = next_successor[-1]()
                        break
                    except StopIteration:
                        del position[path.pop()]
                        next_successor.pop()
                else:
                    break
        return None

    def static_order(self):
        """Returns an iterable of nodes in a topological order."""
        self.prepare()
        while self.is_active():
            ready = self.get_ready()
            yield from ready
            self.done(*ready)

    __class_getitem__ = classmethod(GenericAlias)
`;

/**
 * `import graphlib`.
 *
 * @example
 * ```ts
 * interpreter.run("from graphlib import TopologicalSorter\nprint(list(TopologicalSorter({'b': ['a']}).static_order()))"); // ['a', 'b']
 * ```
 */
export const graphlibModule = pythonSourceModule("graphlib", GRAPHLIB_SOURCE);
