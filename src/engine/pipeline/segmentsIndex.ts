/**
 * `segments.json`, our own file beside a segmented run's SageMaker files: which segments there are,
 * where each one's files are (`segments/<folder>/`), and for monitoring runs what each was
 * compared with and how many violations it had.
 */
import { DataError } from '../errors';
import { SEGMENTS_FILE } from '../documents/fileNames';

export { SEGMENTS_FILE };
import { Segment, SegmentKind } from '../profile/segmentProfiles';
import { SegmentSpec } from '../profile/segmentSpec';

const SEGMENTS_DIR = 'segments';
const SLUG_LENGTH = 40;

export interface SegmentEntry {
  kind: SegmentKind;
  value: string | null;
  /** Relative to the run folder, with `/`. */
  folder: string;
  item_count: number;
  /** Monitoring runs: `violations[]` entries of the segment's constraint_violations.json. */
  violations?: number;
  /** Monitoring runs: the baseline's segment of the same value, or the overall baseline. */
  baseline?: 'segment' | 'overall';
}

export interface SegmentsIndex {
  version: 1;
  segment_by: string;
  max_segments: number;
  segments: SegmentEntry[];
}

/**
 * A segment's folder: its first-seen position (two digits, more past 99) and its value with
 * anything but `[A-Za-z0-9._-]` replaced, so any value makes a safe, readable name.
 */
export function segmentFolder(segment: Segment, position: number): string {
  if (segment.kind === 'other') {
    return `${SEGMENTS_DIR}/other`;
  }
  const number = String(position).padStart(2, '0');
  const slug =
    segment.kind === 'missing'
      ? 'missing'
      : segment.value!.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, SLUG_LENGTH);
  return `${SEGMENTS_DIR}/${number}-${slug}`;
}

export function segmentsIndexText(spec: SegmentSpec, segments: SegmentEntry[]): string {
  const index: SegmentsIndex = {
    version: 1,
    segment_by: spec.by,
    max_segments: spec.maxSegments,
    segments
  };
  return JSON.stringify(index, null, 2) + '\n';
}

/** Reads a `segments.json`; a file that is not one is an error naming the file and the field. */
export function parseSegmentsIndex(text: string, file: string): SegmentsIndex {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DataError(`${file}: not JSON (${(error as Error).message})`);
  }
  const fail = (field: string, what: string) => {
    throw new DataError(`${file}: ${field} ${what}`);
  };
  const index = (parsed ?? {}) as Partial<SegmentsIndex>;
  if (index.version !== 1) {
    fail('version', 'must be 1');
  }
  if (typeof index.segment_by !== 'string') {
    fail('segment_by', 'must be a string');
  }
  if (!Array.isArray(index.segments)) {
    fail('segments', 'must be a list');
  }
  index.segments!.forEach((item: unknown, i) => {
    const entry = (item ?? {}) as Partial<SegmentEntry>;
    if (!['value', 'missing', 'other'].includes(entry.kind as string)) {
      fail(`segments[${i}].kind`, 'must be "value", "missing" or "other"');
    }
    if (entry.kind === 'value' ? typeof entry.value !== 'string' : entry.value !== null) {
      fail(`segments[${i}].value`, entry.kind === 'value' ? 'must be a string' : 'must be null');
    }
    if (typeof entry.folder !== 'string' || !isSegmentFolder(entry.folder)) {
      fail(`segments[${i}].folder`, 'must be a folder under segments/');
    }
  });
  return index as SegmentsIndex;
}

/** Only `segments/<name>`: an index cannot send a reader anywhere else. */
function isSegmentFolder(folder: string): boolean {
  return /^segments\/[A-Za-z0-9._-]+$/.test(folder) && !/^segments\/\.\.?$/.test(folder);
}

/**
 * The entry of a baseline's index a run's segment is compared with: the same kind and value.
 * `other` matches none: it holds different values in each run.
 */
export function matchingSegment(
  index: SegmentsIndex,
  segment: Pick<Segment, 'kind' | 'value'>
): SegmentEntry | undefined {
  if (segment.kind === 'other') {
    return undefined;
  }
  return index.segments.find(e => e.kind === segment.kind && e.value === segment.value);
}
