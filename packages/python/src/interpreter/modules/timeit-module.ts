import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's timeit module, written in Python that pymem runs at import (pymem's own source):
 * `Timer` (statement and setup as source text or callables, `globals`, `timeit`, `repeat`,
 * `autorange`, `print_exc`), the `timeit()` / `repeat()` shortcuts and `default_timer`
 * (`time.perf_counter`). As CPython's, a Timer compiles one function whose loop runs the
 * statement, and times it with the garbage collector disabled.
 *
 * @module
 */

/** The module's Python source, run at import. */
const TIMEIT_SOURCE = String.raw`# pymem's timeit module, written for pymem in Python (not CPython's Lib/timeit source).

import gc
import itertools
import time

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

dummy_src_name = "<timeit-src>"
default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter
_module_globals = globals

# The function a Timer compiles: setup once, then the statement number times between two clock
# readings. {init} binds callables given for stmt / setup as default arguments.
_TEMPLATE = """
def inner(_it, _timer{init}):
    {setup}
    _t0 = _timer()
    for _i in _it:
        {stmt}
        pass
    _t1 = _timer()
    return _t1 - _t0
"""


def _indent(source, spaces):
    return source.replace("\n", "\n" + " " * spaces)


class Timer:
    """Times a statement: Timer(stmt, setup, timer, globals).timeit(number)."""

    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        namespace = {}
        scope = _module_globals() if globals is None else globals
        init = ''
        if isinstance(setup, str):
            compile(setup, dummy_src_name, "exec")
            prefix = setup + '\n'
            setup = _indent(setup, 4)
        elif callable(setup):
            namespace['_setup'] = setup
            init += ', _setup=_setup'
            prefix = ''
            setup = '_setup()'
        else:
            raise ValueError("setup is neither a string nor callable")
        if isinstance(stmt, str):
            # The statement alone must compile after the setup (a 'return' is refused here).
            compile(prefix + stmt, dummy_src_name, "exec")
            stmt = _indent(stmt, 8)
        elif callable(stmt):
            namespace['_stmt'] = stmt
            init += ', _stmt=_stmt'
            stmt = '_stmt()'
        else:
            raise ValueError("stmt is neither a string nor callable")
        self.src = _TEMPLATE.format(stmt=stmt, setup=setup, init=init)
        exec(compile(self.src, dummy_src_name, "exec"), scope, namespace)
        self.inner = namespace["inner"]

    def print_exc(self, file=None):
        """Prints the traceback of the exception being handled (the timed code's error)."""
        import traceback
        traceback.print_exc(file=file)

    def timeit(self, number=default_number):
        """Seconds taken to run the statement number times (setup excluded, gc disabled)."""
        it = itertools.repeat(None, number)
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return self.inner(it, self.timer)
        finally:
            if was_enabled:
                gc.enable()

    def repeat(self, repeat=default_repeat, number=default_number):
        """A list of repeat timeit(number) results."""
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        """(number, seconds) for the first number in 1, 2, 5, 10, 20, 50, ... taking >= 0.2 s."""
        scale = 1
        while True:
            for step in (1, 2, 5):
                number = scale * step
                taken = self.timeit(number)
                if callback:
                    callback(number, taken)
                if taken >= 0.2:
                    return (number, taken)
            scale *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    """Timer(stmt, setup, timer, globals).timeit(number)."""
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat,
           number=default_number, globals=None):
    """Timer(stmt, setup, timer, globals).repeat(repeat, number)."""
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
`;

/**
 * Builds the `timeit` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { timeit: timeitModule } });
 * ```
 */
export const timeitModule = pythonSourceModule("timeit", TIMEIT_SOURCE);
