/**
 * The Python source of pymem's `ast` module (pymem's own code, not CPython's Lib/ast.py): the
 * `AST` base class with CPython 3.13's constructor rules, then — after the generated node
 * classes (ast-node-grammar.ts) — `parse`, `dump`, `literal_eval`, the tree walkers, visitors and
 * location helpers. Parsing goes through `compile(..., PyCF_ONLY_AST)` as in CPython, so the tree
 * comes from the interpreter's own parser.
 *
 * @module
 */

/**
 * The `AST` base class and the compile flags, run before the node classes are defined.
 *
 * @internal
 */
export const AST_BASE_SOURCE = `# pymem's ast module, written for pymem (not CPython's Lib/ast.py).
import sys as _sys

PyCF_ONLY_AST = 1024
PyCF_TYPE_COMMENTS = 4096
PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192
PyCF_OPTIMIZED_AST = 33792


def _warn_deprecated(message):
    import warnings
    warnings.warn(message, DeprecationWarning, stacklevel=3)


class AST:
    _fields = ()
    _attributes = ()
    __match_args__ = ()

    # CPython: ast_type_init — positional arguments fill _fields in order, keywords set any
    # name; 3.13 fills a missing list with [] and a missing expression context with Load(),
    # leaves a missing optional field to the class's None, and warns about other missing fields.
    def __init__(self, *args, **kwargs):
        cls = type(self)
        name = cls.__name__
        fields = cls._fields
        if len(args) > len(fields):
            raise TypeError(f"{name} constructor takes at most {len(fields)} positional "
                            f"argument{'' if len(fields) == 1 else 's'}")
        for field, value in zip(fields, args):
            setattr(self, field, value)
        given = fields[:len(args)]
        for key, value in kwargs.items():
            if key in given:
                raise TypeError(f"{name} got multiple values for argument '{key}'")
            if key not in fields and key not in cls._attributes:
                _warn_deprecated(
                    f"{name}.__init__ got an unexpected keyword argument '{key}'. Support for "
                    "arbitrary keyword arguments is deprecated and will be removed in Python 3.15.")
            setattr(self, key, value)
        field_types = getattr(cls, '_field_types', None)
        if field_types is None:
            return
        for field in fields:
            if field in given or field in kwargs:
                continue
            kind = field_types.get(field)
            if getattr(kind, '__origin__', None) is list:
                setattr(self, field, [])
            elif type(kind).__name__ == 'UnionType':
                pass  # the class attribute (None) answers for it
            elif kind is expr_context:
                setattr(self, field, Load())
            else:
                _warn_deprecated(
                    f"{name}.__init__ missing 1 required positional argument: '{field}'. "
                    "This will become an error in Python 3.15.")

    def __reduce__(self):
        return type(self), (None,) * len(type(self)._fields), dict(self.__dict__)


`;

/**
 * `parse`, `dump`, `literal_eval`, the walkers, visitors and location helpers, run after the
 * node classes are defined.
 *
 * @internal
 */
