# Hexiom (pyperformance's hexiom shape): place numbered tiles on a hexagonal board so that every
# tile shows how many of its neighbours are occupied; a depth-first search with constraint checks
# over a multiset of remaining tiles, dicts keyed by axial coordinates and per-cell bounds.
def hex_cells(radius):
    cells = []
    for q in range(-radius, radius + 1):
        for r in range(max(-radius, -q - radius), min(radius, -q + radius) + 1):
            cells.append((q, r))
    return cells


DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1))


class Puzzle:
    def __init__(self, radius, occupied):
        self.cells = hex_cells(radius)
        index = {cell: number for number, cell in enumerate(self.cells)}
        self.neighbours = []
        for q, r in self.cells:
            near = [index[(q + dq, r + dr)] for dq, dr in DIRECTIONS if (q + dq, r + dr) in index]
            self.neighbours.append(near)
        self.tiles = {}
        for cell in occupied:
            value = sum(1 for near in self.neighbours[cell] if near in occupied)
            self.tiles[value] = self.tiles.get(value, 0) + 1


class Solver:
    def __init__(self, puzzle):
        self.puzzle = puzzle
        self.remaining = dict(puzzle.tiles)
        self.placed = [None] * len(puzzle.cells)
        self.solutions = 0
        self.nodes = 0

    def consistent(self, cell):
        # Every decided tile next to `cell` (and `cell` itself) can still reach its number.
        for tile_cell in [cell] + self.puzzle.neighbours[cell]:
            value = self.placed[tile_cell]
            if value is None or value == -1:
                continue
            occupied = 0
            undecided = 0
            for near in self.puzzle.neighbours[tile_cell]:
                state = self.placed[near]
                if state is None:
                    undecided += 1
                elif state != -1:
                    occupied += 1
            if occupied > value or occupied + undecided < value:
                return False
        return True

    def search(self, cell, empties_left):
        self.nodes += 1
        if cell == len(self.placed):
            self.solutions += 1
            return
        if empties_left > 0:
            self.placed[cell] = -1
            if self.consistent(cell):
                self.search(cell + 1, empties_left - 1)
        for value in sorted(self.remaining):
            if self.remaining[value] == 0:
                continue
            self.remaining[value] -= 1
            self.placed[cell] = value
            if self.consistent(cell):
                self.search(cell + 1, empties_left)
            self.remaining[value] += 1
        self.placed[cell] = None


def solve(radius, occupied):
    puzzle = Puzzle(radius, occupied)
    solver = Solver(puzzle)
    empties = len(puzzle.cells) - len(occupied)
    solver.search(0, empties)
    return solver.solutions, solver.nodes, sorted(puzzle.tiles.items())


print(solve(2, {0, 1, 3, 4, 5, 8, 9, 11, 13, 14, 17, 18}))
