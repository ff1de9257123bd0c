# an uncaught SystemExit ends the program with its code and no traceback
import sys
print("start")
try:
    raise SystemExit(4)
except SystemExit as e:
    print("caught", e.args)
def stop():
    print("stopping with status 3", file=sys.stderr)
    raise SystemExit(3)
stop()
print("not reached")
