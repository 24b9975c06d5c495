/**
 * Everything kept about one column: type votes, moments and KLL of its numeric values, HLL of its
 * values, and value counts. Which of them is written depends on the type inferred at the end.
 */
import { Column, FractionalColumn, IntegralColumn, ScannedColumn } from '../io/batch';
import { CELL_MISSING, CELL_TEXT, ScannedCells } from '../io/scannedCells';
import {
  AnalyzerGeneration,
  FeatureStatistics,
  InferredType,
  NumericalStatistics,
  StringStatistics
} from '../documents/statistics';
import { HyperLogLog } from './hll';
import { KllSketch, KllSketchJSON } from './kll';
import { kllBuckets } from './kllBuckets';
import { Moments, MomentsJSON } from './moments';
import { NumberSlots } from './numberSlots';
import { stringHash } from './stringTable';
import { scanText, TextScan } from './textScan';
import { addTypeCounts, emptyTypeCounts, inferType, TypeCounts, ValueType } from './typeInference';
import { ValueCounts, ValueCountsJSON } from './valueCounts';

/** An Integral past 2^53 is not exact as a double: its text goes to the exact sum. */
function isExact(scan: TextScan): boolean {
  return scan.type !== 'integral' || Number.isSafeInteger(scan.value) || Number.isNaN(scan.value);
}

/** Note codes of text values in the value counts (0 is no note), and back. */
const NO_NOTE = 0;
const NOTE_CODES: Record<ValueType, number> = { integral: 1, fractional: 2, boolean: 3, string: 4 };
const VOTES: ValueType[] = ['string', 'integral', 'fractional', 'boolean', 'string'];

/** String columns get categorical buckets up to this many approximate distinct values (Deequ). */
export const CATEGORICAL_BUCKET_THRESHOLD = 120;

/**
 * Distinct values held past which a column's value counts can never be written: HyperLogLog
 * (p = 9, ~5 % error) cannot estimate this many, or more after a merge, at or under
 * CATEGORICAL_BUCKET_THRESHOLD. Past it a column stops counting values.
 */
export const UNWRITTEN_DISTINCT = 4 * CATEGORICAL_BUCKET_THRESHOLD;

export interface ColumnProfileJSON {
  name: string;
  types: TypeCounts;
  /** Absent in profiles saved before it was counted. */
  castNulls?: number;
  moments: MomentsJSON;
  kll: KllSketchJSON;
  hll: string;
  values: ValueCountsJSON;
}

export class ColumnProfile {
  private types = emptyTypeCounts();
  private moments = new Moments();
  private kll = new KllSketch();
  private hll = new HyperLogLog();
  private values: ValueCounts;
  /**
   * Typed numbers' value-count slots, valid while the value counts have pruned `slotsPrunes` times.
   * Made on the first typed number: text columns (CSV) never use its 96 KB.
   */
  private numberSlots: NumberSlots | undefined;
  private slotsPrunes = 0;
  /**
   * Numeric votes Spark's cast turns to null (`- 5`): missing from the numeric statistics, present
   * for a String column (docs/deequ-agreement.md).
   */
  private castNulls = 0;
  /** Reused by `addText` for each cell's vote and number. */
  private readonly scan: TextScan = { type: 'string', value: NaN };
  /**
   * Set once the value counts hold more distinct values than could ever be written (see
   * UNWRITTEN_DISTINCT), or were pruned: from then on cells skip them. A scanned cell's vote and
   * number come from the core, so its note saved nothing; a text cell is scanned again instead.
   */
  private skipValueCounts = false;

  /**
   * `skipValueCounts`: start without value lookups, because this column of the same dataset was
   * found to need none in an earlier part (whose profile is merged with this one).
   */
  constructor(
    readonly name: string,
    categoricalLimit?: number,
    skipValueCounts = false
  ) {
    this.values = new ValueCounts(categoricalLimit);
    this.skipValueCounts = skipValueCounts && this.values.limit >= CATEGORICAL_BUCKET_THRESHOLD;
  }

  /** Whether cells skip the value counts (see `skipValueCounts`). */
  get skipsValueCounts(): boolean {
    return this.skipValueCounts;
  }

