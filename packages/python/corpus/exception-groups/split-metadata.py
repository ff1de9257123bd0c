# split parts keep the original's traceback, context, cause and a copy of its notes
try:
    try:
        raise KeyError("ctx")
    except KeyError:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)]) from OSError("c")
except ExceptionGroup as caught:
    eg = caught
eg.add_note("a note")
match, rest = eg.split(ValueError)
print(match.__traceback__ is eg.__traceback__, rest.__traceback__ is eg.__traceback__)
print(repr(match.__context__), repr(match.__cause__), match.__suppress_context__)
print(match.__notes__, rest.__notes__, match.__notes__ is eg.__notes__)
match.add_note("only on match")
print(eg.__notes__, match.__notes__)
plain = ExceptionGroup("p", [ValueError()])
print(plain.split(ValueError)[0] is plain, plain.__traceback__)
print(hasattr(plain.subgroup(lambda e: True), "__notes__"))
