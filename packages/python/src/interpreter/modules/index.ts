import type { NativeModuleFactory } from "../native.js";
import { abcModule } from "./abc-module.js";
import { argparseModule } from "./argparse-module.js";
import { arrayModule } from "./array-module.js";
import { astModule } from "./ast-module.js";
import { asyncioModule } from "./asyncio-module.js";
import { atexitModule } from "./atexit-module.js";
import { base64Module } from "./base64-module.js";
import { binasciiModule } from "./binascii-module.js";
import { bisectModule } from "./bisect-module.js";
import { calendarModule } from "./calendar-module.js";
import { cmathModule } from "./cmath-module.js";
import { codecsNativeModule } from "./codecs-native-module.js";
import { collectionsAbcModule } from "./collections-abc-module.js";
import { collectionsModule } from "./collections-module.js";
import { contextlibModule } from "./contextlib-module.js";
import { copyModule } from "./copy-module.js";
import { copyregModule } from "./copyreg-module.js";
import { csvModule } from "./csv-module.js";
import { dataclassesModule } from "./dataclasses-module.js";
import { datetimeModule } from "./datetime-module.js";
import { decimalModule } from "./decimal-module.js";
import { difflibModule } from "./difflib-module.js";
import { doctestModule } from "./doctest-module.js";
import { enumModule } from "./enum-module.js";
import { errnoModule } from "./errno-module.js";
import { fnmatchModule } from "./fnmatch-module.js";
import { fractionsModule } from "./fractions-module.js";
import { functoolsModule } from "./functools-module.js";
import { futureModule } from "./future-module.js";
import { gcModule } from "./gc-module.js";
import { globModule } from "./glob-module.js";
import { graphlibModule } from "./graphlib-module.js";
import { hashlibModule } from "./hashlib-module.js";
import { heapqModule } from "./heapq-module.js";
import { hmacModule } from "./hmac-module.js";
import { importlibMachineryModule } from "./importlib-machinery-module.js";
import { importlibModule } from "./importlib-module.js";
import { importlibUtilModule } from "./importlib-util-module.js";
import { inspectModule } from "./inspect-module.js";
import { ioModule } from "./io-module.js";
import { itertoolsModule } from "./itertools-module.js";
import { jsonModule } from "./json-module.js";
import { jsreModule } from "./jsre-module.js";
import { keywordModule } from "./keyword-module.js";
import { loggingHandlersModule } from "./logging-handlers-module.js";
import { loggingModule } from "./logging-module.js";
import { mathModule } from "./math-module.js";
import { numbersModule } from "./numbers-module.js";
import { operatorModule } from "./operator-module.js";
import { osModule, osPathModule } from "./os-module.js";
import { pathlibModule } from "./pathlib-module.js";
import { pickleAcceleratorModule, pickleModule } from "./pickle-module.js";
import { posixpathModule } from "./posixpath-module.js";
import { pprintModule } from "./pprint-module.js";
import { queueModule } from "./queue-module.js";
import { randomModule } from "./random-module.js";
import { reModule } from "./re-module.js";
import { reprlibModule } from "./reprlib-module.js";
import { shutilModule } from "./shutil-module.js";
import { sitebuiltinsModule } from "./sitebuiltins-module.js";
import { statModule } from "./stat-module.js";
import { statisticsModule } from "./statistics-module.js";
import { stringModule } from "./string-module.js";
import { strptimeModule } from "./strptime-module.js";
import { structModule } from "./struct-module.js";
import { sysModule } from "./sys-module.js";
import { tempfileModule } from "./tempfile-module.js";
import { textwrapModule } from "./textwrap-module.js";
import { threadingModule } from "./threading-module.js";
import { timeModule } from "./time-module.js";
import { timeitModule } from "./timeit-module.js";
import { tracebackModule } from "./traceback-module.js";
import { tracemallocModule } from "./tracemalloc-module.js";
import { typesModule } from "./types-module.js";
import { typingModule } from "./typing-module.js";
import { unicodedataModule } from "./unicodedata-module.js";
import { unittestModule } from "./unittest-module.js";
import { warningsModule } from "./warnings-module.js";
import { weakrefModule } from "./weakref-module.js";
import { zlibModule } from "./zlib-module.js";

/**
 * The native modules `import` finds (`__future__`, `abc`, `asyncio`, `bisect`, `contextlib`, `dataclasses`, `enum`, `gc`, `heapq`, `inspect`, `io`, `math`, `os`, `pathlib`, `random`, `re`, `string`,
 * `sys`, `time`, `traceback`, `tracemalloc`, `warnings`, `weakref`), written in TypeScript against
 * {@link NativeContext}.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: nativeModules });
 * interpreter.run("import gc\nprint(gc.isenabled())"); // True
 * ```
 */
