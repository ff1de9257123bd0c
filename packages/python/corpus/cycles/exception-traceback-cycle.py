# Keeping a caught exception in a local of the frame it passed through makes a cycle
# (exception -> traceback -> frame -> local -> exception) that only gc can free.
import gc

gc.disable()
gc.collect()


class Marker:
    def __del__(self):
        print("marker freed")


def catch_and_keep():
    marker = Marker()
    try:
        raise ValueError("kept")
    except ValueError as e:
        kept = e
    return 1


catch_and_keep()
print("after call")
print("cycle found:", gc.collect() > 0)
