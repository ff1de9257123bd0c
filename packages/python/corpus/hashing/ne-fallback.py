# != falls back to the inverse of __eq__; NotImplemented falls back to identity.
class Version:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.n == other.n

    def __hash__(self):
        return self.n


a = Version(1)
print(a != Version(1), a != Version(2), a == Version(1))
print(a == 1, a != 1, a == a)
print(NotImplemented)
print({Version(3): "x"}.get(Version(3)), {Version(3): "x"}.get(3))
