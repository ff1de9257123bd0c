# Tic-tac-toe with a minimax player: nested lists, all()/any(), recursion, tuples as dict keys for memoisation.
LINES = [[(r, c) for c in range(3)] for r in range(3)] + [[(r, c) for r in range(3)] for c in range(3)] + \
    [[(i, i) for i in range(3)], [(i, 2 - i) for i in range(3)]]


def winner(board):
    for line in LINES:
        values = {board[r][c] for r, c in line}
        if len(values) == 1 and (mark := values.pop()) != " ":
            return mark
    return None


def moves(board):
    return [(r, c) for r in range(3) for c in range(3) if board[r][c] == " "]


memo = {}


def minimax(board, player):
    key = (tuple(map(tuple, board)), player)
    if key in memo:
        return memo[key]
    if (w := winner(board)) is not None:
        return (1 if w == "X" else -1), None
    if not moves(board):
        return 0, None
    best = None
    for r, c in moves(board):
        board[r][c] = player
        score, _ = minimax(board, "O" if player == "X" else "X")
        board[r][c] = " "
        if best is None or (score > best[0] if player == "X" else score < best[0]):
            best = (score, (r, c))
    memo[key] = best
    return best


board = [list("X  "), list(" O "), list("   ")]
player = "X"
while winner(board) is None and moves(board):
    _, (r, c) = minimax(board, player)
    board[r][c] = player
    player = "O" if player == "X" else "X"
print("\n".join("|".join(row) for row in board))
print("winner:", winner(board), "positions memoised:", len(memo))
