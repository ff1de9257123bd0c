# ascii() and the ascii conversions (%a, !a, {!a}); exit() and quit() raise SystemExit.
print(ascii("é"), ascii(["ü", "\U0001f600", "\u2603", "plain"]), ascii(1.5))
print("%a|%r" % ("é", "é"), f"{'é'!a}", "{!a}".format("é"), f"{'é'!a:>8}|")
print(b"%a" % "é", b"%r" % "é")
for name, function in (("exit", exit), ("quit", quit)):
    for args in ((), (3,), ("bye",)):
        try:
            function(*args)
        except SystemExit as error:
            print(name, args, repr(error.code))
exit(0)
print("not reached")
