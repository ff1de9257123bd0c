import type { Ptr } from "@pymem/core";
import { PyException } from "../exceptions.js";
import type { NativeModuleFactory } from "../native.js";

/**
 * Python's `doctest`, written in Python (pymem's own source) on two natives: `_run_example`
 * runs one example's source in the REPL's mode (expression statements echo their repr) with its
 * output captured, and `_main_globals` gives the `__main__` module's dict. `testmod()` finds the
 * examples in the docstrings of the module and of its functions, classes and methods, runs each
 * docstring's examples in a fresh copy of the module's globals, compares the output as CPython's
 * `OutputChecker` does (`<BLANKLINE>`, True/1, `ELLIPSIS`, `NORMALIZE_WHITESPACE`, exception
 * messages after a `Traceback` header, `# doctest: +FLAG` directives), prints CPython's failure
 * report on stdout and returns `TestResults(failed, attempted)`; silent when every example passes.
 *
 * @module
 */

const DOCTEST_SOURCE = `
import sys

class TestResults:
    """(failed, attempted), with the skipped count shown when there is one (CPython 3.13)."""

    def __init__(self, failed, attempted, *, skipped=0):
        self.failed = failed
        self.attempted = attempted
        self.skipped = skipped

    def __iter__(self):
        return iter((self.failed, self.attempted))

    def __len__(self):
        return 2

    def __getitem__(self, index):
        return (self.failed, self.attempted)[index]

    def __eq__(self, other):
        return tuple(self) == other

    def __hash__(self):
        return hash(tuple(self))

    def __repr__(self):
        if self.skipped:
            return 'TestResults(failed=%s, attempted=%s, skipped=%s)' % (
                self.failed, self.attempted, self.skipped)
        return 'TestResults(failed=%s, attempted=%s)' % (self.failed, self.attempted)

OPTIONFLAGS_BY_NAME = {}


def register_optionflag(name):
    return OPTIONFLAGS_BY_NAME.setdefault(name, 1 << len(OPTIONFLAGS_BY_NAME))


DONT_ACCEPT_TRUE_FOR_1 = register_optionflag('DONT_ACCEPT_TRUE_FOR_1')
DONT_ACCEPT_BLANKLINE = register_optionflag('DONT_ACCEPT_BLANKLINE')
NORMALIZE_WHITESPACE = register_optionflag('NORMALIZE_WHITESPACE')
ELLIPSIS = register_optionflag('ELLIPSIS')
SKIP = register_optionflag('SKIP')
IGNORE_EXCEPTION_DETAIL = register_optionflag('IGNORE_EXCEPTION_DETAIL')

BLANKLINE_MARKER = '<BLANKLINE>'
_DIVIDER = '*' * 70


class Example:
    def __init__(self, source, want, exc_msg, lineno, indent, options):
        self.source = source
        self.want = want
        self.exc_msg = exc_msg
        self.lineno = lineno
        self.indent = indent
        self.options = options


class DocTest:
    def __init__(self, examples, globs, name, filename, lineno, docstring):
        self.examples = examples
        self.globs = globs
        self.name = name
        self.filename = filename
        self.lineno = lineno
        self.docstring = docstring


def _indent_of(line):
    return len(line) - len(line.lstrip(' '))


def _parse_options(source, lineno):
    options = {}
    marker = '# doctest:'
    for line in source.split('\\n'):
        at = line.find(marker)
        if at < 0:
            continue
        for option in line[at + len(marker):].replace(',', ' ').split():
            if option[0] not in '+-' or option[1:] not in OPTIONFLAGS_BY_NAME:
                raise ValueError('line %r of the doctest for %s has an invalid option: %r'
                                 % (lineno + 1, '?', option))
            options[OPTIONFLAGS_BY_NAME[option[1:]]] = option[0] == '+'
    return options


def _exception_message(want):
    # The text after a traceback header and its indented stack lines (CPython: _EXCEPTION_RE).
    lines = want.split('\\n')
    if not lines or not (lines[0].startswith('Traceback (most recent call last):')
                         or lines[0].startswith('Traceback (innermost last):')):
        return None
    index = 1
    while index < len(lines) and (lines[index][:1] in (' ', '\\t', '')
                                  or lines[index].strip() == '...'):
        index += 1
    return '\\n'.join(lines[index:])


def parse_examples(string):
    """The examples in a docstring (CPython: DocTestParser.parse)."""
    string = string.expandtabs()
    lines = string.split('\\n')
    examples = []
    index = 0
    while index < len(lines):
        stripped = lines[index].lstrip(' ')
        if not (stripped.startswith('>>>') and (len(stripped) == 3 or stripped[3] in ' \\n')):
            index += 1
            continue
        indent = _indent_of(lines[index])
        lineno = index
        source_lines = [lines[index][indent + 4:]]
        index += 1
        while index < len(lines):
            line = lines[index]
            body = line[indent:]
            if body.startswith('...') and (len(body) == 3 or body[3] == ' '):
                source_lines.append(body[4:])
                index += 1
            else:
                break
        want_lines = []
        while index < len(lines):
            line = lines[index]
            if line.strip() == '' or line.lstrip(' ').startswith('>>>'):
                break
            want_lines.append(line[indent:] if _indent_of(line) >= indent else line.lstrip(' '))
            index += 1
        source = '\\n'.join(source_lines) + '\\n'
        want = '\\n'.join(want_lines) + '\\n' if want_lines else ''
        examples.append(Example(source, want, _exception_message(want), lineno, indent,
                                _parse_options(source, lineno)))
    return examples


def _is_routine(value):
    return type(value).__name__ in ('function', 'builtin_function_or_method')


def _from_module(module_name, module_globals, value):
    if _is_routine(value):
        return getattr(value, '__globals__', None) is module_globals
    if isinstance(value, type):
        return getattr(value, '__module__', None) == module_name
    return False


def _source_lines(filename):
    # CPython: linecache.getlines(file) — the module's source, or None without one.
    if not isinstance(filename, str) or filename.startswith('<'):
        return None
    try:
        with open(filename, encoding='utf-8') as source:
            return source.read().splitlines(True)
    except (OSError, UnicodeDecodeError):
        return None


def _find_lineno(obj, source_lines):
    # CPython: DocTestFinder._find_lineno — the 0-based line the docstring starts on: from a
    # class statement or a code object's first line, the first line opening a string.
    import re
    lineno = None
    docstring = getattr(obj, '__doc__', None)
    if isinstance(obj, type) and docstring is not None:
        if source_lines is None:
            return None
        pat = re.compile(r'^\\s*class\\s*%s\\b' % re.escape(getattr(obj, '__name__', '-')))
        for i, line in enumerate(source_lines):
            if pat.match(line):
                lineno = i
                break
    if isinstance(obj, property):
        obj = obj.fget
    if _is_routine(obj) and getattr(obj, '__doc__', None):
        obj = getattr(obj, '__code__', obj)
    code_lineno = getattr(obj, 'co_firstlineno', None)
    if code_lineno is not None:
        lineno = code_lineno - 1
    if lineno is not None:
        if source_lines is None:
            return lineno + 1
        pat = re.compile(r'(^|.*:)\\s*\\w*("|\\')')
        for lineno in range(lineno, len(source_lines)):
            if pat.match(source_lines[lineno]):
                return lineno
    return None


class DocTestFinder:
    def __init__(self, verbose=False, recurse=True, exclude_empty=True):
        self._recurse = recurse
        self._exclude_empty = exclude_empty

    def find_in_globals(self, module_globals, name, filename):
        self._source_lines = _source_lines(filename)
        tests = []
        self._find(tests, module_globals.get('__doc__'), name, filename, module_globals, 0)
        seen = set()
        for value_name, value in list(module_globals.items()):
            if _from_module(name, module_globals, value):
                self._find_object(tests, value, '%s.%s' % (name, value_name), filename,
                                  name, module_globals, seen)
        tests.sort(key=lambda test: test.name)
        return tests

    def _find_object(self, tests, obj, name, filename, module_name, module_globals, seen):
        if id(obj) in seen:
            return
        seen.add(id(obj))
        self._find(tests, getattr(obj, '__doc__', None), name, filename, module_globals,
                   _find_lineno(obj, self._source_lines))
        if isinstance(obj, type) and self._recurse:
            for value_name, value in list(obj.__dict__.items()):
                if isinstance(value, (staticmethod, classmethod)):
                    value = value.__func__
                if isinstance(value, property):
                    value = value.fget
                if _is_routine(value) or isinstance(value, type):
                    if _from_module(module_name, module_globals, value):
                        self._find_object(tests, value, '%s.%s' % (name, value_name), filename,
                                          module_name, module_globals, seen)

    def _find(self, tests, docstring, name, filename, module_globals, lineno):
        if not isinstance(docstring, str):
            docstring = ''
        examples = parse_examples(docstring)
        if self._exclude_empty and not examples:
            return
        tests.append(DocTest(examples, module_globals.copy(), name, filename, lineno, docstring))


def _ellipsis_match(want, got):
    if '...' not in want:
        return want == got
    pieces = want.split('...')
    start, end = 0, len(got)
    first = pieces[0]
    if first:
        if not got.startswith(first):
            return False
        start = len(first)
        del pieces[0]
    last = pieces[-1]
    if last:
        if not got.endswith(last):
            return False
        end -= len(last)
        del pieces[-1]
    if start > end:
        return False
    for piece in pieces:
        found = got.find(piece, start, end)
        if found < 0:
            return False
        start = found + len(piece)
    return True


def _blank_whitespace_lines(text):
    return '\\n'.join('' if line.strip() == '' else line for line in text.split('\\n'))


class OutputChecker:
    def check_output(self, want, got, optionflags):
        if got == want:
            return True
        if not optionflags & DONT_ACCEPT_TRUE_FOR_1:
            if (got, want) in (("True\\n", "1\\n"), ("False\\n", "0\\n")):
                return True
        if not optionflags & DONT_ACCEPT_BLANKLINE:
            want = '\\n'.join('' if line.rstrip() == BLANKLINE_MARKER else line
                             for line in want.split('\\n'))
            got = _blank_whitespace_lines(got)
            if got == want:
                return True
        if optionflags & NORMALIZE_WHITESPACE:
            got = ' '.join(got.split())
            want = ' '.join(want.split())
            if got == want:
                return True
        if optionflags & ELLIPSIS:
            if _ellipsis_match(want, got):
                return True
        return False


def _indent(text, indent=4):
    return ''.join(' ' * indent + line + '\\n' for line in text.split('\\n')[:-1]) if text else ''


def _exception_name(exc_type):
    module = exc_type.__module__
    if module in ('builtins', '__main__'):
        return exc_type.__qualname__
    return '%s.%s' % (module, exc_type.__qualname__)


def _format_exception_only(exc):
    text = str(exc)
    name = _exception_name(type(exc))
    return (name + ': ' + text if text else name) + '\\n'


class DocTestRunner:
    def __init__(self, checker=None, verbose=None, optionflags=0):
        self._checker = checker or OutputChecker()
        self._verbose = bool(verbose)
        self.optionflags = optionflags
        self.tries = 0
        self.failures = 0
        self.skips = 0
        self._stats = {}

    def _report_failure(self, test, example, got_label, got):
        lines = [_DIVIDER]
        if test.filename is None:
            lines.append('Line %s, in %s' % (example.lineno + 1, test.name))
        else:
            lineno = (test.lineno + example.lineno + 1
                      if test.lineno is not None else '?')
            lines.append('File "%s", line %s, in %s' % (test.filename, lineno, test.name))
        lines.append('Failed example:')
        print('\\n'.join(lines))
        print(_indent(example.source), end='')
        print(got_label, end='')

    def run(self, test, compileflags=None, out=None, clear_globs=True):
        failures = tries = skips = 0
        for example in test.examples:
            flags = self.optionflags
            for flag, enabled in example.options.items():
                flags = flags | flag if enabled else flags & ~flag
            tries += 1
            if flags & SKIP:
                skips += 1
                continue
            if self._verbose:
                if example.want:
                    print('Trying:\\n' + _indent(example.source) + 'Expecting:\\n'
                          + _indent(example.want), end='')
                else:
                    print('Trying:\\n' + _indent(example.source) + 'Expecting nothing')
            got, exception = _run_example(example.source, test.globs, test.name)
            if exception is None:
                ok = self._checker.check_output(example.want, got, flags)
                if not ok:
                    self._report_failure(test, example, '', '')
                    if example.want:
                        print('Expected:\\n' + _indent(example.want), end='')
                    else:
                        print('Expected nothing')
                    print(('Got:\\n' + _indent(got)) if got else 'Got nothing', end='' if got else '\\n')
            else:
                exc_msg = _format_exception_only(exception)
                ok = example.exc_msg is not None and (
                    self._checker.check_output(example.exc_msg, exc_msg, flags)
                    or (flags & IGNORE_EXCEPTION_DETAIL and
                        example.exc_msg.split(':')[0] == exc_msg.split(':')[0]))
                if not ok:
                    self._report_failure(test, example, '', '')
                    if example.exc_msg is None:
                        print('Exception raised:')
                        print(_indent('Traceback (most recent call last):\\n' + exc_msg), end='')
                    else:
                        print('Expected:\\n' + _indent(example.want), end='')
                        print('Got:\\n' + _indent(got + 'Traceback (most recent call last):\\n'
                                                  + exc_msg), end='')
            if not ok:
                failures += 1
            elif self._verbose:
                print('ok')
        if clear_globs:
            test.globs.clear()
        self.tries += tries
        self.failures += failures
        self.skips += skips
        self._stats[test.name] = (failures, tries, skips)
        return TestResults(failures, tries, skipped=skips)

    def summarize(self, verbose=None):
        if verbose is None:
            verbose = self._verbose
        notests, passed, failed = [], [], []
        for name, (failures, tries, skips) in self._stats.items():
            if tries == 0:
                notests.append(name)
            elif failures == 0:
                passed.append((name, tries))
            else:
                failed.append((name, (failures, tries, skips)))
        if verbose:
            if notests:
                print(_n_items(notests), 'had no tests:')
                for name in sorted(notests):
                    print('    ' + name)
            if passed:
                print(_n_items(passed), 'passed all tests:')
                for name, count in sorted(passed):
                    print(' %3d test%s in %s' % (count, '' if count == 1 else 's', name))
        if failed:
            print(_DIVIDER)
            print(_n_items(failed), 'had failures:')
            for name, (failures, tries, skips) in sorted(failed):
                print(' %3d of %3d in %s' % (failures, tries, name))
        if verbose:
            print('%d test%s in %s.' % (self.tries, '' if self.tries == 1 else 's',
                                        _n_items(self._stats)))
            and_failed = ' and %d failed' % self.failures if self.failures else ''
            print('%d passed%s.' % (self.tries - self.failures, and_failed))
        if self.failures:
            message = '***Test Failed*** %d failure%s' % (
                self.failures, '' if self.failures == 1 else 's')
            if self.skips:
                message += ' and %d skipped test%s' % (self.skips, '' if self.skips == 1 else 's')
            print(message + '.')
        elif verbose:
            print('Test passed.')
        return TestResults(self.failures, self.tries, skipped=self.skips)


def _n_items(items):
    count = len(items)
    return '%d item%s' % (count, '' if count == 1 else 's')


def _run_example(source, globs, name):
    return _run_source(source, globs, '<doctest %s[0]>' % name)


def testmod(m=None, name=None, globs=None, verbose=None, report=True, optionflags=0,
            extraglobs=None, raise_on_error=False, exclude_empty=False):
    """Test the examples in the docstrings of module m (default __main__)."""
    module_globals = _main_globals() if m is None else m.__dict__
    if name is None:
        name = module_globals.get('__name__', '__main__')
    filename = module_globals.get('__file__', name)
    finder = DocTestFinder(exclude_empty=exclude_empty)
    runner = DocTestRunner(verbose=verbose, optionflags=optionflags)
    for test in finder.find_in_globals(module_globals, name, filename):
        if globs is not None:
            test.globs = globs.copy()
        if extraglobs is not None:
            test.globs.update(extraglobs)
        runner.run(test)
    if report:
        runner.summarize()
    return TestResults(runner.failures, runner.tries, skipped=runner.skips)


def run_docstring_examples(f, globs, verbose=False, name="NoName", compileflags=None,
                           optionflags=0):
    runner = DocTestRunner(verbose=verbose, optionflags=optionflags)
    # CPython: DocTestFinder.find(f) — the report names the file of the module f belongs to
    # (none when it is not in sys.modules); the line comes from f's own source file.
    module = sys.modules.get(getattr(f, '__module__', None))
    filename = getattr(module, '__file__', None) if module is not None else None
    source_file = getattr(getattr(f, '__code__', None), 'co_filename', None)
    lineno = _find_lineno(f, _source_lines(source_file))
    test = DocTest(parse_examples(getattr(f, '__doc__', None) or ''), globs, name, filename,
                   lineno, f.__doc__)
    runner.run(test, clear_globs=False)
`;

