# Go (pyperformance's go shape): Monte Carlo evaluation on a 9x9 board; each candidate move is
# scored by random playouts in which stones are placed, groups found by flood fill, captured
# groups removed and suicide and simple ko refused. Lists of ints, sets, random choices.
import random

SIZE = 9
EMPTY, BLACK, WHITE = 0, 1, 2


def neighbours_table():
    table = []
    for index in range(SIZE * SIZE):
        row, column = divmod(index, SIZE)
        near = []
        if row > 0:
            near.append(index - SIZE)
        if row < SIZE - 1:
            near.append(index + SIZE)
        if column > 0:
            near.append(index - 1)
        if column < SIZE - 1:
            near.append(index + 1)
        table.append(tuple(near))
    return table


NEIGHBOURS = neighbours_table()


class Board:
    def __init__(self):
        self.cells = [EMPTY] * (SIZE * SIZE)
        self.ko = -1
        self.passes = 0
        self.to_move = BLACK

    def copy(self):
        other = Board()
        other.cells = self.cells[:]
        other.ko = self.ko
        other.passes = self.passes
        other.to_move = self.to_move
        return other

    def group(self, start):
        colour = self.cells[start]
        stones = {start}
        liberties = set()
        frontier = [start]
        while frontier:
            here = frontier.pop()
            for near in NEIGHBOURS[here]:
                state = self.cells[near]
                if state == EMPTY:
                    liberties.add(near)
                elif state == colour and near not in stones:
                    stones.add(near)
                    frontier.append(near)
        return stones, liberties

    def legal(self, move):
        if self.cells[move] != EMPTY or move == self.ko:
            return False
        for near in NEIGHBOURS[move]:
            if self.cells[near] == EMPTY:
                return True
        self.cells[move] = self.to_move
        try:
            if self.group(move)[1]:
                return True
            opponent = 3 - self.to_move
            for near in NEIGHBOURS[move]:
                if self.cells[near] == opponent and not self.group(near)[1]:
                    return True
            return False
        finally:
            self.cells[move] = EMPTY

    def play(self, move):
        if move < 0:
            self.passes += 1
            self.ko = -1
            self.to_move = 3 - self.to_move
            return
        self.passes = 0
        opponent = 3 - self.to_move
        self.cells[move] = self.to_move
        captured = []
        for near in NEIGHBOURS[move]:
            if self.cells[near] == opponent:
                stones, liberties = self.group(near)
                if not liberties:
                    captured.extend(stones)
        for stone in captured:
            self.cells[stone] = EMPTY
        self.ko = captured[0] if len(captured) == 1 else -1
        self.to_move = opponent

    def random_move(self):
        empties = [index for index in range(SIZE * SIZE) if self.cells[index] == EMPTY]
        random.shuffle(empties)
        for move in empties:
            if self.legal(move) and not self.fills_own_eye(move):
                return move
        return -1

    def fills_own_eye(self, move):
        for near in NEIGHBOURS[move]:
            if self.cells[near] != self.to_move:
                return False
        return True

    def score(self, colour):
        total = 0
        for index in range(SIZE * SIZE):
            state = self.cells[index]
            if state == colour:
                total += 1
            elif state == EMPTY and all(self.cells[n] == colour for n in NEIGHBOURS[index]):
                total += 1
        return total


def playout(board):
    moves = 0
    while board.passes < 2 and moves < 200:
        board.play(board.random_move())
        moves += 1
    return board.score(BLACK) - board.score(WHITE)


def best_move(board, candidates, playouts):
    best = None
    best_value = None
    for move in candidates:
        if not board.legal(move):
            continue
        total = 0
        for _ in range(playouts):
            trial = board.copy()
            trial.play(move)
            total += playout(trial)
        if best_value is None or total > best_value:
            best, best_value = move, total
    return best, best_value


random.seed(42)
board = Board()
history = []
for _ in range(2):
    move, value = best_move(board, [20, 22, 24, 38, 40, 42, 56, 58, 60], 2)
    history.append((move, value))
    board.play(move)
print(history)
