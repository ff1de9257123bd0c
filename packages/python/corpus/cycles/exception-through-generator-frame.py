# An exception that passed through a generator's frame and is stored where that frame's locals
# reach it makes a cycle (exception -> traceback -> frame -> locals -> exception): collected.
import gc

class Holder:
    def __del__(self):
        print("holder freed")

def produce(holder):
    yield 1
    raise holder.error

def consume(holder):
    try:
        yield from produce(holder)
    except ValueError as error:
        holder.caught = error

holder = Holder()
holder.error = ValueError("stored")
for _ in consume(holder):
    pass
print(holder.caught is holder.error)
gc.collect()
del holder
print("dropped")
gc.collect()
print("collected")