export const nativeModules: Readonly<Record<string, NativeModuleFactory>> = {
  __future__: futureModule,
  _codecs: codecsNativeModule,
  _pickle: pickleAcceleratorModule,
  abc: abcModule,
  argparse: argparseModule,
  array: arrayModule,
  ast: astModule,
  asyncio: asyncioModule,
  base64: base64Module,
  binascii: binasciiModule,
  bisect: bisectModule,
  calendar: calendarModule,
  cmath: cmathModule,
  atexit: atexitModule,
  inspect: inspectModule,
  io: ioModule,
  json: jsonModule,
  _jsre: jsreModule,
  copy: copyModule,
  copyreg: copyregModule,
  csv: csvModule,
  dataclasses: dataclassesModule,
  decimal: decimalModule,
  difflib: difflibModule,
  enum: enumModule,
  doctest: doctestModule,
  operator: operatorModule,
  os: osModule,
  "os.path": osPathModule,
  pathlib: pathlibModule,
  pickle: pickleModule,
  posixpath: posixpathModule,
  errno: errnoModule,
  fnmatch: fnmatchModule,
  fractions: fractionsModule,
  functools: functoolsModule,
  itertools: itertoolsModule,
  collections: collectionsModule,
  "collections.abc": collectionsAbcModule,
  contextlib: contextlibModule,
  gc: gcModule,
  hashlib: hashlibModule,
  heapq: heapqModule,
  hmac: hmacModule,
  importlib: importlibModule,
  "importlib.machinery": importlibMachineryModule,
  "importlib.util": importlibUtilModule,
  math: mathModule,
  pprint: pprintModule,
  random: randomModule,
  re: reModule,
  reprlib: reprlibModule,
  shutil: shutilModule,
  stat: statModule,
  statistics: statisticsModule,
  string: stringModule,
  _strptime: strptimeModule,
  struct: structModule,
  sys: sysModule,
  tempfile: tempfileModule,
  textwrap: textwrapModule,
  datetime: datetimeModule,
  queue: queueModule,
  glob: globModule,
  graphlib: graphlibModule,
  keyword: keywordModule,
  _sitebuiltins: sitebuiltinsModule,
  logging: loggingModule,
  "logging.handlers": loggingHandlersModule,
  numbers: numbersModule,
  threading: threadingModule,
  time: timeModule,
  timeit: timeitModule,
  traceback: tracebackModule,
  tracemalloc: tracemallocModule,
  types: typesModule,
  typing: typingModule,
  unicodedata: unicodedataModule,
  unittest: unittestModule,
  warnings: warningsModule,
  weakref: weakrefModule,
  zlib: zlibModule,
};

export { abcModule } from "./abc-module.js";
export { argparseModule } from "./argparse-module.js";
export { arrayModule } from "./array-module.js";
export { astModule } from "./ast-module.js";
export { asyncioModule } from "./asyncio-module.js";
export { atexitModule } from "./atexit-module.js";
export { base64Module } from "./base64-module.js";
export { binasciiModule } from "./binascii-module.js";
export { bisectModule } from "./bisect-module.js";
export { calendarModule } from "./calendar-module.js";
export { cmathModule } from "./cmath-module.js";
export { codecsNativeModule } from "./codecs-native-module.js";
export { collectionsAbcModule } from "./collections-abc-module.js";
export { collectionsModule } from "./collections-module.js";
export { contextlibModule } from "./contextlib-module.js";
export { copyModule } from "./copy-module.js";
export { copyregModule } from "./copyreg-module.js";
export { csvModule } from "./csv-module.js";
export { dataclassesModule } from "./dataclasses-module.js";
export { datetimeModule } from "./datetime-module.js";
export { decimalModule } from "./decimal-module.js";
export { difflibModule } from "./difflib-module.js";
export { enumModule } from "./enum-module.js";
export { errnoModule } from "./errno-module.js";
export { fnmatchModule } from "./fnmatch-module.js";
export { fractionsModule } from "./fractions-module.js";
export { functoolsModule } from "./functools-module.js";
export { futureModule } from "./future-module.js";
export { gcModule } from "./gc-module.js";
export { globModule } from "./glob-module.js";
export { graphlibModule } from "./graphlib-module.js";
export { hashlibModule } from "./hashlib-module.js";
export { heapqModule } from "./heapq-module.js";
export { hmacModule } from "./hmac-module.js";
export { importlibMachineryModule } from "./importlib-machinery-module.js";
export { importlibModule } from "./importlib-module.js";
export { importlibUtilModule } from "./importlib-util-module.js";
export { inspectModule } from "./inspect-module.js";
export { ioModule } from "./io-module.js";
export { itertoolsModule } from "./itertools-module.js";
export { jsonModule } from "./json-module.js";
export { jsreModule } from "./jsre-module.js";
export { keywordModule } from "./keyword-module.js";
export { loggingHandlersModule } from "./logging-handlers-module.js";
export { loggingModule } from "./logging-module.js";
export { mathModule } from "./math-module.js";
export { numbersModule } from "./numbers-module.js";
export { operatorModule } from "./operator-module.js";
export { osModule, osPathModule } from "./os-module.js";
export { pathlibModule } from "./pathlib-module.js";
export { pickleAcceleratorModule, pickleModule } from "./pickle-module.js";
export { posixpathModule } from "./posixpath-module.js";
export { pprintModule } from "./pprint-module.js";
export { queueModule } from "./queue-module.js";
export { randomModule } from "./random-module.js";
export { reModule } from "./re-module.js";
export { reprlibModule } from "./reprlib-module.js";
export { shutilModule } from "./shutil-module.js";
export { sitebuiltinsModule } from "./sitebuiltins-module.js";
export { statModule } from "./stat-module.js";
export { statisticsModule } from "./statistics-module.js";
export { stringModule } from "./string-module.js";
export { strptimeModule } from "./strptime-module.js";
export { structModule } from "./struct-module.js";
export { sysModule } from "./sys-module.js";
export { tempfileModule } from "./tempfile-module.js";
export { textwrapModule } from "./textwrap-module.js";
export { threadingModule } from "./threading-module.js";
export { timeModule } from "./time-module.js";
export { timeitModule } from "./timeit-module.js";
export { tracebackModule } from "./traceback-module.js";
export { tracemallocModule } from "./tracemalloc-module.js";
export { typesModule } from "./types-module.js";
export { typingModule } from "./typing-module.js";
export { unicodedataModule } from "./unicodedata-module.js";
export { warningsModule } from "./warnings-module.js";
export { weakrefModule } from "./weakref-module.js";
export { zlibModule } from "./zlib-module.js";
