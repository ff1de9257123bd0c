# StringIO errors: closed streams, non-str writes, bad seeks, bad constructor arguments
import io
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as error:
        print(label, type(error).__name__ + ':', error)
closed = io.StringIO('x')
closed.close()
attempt('read closed', lambda: closed.read())
attempt('write closed', lambda: closed.write('y'))
attempt('getvalue closed', lambda: closed.getvalue())
attempt('write int', lambda: io.StringIO().write(5))
attempt('seek negative', lambda: io.StringIO().seek(-1))
attempt('seek cur', lambda: io.StringIO().seek(1, 1))
attempt('seek end', lambda: io.StringIO().seek(2, 2))
attempt('bad whence', lambda: io.StringIO().seek(0, 5))
attempt('init int', lambda: io.StringIO(5))
attempt('bad newline', lambda: io.StringIO('', 'x'))
attempt('truncate negative', lambda: io.StringIO('abc').truncate(-1))