export const AST_HELPERS_SOURCE = String.raw`

def parse(source, filename='<unknown>', mode='exec', *, type_comments=False,
          feature_version=None, optimize=-1):
    flags = PyCF_ONLY_AST
    if type_comments:
        flags |= PyCF_TYPE_COMMENTS
    if optimize > 0:
        flags |= PyCF_OPTIMIZED_AST
    if isinstance(feature_version, tuple):
        major, minor = feature_version
        if major != 3:
            raise ValueError(f"Unsupported major version: {major}")
        feature_version = minor
    elif feature_version is None:
        feature_version = -1
    return compile(source, filename, mode, flags, _feature_version=feature_version,
                   optimize=optimize)


def _malformed(node):
    message = "malformed node or string"
    line = getattr(node, 'lineno', None)
    if line:
        message += f" on line {line}"
    raise ValueError(f"{message}: {node!r}")


def _literal_number(node):
    if isinstance(node, Constant) and type(node.value) in (int, float, complex):
        return node.value
    _malformed(node)


def _literal_signed(node):
    if isinstance(node, UnaryOp) and isinstance(node.op, (UAdd, USub)):
        operand = _literal_number(node.operand)
        return +operand if isinstance(node.op, UAdd) else -operand
    return _literal_number(node)


def _literal_value(node):
    if isinstance(node, Constant):
        return node.value
    if isinstance(node, (Tuple, List, Set)):
        items = [_literal_value(item) for item in node.elts]
        return tuple(items) if isinstance(node, Tuple) else list(items) if isinstance(node, List) else set(items)
    if (isinstance(node, Call) and isinstance(node.func, Name) and node.func.id == 'set'
            and node.args == [] and node.keywords == []):
        return set()
    if isinstance(node, Dict):
        if len(node.keys) != len(node.values):
            _malformed(node)
        keys = [_literal_value(key) for key in node.keys]
        return dict(zip(keys, [_literal_value(value) for value in node.values]))
    if isinstance(node, BinOp) and isinstance(node.op, (Add, Sub)):
        left = _literal_signed(node.left)
        right = _literal_number(node.right)
        if isinstance(left, (int, float)) and isinstance(right, complex):
            return left + right if isinstance(node.op, Add) else left - right
    return _literal_signed(node)


def literal_eval(node_or_string):
    node = node_or_string
    if isinstance(node, str):
        node = parse(node.lstrip(" \t"), mode='eval')
    if isinstance(node, Expression):
        node = node.body
    return _literal_value(node)


def dump(node, annotate_fields=True, include_attributes=False, *, indent=None, show_empty=False):
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent

    # (text, simple): simple when the text holds no node with arguments, so a parent may
    # keep it on one line.
    def text_of(node, level):
        if indent is not None:
            level += 1
            prefix = '\n' + indent * level
            separator = ',\n' + indent * level
        else:
            prefix = ''
            separator = ', '
        if isinstance(node, list):
            if not node:
                return '[]', True
            return '[' + prefix + separator.join(text_of(item, level)[0] for item in node) + ']', False
        if not isinstance(node, AST):
            return repr(node), True
        cls = type(node)
        parts = []
        skipped = []
        simple = True
        keywords = annotate_fields
        for name in node._fields:
            try:
                value = getattr(node, name)
            except AttributeError:
                keywords = True
                continue
            if value is None and getattr(cls, name, ...) is None:
                keywords = True
                continue
            if (not show_empty and (value is None or value == [])
                    and not isinstance(node, (Constant, MatchSingleton))):
                skipped.append(repr(value))
                continue
            if not keywords:
                parts.extend(skipped)
                skipped = []
            value_text, value_simple = text_of(value, level)
            simple = simple and value_simple
            parts.append(f'{name}={value_text}' if keywords else value_text)
        if include_attributes and node._attributes:
            for name in node._attributes:
                try:
                    value = getattr(node, name)
                except AttributeError:
                    continue
                if value is None and getattr(cls, name, ...) is None:
                    continue
                value_text, value_simple = text_of(value, level)
                simple = simple and value_simple
                parts.append(f'{name}={value_text}')
        if simple and len(parts) <= 3:
            return f"{cls.__name__}({', '.join(parts)})", not parts
        return f"{cls.__name__}({prefix}{separator.join(parts)})", False

    if not isinstance(node, AST):
        raise TypeError(f'expected AST, got {type(node).__name__!r}')
    return text_of(node, 0)[0]


def copy_location(new_node, old_node):
    for name in ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'):
        if name in old_node._attributes and name in new_node._attributes:
            value = getattr(old_node, name, None)
            # An end position is copied even when None: it is optional.
            if value is not None or (hasattr(old_node, name) and name.startswith('end_')):
                setattr(new_node, name, value)
    return new_node


def fix_missing_locations(node):
    # Iterative: each child inherits its parent's (possibly just filled) positions.
    pending = [(node, 1, 0, 1, 0)]
    while pending:
        child, line, column, end_line, end_column = pending.pop()
        attributes = child._attributes
        if 'lineno' in attributes:
            if hasattr(child, 'lineno'):
                line = child.lineno
            else:
                child.lineno = line
        if 'end_lineno' in attributes:
            if getattr(child, 'end_lineno', None) is None:
                child.end_lineno = end_line
            else:
                end_line = child.end_lineno
        if 'col_offset' in attributes:
            if hasattr(child, 'col_offset'):
                column = child.col_offset
            else:
                child.col_offset = column
        if 'end_col_offset' in attributes:
            if getattr(child, 'end_col_offset', None) is None:
                child.end_col_offset = end_column
            else:
                end_column = child.end_col_offset
        for grandchild in iter_child_nodes(child):
            pending.append((grandchild, line, column, end_line, end_column))
    return node


def increment_lineno(node, n=1):
    for child in walk(node):
        if isinstance(child, TypeIgnore):
            child.lineno = getattr(child, 'lineno', 0) + n
            continue
        if 'lineno' in child._attributes:
            child.lineno = getattr(child, 'lineno', 0) + n
        if 'end_lineno' in child._attributes:
            end_line = getattr(child, 'end_lineno', 0)
            if end_line is not None:
                child.end_lineno = end_line + n
    return node


def iter_fields(node):
    for name in node._fields:
        try:
            yield name, getattr(node, name)
        except AttributeError:
            pass


def iter_child_nodes(node):
    for _name, value in iter_fields(node):
        if isinstance(value, AST):
            yield value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, AST):
                    yield item


def _clean_docstring(text):
    lines = text.expandtabs().split('\n')
    margin = None
    for line in lines[1:]:
        content = line.lstrip()
        if content:
            indentation = len(line) - len(content)
            margin = indentation if margin is None else min(margin, indentation)
    cleaned = [lines[0].lstrip()]
    for line in lines[1:]:
        cleaned.append(line[margin:] if margin is not None else line)
    while cleaned and not cleaned[-1]:
        cleaned.pop()
    while cleaned and not cleaned[0]:
        cleaned.pop(0)
    return '\n'.join(cleaned)


def get_docstring(node, clean=True):
    if not isinstance(node, (AsyncFunctionDef, FunctionDef, ClassDef, Module)):
        raise TypeError(f"{type(node).__name__!r} can't have docstrings")
    if not node.body or not isinstance(node.body[0], Expr):
        return None
    value = node.body[0].value
    if not isinstance(value, Constant) or not isinstance(value.value, str):
        return None
    return _clean_docstring(value.value) if clean else value.value


def _source_lines(source):
    # Lines ending at \r\n, \r or \n only (str.splitlines also splits at form feeds).
    lines = []
    start = 0
    index = 0
    length = len(source)
    while index < length:
        character = source[index]
        if character == '\r' or character == '\n':
            end = index + 2 if source[index:index + 2] == '\r\n' else index + 1
            lines.append(source[start:end])
            start = index = end
        else:
            index += 1
    if start < length:
        lines.append(source[start:])
    return lines


def get_source_segment(source, node, *, padded=False):
    try:
        if node.end_lineno is None or node.end_col_offset is None:
            return None
        first_line = node.lineno - 1
        last_line = node.end_lineno - 1
        start = node.col_offset
        end = node.end_col_offset
    except AttributeError:
        return None
    lines = _source_lines(source)
    if first_line == last_line:
        return lines[first_line].encode()[start:end].decode()
    padding = ''
    if padded:
        before = lines[first_line].encode()[:start].decode()
        padding = ''.join(character if character in '\f\t' else ' ' for character in before)
    first = padding + lines[first_line].encode()[start:].decode()
    last = lines[last_line].encode()[:end].decode()
    return ''.join([first, *lines[first_line + 1:last_line], last])


def walk(node):
    # Breadth first, as CPython's deque-based walk.
    pending = [node]
    head = 0
    while head < len(pending):
        node = pending[head]
        head += 1
        pending.extend(iter_child_nodes(node))
        yield node


class NodeVisitor:
    def visit(self, node):
        visitor = getattr(self, 'visit_' + node.__class__.__name__, self.generic_visit)
        return visitor(node)

    def generic_visit(self, node):
        for _name, value in iter_fields(node):
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, AST):
                        self.visit(item)
            elif isinstance(value, AST):
                self.visit(value)


class NodeTransformer(NodeVisitor):
    def generic_visit(self, node):
        for name, old in iter_fields(node):
            if isinstance(old, list):
                replacement = []
                for item in old:
                    if isinstance(item, AST):
                        item = self.visit(item)
                        if item is None:
                            continue
                        if not isinstance(item, AST):
                            replacement.extend(item)
                            continue
                    replacement.append(item)
                old[:] = replacement
            elif isinstance(old, AST):
                new = self.visit(old)
                if new is None:
                    delattr(node, name)
                else:
                    setattr(node, name, new)
        return node
`;
