/**
 * Whole-stack model-based fuzz (see whole-stack-fuzzer.ts) on the incremental and Bacon–Rajan
 * collectors and with no collector (refcounting alone; the collection checks do not apply).
 * Replay a failure with `PYMEM_FUZZ_SEED=<seed>`; scale with `PYMEM_FUZZ_OPS=<total operations>`.
 */
import { defineFuzzSuite } from "./whole-stack-fuzz-suite.js";

defineFuzzSuite(["incremental", "bacon-rajan", "none"]);
