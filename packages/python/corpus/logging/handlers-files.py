# logging.handlers: RotatingFileHandler, WatchedFileHandler and TimedRotatingFileHandler on files.
import logging, logging.handlers, os, queue, shutil, tempfile
base = tempfile.mkdtemp()
path = os.path.join(base, 'app.log')
def files():
    return sorted((name, open(os.path.join(base, name)).read()) for name in os.listdir(base))
log = logging.getLogger('demo')
log.setLevel(logging.DEBUG)
log.propagate = False
rotating = logging.handlers.RotatingFileHandler(path, maxBytes=30, backupCount=2, encoding='utf-8')
rotating.setFormatter(logging.Formatter('%(levelname)s %(message)s'))
log.addHandler(rotating)
for i in range(7):
    log.info('message %d', i)
print(files())
print(repr(rotating) == '<RotatingFileHandler %s (NOTSET)>' % path, rotating.mode, rotating.maxBytes)
rotating.namer = lambda name: name + '.bak'
rotating.doRollover()
print([name for name, _ in files()])
log.removeHandler(rotating); rotating.close()
for name in os.listdir(base):
    os.remove(os.path.join(base, name))
big = logging.handlers.RotatingFileHandler(path, maxBytes=5, delay=True)
print(big.stream, os.path.exists(path))
log.addHandler(big)
log.warning('a record longer than maxBytes')
log.warning('second')
log.removeHandler(big); big.close()
print(files())
watched = logging.handlers.WatchedFileHandler(path, mode='w')
log.addHandler(watched)
log.error('first')
os.rename(path, path + '.old')
log.error('after move')
os.remove(path)
log.error('after remove')
log.removeHandler(watched); watched.close()
print(files())
timed = logging.handlers.TimedRotatingFileHandler(path, when='midnight', backupCount=3)
print(timed.when, timed.interval, timed.suffix, timed.extMatch.pattern, timed.rolloverAt > 0)
for name in ['app.log.2024-01-0%d' % d for d in range(1, 6)] + ['app.log.2024-01-01.gz', 'other.2024-01-01']:
    open(os.path.join(base, name), 'w').close()
print([os.path.basename(p) for p in timed.getFilesToDelete()])
for when, interval in [('S', 5), ('M', 2), ('H', 1), ('D', 2), ('W3', 1)]:
    handler = logging.handlers.TimedRotatingFileHandler(path, when=when, interval=interval, delay=True)
    print(when, handler.interval, handler.suffix, handler.computeRollover(1_000_000) - 1_000_000 if when[0] != 'W' else handler.dayOfWeek)
    handler.close()
for bad in ['X', 'W', 'W7']:
    try:
        logging.handlers.TimedRotatingFileHandler(path, when=bad)
    except ValueError as e:
        print(e)
import datetime
for when, at in [('MIDNIGHT', None), ('MIDNIGHT', datetime.time(3, 30)), ('W0', None), ('W6', datetime.time(23, 0))]:
    handler = logging.handlers.TimedRotatingFileHandler(path, when=when, utc=True, atTime=at, delay=True)
    print(when, at, [handler.computeRollover(t) - t for t in (1_000_000, 1_000_000_000, 1_700_000_000)])
    handler.close()
timed.close()
shutil.rmtree(base)
