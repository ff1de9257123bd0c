# A suspended coroutine keeps its locals alive; closing it (or dropping it) releases them.
import sys

class Pause:
    def __await__(self):
        yield

class Payload:
    def __del__(self):
        print("payload freed")

async def holder():
    payload = Payload()
    try:
        await Pause()
    finally:
        print("finally runs")

coro = holder()
print("created")
coro.send(None)
print("suspended")
coro.close()
print("closed")

coro = holder()
coro.send(None)
print("dropping")
del coro
print("dropped")
