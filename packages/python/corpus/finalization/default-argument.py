# A default argument value lives as long as the function; deleting the function frees it.
class Default:
    def __del__(self):
        print("default value freed")


def use(value=Default()):
    return value


print("call returns the default:", type(use()).__name__)
print("deleting the function")
del use
print("end")
