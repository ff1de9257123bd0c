# An exception raised in a finally block replaces the one in flight; uncaught, it ends the run.
def cleanup():
    try:
        raise KeyError("original")
    finally:
        print("cleaning up")
        raise RuntimeError("cleanup failed")


try:
    cleanup()
except RuntimeError as e:
    print("caught", type(e).__name__, e)
print("second time, uncaught")
cleanup()
