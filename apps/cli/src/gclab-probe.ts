/**
 * The GC lab's probe on the pymem side: what `_gclab.py` measures under CPython and Pyodide —
 * garbage outstanding (dropped − freed, sampled at every `dropped()`), peak allocated blocks —
 * kept in JavaScript so that measuring costs the program nothing it would not pay on CPython.
 *
 * @module
 */

/**
 * Counters a workload drives through the `_gclab` module.
 *
 * @example
 * ```ts
 * const probe = new LabProbe(() => runtime.getallocatedblocks());
 * probe.dropped(200); probe.freed(200); probe.outstandingMax; // 200
 * ```
 */
export class LabProbe {
  droppedTotal = 0;
  freedTotal = 0;
  outstandingMax = 0;
  peakBlocks = 0;
  private samples = 0;
  private outstandingSum = 0;

  constructor(private readonly allocatedBlocks: () => number) {}

  /** The workload just dropped `count` objects of cyclic garbage. */
  dropped(count: number): void {
    this.droppedTotal += count;
    this.sample();
  }

  /** A sentinel's `__del__`: the collector freed a structure of `count` objects. */
  freed(count: number): void {
    this.freedTotal += count;
  }

  /** Records garbage outstanding and allocated blocks now. */
  sample(): void {
    const outstanding = this.droppedTotal - this.freedTotal;
    this.samples++;
    this.outstandingSum += outstanding;
    if (outstanding > this.outstandingMax) this.outstandingMax = outstanding;
    const blocks = this.allocatedBlocks();
    if (blocks > this.peakBlocks) this.peakBlocks = blocks;
  }

  /** Mean garbage outstanding over the samples (0 without samples). */
  get outstandingMean(): number {
    return this.samples === 0 ? 0 : this.outstandingSum / this.samples;
  }
}
