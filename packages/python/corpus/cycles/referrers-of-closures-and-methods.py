# gc.get_referrers and get_referents through cells and bound methods.
import gc


class Worker:
    def run(self):
        return 1


def type_names(objects):
    return sorted([type(obj).__name__ for obj in objects])


def make_closure(captured):
    def inner():
        return captured

    return inner


w = Worker()
closure = make_closure(w)
print("referrers of w:", type_names(gc.get_referrers(w)))
method = w.run
print("with a bound method:", type_names(gc.get_referrers(w)))
print("method refers to:", type_names(gc.get_referents(method)))
print("dict refers to:", type_names(gc.get_referents({"k": w})))
print("tuple refers to:", type_names(gc.get_referents((w, [1], "s"))))
