# an error while evaluating a lazy bound surfaces where the bound is read
def f[T: missing_name]():
    pass

(T,) = f.__type_params__
print("defined", T)
print(T.__bound__)
