# pathlib's pure path arithmetic: joining with /, name/stem/suffix, parent, parts, with_suffix, comparisons.
from pathlib import Path, PurePath, PosixPath, PurePosixPath
p = Path('a//b/./c.tar.gz')
print(repr(p), str(p), p.name, p.stem, p.suffix, p.suffixes, repr(p.parent), p.parts)
print(repr(Path()), repr(Path('')), repr(Path('/')), repr(Path('/x/')), repr(Path('/').name))
print(repr(Path('/').parent), repr(Path('.').parent), Path('/a/b').parts, Path('/a/b').root)
print(repr(p / 'd'), repr('x' / Path('y')), repr(Path('a') / '/abs'), repr(Path('a', 'b', 'c')))
print(p.with_suffix('.zip'), p.with_name('n.txt'), Path('a.txt').with_suffix(''), Path('.bashrc').suffix)
print(type(p).__name__, type(PurePath('x')).__name__, isinstance(p, PurePath), isinstance(p, PurePosixPath))
print(Path('a') == Path('a/'), Path('a') == 'a', hash(Path('a')) == hash(Path('a/')), Path('a') < Path('b'))
print(Path('a/b').joinpath('c', 'd'), Path('a/b').is_absolute(), Path('/a').is_absolute())
print(Path('a/b/c').relative_to('a'), list(map(str, Path('a/b/c').parents)))
for bad in [lambda: Path('a').with_suffix('txt'), lambda: Path('a/b').relative_to('c'), lambda: Path(5)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
import os
print(os.fspath(Path('q/r')), os.path.join(Path('q'), 'r'), str(PosixPath('z')))
