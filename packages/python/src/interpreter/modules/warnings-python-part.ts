/**
 * The part of `warnings` written in Python that pymem runs at import (pymem's own source, not
 * CPython's Lib/warnings.py): the filter list with CPython 3.13's defaults, the per-module
 * `__warningregistry__` and the `once` registry, `warn` / `warn_explicit`, the
 * `showwarning` / `formatwarning` hooks, `catch_warnings` and `deprecated`. Its globals start
 * with the natives of warnings-module.ts (`_frame`, `_source_line`, `_finalizing`).
 *
 * @module
 */

/**
 * The Python source of `warnings`' Python part.
 *
 * @internal
 */
export const WARNINGS_SOURCE = `# pymem's warnings module, written for pymem in Python (not CPython's Lib/warnings.py).
import sys

__all__ = ['warn', 'warn_explicit', 'showwarning', 'formatwarning', 'filterwarnings',
           'simplefilter', 'resetwarnings', 'catch_warnings', 'deprecated']

_ACTIONS = ('error', 'ignore', 'always', 'all', 'default', 'module', 'once')

# CPython 3.13's defaults (release build, no -W options): a plain str module entry must equal
# the module name exactly, as the C filters' entries do.
filters = [
    ('default', None, DeprecationWarning, '__main__', 0),
    ('ignore', None, DeprecationWarning, None, 0),
    ('ignore', None, PendingDeprecationWarning, None, 0),
    ('ignore', None, ImportWarning, None, 0),
    ('ignore', None, ResourceWarning, None, 0),
]
defaultaction = 'default'
onceregistry = {}
_filters_version = 1


def _filters_mutated():
    # Every registry records the version it was filled under and is emptied when it changes.
    global _filters_version
    _filters_version += 1


def _check_action(action):
    if action not in _ACTIONS:
        raise ValueError('invalid action: %r' % (action,))


def _is_warning_class(category):
    return isinstance(category, type) and issubclass(category, Warning)


def _add_filter(*item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _filters_mutated()


def filterwarnings(action, message='', category=Warning, module='', lineno=0, append=False):
    """Insert an entry into the list of warnings filters (at the front)."""
    _check_action(action)
    if not isinstance(message, str):
        raise TypeError('message must be a string')
    if not _is_warning_class(category):
        raise TypeError('category must be a Warning subclass')
    if not isinstance(module, str):
        raise TypeError('module must be a string')
    if not isinstance(lineno, int) or lineno < 0:
        raise ValueError('lineno must be an int >= 0')
    if message or module:
        import re
    message = re.compile(message, re.I) if message else None
    module = re.compile(module) if module else None
    _add_filter(action, message, category, module, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a simple entry into the list of warnings filters (at the front)."""
    _check_action(action)
    if not isinstance(lineno, int) or lineno < 0:
        raise ValueError('lineno must be an int >= 0')
    _add_filter(action, None, category, None, lineno, append=append)


def resetwarnings():
    """Clear the list of warning filters, so that no filters are active."""
    filters[:] = []
    _filters_mutated()


class WarningMessage(object):

    _WARNING_DETAILS = ('message', 'category', 'filename', 'lineno', 'file', 'line', 'source')

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ('{message : %r, category : %r, filename : %r, lineno : %s, line : %r}'
                % (self.message, self._category_name, self.filename, self.lineno, self.line))


def _matches(pattern, text):
    # CPython: check_matched() — None matches anything, a plain str only itself.
    if pattern is None:
        return True
    if isinstance(pattern, str):
        return pattern == text
    return bool(pattern.match(text))


def _allocation_note(msg):
    # Where a warning's source object was allocated (tracemalloc), or the hint to trace it.
    if msg.source is None or _finalizing():
        return ''
    import tracemalloc
    if not tracemalloc.is_tracing():
        return '%s: Enable tracemalloc to get the object allocation traceback\\n' % msg.category.__name__
    traceback = tracemalloc.get_object_traceback(msg.source)
    if traceback is None:
        return ''
    note = 'Object allocated at (most recent call last):\\n'
    for frame in traceback:
        note += '  File "%s", lineno %s\\n' % (frame.filename, frame.lineno)
        line = _source_line(frame.filename, frame.lineno).strip()
        if line:
            note += '    %s\\n' % line
    return note


def _formatwarnmsg_impl(msg):
    text = '%s:%s: %s: %s\\n' % (msg.filename, msg.lineno, msg.category.__name__, msg.message)
    line = msg.line
    if line is None:
        line = _source_line(msg.filename, msg.lineno)
    line = line.strip()
    if line:
        text += '  %s\\n' % line
    return text + _allocation_note(msg)


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            return
    try:
        file.write(_formatwarnmsg(msg))
    except OSError:
        pass


def formatwarning(message, category, filename, lineno, line=None):
    """Function to format a warning the standard way."""
    return _formatwarnmsg_impl(WarningMessage(message, category, filename, lineno, None, line))


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Hook to write a warning to a file; replace if you like."""
    _showwarnmsg_impl(WarningMessage(message, category, filename, lineno, file, line))


_showwarning_orig = showwarning
_formatwarning_orig = formatwarning


def _formatwarnmsg(msg):
    if formatwarning is not _formatwarning_orig:
        return formatwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    return _formatwarnmsg_impl(msg)


def _showwarnmsg(msg):
    if showwarning is not _showwarning_orig:
        if not callable(showwarning):
            raise TypeError('warnings.showwarning() must be set to a function or method')
        showwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


def warn(message, category=None, stacklevel=1, source=None, *, skip_file_prefixes=()):
    """Issue a warning, or maybe ignore it or raise an exception."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not _is_warning_class(category):
        raise TypeError('category must be a Warning subclass, not %r' % type(category).__name__)
    if not isinstance(skip_file_prefixes, tuple):
        raise TypeError('skip_file_prefixes must be a tuple of strs')
    if skip_file_prefixes:
        stacklevel = max(2, stacklevel)
    # Frame 0 is warn() itself, 1 its caller; each further level goes one frame out, past the
    # frames whose file starts with one of skip_file_prefixes (CPython: setup_context()).
    level = 1
    for _ in range(stacklevel - 1):
        level += 1
        if skip_file_prefixes:
            while (frame := _frame(level)) is not None and frame[0].startswith(skip_file_prefixes):
                level += 1
    frame = _frame(level)
    if frame is None:
        filename, lineno, globals = '<sys>', 0, sys.__dict__
    else:
        filename, lineno, globals = frame
    module = globals.get('__name__', '<string>')
    registry = globals.setdefault('__warningregistry__', {})
    warn_explicit(message, category, filename, lineno, module, registry, globals, source)


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    """Low-level interface to warnings functionality."""
    lineno = int(lineno)
    if module is None:
        module = filename or '<unknown>'
        if module[-3:].lower() == '.py':
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get('version', 0) != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    for item in filters:
        action, pattern, filter_category, filter_module, filter_lineno = item
        if (_matches(pattern, text) and issubclass(category, filter_category)
                and _matches(filter_module, module)
                and (filter_lineno == 0 or lineno == filter_lineno)):
            break
    else:
        action = defaultaction
    if action == 'ignore':
        return
    if action == 'error':
        raise message
    if action == 'once':
        registry[key] = 1
        once_key = (text, category)
        if onceregistry.get(once_key):
            return
        onceregistry[once_key] = 1
    elif action in ('always', 'all'):
        pass
    elif action == 'module':
        registry[key] = 1
        module_key = (text, category, 0)
        if registry.get(module_key):
            return
        registry[module_key] = 1
    elif action == 'default':
        registry[key] = 1
    else:
        raise RuntimeError('Unrecognized action (%r) in warnings.filters:\\n %s' % (action, item))
    _showwarnmsg(WarningMessage(message, category, filename, lineno, None, None, source))


class catch_warnings(object):
    """A context manager that copies and restores the warnings filter upon exiting the context."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0,
                 append=False):
        self._record = record
        self._module = sys.modules['warnings'] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append('record=True')
        if self._module is not sys.modules['warnings']:
            args.append('module=%r' % self._module)
        return '%s(%s)' % (type(self).__name__, ', '.join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError('Cannot enter %r twice' % self)
        self._entered = True
        module = self._module
        self._saved_filters = module.filters
        module.filters = self._saved_filters[:]
        module._filters_mutated()
        self._saved_showwarning = module.showwarning
        self._saved_showwarnmsg_impl = module._showwarnmsg_impl
        if self._filter is not None:
            module.simplefilter(*self._filter)
        if self._record:
            log = []
            module._showwarnmsg_impl = log.append
            module.showwarning = module._showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError('Cannot exit %r without entering first' % self)
        module = self._module
        module.filters = self._saved_filters
        module._filters_mutated()
        module.showwarning = self._saved_showwarning
        module._showwarnmsg_impl = self._saved_showwarnmsg_impl


class deprecated:
    """Indicate that a class, function or overload is deprecated (PEP 702)."""

    def __init__(self, message, /, *, category=DeprecationWarning, stacklevel=1):
        if not isinstance(message, str):
            raise TypeError('Expected an object of type str for \\'message\\', not %r'
                            % type(message).__name__)
        self.message = message
        self.category = category
        self.stacklevel = stacklevel

    def __call__(self, arg, /):
        message = self.message
        category = self.category
        stacklevel = self.stacklevel
        if category is None:
            arg.__deprecated__ = message
            return arg
        if isinstance(arg, type):
            original_new = arg.__new__

            def __new__(cls, *args, **kwargs):
                if cls is arg:
                    warn(message, category=category, stacklevel=stacklevel + 1)
                if original_new is not object.__new__:
                    return original_new(cls, *args, **kwargs)
                return original_new(cls)

            arg.__new__ = staticmethod(__new__)
            arg.__deprecated__ = __new__.__deprecated__ = message
            return arg
        if callable(arg):
            def wrapper(*args, **kwargs):
                warn(message, category=category, stacklevel=stacklevel + 1)
                return arg(*args, **kwargs)

            for name in ('__module__', '__name__', '__qualname__', '__doc__'):
                try:
                    setattr(wrapper, name, getattr(arg, name))
                except AttributeError:
                    pass
            wrapper.__wrapped__ = arg
            arg.__deprecated__ = wrapper.__deprecated__ = message
            return wrapper
        raise TypeError('@deprecated decorator with non-None category must be applied to '
                        'a class or callable, not %r' % (arg,))


class _OptionError(Exception):
    """A -W option or PYTHONWARNINGS entry that cannot become a filter."""


def _action_from_option(text):
    # An empty action means 'default'; any prefix names the first action it starts, in this order.
    if not text:
        return 'default'
    for action in ('default', 'always', 'all', 'ignore', 'module', 'once', 'error'):
        if action.startswith(text):
            return action
    raise _OptionError('invalid action: %r' % (text,))


def _category_from_option(text):
    if not text:
        return Warning
    if '.' in text:
        module_name, _, class_name = text.rpartition('.')
        try:
            module = __import__(module_name, None, None, [class_name])
        except ImportError:
            raise _OptionError('invalid module name: %r' % (module_name,)) from None
    else:
        import builtins as module
        class_name = text
    try:
        category = getattr(module, class_name)
    except AttributeError:
        raise _OptionError('unknown warning category: %r' % (text,)) from None
    if not issubclass(category, Warning):
        raise _OptionError('invalid warning category: %r' % (text,))
    return category


def _filter_from_option(option):
    # action:message:category:module:lineno, each part optional; message and module match
    # literally (escaped), the module as a whole name.
    parts = option.split(':')
    if len(parts) > 5:
        raise _OptionError('too many fields (max 5): %r' % (option,))
    parts = [part.strip() for part in parts] + [''] * (5 - len(parts))
    action, message, category, module, lineno = parts
    action = _action_from_option(action)
    category = _category_from_option(category)
    if message or module:
        import re
        message = re.escape(message) if message else message
        module = re.escape(module) + r'\\Z' if module else module
    if lineno:
        try:
            lineno = int(lineno)
            if lineno < 0:
                raise ValueError
        except (ValueError, OverflowError):
            raise _OptionError('invalid lineno %r' % (lineno,)) from None
    else:
        lineno = 0
    filterwarnings(action, message, category, module, lineno)


def _process_warn_options(options):
    # CPython: warnings._processoptions at start-up. Each option goes to the front of the
    # filters, so a later one takes precedence; an invalid one is reported and skipped.
    for option in options:
        try:
            _filter_from_option(option)
        except _OptionError as error:
            print('Invalid -W option ignored:', error, file=sys.stderr)


_process_warn_options(sys.warnoptions)


def _warn_unawaited_coroutine(coro):
    # The interpreter calls this when a coroutine dies before it ever ran (CPython:
    # _PyErr_WarnUnawaitedCoroutine); stacklevel 2 is the code that dropped it.
    warn("coroutine '%s' was never awaited" % (coro.__qualname__,), RuntimeWarning,
         stacklevel=2, source=coro)
`;
