# super() errors: wrong argument types, missing attributes
class G:
    def f(self):
        return super().nope
try:
    super(G, 1)
except TypeError as e:
    print(e)
try:
    super(1, G())
except TypeError as e:
    print(e)
try:
    G().f()
except AttributeError as e:
    print(e)
try:
    super()
except RuntimeError as e:
    print(e)
print("end")
