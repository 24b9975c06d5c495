/**
 * The byte-level CSV core (assembly/csvScan.ts), instantiated from bytes bundled in the code (see
 * instantiateWasm.ts). Each JavaScript isolate (the CLI, a worker thread, the browser worker) has
 * its own instance.
 */
import { CSV_SCAN_WASM_BASE64 } from './csvScanBinary';
import { instantiateWasm } from './instantiateWasm';

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
  /**
   * Writes the value counts hash of each of `count` cells that is neither missing nor TEXT (bounds
   * relative to `input`).
   */
  hashCells(
    input: number,
    kinds: number,
    starts: number,
    ends: number,
    hashes: number,
    count: number
  ): void;
  /**
   * Folds `rows` cells of one column into the profile state at `state`, numbers to `numbers`;
   * returns the cells taken (assembly/columnFold.ts).
   */
  foldColumn(
    kinds: number,
    values: number,
    slots: number,
    rows: number,
    state: number,
    numbers: number
  ): number;
  /**
   * Rewrites the capture lines at `input` it takes as CSV rows `output,input` from `input` on;
   * returns the rows written (assembly/captureLines.ts).
   */
  captureRows(
    input: number,
    length: number,
    eof: number,
    maxRows: number,
    outputWidth: number,
    inputWidth: number,
    maxChars: number
  ): number;
  /** Where `captureRows` leaves bytes consumed, lines consumed, its stop reason, bytes of rows. */
  captureStatusStart(): number;
}

/** Why a scan stopped (csvScan.ts). */
export const SCAN_STOP = { batchFull: 0, needMore: 1, specialLine: 2, inputEnd: 3 } as const;

/** A new instance of the module; null where WebAssembly is unavailable. */
export function instantiateCsvScan(): CsvScanExports | null {
  return instantiateWasm<CsvScanExports>(CSV_SCAN_WASM_BASE64);
}
