import { pythonSourceModule } from "./python-source-module.js";

/**
 * The frame and type-predicate part of Python's `inspect` module (pymem's own code, after CPython
 * 3.13's documented behaviour): `currentframe`, `stack`, `trace`, `getframeinfo`,
 * `getouterframes`, `getinnerframes`, `getlineno` and the `is…` predicates. Source lines and the
 * positions behind `f_lasti` / `tb_lasti` come from the `traceback` module's natives.
 */
const INSPECT_SOURCE = `
import sys
from traceback import _position, _source_line

CO_OPTIMIZED = 1
CO_NEWLOCALS = 2
CO_VARARGS = 4
CO_VARKEYWORDS = 8
CO_NESTED = 16
CO_GENERATOR = 32
CO_COROUTINE = 128
CO_ITERABLE_COROUTINE = 256
CO_ASYNC_GENERATOR = 512


def _generator():
    yield


async def _coroutine():
    pass


class _Class:
    def method(self):
        pass


_FunctionType = type(_generator)
_MethodType = type(_Class().method)
_BuiltinType = type(len)
_ModuleType = type(sys)
_CodeType = type(_generator.__code__)
_FrameType = type(sys._getframe())
_generator_object = _generator()
_GeneratorType = type(_generator_object)
del _generator_object
_coroutine_object = _coroutine()
_CoroutineType = type(_coroutine_object)
_coroutine_object.close()
del _coroutine_object


def _traceback_type():
    try:
        raise ValueError
    except ValueError as error:
        return type(error.__traceback__)


_TracebackType = _traceback_type()


def ismodule(object):
    return isinstance(object, _ModuleType)


def isclass(object):
    return isinstance(object, type)


def ismethod(object):
    return isinstance(object, _MethodType)


def isfunction(object):
    return isinstance(object, _FunctionType)


def _has_code_flag(f, flag):
    while ismethod(f):
        f = f.__func__
    if not isfunction(f):
        return False
    return bool(f.__code__.co_flags & flag)


def isgeneratorfunction(obj):
    return _has_code_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    return _has_code_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def isgenerator(object):
    return isinstance(object, _GeneratorType)


def iscoroutine(object):
    return isinstance(object, _CoroutineType)


def isawaitable(object):
    return isinstance(object, _CoroutineType) or hasattr(type(object), '__await__')


def istraceback(object):
    return isinstance(object, _TracebackType)


def isframe(object):
    return isinstance(object, _FrameType)


def iscode(object):
    return isinstance(object, _CodeType)


def isbuiltin(object):
    return isinstance(object, _BuiltinType)


def isroutine(object):
    return isbuiltin(object) or isfunction(object) or ismethod(object)


class _Record:
    _fields = ()

    def __init__(self, *values, **extra):
        for name, value in zip(self._fields, values):
            setattr(self, name, value)
        for name, value in extra.items():
            setattr(self, name, value)

    def _values(self):
        return tuple(getattr(self, name) for name in self._fields)

    def __iter__(self):
        return iter(self._values())

    def __getitem__(self, index):
        return self._values()[index]

    def __len__(self):
        return len(self._fields)

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def _shown(self):
        return self._fields

    def __repr__(self):
        fields = ', '.join('{}={!r}'.format(name, getattr(self, name)) for name in self._shown())
        return '{}({})'.format(type(self).__name__, fields)


class Positions(_Record):
    _fields = ('lineno', 'end_lineno', 'col_offset', 'end_col_offset')


class Traceback(_Record):
    _fields = ('filename', 'lineno', 'function', 'code_context', 'index')

    def _shown(self):
        return self._fields + ('positions',)


class FrameInfo(_Record):
    _fields = ('frame', 'filename', 'lineno', 'function', 'code_context', 'index')

    def _shown(self):
        return self._fields + ('positions',)


def getframeinfo(frame, context=1):
    if istraceback(frame):
        lineno = frame.tb_lineno
        positions = Positions(*_position(frame.tb_lasti, lineno))
        frame = frame.tb_frame
    else:
        lineno = frame.f_lineno
        positions = Positions(*_position(frame.f_lasti, lineno))
    if not isframe(frame):
        raise TypeError('{!r} is not a frame or traceback object'.format(frame))
    filename = frame.f_code.co_filename
    if context > 0 and _source_line(filename, lineno) != '':
        start = max(0, lineno - 1 - context // 2)
        lines = []
        number = start + 1
        while len(lines) < context:
            line = _source_line(filename, number)
            if line == '' and number > lineno:
                break
            lines.append(line + '\\n')
            number += 1
        index = lineno - 1 - start
    else:
        lines = index = None
    return Traceback(filename, lineno, frame.f_code.co_name, lines, index, positions=positions)


def getlineno(frame):
    return frame.f_lineno


def getouterframes(frame, context=1):
    framelist = []
    while frame:
        info = getframeinfo(frame, context)
        framelist.append(FrameInfo(frame, *info, positions=info.positions))
        frame = frame.f_back
    return framelist


def getinnerframes(tb, context=1):
    framelist = []
    while tb:
        info = getframeinfo(tb, context)
        framelist.append(FrameInfo(tb.tb_frame, *info, positions=info.positions))
        tb = tb.tb_next
    return framelist


def currentframe():
    return sys._getframe(1)


def stack(context=1):
    return getouterframes(sys._getframe(1), context)


def trace(context=1):
    return getinnerframes(sys.exception().__traceback__, context)
`;

/**
 * Builds the `inspect` module (frames and predicates) the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { inspect: inspectModule, sys: sysModule, traceback: tracebackModule } });
 * interpreter.run("import inspect\nprint(inspect.currentframe().f_lineno)"); // 2
 * ```
 */
export const inspectModule = pythonSourceModule("inspect", INSPECT_SOURCE);
