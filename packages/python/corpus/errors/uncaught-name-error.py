# NameError for an undefined name inside a function, uncaught.
def greet(name):
    message = "hello " + name
    return greeting_text


print("calling greet")
greet("world")
