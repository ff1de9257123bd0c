# A matrix class with operator overloading, __eq__/__hash__, slicing rows and a determinant.
class Matrix:
    def __init__(self, rows):
        self.rows = [list(row) for row in rows]

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    def __getitem__(self, index):
        match index:
            case (i, j):
                return self.rows[i][j]
            case int(i) | slice() as i:
                return self.rows[i]

    def __mul__(self, other):
        if isinstance(other, Matrix):
            cols = list(zip(*other.rows))
            return Matrix([[sum(a * b for a, b in zip(row, col)) for col in cols] for row in self.rows])
        return Matrix([[x * other for x in row] for row in self.rows])

    __rmul__ = __mul__

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    def __hash__(self):
        return hash(tuple(map(tuple, self.rows)))

    def det(self):
        n = len(self.rows)
        if n == 1:
            return self.rows[0][0]
        return sum((-1) ** c * self.rows[0][c] * Matrix([row[:c] + row[c + 1:] for row in self.rows[1:]]).det()
                   for c in range(n))

    def __repr__(self):
        return "\n".join(" ".join(f"{x:3}" for x in row) for row in self.rows)


a = Matrix([[1, 2], [3, 4]])
print(a * a)
print(2 * a == a * 2, a[1, 0], a[0], a[0:1])
print(Matrix([[2, 0, 1], [1, 3, 2], [1, 1, 1]]).det(), Matrix.identity(3).det())
print(len({a, Matrix([[1, 2], [3, 4]]), Matrix.identity(2)}))
