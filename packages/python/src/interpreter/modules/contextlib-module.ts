import type { NativeModuleFactory } from "../native.js";

/**
 * Python's `contextlib`, written in Python (our own source, run by the interpreter at import):
 * `contextmanager`, `ContextDecorator`, `suppress`, `closing`, `redirect_stdout`, `redirect_stderr`,
 * `nullcontext`, `ExitStack`, and for async generators (PEP 525) `asynccontextmanager`,
 * `AsyncContextDecorator` and `aclosing`.
 * Every object it makes is an ordinary instance on the pymem heap.
 *
 * @module
 */

/**
 * The module's source. Messages are CPython 3.13's (`generator didn't yield`,
 * `'X' object does not support the context manager protocol`).
 */
const CONTEXTLIB_SOURCE = `
class ContextDecorator:
    """A base class that lets a context manager be used as a function decorator."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner


class _GeneratorContextManager(ContextDecorator):
    """The context manager @contextmanager makes: it drives one generator."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func = func
        self.args = args
        self.kwds = kwds

    def _recreate_cm(self):
        return self.__class__(self.func, self.args, self.kwds)

    def __enter__(self):
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            else:
                try:
                    raise RuntimeError("generator didn't stop")
                finally:
                    self.gen.close()
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                return False
            # PEP 479: a StopIteration thrown in comes back as the RuntimeError it caused.
            if isinstance(value, StopIteration) and getattr(exc, "__cause__", value) is value:
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            return False
        try:
            raise RuntimeError("generator didn't stop after throw()")
        finally:
            self.gen.close()


def contextmanager(func):
    """@contextmanager: a generator function becomes a context manager factory."""
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper


class AsyncContextDecorator:
    """A base class for asynchronous context managers that can also decorate coroutine functions."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        async def inner(*args, **kwds):
            async with self._recreate_cm():
                return await func(*args, **kwds)
        return inner


class _AsyncGeneratorContextManager(AsyncContextDecorator):
    """The asynchronous context manager @asynccontextmanager makes: it drives one async generator."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func = func
        self.args = args
        self.kwds = kwds

    def _recreate_cm(self):
        return self.__class__(self.func, self.args, self.kwds)

    async def __aenter__(self):
        del self.args, self.kwds, self.func
        try:
            return await anext(self.gen)
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await anext(self.gen)
            except StopAsyncIteration:
                return False
            else:
                try:
                    raise RuntimeError("generator didn't stop")
                finally:
                    await self.gen.aclose()
        if value is None:
            value = typ()
        try:
            await self.gen.athrow(value)
        except StopAsyncIteration as exc:
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                return False
            # PEP 479 / PEP 525: a StopIteration or StopAsyncIteration thrown in comes back as
            # the RuntimeError it caused.
            if isinstance(value, (StopIteration, StopAsyncIteration)) and exc.__cause__ is value:
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            return False
        try:
            raise RuntimeError("generator didn't stop after athrow()")
        finally:
            await self.gen.aclose()


def asynccontextmanager(func):
    """@asynccontextmanager: an async generator function becomes an async context manager factory."""
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    return helper


class aclosing:
    """Awaits thing.aclose() when the async with block ends."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class suppress:
    """Suppresses the given exception types in the body of a with statement."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        if exctype is None:
            return False
        return issubclass(exctype, self._exceptions)


class closing:
    """Calls thing.close() when the with block ends."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class _RedirectStream:
    """Replaces sys.<_stream> for the block and restores it after (nests and re-enters)."""

    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        self._old_targets = []

    def __enter__(self):
        import sys
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        import sys
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    """Context manager for temporarily redirecting stdout to another file."""

    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    """Context manager for temporarily redirecting stderr to another file."""

    _stream = "stderr"


class nullcontext:
    """A context manager that does nothing; __enter__ returns enter_result."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass


def _exit_wrapper(cm, cm_exit):
    def exit_method(exc_type, exc, tb):
        return cm_exit(cm, exc_type, exc, tb)
    return exit_method


def _callback_wrapper(callback, args, kwds):
    def exit_method(exc_type, exc, tb):
        callback(*args, **kwds)
    return exit_method


class ExitStack:
    """Unwinds a dynamic stack of context managers and callbacks, last pushed first."""

    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def push(self, exit):
        exit_type = type(exit)
        try:
            exit_method = exit_type.__exit__
        except AttributeError:
            self._exit_callbacks.append(exit)
        else:
            self._exit_callbacks.append(_exit_wrapper(exit, exit_method))
        return exit

    def enter_context(self, cm):
        cls = type(cm)
        try:
            enter = cls.__enter__
            exit = cls.__exit__
        except AttributeError:
            raise TypeError(
                "'" + cls.__module__ + "." + cls.__qualname__
                + "' object does not support the context manager protocol"
            ) from None
        result = enter(cm)
        self._exit_callbacks.append(_exit_wrapper(cm, exit))
        return result

    def callback(self, callback, *args, **kwds):
        self._exit_callbacks.append(_callback_wrapper(callback, args, kwds))
        return callback

    def close(self):
        self.__exit__(None, None, None)

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        exc = exc_details[1]
        suppressed_exc = False
        pending_raise = False
        while self._exit_callbacks:
            cb = self._exit_callbacks.pop()
            try:
                if exc is None:
                    result = cb(None, None, None)
                else:
                    result = cb(type(exc), exc, getattr(exc, "__traceback__", None))
                if result:
                    suppressed_exc = True
                    pending_raise = False
                    exc = None
            except BaseException as new_exc:
                pending_raise = True
                exc = new_exc
        if pending_raise:
            raise exc
        return received_exc and suppressed_exc
`;

/**
 * Builds `contextlib` the first time a script imports it.
 *
 * @remarks
 * `ExitStack` does not rewrite `__context__` of the exceptions it re-raises (pymem's exceptions
 * carry no `__context__` yet); the exception that escapes is CPython's. Functions made by
 * `@contextmanager` keep the wrapper's name (pymem's functions have no writable `__name__`).
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { contextlib: contextlibModule } });
 * interpreter.run("from contextlib import suppress\nwith suppress(KeyError): {}[1]\nprint('ok')");
 * ```
 */
export const contextlibModule: NativeModuleFactory = (context) =>
  context.runModuleSource("contextlib", CONTEXTLIB_SOURCE, []);
