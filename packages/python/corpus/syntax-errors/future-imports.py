# `from __future__ import …`: the leading block, unknown features, "not a chance", late imports.
sources = [
    "from __future__ import braces",
    "from __future__ import nope",
    '"doc"\nfrom __future__ import annotations\nfrom __future__ import nope',
    "x = 1\nfrom __future__ import annotations",
    "def f():\n    from __future__ import annotations",
    "from __future__ import annotations, braces",
    "import os\nfrom __future__ import nope",
    "from __future__ import annotations\nx = 1\nfrom __future__ import generator_stop",
    "from __future__ import (annotations,\n    division)\nprint('ok')",
    "def f(:\nfrom __future__ import braces",
    "from __future__ import braces\nnonlocal x",
]
for source in sources:
    try:
        compile(source, "<future>", "exec")
        print("compiled", repr(source))
    except SyntaxError as e:
        print(repr(e.msg), e.lineno, e.offset, e.end_lineno, repr(e.text))
