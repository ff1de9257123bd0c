/**
 * Whole-stack model-based fuzz (see whole-stack-fuzzer.ts) on CPython's generational collector,
 * with 3.13's and 3.12's thresholds. Replay a failure with `PYMEM_FUZZ_SEED=<seed>`; scale with
 * `PYMEM_FUZZ_OPS=<total operations>`.
 */
import { defineFuzzSuite } from "./whole-stack-fuzz-suite.js";

defineFuzzSuite(["generational", "generational-3.12"]);
