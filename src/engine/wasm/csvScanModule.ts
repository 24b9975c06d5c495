/**
 * The byte-level CSV core (assembly/csvScan.ts), compiled and instantiated synchronously from bytes
 * bundled in the code, like the XXH64 module: under 4 KB, so browsers compile it on a main thread
 * too. Each JavaScript isolate (the CLI, a worker thread, the browser worker) has its own instance.
 */
import { decodeBase64 } from '../io/base64';
import { CSV_SCAN_WASM_BASE64 } from './csvScanBinary';

/** The module's exports; pointers are byte offsets into `memory`. */
export interface CsvScanExports {
  readonly memory: WebAssembly.Memory;
  /** Where the host may lay out input and cell arrays. */
  heapStart(): number;
  /** Where `scan` leaves bytes consumed, lines consumed and its stop reason (three i32). */
  statusStart(): number;
  scan(
    input: number,
    length: number,
    eof: number,
    width: number,
    maxRows: number,
    out: number
  ): number;
  /** Commas in the bytes at `at`, or -1 when one is a quote, a line break or non-ASCII. */
  plainCommas(at: number, length: number): number;
}

/** Why a scan stopped (csvScan.ts). */
export const SCAN_STOP = { batchFull: 0, needMore: 1, specialLine: 2, inputEnd: 3 } as const;

let compiled: WebAssembly.Module | null | undefined;

/** A new instance of the module; null where WebAssembly is missing or refused (a page's CSP). */
export function instantiateCsvScan(): CsvScanExports | null {
  if (typeof WebAssembly !== 'object') {
    return null;
  }
  try {
    compiled ??= new WebAssembly.Module(
      decodeBase64(CSV_SCAN_WASM_BASE64) as Uint8Array<ArrayBuffer>
    );
    return new WebAssembly.Instance(compiled, {}).exports as unknown as CsvScanExports;
  } catch {
    compiled = null;
    return null;
  }
}
