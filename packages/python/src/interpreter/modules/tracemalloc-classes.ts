/**
 * The part of Python's `tracemalloc` written in Python (our own source, run by the interpreter
 * at import) over the natives of tracemalloc-module.ts: the functions, `Frame`, `Traceback`,
 * `Trace`, `Statistic`, `StatisticDiff`, `Snapshot` (grouping by line, file or traceback,
 * cumulative or not, `compare_to`, `filter_traces`), `Filter` with shell-style patterns and
 * `DomainFilter`. Output (`str`, `repr`, sizes in B/KiB/MiB, sort order) is CPython 3.13's.
 *
 * @module
 */

/** The Python source. */
export const TRACEMALLOC_SOURCE = `
def _is_slice(index):
    return type(index).__name__ == "slice"


def _format_size(size, sign):
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if abs(size) < 100 and unit != "B":
            return f"{size:+.1f} {unit}" if sign else f"{size:.1f} {unit}"
        if abs(size) < 10 * 1024 or unit == "TiB":
            return f"{size:+.0f} {unit}" if sign else f"{size:.0f} {unit}"
        size /= 1024


def _int_argument(value):
    if not isinstance(value, int):
        raise TypeError("'" + type(value).__name__ + "' object cannot be interpreted as an integer")
    return value


def start(nframe=1):
    _start(_int_argument(nframe))


def stop():
    _stop()


def is_tracing():
    return _is_tracing()


def get_traced_memory():
    return _traced_memory()


def reset_peak():
    _reset_peak()


def clear_traces():
    _clear_traces()


def get_traceback_limit():
    return _traceback_limit()


def get_object_traceback(obj):
    found = _object_traceback(obj)
    if found is None:
        return None
    return Traceback(found[0], found[1])


def take_snapshot():
    if not is_tracing():
        raise RuntimeError("the tracemalloc module must be tracing memory "
                           "allocations to take a snapshot")
    return Snapshot(_traces(), get_traceback_limit())


class Frame:
    """One frame of a traceback: a file name and a line number."""

    __slots__ = ("_frame",)

    def __init__(self, frame):
        self._frame = frame

    @property
    def filename(self):
        return self._frame[0]

    @property
    def lineno(self):
        return self._frame[1]

    def __eq__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame == other._frame

    def __lt__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame < other._frame

    def __le__(self, other):
        return self == other or self < other

    def __gt__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return other._frame < self._frame

    def __ge__(self, other):
        return self == other or self > other

    def __hash__(self):
        return hash(self._frame)

    def __str__(self):
        return str(self.filename) + ":" + str(self.lineno)

    def __repr__(self):
        return "<Frame filename=" + repr(self.filename) + " lineno=" + repr(self.lineno) + ">"


class Traceback:
    """A sequence of Frame objects, oldest first (most recent call last)."""

    __slots__ = ("_frames", "_total_nframe")

    def __init__(self, frames, total_nframe=None):
        self._frames = tuple(reversed(frames))
        self._total_nframe = total_nframe

    @property
    def total_nframe(self):
        return self._total_nframe

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, index):
        if _is_slice(index):
            return tuple(Frame(trace) for trace in self._frames[index])
        return Frame(self._frames[index])

    def __iter__(self):
        for frame in self._frames:
            yield Frame(frame)

    def __contains__(self, frame):
        return frame._frame in self._frames

    def __hash__(self):
        return hash(self._frames)

    def __eq__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames == other._frames

    def __lt__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames < other._frames

    def __le__(self, other):
        return self == other or self < other

    def __gt__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return other._frames < self._frames

    def __ge__(self, other):
        return self == other or self > other

    def __str__(self):
        return str(self[0])

    def __repr__(self):
        text = "<Traceback " + repr(tuple(self))
        if self._total_nframe is None:
            return text + ">"
        return text + " total_nframe=" + str(self._total_nframe) + ">"

    def format(self, limit=None, most_recent_first=False):
        frames = list(self)
        if limit is not None:
            frames = frames[-limit:] if limit > 0 else frames[:limit]
        if most_recent_first:
            frames.reverse()
        lines = []
        for frame in frames:
            lines.append('  File "' + str(frame.filename) + '", line ' + str(frame.lineno))
            line = _source_line(frame.filename, frame.lineno).strip()
            if line:
                lines.append("    " + line)
        return lines


class Trace:
    """One traced memory block: its domain, size and traceback."""

    __slots__ = ("_trace",)

    def __init__(self, trace):
        self._trace = trace

    @property
    def domain(self):
        return self._trace[0]

    @property
    def size(self):
        return self._trace[1]

    @property
    def traceback(self):
        return Traceback(self._trace[2], self._trace[3])

    def __eq__(self, other):
        if not isinstance(other, Trace):
            return NotImplemented
        return self._trace == other._trace

    def __hash__(self):
        return hash(self._trace)

    def __str__(self):
        return str(self.traceback) + ": " + _format_size(self.size, False)

    def __repr__(self):
        return ("<Trace domain=" + str(self.domain) + " size=" + _format_size(self.size, False)
                + ", traceback=" + repr(self.traceback) + ">")


class _Traces:
    """The traces of a snapshot, as a sequence of Trace objects."""

    def __init__(self, traces):
        self._traces = traces

    def __len__(self):
        return len(self._traces)

    def __getitem__(self, index):
        if _is_slice(index):
            return tuple(Trace(trace) for trace in self._traces[index])
        return Trace(self._traces[index])

    def __iter__(self):
        for trace in self._traces:
            yield Trace(trace)

    def __contains__(self, trace):
        return trace._trace in self._traces

    def __eq__(self, other):
        return self._traces == other._traces

    def __repr__(self):
        return "<Traces len=" + str(len(self)) + ">"


class Statistic:
    """Memory allocated at one traceback (or line, or file): total size and block count."""

    __slots__ = ("traceback", "size", "count")

    def __init__(self, traceback, size, count):
        self.traceback = traceback
        self.size = size
        self.count = count

    def __hash__(self):
        return hash((self.traceback, self.size, self.count))

    def __eq__(self, other):
        if not isinstance(other, Statistic):
            return NotImplemented
        return (self.traceback == other.traceback and self.size == other.size
                and self.count == other.count)

    def __str__(self):
        text = (str(self.traceback) + ": size=" + _format_size(self.size, False)
                + ", count=" + str(self.count))
        if self.count:
            text += ", average=" + _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return ("<Statistic traceback=" + repr(self.traceback) + " size=" + str(self.size)
                + " count=" + str(self.count) + ">")

    def _sort_key(self):
        return (self.size, self.count, self.traceback)


class StatisticDiff:
    """The difference of one statistic between an old and a new snapshot."""

    __slots__ = ("traceback", "size", "size_diff", "count", "count_diff")

    def __init__(self, traceback, size, size_diff, count, count_diff):
        self.traceback = traceback
        self.size = size
        self.size_diff = size_diff
        self.count = count
        self.count_diff = count_diff

    def __hash__(self):
        return hash((self.traceback, self.size, self.size_diff, self.count, self.count_diff))

    def __eq__(self, other):
        if not isinstance(other, StatisticDiff):
            return NotImplemented
        return (self.traceback == other.traceback and self.size == other.size
                and self.size_diff == other.size_diff and self.count == other.count
                and self.count_diff == other.count_diff)

    def __str__(self):
        text = (str(self.traceback) + ": size=" + _format_size(self.size, False)
                + " (" + _format_size(self.size_diff, True) + "), count=" + str(self.count)
                + f" ({self.count_diff:+d})")
        if self.count:
            text += ", average=" + _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return ("<StatisticDiff traceback=" + repr(self.traceback) + " size=" + str(self.size)
                + " (" + f"{self.size_diff:+d}" + ") count=" + str(self.count)
                + " (" + f"{self.count_diff:+d}" + ")>")

    def _sort_key(self):
        return (abs(self.size_diff), self.size, abs(self.count_diff), self.count, self.traceback)


def _statistic_sort_key(statistic):
    return statistic._sort_key()


def _glob_class(pattern, start, char):
    """Matches char against the [...] class at pattern[start]: (matched, end) or None."""
    index = start + 1
    negate = index < len(pattern) and pattern[index] == "!"
    if negate:
        index += 1
    first = index
    matched = False
    while index < len(pattern) and (pattern[index] != "]" or index == first):
        low = pattern[index]
        if index + 2 < len(pattern) and pattern[index + 1] == "-" and pattern[index + 2] != "]":
            high = pattern[index + 2]
            index += 3
        else:
            high = low
            index += 1
        if low <= char <= high:
            matched = True
    if index >= len(pattern):
        return None
    return (matched != negate, index + 1)


def _glob_match(name, pattern):
    """fnmatch.fnmatchcase: * any run, ? one character, [seq] / [!seq] classes."""
    n = 0
    p = 0
    star_p = -1
    star_n = 0
    while n < len(name):
        if p < len(pattern) and pattern[p] == "*":
            star_p = p
            star_n = n
            p += 1
            continue
        if p < len(pattern):
            token = pattern[p]
            if token == "?":
                n += 1
                p += 1
                continue
            if token == "[":
                found = _glob_class(pattern, p, name[n])
                if found is None:
                    if name[n] == "[":
                        n += 1
                        p += 1
                        continue
                elif found[0]:
                    n += 1
                    p = found[1]
                    continue
            elif token == name[n]:
                n += 1
                p += 1
                continue
        if star_p < 0:
            return False
        star_n += 1
        n = star_n
        p = star_p + 1
    while p < len(pattern) and pattern[p] == "*":
        p += 1
    return p == len(pattern)


def _normalize_filename(filename):
    if filename.endswith(".pyc"):
        return filename[:-1]
    return filename


class BaseFilter:
    def __init__(self, inclusive):
        self.inclusive = inclusive


class Filter(BaseFilter):
    """Keeps (inclusive) or drops traces whose frame matches a file name pattern and line."""

    def __init__(self, inclusive, filename_pattern, lineno=None, all_frames=False, domain=None):
        BaseFilter.__init__(self, inclusive)
        self._filename_pattern = _normalize_filename(filename_pattern)
        self.lineno = lineno
        self.all_frames = all_frames
        self.domain = domain

    @property
    def filename_pattern(self):
        return self._filename_pattern

    def _match_frame_impl(self, filename, lineno):
        filename = _normalize_filename(filename)
        if not _glob_match(filename, self._filename_pattern):
            return False
        if self.lineno is None:
            return True
        return lineno == self.lineno

    def _match_frame(self, filename, lineno):
        return self._match_frame_impl(filename, lineno) ^ (not self.inclusive)

    def _match_traceback(self, traceback):
        if self.all_frames:
            if any(self._match_frame_impl(filename, lineno) for filename, lineno in traceback):
                return self.inclusive
            return not self.inclusive
        filename, lineno = traceback[0]
        return self._match_frame(filename, lineno)

    def _match(self, trace):
        domain, size, traceback, total_nframe = trace
        result = self._match_traceback(traceback)
        if self.domain is not None:
            if self.inclusive:
                return result and domain == self.domain
            return result or domain != self.domain
        return result


class DomainFilter(BaseFilter):
    """Keeps (inclusive) or drops the traces of one address-space domain."""

    def __init__(self, inclusive, domain):
        BaseFilter.__init__(self, inclusive)
        self._domain = domain

    @property
    def domain(self):
        return self._domain

    def _match(self, trace):
        domain, size, traceback, total_nframe = trace
        return (domain == self.domain) ^ (not self.inclusive)


class Snapshot:
    """The traces of all memory blocks allocated by Python code at one moment."""

    def __init__(self, traces, traceback_limit):
        self.traces = _Traces(traces)
        self.traceback_limit = traceback_limit

    def _filter_trace(self, include_filters, exclude_filters, trace):
        if include_filters:
            if not any(trace_filter._match(trace) for trace_filter in include_filters):
                return False
        if exclude_filters:
            if any(not trace_filter._match(trace) for trace_filter in exclude_filters):
                return False
        return True

    def filter_traces(self, filters):
        try:
            iter(filters)
        except TypeError:
            raise TypeError("filters must be a list of filters, not " + type(filters).__name__) from None
        if filters:
            include_filters = [f for f in filters if f.inclusive]
            exclude_filters = [f for f in filters if not f.inclusive]
            new_traces = [trace for trace in self.traces._traces
                          if self._filter_trace(include_filters, exclude_filters, trace)]
        else:
            new_traces = list(self.traces._traces)
        return Snapshot(new_traces, self.traceback_limit)

    def _group_by(self, key_type, cumulative):
        if key_type not in ("traceback", "filename", "lineno"):
            raise ValueError("unknown key_type: " + repr(key_type))
        if cumulative and key_type not in ("lineno", "filename"):
            raise ValueError("cumulative mode cannot by used with key type " + repr(key_type))
        stats = {}
        tracebacks = {}
        if not cumulative:
            for domain, size, trace_traceback, total_nframe in self.traces._traces:
                traceback = tracebacks.get(trace_traceback)
                if traceback is None:
                    if key_type == "traceback":
                        frames = trace_traceback
                    elif key_type == "lineno":
                        frames = trace_traceback[:1]
                    else:
                        frames = ((trace_traceback[0][0], 0),)
                    traceback = Traceback(frames)
                    tracebacks[trace_traceback] = traceback
                stat = stats.get(traceback)
                if stat is None:
                    stats[traceback] = Statistic(traceback, size, 1)
                else:
                    stat.size += size
                    stat.count += 1
        else:
            for domain, size, trace_traceback, total_nframe in self.traces._traces:
                for frame in trace_traceback:
                    traceback = tracebacks.get(frame)
                    if traceback is None:
                        if key_type == "lineno":
                            frames = (frame,)
                        else:
                            frames = ((frame[0], 0),)
                        traceback = Traceback(frames)
                        tracebacks[frame] = traceback
                    stat = stats.get(traceback)
                    if stat is None:
                        stats[traceback] = Statistic(traceback, size, 1)
                    else:
                        stat.size += size
                        stat.count += 1
        return stats

    def statistics(self, key_type, cumulative=False):
        grouped = self._group_by(key_type, cumulative)
        statistics = list(grouped.values())
        statistics.sort(reverse=True, key=_statistic_sort_key)
        return statistics

    def compare_to(self, old_snapshot, key_type, cumulative=False):
        new_group = self._group_by(key_type, cumulative)
        old_group = old_snapshot._group_by(key_type, cumulative)
        statistics = []
        for traceback, stat in new_group.items():
            previous = old_group.pop(traceback, None)
            if previous is not None:
                statistics.append(StatisticDiff(traceback, stat.size, stat.size - previous.size,
                                                stat.count, stat.count - previous.count))
            else:
                statistics.append(StatisticDiff(traceback, stat.size, stat.size,
                                                stat.count, stat.count))
        for traceback, stat in old_group.items():
            statistics.append(StatisticDiff(traceback, 0, -stat.size, 0, -stat.count))
        statistics.sort(reverse=True, key=_statistic_sort_key)
        return statistics
`;
