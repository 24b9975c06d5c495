/**
 * The host side of the core's `foldColumn` (assembly/columnFold.ts): copies a column profile's
 * moments and HLL registers into the core's state area, folds, and copies them back, adding the
 * type votes and handing the numbers to the KLL sketch in row order.
 */
import { FoldTarget } from '../profile/foldTarget';
import { CsvScanExports } from './csvScanModule';

const MOMENT_DOUBLES = 7;
const COUNTS_AT = 56;
const REGISTERS_AT = 76;
const REGISTERS = 512;
/** Bytes of the state area (columnFold.ts's layout), rounded up to a multiple of 8. */
export const FOLD_STATE_BYTES = 592;

export class ColumnFolder {
  private buffer: ArrayBuffer | null = null;
  private moments = new Float64Array(0);
  private counts = new Int32Array(0);
  private registers = new Uint8Array(0);

  /** `stateAt`: FOLD_STATE_BYTES for the state; `numbersAt`: 8 bytes for each row of a batch. */
  constructor(
    private readonly core: CsvScanExports,
    private readonly stateAt: number,
    private readonly numbersAt: number
  ) {}

  /** Folds `rows` cells of a column whose kinds, values and slots start at these addresses. */
  fold(
    kindsAt: number,
    valuesAt: number,
    slotsAt: number,
    rows: number,
    target: FoldTarget
  ): number {
    this.refreshViews();
    if (!target.moments.writeState(this.moments)) {
      return 0;
    }
    this.registers.set(target.hll.registers);
    const taken = this.core.foldColumn(
      kindsAt,
      valuesAt,
      slotsAt,
      rows,
      this.stateAt,
      this.numbersAt
    );
    target.moments.readState(this.moments);
    target.hll.registers.set(this.registers);
    const [missing, integral, fractional, boolean, string] = this.counts;
    const types = target.types;
    types.missing += missing;
    types.integral += integral;
    types.fractional += fractional;
    types.boolean += boolean;
    types.string += string;
    const numbers = integral + fractional;
    target.kll.updateAll(new Float64Array(this.core.memory.buffer, this.numbersAt, numbers));
    return taken;
  }

  /** Views over the state area, made anew when memory has grown (a new buffer). */
  private refreshViews(): void {
    const buffer = this.core.memory.buffer;
    if (buffer === this.buffer) {
      return;
    }
    this.buffer = buffer;
    this.moments = new Float64Array(buffer, this.stateAt, MOMENT_DOUBLES);
    this.counts = new Int32Array(buffer, this.stateAt + COUNTS_AT, 5);
    this.registers = new Uint8Array(buffer, this.stateAt + REGISTERS_AT, REGISTERS);
  }
}
