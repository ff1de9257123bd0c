# decorators are evaluated top to bottom before the def, then applied bottom to top
def make(label):
    print("evaluate", label)
    def decorate(fn):
        print("apply", label, "to", fn.__name__)
        def wrapper(*args):
            print("enter", label)
            return fn(*args)
        return wrapper
    return decorate
@make("outer")
@make("inner")
def greet(name):
    print("hello", name)
    return name.upper()
print(greet("bob"))
def identity(fn):
    return fn
@identity
def plain():
    return "plain"
print(plain(), plain.__name__)
