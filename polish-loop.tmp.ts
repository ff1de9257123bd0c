import { Interpreter } from "./packages/python/src/index.ts";
const src = "i = 0\nn = 3000000\ns = 'a'\nt = 'b'\nwhile i < n:\n    if s < t:\n        i += 1\n";
for (let r = 0; r < 5; r++) {
  const it = new Interpreter({ stdout: () => {} });
  const t0 = performance.now();
  it.run(src);
  console.log((performance.now() - t0).toFixed(0));
  it.dispose();
}
