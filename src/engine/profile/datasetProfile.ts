/**
 * The profile of a whole dataset: one ColumnProfile per column, in first-seen order. Profiles of
 * consecutive row ranges merge into the profile of their concatenation, so files, chunks and
 * workers are profiled apart and combined (DESIGN.md).
 */
import { ColumnBatch } from '../io/batch';
import { AnalyzerGeneration, StatisticsDocument } from '../documents/statistics';
import { ColumnProfile, ColumnProfileJSON } from './columnProfile';
import { TypeCounts } from './typeInference';
import { DEFAULT_CATEGORICAL_LIMIT } from './valueCounts';

export type { TypeCounts } from './typeInference';

export interface DatasetProfileOptions {
  /** Distinct values counted exactly per column before counts turn approximate. */
  categoricalLimit?: number;
  /**
   * Columns that skip value lookups from their first cell: an earlier part of the same dataset,
   * merged with this profile, found them to be mostly distinct values (ColumnProfile).
   */
  skipValueCountsOf?: ReadonlySet<string>;
}

export interface ProfileJSON {
  format: 'jupyterlab-model-monitor/profile';
  version: 1;
  itemCount: number;
  categoricalLimit: number;
  columns: ColumnProfileJSON[];
}

export class DatasetProfile {
  private columns = new Map<string, ColumnProfile>();
  private rows = 0;
  private readonly categoricalLimit: number;
  private readonly skipValueCountsOf?: ReadonlySet<string>;

  constructor(options: DatasetProfileOptions = {}) {
    this.categoricalLimit = options.categoricalLimit ?? DEFAULT_CATEGORICAL_LIMIT;
    this.skipValueCountsOf = options.skipValueCountsOf;
  }

  /** Columns whose cells skip value lookups by now. */
  columnsSkippingValueCounts(): string[] {
    return [...this.columns.values()].filter(c => c.skipsValueCounts).map(c => c.name);
  }

  get itemCount(): number {
    return this.rows;
  }

  columnNames(): string[] {
    return [...this.columns.keys()];
  }

  /** Type votes of a column; all-zero for a column never seen. */
  typeCounts(name: string): TypeCounts {
    const column = this.columns.get(name);
    return column
      ? column.typeCounts()
      : { integral: 0, fractional: 0, boolean: 0, string: 0, missing: 0 };
  }

  /** How many columns the profile would have after adding a batch with these column names. */
  columnCountWith(names: readonly string[]): number {
    let count = this.columns.size;
    for (const name of names) {
      if (!this.columns.has(name)) {
        count++;
      }
    }
    return count;
  }

  column(name: string): ColumnProfile | undefined {
    return this.columns.get(name);
  }

  /** Adds rows after all rows seen so far; a column absent from the batch is missing in them. */
  add(batch: ColumnBatch): void {
    batch.names.forEach((name, i) => this.columnFor(name).add(batch.columns[i]));
    const inBatch = new Set(batch.names);
    for (const [name, column] of this.columns) {
      if (!inBatch.has(name)) {
        column.addMissing(batch.rowCount);
      }
    }
    this.rows += batch.rowCount;
  }

  /** Merges `other`, whose rows come after ours. */
  merge(other: DatasetProfile): void {
    for (const [name, theirs] of other.columns) {
      this.columnFor(name).merge(theirs);
    }
    for (const [name, ours] of this.columns) {
      if (!other.columns.has(name)) {
        ours.addMissing(other.rows);
      }
    }
    this.rows += other.rows;
  }

  toStatistics(options: { generation?: AnalyzerGeneration } = {}): StatisticsDocument {
    const generation = options.generation ?? 'current';
    return {
      version: 0,
      dataset: { item_count: this.rows },
      features: [...this.columns.values()].map(c => c.toFeature(this.rows, generation))
    };
  }

  toJSON(): ProfileJSON {
    return {
      format: 'jupyterlab-model-monitor/profile',
      version: 1,
      itemCount: this.rows,
      categoricalLimit: this.categoricalLimit,
      columns: [...this.columns.values()].map(c => c.toJSON())
    };
  }

  static fromJSON(json: ProfileJSON): DatasetProfile {
    const profile = new DatasetProfile({ categoricalLimit: json.categoricalLimit });
    profile.rows = json.itemCount;
    for (const column of json.columns) {
      profile.columns.set(column.name, ColumnProfile.fromJSON(column));
    }
    return profile;
  }

  /** The column's profile, created with all rows so far missing when first seen. */
  private columnFor(name: string): ColumnProfile {
    let column = this.columns.get(name);
    if (!column) {
      const skip = this.skipValueCountsOf?.has(name) ?? false;
      column = new ColumnProfile(name, this.categoricalLimit, skip);
      column.addMissing(this.rows);
      this.columns.set(name, column);
    }
    return column;
  }
}
