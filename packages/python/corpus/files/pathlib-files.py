# pathlib.Path on the file system: mkdir, write_text/read_text, bytes, open, iterdir, stat, unlink.
from pathlib import Path
d = Path('dir')
d.mkdir()
print(d.exists(), d.is_dir(), d.is_file())
f = d / 'f.txt'
print(f.write_text('hello'), f.read_text(), f.exists(), f.is_file(), f.stat().st_size)
print(f.write_bytes(b'\x00\x01'), f.read_bytes())
with f.open('w') as handle:
    handle.write('via open')
print(f.read_text(), repr(f.open()))
(d / 'sub').mkdir(parents=True, exist_ok=True)
Path('dir/x/y/z').mkdir(parents=True)
print(sorted(str(x) for x in d.iterdir()), sorted(x.name for x in d.iterdir()))
for action in [lambda: Path('missing/x').mkdir(), lambda: Path('missing.txt').read_text(),
               lambda: d.mkdir(), lambda: Path('missing.txt').unlink()]:
    try:
        action()
    except OSError as e:
        print(type(e).__name__, e)
d.mkdir(exist_ok=True)
moved = f.rename('dir/g.txt')
print(repr(moved), f.exists(), moved.read_text())
moved.unlink()
moved.unlink(missing_ok=True)
Path('dir/x/y/z').rmdir()
print(moved.exists(), Path('dir/x/y/z').exists(), Path.cwd() == Path(Path.cwd()))
