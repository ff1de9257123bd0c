# SystemExit() and SystemExit(None) end the program with status 0
print("one")
try:
    raise SystemExit(None)
except SystemExit as e:
    print("caught", e.args)
raise SystemExit()
print("two")
