import { describe, expect, it } from "vitest";
import { sweepOutOfMemory } from "../../reliability/out-of-memory-sweep.js";

/**
 * The out-of-memory sweep over a snippet of each file-system module (fnmatch, glob, tempfile,
 * shutil, logging.handlers, and the os descriptor and scandir functions): failing one allocation at a time, spread
 * evenly over what the snippet does after its imports, every run ends with a Python outcome, the
 * heap verifies and nothing leaks. The snippets run on the default memory file system.
 */
const SNIPPETS: Record<string, readonly [imports: string, body: string]> = {
  fnmatch: [
    "import fnmatch\n",
    "print(fnmatch.translate('a*b[!c-e]?'), fnmatch.filter(['a.py', 'b.txt'], '*.py'))\n" +
      "print(fnmatch.fnmatch('x.py', '[wx].*'), fnmatch.fnmatchcase(b'ab', b'a?'))\n",
  ],
  glob: [
    "import glob, os\n",
    "os.makedirs('t/a/b')\nopen('t/a/x.py', 'w').close()\nopen('t/a/b/y.py', 'w').close()\n" +
      "print(sorted(glob.glob('t/**/*.py', recursive=True)), glob.glob('t/*/'), glob.escape('[x]'))\n",
  ],
  tempfile: [
    "import tempfile, os\n",
    "fd, name = tempfile.mkstemp()\nos.write(fd, b'x')\nos.close(fd)\nos.remove(name)\n" +
      "with tempfile.NamedTemporaryFile('w+') as f:\n    f.write('hi')\n" +
      "with tempfile.TemporaryDirectory() as d:\n    open(os.path.join(d, 'f'), 'w').close()\n" +
      "s = tempfile.SpooledTemporaryFile(4)\ns.write(b'12345')\ns.close()\n",
  ],
  shutil: [
    "import shutil, os\n",
    "os.makedirs('s/d')\nopen('s/d/f', 'w').write('data')\nshutil.copytree('s', 'c')\n" +
      "shutil.copy2('c/d/f', 'g')\nshutil.move('g', 'c/h')\nshutil.rmtree('s')\n" +
      "print(sorted(os.listdir('c')), shutil.which('h', path='c'), shutil.disk_usage('c').total > 0)\n",
  ],
  "logging.handlers": [
    "import logging.handlers, os\n",
    "h = logging.handlers.RotatingFileHandler('a.log', maxBytes=20, backupCount=1)\n" +
      "log = logging.getLogger('x')\nlog.addHandler(h)\nfor i in range(3):\n    log.warning('record %d', i)\n" +
      "h.close()\nm = logging.handlers.MemoryHandler(2, target=logging.NullHandler())\nlog.addHandler(m)\n" +
      "log.error('e')\nprint(sorted(os.listdir('.')))\n",
  ],
  "os descriptors and scandir": [
    "import os\n",
    "fd = os.open('f', os.O_RDWR | os.O_CREAT, 0o600)\nos.write(fd, b'abc')\nos.lseek(fd, 0, 0)\n" +
      "print(os.read(fd, 2), os.fstat(fd).st_size)\nos.close(fd)\nos.utime('f', (1, 2))\nos.chmod('f', 0o644)\n" +
      "print([(e.name, e.is_file(), e.stat().st_mtime) for e in os.scandir('.')])\n",
  ],
};

describe("out-of-memory inside the file-system modules", () => {
  for (const [name, [imports, body]] of Object.entries(SNIPPETS))
    it(`${name}: allocations failing after the imports end cleanly (30 points spread over the snippet)`, () => {
      const afterImport = sweepOutOfMemory(imports, []).allocations;
      const total = sweepOutOfMemory(imports + body, []).allocations;
      expect(total - afterImport).toBeGreaterThan(30);
      const stride = Math.floor((total - afterImport) / 30);
      const points: number[] = [];
      for (let point = afterImport + 1; point <= total; point += stride) points.push(point);
      expect(sweepOutOfMemory(imports + body, points).problems).toEqual([]);
    }, 600_000);
});
