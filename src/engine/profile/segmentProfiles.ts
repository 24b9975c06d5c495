/**
 * Segments: the rows of a dataset grouped by one column (or a capture's metadata field), each group
 * profiled on its own beside the whole. A row's segment is its cell's text as written; the first
 * `maxSegments` distinct values in input order get their own profile, later values share `other`.
 */
import { cellAt, ColumnBatch } from '../io/batch';
import { selectRows } from '../io/selectRows';
import { DatasetProfile } from './datasetProfile';
import { metadataKeyOf, SegmentSpec } from './segmentSpec';

export type SegmentKind = 'value' | 'missing' | 'other';

export interface Segment {
  kind: SegmentKind;
  /** The segment's value; null for the missing and other segments. */
  value: string | null;
  profile: DatasetProfile;
}

export class SegmentProfiles {
  /** Value and missing segments, in first-seen order. */
  private readonly named = new Map<string | null, Segment>();
  private other: Segment | null = null;
  private readonly metadataKey: string | undefined;
  /** Whether a batch had the segment column (metadata fields are always there). */
  columnSeen: boolean;

  constructor(readonly spec: SegmentSpec) {
    this.metadataKey = metadataKeyOf(spec);
    this.columnSeen = this.metadataKey !== undefined;
  }

  /** Every segment with rows: first-seen order, `other` last. */
  segments(): Segment[] {
    const all = [...this.named.values()];
    return this.other ? [...all, this.other] : all;
  }

  /** Adds the rows of `batch` to their segments (the whole dataset's profile is kept apart). */
  add(batch: ColumnBatch): void {
    const rowsOf = new Map<Segment, number[]>();
    const keys = this.keysOf(batch);
    for (let row = 0; row < batch.rowCount; row++) {
      const segment = this.segmentFor(keys[row]);
      let rows = rowsOf.get(segment);
      if (!rows) {
        rows = [];
        rowsOf.set(segment, rows);
      }
      rows.push(row);
    }
    for (const [segment, rows] of rowsOf) {
      segment.profile.add(rows.length === batch.rowCount ? batch : selectRows(batch, rows));
    }
  }

  private keysOf(batch: ColumnBatch): (string | null)[] {
    if (this.metadataKey !== undefined) {
      return Array.from(
        { length: batch.rowCount },
        (_, row) => batch.origins?.[row]?.segment ?? null
      );
    }
    const index = batch.names.indexOf(this.spec.by);
    if (index < 0) {
      return new Array(batch.rowCount).fill(null);
    }
    this.columnSeen = true;
    const column = batch.columns[index];
    return Array.from({ length: batch.rowCount }, (_, row) => segmentKeyOf(cellAt(column, row)));
  }

  private segmentFor(key: string | null): Segment {
    const known = this.named.get(key);
    if (known) {
      return known;
    }
    if (this.named.size < this.spec.maxSegments) {
      const kind = key === null ? 'missing' : 'value';
      const segment: Segment = { kind, value: key, profile: new DatasetProfile() };
      this.named.set(key, segment);
      return segment;
    }
    this.other ??= { kind: 'other', value: null, profile: new DatasetProfile() };
    return this.other;
  }
}

/** A cell's segment key: text as written; typed cells as JavaScript writes them. */
export function segmentKeyOf(cell: string | number | bigint | boolean | null): string | null {
  return cell === null ? null : String(cell);
}