  get present(): number {
    return this.rowCount - this.types.missing;
  }

  get rowCount(): number {
    const t = this.types;
    return t.integral + t.fractional + t.boolean + t.string + t.missing;
  }

  typeCounts(): TypeCounts {
    return { ...this.types };
  }

  inferredType(): InferredType {
    return inferType(this.types);
  }

  addMissing(rows: number): void {
    this.types.missing += rows;
  }

  add(column: Column): void {
    switch (column.kind) {
      case 'text': {
        const values = column.values;
        for (let i = 0; i < values.length; i++) {
          this.addText(values[i]);
        }
        return;
      }
      case 'scanned':
        this.addScanned(column);
        return;
      case 'integral':
        this.addIntegrals(column);
        return;
      case 'fractional':
        this.addFractionals(column);
        return;
      case 'boolean':
        column.values.forEach(value => this.addText(value === null ? null : String(value)));
        return;
    }
  }

  /** Merges `other`, whose rows come after ours. */
  merge(other: ColumnProfile): void {
    addTypeCounts(this.types, other.types);
    this.castNulls += other.castNulls;
    this.moments.merge(other.moments);
    this.kll.merge(other.kll);
    this.hll.merge(other.hll);
    this.values.merge(other.values);
  }

  toFeature(itemCount: number, generation: AnalyzerGeneration): FeatureStatistics {
    const type = this.inferredType();
    const feature: FeatureStatistics = { name: this.name, inferred_type: type };
    if (type === 'Integral' || type === 'Fractional') {
      feature.numerical_statistics = this.numerical(type, itemCount, generation);
    } else if (type === 'String') {
      feature.string_statistics = this.string(itemCount, generation);
    }
    return feature;
  }

  toJSON(): ColumnProfileJSON {
    return {
      name: this.name,
      types: this.typeCounts(),
      castNulls: this.castNulls,
      moments: this.moments.toJSON(),
      kll: this.kll.toJSON(),
      hll: this.hll.toJSON(),
      values: this.values.toJSON()
    };
  }

  static fromJSON(json: ColumnProfileJSON): ColumnProfile {
    const profile = new ColumnProfile(json.name);
    profile.types = { ...json.types };
    profile.castNulls = json.castNulls ?? 0;
    profile.moments = Moments.fromJSON(json.moments);
    profile.kll = KllSketch.fromJSON(json.kll);
    profile.hll = HyperLogLog.fromJSON(json.hll);
    profile.values = ValueCounts.fromJSON(json.values);
    return profile;
  }

  /**
   * Counts one text cell. A value seen before (still held in the value counts, and noted then) reuses
   * its noted vote and number and skips the HLL: its hash is already in the registers, and adding a
   * hash twice changes nothing. Only text cells are noted, since typed cells hash differently.
   */
  private addText(value: string | null): void {
    if (value === null) {
      this.types.missing++;
      return;
    }
    if (this.skipValueCounts) {
      this.addNewText(value);
      return;
    }
    const values = this.values;
    const hash = stringHash(value);
    if (this.countNoted(values.find(value, hash))) {
      return;
    }
    const scan = this.addNewText(value);
    const slot = this.addNewValue(value, hash);
    if (slot >= 0 && isExact(scan)) {
      values.setNote(slot, NOTE_CODES[scan.type], scan.value);
    }
  }

  /**
   * Counts scanned text cells exactly as `addText` counts their text: the core has voted, parsed and
   * hashed each cell (the value counts hash only while this column counts values), so a string is
   * made only for a value new to the value counts (and for a cell the core left to JavaScript).
   */
  private addScanned({ cells, offset }: ScannedColumn): void {
    const { kinds, values: numbers, slots, hashes, starts, ends, bytes } = cells;
    const values = this.values;
    const end = offset + cells.rowCount;
    let cell = offset;
    if (!this.skipValueCounts) {
      cells.hash(offset, cells.rowCount);
    }
    if (cells.fold !== null) {
      // The core folds the votes, numbers and HLL of the cells up to one it leaves to us; only
      // their value counts are left here.
      const target = { moments: this.moments, kll: this.kll, hll: this.hll, types: this.types };
      const folded = cells.fold(offset, cells.rowCount, target);
      this.countFoldedValues(cells, offset, offset + folded);
      cell += folded;
    }
    for (; cell < end; cell++) {
      const kind = kinds[cell];
      if (kind === CELL_MISSING) {
        this.types.missing++;
        continue;
      }
      if (kind === CELL_TEXT) {
        this.addText(cells.text(cell));
        continue;
      }
      if (this.skipValueCounts) {
        this.hll.addSlot(slots[cell]);
        this.countVote(VOTES[kind], numbers[cell]);
        continue;
      }
      const hash = hashes[cell];
      if (this.countNoted(values.findBytes(bytes, starts[cell], ends[cell], hash))) {
        continue;
      }
      this.hll.addSlot(slots[cell]);
      this.countVote(VOTES[kind], numbers[cell]);
      this.addScannedValue(cells, cell);
    }
  }

