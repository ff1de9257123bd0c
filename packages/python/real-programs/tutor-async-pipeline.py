"""An asynchronous log-processing pipeline: producers, stages and consumers built from async
generators, joined by asyncio queues, in the style of a teaching example."""

import asyncio
from contextlib import aclosing, asynccontextmanager

LINES = [
    "INFO boot ok",
    "WARN disk 81%",
    "INFO user alice login",
    "ERROR db timeout",
    "INFO user bob login",
    "WARN disk 87%",
    "ERROR db timeout",
    "INFO user alice logout",
]


async def read_lines(source, name):
    """Producer: yields the lines of one source, pausing as if reading a socket."""
    try:
        for number, line in enumerate(source, 1):
            await asyncio.sleep(0)
            yield name, number, line
    finally:
        print(f"[{name}] source closed")


async def parse(stream):
    """Stage: splits each line into a record."""
    async for name, number, line in stream:
        level, _, message = line.partition(" ")
        yield {"source": name, "line": number, "level": level, "message": message}


async def only(stream, *levels):
    """Stage: keeps the records of the given levels."""
    async for record in stream:
        if record["level"] in levels:
            yield record


@asynccontextmanager
async def report(title):
    print(f"== {title}")
    counts = {}
    try:
        yield counts
    finally:
        for key in sorted(counts):
            print(f"   {key}: {counts[key]}")
        print(f"== end of {title}")


async def producer(queue, source, name):
    async with aclosing(parse(read_lines(source, name))) as records:
        async for record in records:
            await queue.put(record)
    await queue.put(None)


async def consumer(queue, producers, seen):
    finished = 0
    while finished < producers:
        record = await queue.get()
        if record is None:
            finished += 1
            continue
        seen.append((record["source"], record["line"], record["level"]))


async def errors_first(n):
    """An async generator abandoned early: asyncio closes it for us."""
    async for record in only(parse(read_lines(LINES, "errors")), "ERROR"):
        yield record["message"]
        n -= 1
        if n == 0:
            return


async def main():
    queue = asyncio.Queue(maxsize=2)
    seen = []
    halves = [LINES[:4], LINES[4:]]
    await asyncio.gather(
        producer(queue, halves[0], "left"),
        producer(queue, halves[1], "right"),
        consumer(queue, 2, seen),
    )
    print("records seen:", len(seen))
    print("first three:", seen[:3])

    async with report("levels") as counts:
        async for record in parse(read_lines(LINES, "all")):
            counts[record["level"]] = counts.get(record["level"], 0) + 1

    warnings = [r["message"] async for r in only(parse(read_lines(LINES, "warn")), "WARN")]
    print("warnings:", warnings)
    users = {r["message"].split()[1] async for r in parse(read_lines(LINES, "users"))
             if r["message"].startswith("user")}
    print("users:", sorted(users))
    print("first error:", await anext(errors_first(1)))
    abandoned = read_lines(LINES, "abandoned")
    print("peek:", (await anext(abandoned))[2])
    return len(seen)


if __name__ == "__main__":
    total = asyncio.run(main())
    print("total", total)
