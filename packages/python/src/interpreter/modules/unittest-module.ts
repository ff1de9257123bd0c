import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `unittest`, written in Python (pymem's own source, run by the interpreter at import):
 * `TestCase` with the `assert*` methods and CPython 3.13's failure messages, fixtures
 * (`setUp`/`tearDown`, `setUpClass`/`tearDownClass`, `setUpModule`/`tearDownModule`), `skip`,
 * `skipIf`, `skipUnless`, `expectedFailure`, `skipTest`, `subTest`, `TestSuite`, `TestLoader`,
 * `TextTestRunner` and `main()`, which prints CPython's dots (or verbose lines), the
 * `Ran N tests in T.TTTs` summary and `OK`/`FAILED (...)` on stderr and exits with CPython's
 * status (0, 1, or 5 when no test ran).
 *
 * pymem has no frame objects, so `main()` finds the `__main__` module through the test classes
 * themselves: every `TestCase` subclass is recorded as it is created (`__init_subclass__`), and
 * the module's globals are read from one of its functions' `__globals__`. Tests are then loaded
 * as CPython's loader does: module attributes in sorted name order, test methods sorted.
 * Failure reports name the exception but not its source frames, which pymem cannot list from
 * Python; `assertRegex` and `assertRaisesRegex` accept plain-text patterns (no `re` module yet).
 *
 * @module
 */

const UNITTEST_SOURCE = `
import sys
import time

_MAX_LENGTH = 80
_subclasses = []


class SkipTest(Exception):
    """Raise this in a test to skip it."""


class _ShouldStop(Exception):
    pass


def _safe_repr(obj, short=False):
    try:
        result = repr(obj)
    except Exception:
        result = object.__repr__(obj)
    if not short or len(result) < _MAX_LENGTH:
        return result
    return result[:_MAX_LENGTH] + ' [truncated]...'


def _strclass(cls):
    return "%s.%s" % (cls.__module__, cls.__qualname__)


def _exception_name(exc_type):
    module = exc_type.__module__
    if module in ("builtins", "__main__"):
        return exc_type.__qualname__
    return "%s.%s" % (module, exc_type.__qualname__)


def _format_exception(exc):
    text = str(exc)
    name = _exception_name(type(exc))
    line = name + ": " + text if text else name
    return "Traceback (most recent call last):\\n" + line + "\\n"


def _plain_search(pattern, text):
    # Without the re module: a pattern with no special characters is a substring search.
    for special in ".^$*+?{}[]\\\\|()":
        if special in pattern:
            raise NotImplementedError("unittest regular expressions need the re module")
    return pattern in text


def skip(reason):
    """Unconditionally skip a test."""
    def decorator(test_item):
        test_item.__unittest_skip__ = True
        test_item.__unittest_skip_why__ = reason
        return test_item
    if callable(reason) and not isinstance(reason, str):
        test_item, reason = reason, ""
        return decorator(test_item)
    return decorator


def _identity(obj):
    return obj


def skipIf(condition, reason):
    """Skip a test if the condition is true."""
    if condition:
        return skip(reason)
    return _identity


def skipUnless(condition, reason):
    """Skip a test unless the condition is true."""
    if not condition:
        return skip(reason)
    return _identity


def expectedFailure(test_item):
    test_item.__unittest_expecting_failure__ = True
    return test_item


class _AssertRaisesContext:
    def __init__(self, expected, test_case, expected_regex=None, msg=None):
        self.expected = expected
        self.test_case = test_case
        self.expected_regex = expected_regex
        self.msg = msg
        self.exception = None
        self.obj_name = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            try:
                exc_name = self.expected.__name__
            except AttributeError:
                exc_name = str(self.expected)
            if self.obj_name is not None:
                self.test_case._fail(self.msg, "%s not raised by %s" % (exc_name, self.obj_name))
            self.test_case._fail(self.msg, "%s not raised" % exc_name)
        if not issubclass(exc_type, self.expected):
            return False
        self.exception = exc_value
        if self.expected_regex is None:
            return True
        if not _plain_search(self.expected_regex, str(exc_value)):
            self.test_case._fail(
                self.msg, '"%s" does not match "%s"' % (self.expected_regex, str(exc_value)))
        return True


class _SubTest:
    def __init__(self, test_case, message, params):
        self.test_case = test_case
        self.message = message
        self.params = params

    def _subDescription(self):
        parts = []
        if self.message is not None:
            parts.append("[{}]".format(self.message))
        if self.params:
            parts.append("({})".format(", ".join(
                "{}={!r}".format(k, v) for k, v in self.params.items())))
        return " ".join(parts) or "(<subtest>)"

    def __str__(self):
        return "{} {}".format(self.test_case, self._subDescription())

    def shortDescription(self):
        return self.test_case.shortDescription()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        outcome = self.test_case._outcome
        if exc_type is None or outcome is None:
            return False
        if issubclass(exc_type, SkipTest):
            return False
        if issubclass(exc_type, KeyboardInterrupt):
            return False
        outcome.success = False
        if outcome.expecting_failure:
            outcome.expected_failure = exc_value
        elif issubclass(exc_type, self.test_case.failureException):
            outcome.result.addFailure(self, exc_value)
        else:
            outcome.result.addError(self, exc_value)
        return True


class _Outcome:
    def __init__(self, result, expecting_failure):
        self.result = result
        self.expecting_failure = expecting_failure
        self.success = True
        self.expected_failure = None


class TestCase:
    """A class whose instances are single test cases."""

    failureException = AssertionError
    longMessage = True
    maxDiff = 80 * 8

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        _subclasses.append(cls)

    def __init__(self, methodName='runTest'):
        self._testMethodName = methodName
        self._outcome = None
        self._cleanups = []
        if methodName != 'runTest' and not hasattr(self, methodName):
            raise ValueError("no such test method in %s: %s" % (self.__class__, methodName))
        method = getattr(self, methodName, None)
        self._testMethodDoc = getattr(method, "__doc__", None)

    def setUp(self):
        pass

    def tearDown(self):
        pass

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def addCleanup(self, function, *args, **kwargs):
        self._cleanups.append((function, args, kwargs))

    def doCleanups(self):
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            function(*args, **kwargs)

    def countTestCases(self):
        return 1

    def id(self):
        return "%s.%s" % (_strclass(self.__class__), self._testMethodName)

    def shortDescription(self):
        doc = self._testMethodDoc
        return doc.strip().split("\\n")[0].strip() if doc else None

    def __str__(self):
        return "%s (%s.%s)" % (self._testMethodName, _strclass(self.__class__),
                               self._testMethodName)

    def __repr__(self):
        return "<%s testMethod=%s>" % (_strclass(self.__class__), self._testMethodName)

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return self._testMethodName == other._testMethodName

    def __hash__(self):
        return hash((type(self), self._testMethodName))

    def __call__(self, result=None):
        return self.run(result)

    def subTest(self, msg=None, **params):
        return _SubTest(self, msg, params)

    def skipTest(self, reason):
        raise SkipTest(reason)

    def _call_part(self, outcome, function, is_test=False):
        # Runs setUp, the test or tearDown, filing what it raised (CPython: _Outcome.testPartExecutor).
        try:
            function()
        except KeyboardInterrupt:
            raise
        except SkipTest as e:
            outcome.success = False
            outcome.result.addSkip(self, str(e))
        except self.failureException as e:
            outcome.success = False
            if is_test and outcome.expecting_failure:
                outcome.expected_failure = e
            else:
                outcome.result.addFailure(self, e)
        except BaseException as e:
            outcome.success = False
            if is_test and outcome.expecting_failure:
                outcome.expected_failure = e
            else:
                outcome.result.addError(self, e)

    def run(self, result=None):
        if result is None:
            result = TestResult()
        result.startTest(self)
        try:
            method = getattr(self, self._testMethodName)
            if (getattr(self.__class__, "__unittest_skip__", False)
                    or getattr(method, "__unittest_skip__", False)):
                why = (getattr(self.__class__, '__unittest_skip_why__', '')
                       or getattr(method, '__unittest_skip_why__', ''))
                result.addSkip(self, why)
                return result
            expecting_failure = (getattr(self, "__unittest_expecting_failure__", False)
                                 or getattr(method, "__unittest_expecting_failure__", False))
            outcome = _Outcome(result, expecting_failure)
            self._outcome = outcome
            try:
                self._call_part(outcome, self.setUp)
                if outcome.success:
                    self._call_part(outcome, method, is_test=True)
                    self._call_part(outcome, self.tearDown)
                self._call_part(outcome, self.doCleanups)
                if outcome.success:
                    if expecting_failure:
                        if outcome.expected_failure is not None:
                            result.addExpectedFailure(self, outcome.expected_failure)
                        else:
                            result.addUnexpectedSuccess(self)
                    else:
                        result.addSuccess(self)
                elif expecting_failure and outcome.expected_failure is not None:
                    result.addExpectedFailure(self, outcome.expected_failure)
                return result
            finally:
                outcome.expected_failure = None
                self._outcome = None
        finally:
            result.stopTest(self)

    def debug(self):
        self.setUp()
        getattr(self, self._testMethodName)()
        self.tearDown()
        self.doCleanups()

    # --- assertions (CPython 3.13's messages) ---

    def _formatMessage(self, msg, standardMsg):
        if not self.longMessage:
            return msg or standardMsg
        if msg is None:
            return standardMsg
        return '%s : %s' % (standardMsg, msg)

    def _fail(self, msg, standardMsg):
        raise self.failureException(self._formatMessage(msg, standardMsg))

    def fail(self, msg=None):
        raise self.failureException(msg)

    def assertTrue(self, expr, msg=None):
        if not expr:
            self._fail(msg, "%s is not true" % _safe_repr(expr))

    def assertFalse(self, expr, msg=None):
        if expr:
            self._fail(msg, "%s is not false" % _safe_repr(expr))

    def assertEqual(self, first, second, msg=None):
        if not first == second:
            self._fail(msg, '%s != %s' % _common_shorten_repr(first, second))

    def assertNotEqual(self, first, second, msg=None):
        if not first != second:
            self._fail(msg, '%s == %s' % (_safe_repr(first), _safe_repr(second)))

    def assertListEqual(self, list1, list2, msg=None):
        self.assertEqual(list1, list2, msg)

    def assertTupleEqual(self, tuple1, tuple2, msg=None):
        self.assertEqual(tuple1, tuple2, msg)

    def assertSetEqual(self, set1, set2, msg=None):
        self.assertEqual(set1, set2, msg)

    def assertDictEqual(self, d1, d2, msg=None):
        self.assertEqual(d1, d2, msg)

    def assertSequenceEqual(self, seq1, seq2, msg=None, seq_type=None):
        self.assertEqual(list(seq1), list(seq2), msg)

    def assertMultiLineEqual(self, first, second, msg=None):
        self.assertEqual(first, second, msg)

    def assertCountEqual(self, first, second, msg=None):
        first_seq, second_seq = list(first), list(second)
        missing = [item for item in second_seq if first_seq.count(item) != second_seq.count(item)]
        extra = [item for item in first_seq if first_seq.count(item) != second_seq.count(item)]
        if missing or extra:
            lines = []
            seen = []
            for item in extra + missing:
                if item in seen:
                    continue
                seen.append(item)
                lines.append("First has %d, Second has %d:  %s" % (
                    first_seq.count(item), second_seq.count(item), _safe_repr(item)))
            self._fail(msg, "Element counts were not equal:\\n" + "\\n".join(lines))

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if first == second:
            return
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if diff <= delta:
                return
            standardMsg = '%s != %s within %s delta (%s difference)' % (
                _safe_repr(first), _safe_repr(second), _safe_repr(delta), _safe_repr(diff))
        else:
            if places is None:
                places = 7
            if round(diff, places) == 0:
                return
            standardMsg = '%s != %s within %r places (%s difference)' % (
                _safe_repr(first), _safe_repr(second), places, _safe_repr(diff))
        self._fail(msg, standardMsg)

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if not (first == second) and diff > delta:
                return
            standardMsg = '%s == %s within %s delta (%s difference)' % (
                _safe_repr(first), _safe_repr(second), _safe_repr(delta), _safe_repr(diff))
        else:
            if places is None:
                places = 7
            if not (first == second) and round(diff, places) != 0:
                return
            standardMsg = '%s == %s within %r places' % (
                _safe_repr(first), _safe_repr(second), places)
        self._fail(msg, standardMsg)

    def assertIs(self, expr1, expr2, msg=None):
        if expr1 is not expr2:
            self._fail(msg, '%s is not %s' % (_safe_repr(expr1), _safe_repr(expr2)))

    def assertIsNot(self, expr1, expr2, msg=None):
        if expr1 is expr2:
            self._fail(msg, 'unexpectedly identical: %s' % (_safe_repr(expr1),))

    def assertIsNone(self, obj, msg=None):
        if obj is not None:
            self._fail(msg, '%s is not None' % (_safe_repr(obj),))

    def assertIsNotNone(self, obj, msg=None):
        if obj is None:
            self._fail(msg, 'unexpectedly None')

    def assertIn(self, member, container, msg=None):
        if member not in container:
            self._fail(msg, '%s not found in %s' % (_safe_repr(member), _safe_repr(container)))

    def assertNotIn(self, member, container, msg=None):
        if member in container:
            self._fail(msg, '%s unexpectedly found in %s' % (
                _safe_repr(member), _safe_repr(container)))

    def assertIsInstance(self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            self._fail(msg, '%s is not an instance of %r' % (_safe_repr(obj), cls))

    def assertNotIsInstance(self, obj, cls, msg=None):
        if isinstance(obj, cls):
            self._fail(msg, '%s is an instance of %r' % (_safe_repr(obj), cls))

    def assertGreater(self, a, b, msg=None):
        if not a > b:
            self._fail(msg, '%s not greater than %s' % (_safe_repr(a), _safe_repr(b)))

    def assertGreaterEqual(self, a, b, msg=None):
        if not a >= b:
            self._fail(msg, '%s not greater than or equal to %s' % (_safe_repr(a), _safe_repr(b)))

    def assertLess(self, a, b, msg=None):
        if not a < b:
            self._fail(msg, '%s not less than %s' % (_safe_repr(a), _safe_repr(b)))

    def assertLessEqual(self, a, b, msg=None):
        if not a <= b:
            self._fail(msg, '%s not less than or equal to %s' % (_safe_repr(a), _safe_repr(b)))

    def assertRaises(self, expected_exception, *args, **kwargs):
        context = _AssertRaisesContext(expected_exception, self, None, kwargs.pop("msg", None))
        if not args:
            return context
        callable_obj, *args = args
        context.obj_name = getattr(callable_obj, "__qualname__", None) or str(callable_obj)
        with context:
            callable_obj(*args, **kwargs)

    def assertRaisesRegex(self, expected_exception, expected_regex, *args, **kwargs):
        context = _AssertRaisesContext(
            expected_exception, self, expected_regex, kwargs.pop("msg", None))
        if not args:
            return context
        callable_obj, *args = args
        context.obj_name = getattr(callable_obj, "__qualname__", None) or str(callable_obj)
        with context:
            callable_obj(*args, **kwargs)

    def assertRegex(self, text, expected_regex, msg=None):
        if not _plain_search(expected_regex, text):
            self._fail(msg, "Regex didn't match: %r not found in %r" % (expected_regex, text))

    def assertNotRegex(self, text, unexpected_regex, msg=None):
        if _plain_search(unexpected_regex, text):
            self._fail(msg, "Regex matched: %r matches %r in %r" % (
                unexpected_regex, unexpected_regex, text))


def _common_shorten_repr(*args):
    args = tuple(map(_safe_repr, args))
    if max(map(len, args)) <= _MAX_LENGTH:
        return args
    prefix_length = 0
    shortest = min(args, key=len)
    while prefix_length < len(shortest) and all(
            a[prefix_length] == shortest[prefix_length] for a in args):
        prefix_length += 1
    prefix = args[0][:prefix_length]
    if prefix_length > 30:
        prefix = "%s[%d chars]%s" % (prefix[:5], prefix_length - 17, prefix[prefix_length - 12:])
        return tuple(prefix + a[prefix_length:prefix_length + 50] for a in args)
    return tuple(a for a in args)


class TestSuite:
    """A composite of tests, run in order, with class and module fixtures around them."""

    def __init__(self, tests=()):
        self._tests = []
        self.addTests(tests)

    def __iter__(self):
        return iter(self._tests)

    def __repr__(self):
        return "<unittest.suite.TestSuite tests=%s>" % list(self)

    def countTestCases(self):
        return sum(test.countTestCases() for test in self._tests)

    def addTest(self, test):
        self._tests.append(test)

    def addTests(self, tests):
        for test in tests:
            self.addTest(test)

    def _flat(self):
        for test in self._tests:
            if isinstance(test, TestSuite):
                yield from test._flat()
            else:
                yield test

    def __call__(self, result):
        return self.run(result)

    def run(self, result):
        previous_class = None
        previous_module = None
        class_failed = False
        module_failed = False
        for test in self._flat():
            cls = test.__class__
            module = cls.__module__
            if cls is not previous_class:
                if previous_class is not None and not class_failed:
                    _class_fixture(result, previous_class, "tearDownClass")
                if module != previous_module:
                    if previous_module is not None and not module_failed:
                        _module_fixture(result, previous_module, "tearDownModule")
                    previous_module = module
                    module_failed = not _module_fixture(result, module, "setUpModule")
                previous_class = cls
                class_failed = module_failed or (
                    not getattr(cls, "__unittest_skip__", False)
                    and not _class_fixture(result, cls, "setUpClass"))
            if class_failed:
                continue
            test(result)
            if result.shouldStop:
                break
        if previous_class is not None and not class_failed:
            _class_fixture(result, previous_class, "tearDownClass")
        if previous_module is not None and not module_failed:
            _module_fixture(result, previous_module, "tearDownModule")
        return result


class _ErrorHolder:
    # Stands for a fixture that failed, in the error list (CPython: suite._ErrorHolder).
    def __init__(self, description):
        self.description = description

    def __str__(self):
        return self.description

    def shortDescription(self):
        return None

    def countTestCases(self):
        return 0


def _class_fixture(result, cls, name):
    try:
        getattr(cls, name)()
    except SkipTest as e:
        result.addSkip(_ErrorHolder("%s (%s)" % (name, _strclass(cls))), str(e))
        return False
    except Exception as e:
        result.addError(_ErrorHolder("%s (%s)" % (name, _strclass(cls))), e)
        return False
    return True


def _module_fixture(result, module_name, name):
    module_globals = _module_globals.get(module_name)
    function = module_globals.get(name) if module_globals is not None else None
    if function is None:
        return True
    try:
        function()
    except Exception as e:
        result.addError(_ErrorHolder("%s (%s)" % (name, module_name)), e)
        return False
    return True


class TestLoader:
    testMethodPrefix = 'test'

    def getTestCaseNames(self, testCaseClass):
        return sorted(name for name in dir(testCaseClass)
                      if name.startswith(self.testMethodPrefix)
                      and callable(getattr(testCaseClass, name)))

    def loadTestsFromTestCase(self, testCaseClass):
        names = self.getTestCaseNames(testCaseClass)
        if not names and hasattr(testCaseClass, 'runTest'):
            names = ['runTest']
        return TestSuite([testCaseClass(name) for name in names])

    def loadTestsFromModuleGlobals(self, module_globals):
        tests = []
        for name in sorted(module_globals):
            obj = module_globals[name]
            if isinstance(obj, type) and issubclass(obj, TestCase) and obj is not TestCase:
                tests.append(self.loadTestsFromTestCase(obj))
        return TestSuite(tests)


defaultTestLoader = TestLoader()


class TestResult:
    """Holder for test result information."""

    def __init__(self, stream=None, descriptions=None, verbosity=None):
        self.failures = []
        self.errors = []
        self.testsRun = 0
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.shouldStop = False

    def startTest(self, test):
        self.testsRun += 1

    def stopTest(self, test):
        pass

    def addSuccess(self, test):
        pass

    def addError(self, test, err):
        self.errors.append((test, _format_exception(err)))

    def addFailure(self, test, err):
        self.failures.append((test, _format_exception(err)))

    def addSkip(self, test, reason):
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test, err):
        self.expectedFailures.append((test, _format_exception(err)))

    def addUnexpectedSuccess(self, test):
        self.unexpectedSuccesses.append(test)

    def wasSuccessful(self):
        return (len(self.failures) == len(self.errors) == 0
                and not self.unexpectedSuccesses)

    def stop(self):
        self.shouldStop = True


class _Stream:
    def write(self, text):
        sys.stderr.write(text)

    def writeln(self, text=""):
        sys.stderr.write(text + "\\n")

    def flush(self):
        pass


class TextTestResult(TestResult):
    separator1 = '=' * 70
    separator2 = '-' * 70

    def __init__(self, stream, descriptions, verbosity):
        super().__init__(stream, descriptions, verbosity)
        self.stream = stream
        self.showAll = verbosity > 1
        self.dots = verbosity == 1
        self.descriptions = descriptions

    def getDescription(self, test):
        doc_first_line = test.shortDescription()
        if self.descriptions and doc_first_line:
            return '\\n'.join((str(test), doc_first_line))
        return str(test)

    def startTest(self, test):
        super().startTest(test)
        if self.showAll:
            self.stream.write(self.getDescription(test))
            self.stream.write(" ... ")

    def _report(self, long_text, short_text):
        if self.showAll:
            self.stream.writeln(long_text)
        elif self.dots:
            self.stream.write(short_text)

    def addSuccess(self, test):
        super().addSuccess(test)
        self._report("ok", ".")

    def addError(self, test, err):
        super().addError(test, err)
        self._report("ERROR", "E")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._report("FAIL", "F")

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._report("skipped {0!r}".format(reason), "s")

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._report("expected failure", "x")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._report("unexpected success", "u")

    def printErrors(self):
        if self.dots or self.showAll:
            self.stream.writeln()
        self.printErrorList('ERROR', self.errors)
        self.printErrorList('FAIL', self.failures)
        for test in self.unexpectedSuccesses:
            self.stream.writeln(self.separator1)
            self.stream.writeln("UNEXPECTED SUCCESS: %s" % self.getDescription(test))

    def printErrorList(self, flavour, errors):
        for test, err in errors:
            self.stream.writeln(self.separator1)
            self.stream.writeln("%s: %s" % (flavour, self.getDescription(test)))
            self.stream.writeln(self.separator2)
            self.stream.writeln("%s" % err)


class TextTestRunner:
    """A test runner that reports on stderr as CPython's does."""

    resultclass = TextTestResult

    def __init__(self, stream=None, descriptions=True, verbosity=1, failfast=False,
                 buffer=False, resultclass=None, warnings=None, *, tb_locals=False,
                 durations=None):
        self.stream = _Stream()
        self.descriptions = descriptions
        self.verbosity = verbosity
        if resultclass is not None:
            self.resultclass = resultclass

    def run(self, test):
        result = self.resultclass(self.stream, self.descriptions, self.verbosity)
        start = time.perf_counter()
        test(result)
        taken = time.perf_counter() - start
        result.printErrors()
        self.stream.writeln(result.separator2)
        run = result.testsRun
        self.stream.writeln("Ran %d test%s in %.3fs" % (run, run != 1 and "s" or "", taken))
        self.stream.writeln()
        infos = []
        if not result.wasSuccessful():
            self.stream.write("FAILED")
            if result.failures:
                infos.append("failures=%d" % len(result.failures))
            if result.errors:
                infos.append("errors=%d" % len(result.errors))
        elif run == 0 and not result.skipped:
            self.stream.write("NO TESTS RAN")
        else:
            self.stream.write("OK")
        if result.skipped:
            infos.append("skipped=%d" % len(result.skipped))
        if result.expectedFailures:
            infos.append("expected failures=%d" % len(result.expectedFailures))
        if result.unexpectedSuccesses:
            infos.append("unexpected successes=%d" % len(result.unexpectedSuccesses))
        if infos:
            self.stream.writeln(" (%s)" % (", ".join(infos),))
        else:
            self.stream.write("\\n")
        return result


_module_globals = {}


def _find_module_globals(module_name):
    # The module's globals, read from a function defined in one of its TestCase classes.
    for cls in _subclasses:
        if cls.__module__ != module_name:
            continue
        for value in cls.__dict__.values():
            module_globals = getattr(value, "__globals__", None)
            if module_globals is not None:
                return module_globals
    return {}


class TestProgram:
    """Runs the tests of a module from the command line (CPython: unittest.main)."""

    def __init__(self, module='__main__', defaultTest=None, argv=None, testRunner=None,
                 testLoader=defaultTestLoader, exit=True, verbosity=1, failfast=None,
                 catchbreak=None, buffer=None, warnings=None, *, tb_locals=False,
                 durations=None):
        module_globals = _find_module_globals(module)
        _module_globals[module] = module_globals
        self.test = testLoader.loadTestsFromModuleGlobals(module_globals)
        runner = testRunner if testRunner is not None else TextTestRunner(verbosity=verbosity)
        if isinstance(runner, type):
            runner = runner(verbosity=verbosity)
        self.result = runner.run(self.test)
        if exit:
            if self.result.testsRun == 0 and not self.result.skipped:
                sys.exit(5)
            sys.exit(not self.result.wasSuccessful())


main = TestProgram
`;

/** The `unittest` module (see the module comment). */
export const unittestModule = pythonSourceModule("unittest", UNITTEST_SOURCE);