  /**
   * The value counts of scanned cells [from, to) whose votes, numbers and HLL the core has folded
   * (none of them TEXT): what `addScanned`'s loop counts for them.
   */
  private countFoldedValues(cells: ScannedCells, from: number, to: number): void {
    const { kinds, hashes, starts, ends, bytes } = cells;
    const values = this.values;
    for (let cell = from; cell < to && !this.skipValueCounts; cell++) {
      if (kinds[cell] === CELL_MISSING) {
        continue;
      }
      const seen = values.findBytes(bytes, starts[cell], ends[cell], hashes[cell]);
      if (seen >= 0) {
        values.increment(seen);
      } else {
        this.addScannedValue(cells, cell);
      }
    }
  }

  /**
   * Counts the value of a present scanned cell (adding it when it is new) and notes its vote and
   * number with it.
   */
  private addScannedValue(cells: ScannedCells, cell: number): void {
    const slot = this.addNewValue(cells.text(cell), cells.hashes[cell]);
    if (slot >= 0) {
      this.values.setNote(slot, cells.kinds[cell], cells.values[cell]);
    }
  }

  /**
   * After a value-count lookup that found slot `seen` (-1: not found): counts a value noted before by
   * its note. False when the value still has to be voted and hashed.
   */
  private countNoted(seen: number): boolean {
    const values = this.values;
    const note = seen >= 0 ? values.noteOf(seen) : NO_NOTE;
    if (note === NO_NOTE) {
      return false;
    }
    values.increment(seen);
    this.countVote(VOTES[note], values.noteValueOf(seen));
    return true;
  }

  /** Votes, hashes and counts the number of a text cell not found in the value counts. */
  private addNewText(value: string): TextScan {
    const scan = this.scan;
    scanText(value, scan);
    this.hll.addString(value);
    this.countVote(scan.type, scan.value, isExact(scan) ? undefined : value);
    return scan;
  }

  /**
   * Counts a value not held yet (whose stringHash is `hash`); returns its slot, or -1 when pruning
   * dropped it at once. Every new value comes in here, so this is where counting stops once the
   * counts can never be written.
   */
  private addNewValue(text: string, hash: number): number {
    const values = this.values;
    const slot = values.add(text, 1, hash);
    if (
      (values.pruned || values.size > UNWRITTEN_DISTINCT) &&
      values.limit >= CATEGORICAL_BUCKET_THRESHOLD
    ) {
      values.stopCounting();
      this.skipValueCounts = true;
    }
    return slot;
  }

  /** Counts a text cell's vote and its number; `text` when an Integral is past 2^53 (exact sum). */
  private countVote(type: ValueType, x: number, text?: string): void {
    // A switch, not this.types[type]++: a computed key on the hot path is a slow generic access.
    const types = this.types;
    switch (type) {
      case 'integral':
        types.integral++;
        if (x !== x) {
          this.castNulls++;
        } else {
          this.addNumber(x, text === undefined ? x : BigInt(text));
        }
        return;
      case 'fractional':
        types.fractional++;
        if (x !== x) {
          this.castNulls++;
        } else {
          this.addNumber(x);
        }
        return;
      case 'boolean':
        types.boolean++;
        return;
      default:
        types.string++;
    }
  }