/**
 * The `doctest` module (see the module comment): the Python source above, given its two natives.
 */
export const doctestModule: NativeModuleFactory = (context) => {
  const heap = context.heap;
  const runSourceFunction = context.newBuiltinFunction("_run_source", (_c, args) => {
    const [source, globals, filename] = args as [Ptr, Ptr, Ptr];
    let output = "";
    let exception: Ptr = heap.none;
    try {
      context.release(
        context.runSource(
          heap.strValue(source),
          heap.strValue(filename),
          globals,
          globals,
          "single",
          (text) => {
            output += text;
          },
        ),
      );
    } catch (thrown) {
      if (!(thrown instanceof PyException)) throw thrown;
      // The example raised: its exception is what doctest compares with the expected message.
      exception = context.newReference(thrown.value);
      thrown.release((value) => context.release(value));
    }
    const text = heap.newStr(output);
    const pair = heap.newTuple([text, exception]);
    context.release(text);
    if (exception !== heap.none) context.release(exception);
    return pair;
  });
  const mainGlobals = context.newBuiltinFunction("_main_globals", () =>
    context.newReference(context.mainGlobals()),
  );
  try {
    return context.runModuleSource("doctest", DOCTEST_SOURCE, [
      ["_run_source", runSourceFunction],
      ["_main_globals", mainGlobals],
    ]);
  } finally {
    context.release(runSourceFunction);
    context.release(mainGlobals);
  }
};
