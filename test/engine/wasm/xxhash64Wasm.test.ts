import fc from 'fast-check';
import { HyperLogLog } from '../../../src/engine/profile/hll';
import { jsHllSlots } from '../../../src/engine/profile/hllSlots';
import { u64, U64 } from '../../../src/engine/profile/uint64';
import { xxh64, xxh64String } from '../../../src/engine/profile/xxhash64';
import { wasmHllSlots } from '../../../src/engine/wasm/wasmHllSlots';
import { WasmInput } from '../../../src/engine/wasm/wasmInput';
import { XXHASH64_WASM_BASE64 } from '../../../src/engine/wasm/xxhash64Binary';
import { instantiateXxhash64, Xxhash64Exports } from '../../../src/engine/wasm/xxhash64Module';
import { compiledWasm } from '../../helpers/wasmBuild';

const wasm = instantiateXxhash64() as Xxhash64Exports;
const input = WasmInput.of(wasm);
const slots = wasmHllSlots()!;

/** The module's XXH64 of what `write` put in the input area (`length` bytes). */
function wasmHash(length: number, seed: U64): U64 {
  wasm.xxh64(input.start, length, seed.hi | 0, seed.lo | 0);
  const words = new Uint32Array(wasm.memory.buffer, wasm.resultStart(), 2);
  return u64(words[1], words[0]);
}

function wasmXxh64(bytes: Uint8Array, seed: U64): U64 {
  input.writeBytes(bytes);
  return wasmHash(bytes.length, seed);
}

/** Any UTF-16 code units, lone surrogates included. */
const codeUnitString = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map(c => String.fromCharCode(c)),
  maxLength: 60
});
const anyString = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  codeUnitString
);
const seed = fc.tuple(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff }));

describe('WebAssembly XXH64 (src/engine/wasm)', () => {
  test('the committed module is what its AssemblyScript source compiles to', () => {
    expect(compiledWasm('xxhash64')).toEqual(Buffer.from(XXHASH64_WASM_BASE64, 'base64'));
  }, 60000);

  test('loads synchronously under jest', () => {
    expect(instantiateXxhash64()).not.toBeNull();
  });

  test('equals the JavaScript XXH64 on random bytes and seeds', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), seed, (bytes, [hi, lo]) => {
        expect(wasmXxh64(bytes, u64(hi, lo))).toEqual(xxh64(bytes, u64(hi, lo)));
      }),
      { numRuns: 2000 }
    );
  });

  test('equals the JavaScript XXH64 on strings, encoded as the engine encodes them', () => {
    fc.assert(
      fc.property(anyString, text => {
        const seed42 = u64(0, 42);
        expect(wasmHash(input.writeString(text), seed42)).toEqual(xxh64String(text, seed42));
        expect(slots.ofString(text)).toBe(jsHllSlots.ofString(text));
      }),
      { numRuns: 3000 }
    );
  });

  test('a lone surrogate is hashed as U+FFFD, as TextEncoder writes it', () => {
    expect(slots.ofString('a\ud800b')).toBe(jsHllSlots.ofString('a\ufffdb'));
    expect(slots.ofString('\udc00')).toBe(jsHllSlots.ofString('\ufffd'));
  });

  test('values larger than the first memory page grow the input area', () => {
    const long = 'é'.repeat(100_000) + 'x';
    expect(slots.ofString(long)).toBe(jsHllSlots.ofString(long));
    const bytes = new Uint8Array(300_000).map((_, i) => i * 7);
    expect(wasmXxh64(bytes, u64(0, 42))).toEqual(xxh64(bytes, u64(0, 42)));
    expect(slots.ofString('after growth')).toBe(jsHllSlots.ofString('after growth'));
  });

  test('equals the JavaScript slots of longs and doubles', () => {
    const word = fc.integer({ min: -0x80000000, max: 0x7fffffff });
    fc.assert(
      fc.property(word, word, (hi, lo) => {
        expect(slots.ofLong(hi, lo)).toBe(jsHllSlots.ofLong(hi, lo));
      }),
      { numRuns: 2000 }
    );
    fc.assert(
      fc.property(fc.double(), x => {
        expect(slots.ofDouble(x)).toBe(jsHllSlots.ofDouble(x));
      }),
      { numRuns: 2000 }
    );
    for (const x of [NaN, -NaN, 0, -0, Infinity, -Infinity, Number.MIN_VALUE]) {
      expect(slots.ofDouble(x)).toBe(jsHllSlots.ofDouble(x));
    }
  });

  test('HLL registers and estimates are identical on random columns', () => {
    const cell = fc.oneof(
      anyString.map(text => ({ text })),
      fc.double().map(double => ({ double })),
      fc.maxSafeInteger().map(integer => ({ integer }))
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 3000 }), column => {
        const js = new HyperLogLog(jsHllSlots);
        const wasm = new HyperLogLog();
        for (const hll of [js, wasm]) {
          for (const c of column) {
            if ('text' in c) {
              hll.addString(c.text);
            } else if ('double' in c) {
              hll.addDouble(c.double);
            } else {
              hll.addSafeInteger(c.integer);
            }
          }
        }
        expect(wasm.registers).toEqual(js.registers);
        expect(wasm.estimate()).toBe(js.estimate());
      }),
      { numRuns: 100 }
    );
  });
});