  private addIntegrals({ values, present, wide }: IntegralColumn): void {
    for (let row = 0; row < values.length; row++) {
      if (present !== null && present[row] === 0) {
        this.types.missing++;
        continue;
      }
      const exact = wide === null ? undefined : wide.get(row);
      if (exact === undefined) {
        this.addSafeIntegral(values[row]);
      } else {
        this.addWideIntegral(exact);
      }
    }
  }

  private addFractionals({ values, present }: FractionalColumn): void {
    for (let row = 0; row < values.length; row++) {
      if (present !== null && present[row] === 0) {
        this.types.missing++;
      } else {
        this.addFractional(values[row]);
      }
    }
  }

  /** A typed integer within ±2^53: hashed as a Java long, counted under its text. */
  private addSafeIntegral(value: number): void {
    this.types.integral++;
    this.hll.addSafeInteger(value);
    this.countNumber(value);
    this.addNumber(value, value);
  }

  /** A typed 64-bit integer past 2^53. */
  private addWideIntegral(value: bigint): void {
    this.types.integral++;
    this.hll.addLong(value);
    this.countTyped(String(value));
    this.addNumber(Number(value), value);
  }

  /** A typed double: hashed by its bits, counted under its text. */
  private addFractional(value: number): void {
    this.types.fractional++;
    this.hll.addDouble(value);
    this.countNumber(value);
    this.addNumber(value);
  }

  /**
   * Counts a typed number under its text `String(x)`, the text made only when the number is not in
   * the slot cache.
   */
  private countNumber(x: number): void {
    if (this.skipValueCounts) {
      return;
    }
    const values = this.values;
    const numberSlots = (this.numberSlots ??= new NumberSlots());
    if (this.slotsPrunes !== values.prunes) {
      numberSlots.clear();
      this.slotsPrunes = values.prunes;
    }
    const cached = numberSlots.find(x);
    if (cached >= 0) {
      values.increment(cached);
      return;
    }
    const slot = this.countTyped(String(x));
    if (slot >= 0 && this.slotsPrunes === values.prunes) {
      numberSlots.set(x, slot);
    }
  }

  /** Counts the text of a typed value; returns its slot, or -1 when not counted or pruned. */
  private countTyped(text: string): number {
    if (this.skipValueCounts) {
      return -1;
    }
    const values = this.values;
    const hash = stringHash(text);
    const seen = values.find(text, hash);
    if (seen >= 0) {
      values.increment(seen);
      return seen;
    }
    return this.addNewValue(text, hash);
  }

  private addNumber(x: number, exact?: number | bigint): void {
    this.moments.add(x, exact);
    this.kll.update(x);
  }

  private numerical(
    type: 'Integral' | 'Fractional',
    itemCount: number,
    generation: AnalyzerGeneration
  ): NumericalStatistics {
    const m = this.moments;
    const integral = type === 'Integral';
    // The numeric statistics are of the cast column, where `- 5` is null.
    const present = this.present - this.castNulls;
    const stats: NumericalStatistics = {
      common: { num_present: present, num_missing: this.types.missing + this.castNulls },
      mean: m.mean(integral),
      sum: m.sum(integral),
      std_dev: m.stdDev(),
      min: m.min,
      max: m.max
    };
    if (generation === 'current') {
      stats.approximate_num_distinct_values = this.hll.estimate();
      stats.completeness = present / itemCount;
    }
    stats.distribution = {
      kll: {
        buckets: kllBuckets(this.kll, m.min, m.max),
        sketch: { parameters: { c: this.kll.c, k: this.kll.k }, data: this.kll.data() }
      }
    };
    return stats;
  }

  private string(itemCount: number, generation: AnalyzerGeneration): StringStatistics {
    const distinct = this.hll.estimate();
    const stats: StringStatistics = { common: this.common(), distinct_count: distinct };
    if (generation === 'current') {
      stats.completeness = this.present / itemCount;
    }
    if (distinct <= CATEGORICAL_BUCKET_THRESHOLD) {
      const buckets = this.values.entries().map(([value, count]) => ({ value, count }));
      stats.distribution = { categorical: { buckets } };
    }
    return stats;
  }

  private common(): { num_present: number; num_missing: number } {
    return { num_present: this.present, num_missing: this.types.missing };
  }
}
