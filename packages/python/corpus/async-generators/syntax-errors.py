# What the compiler refuses around async generators and asynchronous comprehensions.
SOURCES = [
    "async def f():\n    yield 1\n    return 2\n",
    "async def f():\n    yield from [1]\n",
    "def f():\n    return [x async for x in y]\n",
    "def f():\n    return {x: await x for x in y}\n",
    "def f():\n    return [[x async for x in y] for z in w]\n",
    "async def f():\n    return lambda: [x async for x in y]\n",
    "[x async for x in y]\n",
    "def f():\n    return (x async for x in y)\n",
    "def f():\n    return [(await x for x in y) for z in w]\n",
    "async def f():\n    return [await x for x in y], {x async for x in y}\n",
    "async def f():\n    yield\n    return\n",
]

for source in SOURCES:
    try:
        exec(source, {})
    except SyntaxError as error:
        print("SyntaxError:", error.args[0])
    else:
        print("compiles")
