import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `threading` as CPython 3.13's WebAssembly build has it (the platform pymem reports,
 * `sys.platform == 'emscripten'`): one thread — the main thread — whose locks, conditions,
 * semaphores, events and thread-local data work, while `Thread.start()` raises CPython's
 * `RuntimeError: can't start new thread`. A wait that only another thread could end (acquiring
 * a lock the only thread holds, waiting on an event without a timeout) would block forever under
 * CPython; here it raises RuntimeError saying so. A wait with a timeout sleeps that long and
 * fails, as it would. pymem's own Python, not CPython's Lib/threading.py.
 *
 * @module
 */

/** The module's Python source, run at import. */
const THREADING_SOURCE = `# pymem's threading, written for pymem in Python (not CPython's Lib/threading.py).
import time as _time
from itertools import count as _count

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread', 'enumerate', 'main_thread',
           'TIMEOUT_MAX', 'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError', 'setprofile',
           'settrace', 'local', 'stack_size', 'excepthook', 'get_native_id', 'getprofile',
           'gettrace']

TIMEOUT_MAX = 9223372036.0
ThreadError = RuntimeError
_MAIN_IDENT = 1
_counter = _count(1)
_trace_hook = None
_profile_hook = None


def _block_forever(what):
    raise RuntimeError(f'{what} would wait forever: this interpreter runs one thread')


def _wait(what, blocking, timeout):
    """What a wait nobody can end does: False at once, after the timeout, or never."""
    if not blocking:
        if timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        return False
    if timeout is None or timeout == -1:
        _block_forever(what)
    if timeout < 0:
        raise ValueError('timeout value must be a non-negative number')
    _time.sleep(timeout)
    return False


def get_ident():
    return _MAIN_IDENT


def get_native_id():
    return _MAIN_IDENT


def stack_size(size=0):
    if size != 0:
        raise ValueError('setting stack size not supported')
    return 0


def settrace(func):
    global _trace_hook
    _trace_hook = func


def gettrace():
    return _trace_hook


def setprofile(func):
    global _profile_hook
    _profile_hook = func


def getprofile():
    return _profile_hook


class _Lock:
    """A primitive lock (CPython: _thread.lock)."""

    __module__ = '_thread'

    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        if not self._locked:
            self._locked = True
            return True
        return _wait('acquiring a held lock', blocking, timeout)

    def release(self):
        if not self._locked:
            raise RuntimeError('release unlocked lock')
        self._locked = False

    def locked(self):
        return self._locked

    __enter__ = acquire

    def __exit__(self, *exc_info):
        self.release()

    def __repr__(self):
        state = 'locked' if self._locked else 'unlocked'
        return f'<{state} _thread.lock object at 0x{id(self):012x}>'


_Lock.__name__ = _Lock.__qualname__ = 'lock'


def Lock():
    return _Lock()


class _RLock:
    """A reentrant lock: the thread that holds it may acquire it again."""

    __module__ = '_thread'

    def __init__(self):
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        if self._count == 0 or self._owner == get_ident():
            self._owner = get_ident()
            self._count += 1
            return True
        return _wait('acquiring a held lock', blocking, timeout)

    def release(self):
        if self._count == 0 or self._owner != get_ident():
            raise RuntimeError('cannot release un-acquired lock')
        self._count -= 1
        if self._count == 0:
            self._owner = None

    def locked(self):
        return self._count > 0

    def _is_owned(self):
        return self._count > 0 and self._owner == get_ident()

    __enter__ = acquire

    def __exit__(self, *exc_info):
        self.release()

    def __repr__(self):
        state = 'locked' if self._count else 'unlocked'
        return (f'<{state} _thread.RLock object owner={self._owner or 0} count={self._count} '
                f'at 0x{id(self):012x}>')


_RLock.__name__ = _RLock.__qualname__ = 'RLock'


def RLock():
    return _RLock()


class Condition:
    """Waiting for a state another thread brings about, under a lock."""

    def __init__(self, lock=None):
        self._lock = RLock() if lock is None else lock
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc_info):
        return self._lock.__exit__(*exc_info)

    def __repr__(self):
        return f'<Condition({self._lock}, 0)>'

    def _is_owned(self):
        if hasattr(self._lock, '_is_owned'):
            return self._lock._is_owned()
        return self._lock.locked()

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError('cannot wait on un-acquired lock')
        return _wait('Condition.wait() without a timeout', True, timeout)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        self.wait(timeout)
        return predicate()

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError('cannot notify on un-acquired lock')

    def notify_all(self):
        self.notify()


class Semaphore:
    """A counter of available resources; acquiring at zero waits."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError('semaphore initial value must be >= 0')
        self._value = value

    def __repr__(self):
        return (f'<{type(self).__module__}.{type(self).__qualname__} at 0x{id(self):012x}: '
                f'value={self._value}>')

    def acquire(self, blocking=True, timeout=None):
        if self._value > 0:
            self._value -= 1
            return True
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        return _wait('Semaphore.acquire() at zero', blocking, -1 if timeout is None else timeout)

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        self._value += n

    def __exit__(self, *exc_info):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that may not be released past its initial value."""

    def __init__(self, value=1):
        super().__init__(value)
        self._initial_value = value

    def __repr__(self):
        return (f'<{type(self).__module__}.{type(self).__qualname__} at 0x{id(self):012x}: '
                f'value={self._value}/{self._initial_value}>')

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        if self._value + n > self._initial_value:
            raise ValueError('Semaphore released too many times')
        self._value += n


class Event:
    """A flag threads wait on until it is set."""

    def __init__(self):
        self._flag = False

    def __repr__(self):
        status = 'set' if self._flag else 'unset'
        return f'<{type(self).__module__}.{type(self).__qualname__} at 0x{id(self):012x}: {status}>'

    def is_set(self):
        return self._flag

    def set(self):
        self._flag = True

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        if self._flag:
            return True
        return _wait('Event.wait() without a timeout', True, timeout)


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """A meeting point for \`parties\` threads; with one thread only a barrier of one passes."""

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError('parties must be >= 1')
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._broken = False

    def wait(self, timeout=None):
        if self._broken:
            raise BrokenBarrierError
        if self._parties > 1:
            timeout = self._timeout if timeout is None else timeout
            _wait('Barrier.wait() for other threads', True, timeout)
            self._broken = True
            raise BrokenBarrierError
        if self._action is not None:
            self._action()
        return 0

    def reset(self):
        self._broken = False

    def abort(self):
        self._broken = True

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return 0

    @property
    def broken(self):
        return self._broken


class local:
    """Data private to each thread (there is one thread)."""


class Thread:
    """A thread of control; starting one raises, as on CPython's WebAssembly build."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        assert group is None, 'group argument must be None for now'
        self._target = target
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        if name is None:
            name = f'Thread-{next(_counter)}'
            if target is not None and hasattr(target, '__name__'):
                name += f' ({target.__name__})'
        self._name = str(name)
        self._daemonic = current_thread().daemon if daemon is None else daemon
        self._ident = None
        self._started = Event()
        self._initialized = True

    def __repr__(self):
        status = 'started' if self._started.is_set() else 'initial'
        if self._daemonic:
            status += ' daemon'
        return f'<{type(self).__name__}({self._name}, {status})>'

    def start(self):
        if not self._initialized:
            raise RuntimeError('thread.__init__() not called')
        if self._started.is_set():
            raise RuntimeError('threads can only be started once')
        raise RuntimeError("can't start new thread")

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError('Thread.__init__() not called')
        if not self._started.is_set():
            raise RuntimeError('cannot join thread before it is started')
        if self is current_thread():
            raise RuntimeError('cannot join current thread')

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._ident

    def is_alive(self):
        return self._started.is_set()

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if self._started.is_set():
            raise RuntimeError('cannot set daemon status of active thread')
        self._daemonic = daemonic

    def isDaemon(self):
        return self._daemonic

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self._name

    def setName(self, name):
        self.name = name


class _MainThread(Thread):

    def __init__(self):
        self._target = None
        self._args = ()
        self._kwargs = {}
        self._name = 'MainThread'
        self._daemonic = False
        self._ident = _MAIN_IDENT
        self._started = Event()
        self._started.set()
        self._initialized = True


_main_thread = _MainThread()


class Timer(Thread):
    """Calls \`function\` after \`interval\` seconds, in a thread of its own."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()


def current_thread():
    return _main_thread


def main_thread():
    return _main_thread


def active_count():
    return 1


def enumerate():
    return [_main_thread]


def excepthook(args):
    import sys
    import traceback
    print(f'Exception in thread {args.thread.name if args.thread else None}:', file=sys.stderr)
    traceback.print_exception(args.exc_type, args.exc_value, args.exc_traceback, file=sys.stderr)


__excepthook__ = excepthook
`;

/**
 * `import threading`.
 *
 * @example
 * ```ts
 * interpreter.run("import threading\nwith threading.Lock():\n    print('held')");
 * ```
 */
export const threadingModule = pythonSourceModule("threading", THREADING_SOURCE);
