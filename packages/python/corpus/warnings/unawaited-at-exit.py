# Coroutines never awaited that live until shutdown are freed without breaking the exit.
import json


async def fetch():
    return 1


class Holder:
    pass


holder = Holder()
holder.me = holder
holder.pending = fetch()
json.kept = fetch()
print("end")
