// A WebAssembly module assembled byte by byte — no toolchain — that imports its memory and exports
//   sum(ptr, count) -> i32          the sum of `count` 32-bit integers at `ptr`
//   fill(ptr, count, value)         writes `value` into `count` 32-bit integers at `ptr`
// With `shared`, it imports a shared memory (any size up to 4 GiB), as threads need.

const I32 = 0x7f;
const [BLOCK, LOOP, END, BR, BR_IF] = [0x02, 0x03, 0x0b, 0x0c, 0x0d];
const [LOCAL_GET, LOCAL_SET, I32_LOAD, I32_STORE, I32_CONST] = [0x20, 0x21, 0x28, 0x36, 0x41];
const [I32_EQZ, I32_ADD, I32_SUB] = [0x45, 0x6a, 0x6b];
const VOID = 0x40;

/** Unsigned LEB128, the integer encoding of the wasm binary format. */
function leb(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}
const name = (text: string) => [...leb(text.length), ...new TextEncoder().encode(text)];
const vector = (items: number[][]) => [...leb(items.length), ...items.flat()];
const section = (id: number, body: number[]) => [id, ...leb(body.length), ...body];
const body = (locals: number[][], code: number[]) => {
  const content = [...vector(locals), ...code, END];
  return [...leb(content.length), ...content];
};

/** while (count != 0) { …step…; ptr += 4; count -= 1 }, with ptr in local 0 and count in local 1. */
function loopOverInts(step: number[]): number[] {
  // biome-ignore format: instructions grouped as in the wasm text format
  return [
    BLOCK, VOID, LOOP, VOID,
    LOCAL_GET, 1, I32_EQZ, BR_IF, 1, // count == 0: leave the block
    ...step,
    LOCAL_GET, 0, I32_CONST, 4, I32_ADD, LOCAL_SET, 0, // ptr += 4
    LOCAL_GET, 1, I32_CONST, 1, I32_SUB, LOCAL_SET, 1, // count -= 1
    BR, 0, // next iteration
    END, END,
  ];
}

/** The module's bytes. */
export function assembleModule(shared = false): Uint8Array<ArrayBuffer> {
  const memoryLimits = shared ? [0x03, ...leb(1), ...leb(65536)] : [0x00, ...leb(1)];
  // biome-ignore format: instructions grouped as in the wasm text format
  const sum = loopOverInts([
    LOCAL_GET, 2, LOCAL_GET, 0, I32_LOAD, 2, 0, I32_ADD, LOCAL_SET, 2, // total += *ptr
  ]);
  // biome-ignore format: instructions grouped as in the wasm text format
  const fill = loopOverInts([LOCAL_GET, 0, LOCAL_GET, 2, I32_STORE, 2, 0]); // *ptr = value
  // biome-ignore format: one section per line
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
    ...section(1, vector([
      [0x60, ...vector([[I32], [I32]]), ...vector([[I32]])], // type 0: (i32, i32) -> i32
      [0x60, ...vector([[I32], [I32], [I32]]), ...vector([])], // type 1: (i32, i32, i32) -> ()
    ])),
    ...section(2, vector([[...name("env"), ...name("memory"), 0x02, ...memoryLimits]])),
    ...section(3, vector([[0], [1]])), // sum: type 0, fill: type 1
    ...section(7, vector([[...name("sum"), 0x00, 0], [...name("fill"), 0x00, 1]])),
    ...section(10, vector([
      body([[1, I32]], [...sum, LOCAL_GET, 2]), // one i32 local: the total
      body([], fill),
    ])),
  ]);
}

/** The exports of an instance of the module. */
export interface IntArrayModule {
  sum(ptr: number, count: number): number;
  fill(ptr: number, count: number, value: number): void;
}
