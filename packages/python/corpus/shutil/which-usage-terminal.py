# which (PATH, modes, directories), disk_usage's shape and get_terminal_size's fallbacks.
import os, shutil, tempfile
base = tempfile.mkdtemp()
bin_dir = os.path.join(base, 'bin')
os.mkdir(bin_dir)
os.mkdir(os.path.join(bin_dir, 'folder'))
for name, mode in [('tool', 0o755), ('data', 0o644), ('owner', 0o700)]:
    with open(os.path.join(bin_dir, name), 'w') as f:
        f.write('#!/bin/sh\n')
    os.chmod(os.path.join(bin_dir, name), mode)
def show(found):
    return None if found is None else os.path.relpath(found, base)
print(show(shutil.which('tool', path=bin_dir)), show(shutil.which('owner', path=bin_dir)))
print(shutil.which('data', path=bin_dir), shutil.which('nope', path=bin_dir), shutil.which('folder', path=bin_dir))
print(show(shutil.which(os.path.join(bin_dir, 'tool'))), shutil.which(os.path.join(bin_dir, 'data')))
print(shutil.which('tool', path=''), show(shutil.which('data', mode=os.F_OK, path=os.pathsep.join([base, bin_dir]))))
saved = os.environ.get('PATH')
os.environ['PATH'] = os.pathsep.join(['/nonexistent', bin_dir, bin_dir])
print(show(shutil.which('tool')), shutil.which('data'))
os.environ['PATH'] = ''
print(shutil.which('tool'))
if saved is not None:
    os.environ['PATH'] = saved
usage = shutil.disk_usage(base)
print(type(usage).__name__, usage._fields, usage.total >= usage.used, usage.total >= usage.free >= 0)
try:
    shutil.disk_usage(os.path.join(base, 'missing'))
except FileNotFoundError as e:
    print(type(e).__name__, e.strerror)
for columns, lines in [(None, None), ('123', '45'), ('0', '7'), ('x', None)]:
    for name, value in (('COLUMNS', columns), ('LINES', lines)):
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    size = shutil.get_terminal_size((90, 30))
    print(type(size).__name__, size.lines if lines else 'fallback-or-terminal', size.columns if columns and columns.isdigit() and int(columns) > 0 else '-')
print(os.terminal_size((1, 2)), shutil.get_terminal_size.__defaults__)
shutil.rmtree(base)
