# Opening what is missing, exists already or is a directory: CPython's OSError subclasses.
import os
def attempt(path, mode='r'):
    try:
        open(path, mode).close()
        print('opened', path, mode)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, repr(e.filename), '|', e)
attempt('missing.txt')
attempt('missing.txt', 'rb')
attempt('missing.txt', 'r+')
attempt('missing.txt', 'x')
attempt('missing.txt', 'x')
attempt('missing.txt', 'w')
os.mkdir('folder')
attempt('folder')
attempt('folder', 'w')
attempt('folder/inner.txt', 'w')
attempt('folder/inner.txt')
attempt('missing.txt/below', 'w')
attempt('nowhere/file.txt', 'w')
attempt('')
try:
    open('gone.txt')
except FileNotFoundError as e:
    print(isinstance(e, OSError), e.args)
try:
    open('missing.txt', 'x')
except IOError as e:
    print(type(e).__name__, e.args)
