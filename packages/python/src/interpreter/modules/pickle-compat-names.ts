/**
 * The Python 2 names pickles of protocols 0-2 use for Python 3 globals, both ways (`fix_imports`):
 * pymem's table of the entries CPython's `_compat_pickle` has for the modules pymem provides.
 *
 * @module
 */

/**
 * Python source, run as part of the pickle module.
 *
 * @example
 * ```ts
 * const source = PICKLE_HEAD + PICKLE_COMPAT_NAMES_SOURCE + PICKLE_FUNCTIONS; // pickle-module.ts
 * ```
 */
export const PICKLE_COMPAT_NAMES_SOURCE = `# Python 2 names of the Python 3 globals pickles of protocol 0-2 name (fix_imports), and back.
_NAMES_3TO2 = {
    ('builtins', 'range'): ('__builtin__', 'xrange'),
    ('functools', 'reduce'): ('__builtin__', 'reduce'),
    ('builtins', 'chr'): ('__builtin__', 'unichr'),
    ('builtins', 'str'): ('__builtin__', 'unicode'),
    ('builtins', 'int'): ('__builtin__', 'long'),
    ('builtins', 'zip'): ('itertools', 'izip'),
    ('builtins', 'map'): ('itertools', 'imap'),
    ('builtins', 'filter'): ('itertools', 'ifilter'),
    ('itertools', 'filterfalse'): ('itertools', 'ifilterfalse'),
    ('itertools', 'zip_longest'): ('itertools', 'izip_longest'),
    ('collections', 'UserDict'): ('UserDict', 'IterableUserDict'),
    ('collections', 'UserList'): ('UserList', 'UserList'),
    ('collections', 'UserString'): ('UserString', 'UserString'),
}
for _name in ('ArithmeticError', 'AssertionError', 'AttributeError', 'BaseException',
              'BufferError', 'BytesWarning', 'DeprecationWarning', 'EOFError',
              'EnvironmentError', 'Exception', 'FloatingPointError', 'FutureWarning',
              'GeneratorExit', 'IOError', 'ImportError', 'ImportWarning', 'IndentationError',
              'IndexError', 'KeyError', 'KeyboardInterrupt', 'LookupError', 'MemoryError',
              'NameError', 'NotImplementedError', 'OSError', 'OverflowError',
              'PendingDeprecationWarning', 'ReferenceError', 'RuntimeError', 'RuntimeWarning',
              'StopIteration', 'SyntaxError', 'SyntaxWarning', 'SystemError', 'SystemExit',
              'TabError', 'TypeError', 'UnboundLocalError', 'UnicodeDecodeError',
              'UnicodeEncodeError', 'UnicodeError', 'UnicodeTranslateError', 'UnicodeWarning',
              'UserWarning', 'ValueError', 'Warning', 'ZeroDivisionError'):
    _NAMES_3TO2[('builtins', _name)] = ('exceptions', _name)
for _name in ('BrokenPipeError', 'ChildProcessError', 'ConnectionAbortedError',
              'ConnectionError', 'ConnectionRefusedError', 'ConnectionResetError',
              'FileExistsError', 'FileNotFoundError', 'InterruptedError', 'IsADirectoryError',
              'NotADirectoryError', 'PermissionError', 'ProcessLookupError', 'TimeoutError'):
    _NAMES_3TO2[('builtins', _name)] = ('exceptions', 'OSError')
_NAMES_3TO2[('builtins', 'ModuleNotFoundError')] = ('exceptions', 'ImportError')
_MODULES_3TO2 = {'builtins': '__builtin__', 'copyreg': 'copy_reg', 'queue': 'Queue',
                 '_pickle': 'pickle'}

_NAMES_2TO3 = {}
for _key, _value in _NAMES_3TO2.items():
    if _value[0] != 'exceptions' or _value[1] == _key[1]:
        _NAMES_2TO3[_value] = _key
_NAMES_2TO3[('__builtin__', 'basestring')] = ('builtins', 'str')
_NAMES_2TO3[('exceptions', 'StandardError')] = ('builtins', 'Exception')
_NAMES_2TO3[('UserDict', 'UserDict')] = ('collections', 'UserDict')
_NAMES_2TO3[('socket', '_socketobject')] = ('socket', 'SocketType')
_MODULES_2TO3 = {'__builtin__': 'builtins', 'copy_reg': 'copyreg', 'Queue': 'queue',
                 'cPickle': 'pickle', '_elementtree': 'xml.etree.ElementTree',
                 'cStringIO': 'io', 'StringIO': 'io', 'UserList': 'collections',
                 'UserString': 'collections', 'whichdb': 'dbm', 'exceptions': 'builtins'}


`;
