# snapshotting a game board with deepcopy to try moves without touching the original
import copy
board = [[' '] * 3 for _ in range(3)]
board[1][1] = 'X'
def winning_moves(board, player):
    moves = []
    for r in range(3):
        for c in range(3):
            if board[r][c] != ' ':
                continue
            trial = copy.deepcopy(board)
            trial[r][c] = player
            lines = trial + [list(col) for col in zip(*trial)]
            lines.append([trial[i][i] for i in range(3)])
            lines.append([trial[i][2 - i] for i in range(3)])
            if any(all(cell == player for cell in line) for line in lines):
                moves.append((r, c))
    return moves
board[0][0] = 'X'
print(winning_moves(board, 'X'))
print(board)
history = [copy.deepcopy(board)]
board[2][2] = 'O'
print(history[0][2][2], board[2][2])
