import { pythonSourceModule } from "./python-source-module.js";

/**
 * `logging.handlers`: the file handlers that rotate (`RotatingFileHandler` by size,
 * `TimedRotatingFileHandler` by time with its `when` units, `atTime`, `utc` and backup pruning),
 * `WatchedFileHandler` (reopens a file moved or removed under it, by device and inode),
 * `BufferingHandler` and `MemoryHandler`, and `QueueHandler` / `QueueListener` over `queue`,
 * written in Python that pymem runs at import (pymem's own source, not CPython's
 * Lib/logging/handlers.py). pymem has one thread, so a `QueueListener` handles what was queued
 * when it is stopped — a schedule CPython's listener thread may also take. The network handlers
 * (`SocketHandler`, `SysLogHandler`, `SMTPHandler`, `HTTPHandler`, …) are absent.
 *
 * @module
 */

/** The module's Python source, run at import. */
const LOGGING_HANDLERS_SOURCE = String.raw`# pymem's logging.handlers, written for pymem in Python (not CPython's Lib/logging/handlers.py).
import copy
import io
import logging
import os
import queue
import re
import time

_MIDNIGHT = 24 * 60 * 60


class BaseRotatingHandler(logging.FileHandler):
    """A FileHandler that may move its file aside (rotate) before a record is written."""
    namer = None
    rotator = None

    def __init__(self, filename, mode, encoding=None, delay=False, errors=None):
        logging.FileHandler.__init__(self, filename, mode=mode, encoding=encoding, delay=delay,
                                     errors=errors)
        self.mode = mode
        self.encoding = encoding
        self.errors = errors

    def emit(self, record):
        try:
            if self.shouldRollover(record):
                self.doRollover()
            logging.FileHandler.emit(self, record)
        except Exception:
            self.handleError(record)

    def rotation_filename(self, default_name):
        return default_name if not callable(self.namer) else self.namer(default_name)

    def rotate(self, source, dest):
        if callable(self.rotator):
            self.rotator(source, dest)
        elif os.path.exists(source):
            os.rename(source, dest)

    def _close_stream(self):
        if self.stream:
            self.stream.close()
            self.stream = None


def _regular_file_or_missing(path):
    # Only regular files are rotated (a device or pipe never is).
    return not os.path.exists(path) or os.path.isfile(path)


class RotatingFileHandler(BaseRotatingHandler):
    """Writes to a file until the next record would make it maxBytes long, then renames it to
    name.1 (name.1 to name.2, ..., keeping backupCount) and starts a new one."""

    def __init__(self, filename, mode='a', maxBytes=0, backupCount=0, encoding=None,
                 delay=False, errors=None):
        # Rotating by size appends: 'w' would empty the file each time it is reopened.
        if maxBytes > 0:
            mode = 'a'
        BaseRotatingHandler.__init__(self, filename, mode, encoding=encoding, delay=delay,
                                     errors=errors)
        self.maxBytes = maxBytes
        self.backupCount = backupCount

    def doRollover(self):
        self._close_stream()
        if self.backupCount > 0:
            # name.(n-1) -> name.n, ..., name.1 -> name.2, then name -> name.1.
            for index in range(self.backupCount - 1, 0, -1):
                source = self.rotation_filename('%s.%d' % (self.baseFilename, index))
                dest = self.rotation_filename('%s.%d' % (self.baseFilename, index + 1))
                if os.path.exists(source):
                    if os.path.exists(dest):
                        os.remove(dest)
                    os.rename(source, dest)
            dest = self.rotation_filename(self.baseFilename + '.1')
            if os.path.exists(dest):
                os.remove(dest)
            self.rotate(self.baseFilename, dest)
        if not self.delay:
            self.stream = self._open()

    def shouldRollover(self, record):
        if not _regular_file_or_missing(self.baseFilename):
            return False
        if self.stream is None:
            self.stream = self._open()
        if self.maxBytes <= 0:
            return False
        position = self.stream.tell()
        # An empty file is never rotated, however long the record.
        if not position:
            return False
        return position + len('%s\n' % self.format(record)) >= self.maxBytes


# Per 'when': seconds in one unit, the strftime suffix of rotated files, and its pattern.
_UNITS = {
    'S': (1, '%Y-%m-%d_%H-%M-%S', r'\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}'),
    'M': (60, '%Y-%m-%d_%H-%M', r'\d{4}-\d{2}-\d{2}_\d{2}-\d{2}'),
    'H': (60 * 60, '%Y-%m-%d_%H', r'\d{4}-\d{2}-\d{2}_\d{2}'),
    'D': (_MIDNIGHT, '%Y-%m-%d', r'\d{4}-\d{2}-\d{2}'),
    'MIDNIGHT': (_MIDNIGHT, '%Y-%m-%d', r'\d{4}-\d{2}-\d{2}'),
    'W': (_MIDNIGHT * 7, '%Y-%m-%d', r'\d{4}-\d{2}-\d{2}'),
}


class TimedRotatingFileHandler(BaseRotatingHandler):
    """Rotates the file every interval units of 'when' (S, M, H, D, MIDNIGHT, or W0-W6 for a
    weekday), naming the old file with the time its period began."""

    def __init__(self, filename, when='h', interval=1, backupCount=0, encoding=None,
                 delay=False, utc=False, atTime=None, errors=None):
        BaseRotatingHandler.__init__(self, filename, 'a', encoding=encoding, delay=delay,
                                     errors=errors)
        self.when = when.upper()
        self.backupCount = backupCount
        self.utc = utc
        self.atTime = atTime
        unit = self.when
        if unit.startswith('W'):
            if len(unit) != 2:
                raise ValueError('You must specify a day for weekly rollover from 0 to 6 '
                                 '(0 is Monday): %s' % self.when)
            if not '0' <= unit[1] <= '6':
                raise ValueError('Invalid day specified for weekly rollover: %s' % self.when)
            self.dayOfWeek = int(unit[1])
            unit = 'W'
        if unit not in _UNITS:
            raise ValueError('Invalid rollover interval specified: %s' % self.when)
        seconds, self.suffix, pattern = _UNITS[unit]
        # The suffix's digits must not run on into other digits of a name.
        self.extMatch = re.compile(r'(?<!\d)' + pattern + r'(?!\d)', re.ASCII)
        self.interval = seconds * interval
        if os.path.exists(self.baseFilename):
            start = int(os.stat(self.baseFilename).st_mtime)
        else:
            start = int(time.time())
        self.rolloverAt = self.computeRollover(start)

    def _time_tuple(self, t):
        return time.gmtime(t) if self.utc else time.localtime(t)

    def computeRollover(self, currentTime):
        if not (self.when == 'MIDNIGHT' or self.when.startswith('W')):
            return currentTime + self.interval
        now = self._time_tuple(currentTime)
        if self.atTime is None:
            rotate_at = _MIDNIGHT
        else:
            rotate_at = (self.atTime.hour * 60 + self.atTime.minute) * 60 + self.atTime.second
        # Seconds until the next rotation time of day (tomorrow's when today's has passed).
        left = rotate_at - ((now.tm_hour * 60 + now.tm_min) * 60 + now.tm_sec)
        weekday = now.tm_wday
        if left <= 0:
            left += _MIDNIGHT
            weekday = (weekday + 1) % 7
        result = currentTime + left
        if self.when.startswith('W'):
            if weekday != self.dayOfWeek:
                result += ((self.dayOfWeek - weekday) % 7) * _MIDNIGHT
            result += self.interval - _MIDNIGHT * 7
        else:
            result += self.interval - _MIDNIGHT
        if not self.utc:
            # Local time: a daylight-saving change before the rotation moves it by an hour.
            dst_now = now.tm_isdst
            if dst_now != time.localtime(result).tm_isdst:
                if not dst_now:
                    if time.localtime(result - 3600).tm_isdst:
                        result -= 3600
                elif not time.localtime(result + 3600).tm_isdst:
                    result += 3600
        return result

    def shouldRollover(self, record):
        now = int(time.time())
        if now < self.rolloverAt:
            return False
        if not _regular_file_or_missing(self.baseFilename):
            self.rolloverAt = self.computeRollover(now)
            return False
        return True

    def getFilesToDelete(self):
        directory, base = os.path.split(self.baseFilename)
        found = []
        for name in os.listdir(directory):
            if self.namer is None:
                prefix = base + '.'
                if name.startswith(prefix) and self.extMatch.fullmatch(name[len(prefix):]):
                    found.append(os.path.join(directory, name))
                continue
            # After a namer, any suffix in the name counts if the namer makes this name of it.
            match = self.extMatch.search(name)
            while match:
                if os.path.basename(self.namer(self.baseFilename + '.' + match[0])) == name:
                    found.append(os.path.join(directory, name))
                    break
                match = self.extMatch.search(name, match.start() + 1)
        if len(found) < self.backupCount:
            return []
        found.sort()
        return found[:len(found) - self.backupCount]

    def doRollover(self):
        now = int(time.time())
        began = self.rolloverAt - self.interval
        period = self._time_tuple(began)
        if not self.utc:
            dst_now = time.localtime(now).tm_isdst
            if dst_now != period.tm_isdst:
                period = time.localtime(began + (3600 if dst_now else -3600))
        dest = self.rotation_filename(self.baseFilename + '.' + time.strftime(self.suffix, period))
        if os.path.exists(dest):
            # Another handler rotated this period already.
            return
        self._close_stream()
        self.rotate(self.baseFilename, dest)
        if self.backupCount > 0:
            for old in self.getFilesToDelete():
                os.remove(old)
        if not self.delay:
            self.stream = self._open()
        self.rolloverAt = self.computeRollover(now)


class WatchedFileHandler(logging.FileHandler):
    """A FileHandler that reopens its file when the name no longer leads to the file it has
    open (moved, removed or replaced: another device or inode)."""

    def __init__(self, filename, mode='a', encoding=None, delay=False, errors=None):
        logging.FileHandler.__init__(self, filename, mode=mode, encoding=encoding, delay=delay,
                                     errors=errors)
        self.dev, self.ino = -1, -1
        self._statstream()

    def _statstream(self):
        if self.stream is None:
            return
        status = os.fstat(self.stream.fileno())
        self.dev, self.ino = status.st_dev, status.st_ino

    def reopenIfNeeded(self):
        try:
            status = os.stat(self.baseFilename)
        except FileNotFoundError:
            status = None
        if status is not None and status.st_dev == self.dev and status.st_ino == self.ino:
            return
        if self.stream is not None:
            self.stream.flush()
            self.stream.close()
            self.stream = None
        self.stream = self._open()
        self._statstream()

    def emit(self, record):
        self.reopenIfNeeded()
        logging.FileHandler.emit(self, record)


class BufferingHandler(logging.Handler):
    """Keeps records in a list and empties it (flush) once it holds capacity records."""

    def __init__(self, capacity):
        logging.Handler.__init__(self)
        self.capacity = capacity
        self.buffer = []

    def shouldFlush(self, record):
        return len(self.buffer) >= self.capacity

    def emit(self, record):
        self.buffer.append(record)
        if self.shouldFlush(record):
            self.flush()

    def flush(self):
        self.buffer.clear()

    def close(self):
        try:
            self.flush()
        finally:
            logging.Handler.close(self)


class MemoryHandler(BufferingHandler):
    """Buffers records and passes them to target when full or when one reaches flushLevel."""

    def __init__(self, capacity, flushLevel=logging.ERROR, target=None, flushOnClose=True):
        BufferingHandler.__init__(self, capacity)
        self.flushLevel = flushLevel
        self.target = target
        self.flushOnClose = flushOnClose

    def shouldFlush(self, record):
        return len(self.buffer) >= self.capacity or record.levelno >= self.flushLevel

    def setTarget(self, target):
        self.target = target

    def flush(self):
        if self.target:
            for record in self.buffer:
                self.target.handle(record)
            self.buffer.clear()

    def close(self):
        try:
            if self.flushOnClose:
                self.flush()
        finally:
            self.target = None
            BufferingHandler.close(self)


class QueueHandler(logging.Handler):
    """Puts each record, formatted and made picklable, on a queue."""

    def __init__(self, queue):
        logging.Handler.__init__(self)
        self.queue = queue
        self.listener = None

    def enqueue(self, record):
        self.queue.put_nowait(record)

    def prepare(self, record):
        # The message formatted once here; the copy carries it without args or exception.
        message = self.format(record)
        record = copy.copy(record)
        record.message = message
        record.msg = message
        record.args = None
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return record

    def emit(self, record):
        try:
            self.enqueue(self.prepare(record))
        except Exception:
            self.handleError(record)


class QueueListener(object):
    """Takes records off a queue and hands them to handlers. With one thread, what is queued
    is handled when the listener is stopped."""
    _sentinel = None

    def __init__(self, queue, *handlers, respect_handler_level=False):
        self.queue = queue
        self.handlers = handlers
        self._thread = None
        self.respect_handler_level = respect_handler_level

    def dequeue(self, block):
        return self.queue.get(block)

    def start(self):
        # Records are handled when stop() runs (a listener thread may be that slow too).
        self._thread = True

    def prepare(self, record):
        return record

    def handle(self, record):
        record = self.prepare(record)
        for handler in self.handlers:
            if not self.respect_handler_level or record.levelno >= handler.level:
                handler.handle(record)

    def _monitor(self):
        has_task_done = hasattr(self.queue, 'task_done')
        while True:
            try:
                record = self.dequeue(False)
            except queue.Empty:
                break
            if record is self._sentinel:
                if has_task_done:
                    self.queue.task_done()
                break
            self.handle(record)
            if has_task_done:
                self.queue.task_done()

    def enqueue_sentinel(self):
        self.queue.put_nowait(self._sentinel)

    def stop(self):
        if self._thread:
            self.enqueue_sentinel()
            self._monitor()
            self._thread = None
`;

/**
 * Builds `logging.handlers` the first time a script imports it (after `logging`).
 *
 * @example
 * ```ts
 * interpreter.run("import logging.handlers\nh = logging.handlers.RotatingFileHandler('app.log', maxBytes=1000)");
 * ```
 */
export const loggingHandlersModule = pythonSourceModule(
  "logging.handlers",
  LOGGING_HANDLERS_SOURCE,
);
