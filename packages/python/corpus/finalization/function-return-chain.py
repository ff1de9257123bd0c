# Objects passed through several calls die when the last holder lets go.
class Token:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("release", self.name)


def make(name):
    return Token(name)


def relay(token):
    print("relay sees", token.name)
    return token


def consume(token):
    print("consume", token.name)


consume(relay(make("t1")))
print("after consume")
kept = relay(make("t2"))
print("after relay")
