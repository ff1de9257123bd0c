# break/continue/return cannot leave an except* clause (a loop inside the clause may break)
sources = [
    "for i in range(2):\n    try:\n        pass\n    except* ValueError:\n        break\n",
    "for i in range(2):\n    try:\n        pass\n    except* ValueError:\n        continue\n",
    "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n",
    "def f():\n    try:\n        pass\n    except* ValueError:\n        if True:\n            return\n",
    "try:\n    pass\nexcept* ValueError:\n    for i in range(3):\n        break\n",
    "try:\n    pass\nexcept* ValueError:\n    def inner():\n        return 1\n",
    "try:\n    pass\nexcept*:\n    pass\n",
]
for source in sources:
    try:
        exec(source, {})
        print("runs")
    except SyntaxError as e:
        print("SyntaxError:", e.args[0])
