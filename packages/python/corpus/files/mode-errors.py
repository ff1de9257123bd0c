# open()'s mode and argument checks, with CPython's exception types and messages.
with open('data.txt', 'w') as f:
    f.write('x')
def attempt(*args, **kwargs):
    try:
        f = open(*args, **kwargs)
        print('ok', type(f).__name__, f.mode)
        f.close()
    except Exception as e:
        print(type(e).__name__ + ':', e)
for mode in ['rw', 'rr', '', 'U', 'rb+t', 'z', 'w+b', '+', 'tb', 'xa', 'br', 'rt', 'a+']:
    attempt('data.txt', mode)
attempt('data.txt', 5)
attempt('data.txt', 'rb', encoding='utf-8')
attempt('data.txt', 'rb', errors='strict')
attempt('data.txt', 'rb', newline='\n')
attempt('data.txt', 'r', encoding='no-such-codec')
attempt('data.txt', 'r', newline='x')
attempt('data.txt', 'r', newline=5)
attempt('data.txt', 'r', encoding=5)
attempt('data.txt', 'r', errors=5)
attempt('data.txt', 'r', buffering=0)
attempt('data.txt', 'r', buffering='1')
attempt(3.5)
attempt(None)
attempt(['data.txt'])
