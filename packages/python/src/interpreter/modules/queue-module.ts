import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `queue`, written in Python that pymem runs at import (pymem's own source, not
 * CPython's Lib/queue.py): `Queue`, `LifoQueue`, `PriorityQueue`, `SimpleQueue`, `Empty`, `Full`
 * and `ShutDown`, with task counting and `shutdown`. pymem runs one thread, so a call that would
 * wait for another thread forever (a blocking `get` on an empty queue without a timeout, a
 * `put` on a full one, `join` with unfinished tasks) raises RuntimeError instead of hanging; a
 * wait with a timeout sleeps it and raises Empty or Full, as CPython would.
 *
 * @module
 */

/** The module's Python source, run at import. */
const QUEUE_SOURCE = String.raw`# pymem's queue, written for pymem in Python (not CPython's Lib/queue.py). pymem runs one thread,
# so a call that would wait for another thread to put, get or finish a task could never return:
# it raises RuntimeError instead of hanging. A wait with a timeout sleeps it out, as CPython would.
import time as _time
from collections import deque as _deque
from heapq import heappop as _heappop, heappush as _heappush
from types import GenericAlias

__all__ = ['Empty', 'Full', 'ShutDown', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'
    pass


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'
    pass


class ShutDown(Exception):
    '''Raised when put/get with shut-down queue.'''


def _check_timeout(block, timeout):
    if block and timeout is not None and timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")


def _wait(block, timeout, error, what):
    # What a blocked call does when no other thread can ever wake it.
    if not block:
        raise error
    if timeout is None:
        raise RuntimeError(what + ' would wait forever: pymem runs a single thread')
    _time.sleep(timeout)
    raise error


class Queue:
    '''Create a queue object with a given maximum size.

    If maxsize is <= 0, the queue size is infinite.
    '''

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.unfinished_tasks = 0
        self.is_shutdown = False

    def task_done(self):
        '''Indicate that a formerly enqueued task is complete.'''
        unfinished = self.unfinished_tasks - 1
        if unfinished < 0:
            raise ValueError('task_done() called too many times')
        self.unfinished_tasks = unfinished

    def join(self):
        '''Blocks until all items in the Queue have been gotten and processed.'''
        if self.unfinished_tasks:
            raise RuntimeError('Queue.join() would wait forever: pymem runs a single thread')

    def qsize(self):
        '''Return the approximate size of the queue (not reliable!).'''
        return self._qsize()

    def empty(self):
        '''Return True if the queue is empty, False otherwise (not reliable!).'''
        return not self._qsize()

    def full(self):
        '''Return True if the queue is full, False otherwise (not reliable!).'''
        return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        '''Put an item into the queue.'''
        if self.is_shutdown:
            raise ShutDown
        if self.maxsize > 0:
            _check_timeout(block, timeout)
        if 0 < self.maxsize <= self._qsize():
            _wait(block, timeout, Full, 'Queue.put()')
        self._put(item)
        self.unfinished_tasks += 1

    def get(self, block=True, timeout=None):
        '''Remove and return an item from the queue.'''
        if self.is_shutdown and not self._qsize():
            raise ShutDown
        _check_timeout(block, timeout)
        if not self._qsize():
            _wait(block, timeout, Empty, 'Queue.get()')
        return self._get()

    def put_nowait(self, item):
        '''Put an item into the queue without blocking.'''
        return self.put(item, block=False)

    def get_nowait(self):
        '''Remove and return an item from the queue without blocking.'''
        return self.get(block=False)

    def shutdown(self, immediate=False):
        '''Shut-down the queue, making queue gets and puts raise ShutDown.'''
        self.is_shutdown = True
        if immediate:
            while self._qsize():
                self._get()
                if self.unfinished_tasks > 0:
                    self.unfinished_tasks -= 1

    # The storage, overridden by the subclasses.
    def _init(self, maxsize):
        self.queue = _deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    __class_getitem__ = classmethod(GenericAlias)


class PriorityQueue(Queue):
    '''Variant of Queue that retrieves open entries in priority order (lowest first).'''

    def _init(self, maxsize):
        self.queue = []

    def _put(self, item):
        _heappush(self.queue, item)

    def _get(self):
        return _heappop(self.queue)


class LifoQueue(Queue):
    '''Variant of Queue that retrieves most recently added entries first.'''

    def _init(self, maxsize):
        self.queue = []

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    '''Simple, unbounded, reentrant FIFO queue.'''

    def __init__(self):
        self._queue = _deque()

    def put(self, item, block=True, timeout=None):
        '''Put the item on the queue.'''
        self._queue.append(item)

    def get(self, block=True, timeout=None):
        '''Remove and return an item from the queue.'''
        _check_timeout(block, timeout)
        if not self._queue:
            _wait(block, timeout, Empty, 'SimpleQueue.get()')
        return self._queue.popleft()

    def put_nowait(self, item):
        '''Put an item into the queue without blocking.'''
        return self.put(item, block=False)

    def get_nowait(self):
        '''Remove and return an item from the queue without blocking.'''
        return self.get(False)

    def empty(self):
        '''Return True if the queue is empty, False otherwise (not reliable!).'''
        return len(self._queue) == 0

    def qsize(self):
        '''Return the approximate size of the queue (not reliable!).'''
        return len(self._queue)

    __class_getitem__ = classmethod(GenericAlias)
`;

/**
 * `import queue`.
 *
 * @example
 * ```ts
 * interpreter.run("import queue\nq = queue.PriorityQueue()\nq.put(2)\nq.put(1)\nprint(q.get())"); // 1
 * ```
 */
export const queueModule = pythonSourceModule("queue", QUEUE_SOURCE, {
  SimpleQueue: "_queue.SimpleQueue",
});
