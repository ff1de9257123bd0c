# exit and quit as site puts them in builtins: _sitebuiltins.Quitter objects whose repr says how
# to leave the interpreter, that raise SystemExit with the code they are given.
import builtins

for quitter in (exit, quit):
    print(repr(quitter), str(quitter), type(quitter).__name__, type(quitter).__module__)
    print(callable(quitter), quitter is getattr(builtins, quitter.name), quitter.eof)
for code in ((), (0,), (3,), ("message",), (None,)):
    try:
        exit(*code)
    except SystemExit as stop:
        print(code, "SystemExit", repr(stop.code), stop.args)
try:
    quit(1, 2)
except TypeError as error:
    print("TypeError", error)
print(f"{exit}", "%s" % quit)
