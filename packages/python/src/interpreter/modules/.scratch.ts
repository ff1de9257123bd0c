import { readFileSync } from "node:fs";
import { runPython } from "./run-python.js";
const r = runPython(readFileSync(process.argv[2]!, "utf8"));
process.stdout.write(r.stdout); process.stderr.write(r.stderr);
r.interpreter.dispose();
