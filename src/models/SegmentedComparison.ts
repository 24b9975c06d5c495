import { ISignal, Signal } from '@lumino/signaling';

import { SegmentEntry, SegmentsIndex } from '../engine/pipeline/segmentsIndex';
import { ComparisonModel } from './ComparisonModel';
import type { ComparisonPaths } from './loadComparison';

/** What a segment's baseline side is: the baseline's segment of the same value, or all of it. */
export type SegmentBaseline = 'segment' | 'overall';

/** One side-by-side comparison of the run: all data, or one segment. */
export interface SegmentComparison {
  model: ComparisonModel;
  paths: ComparisonPaths;
  /** Null for all data. */
  baseline: SegmentBaseline | null;
}

/** A segment as the comparison command is asked for it (JSON, from the metric history). */
export interface SegmentRef {
  kind: SegmentEntry['kind'];
  value: string | null;
  /** The column; when given, only a run segmented by it has the segment. */
  by?: string;
}

/**
 * A segmented run's comparison: "All data" or one of the run's segments (segments.json), each
 * read when first chosen. The selected feature stays selected when the next segment has it.
 */
export class SegmentedComparison {
  constructor(
    readonly index: SegmentsIndex,
    private readonly _all: SegmentComparison,
    private readonly _load: (segment: SegmentEntry) => Promise<SegmentComparison>
  ) {
    this._current = _all;
  }

  get changed(): ISignal<this, void> {
    return this._changed;
  }

  /** The comparison of all data (the run's overall files). */
  get all(): SegmentComparison {
    return this._all;
  }

  get segments(): readonly SegmentEntry[] {
    return this.index.segments;
  }

  /** The segment shown, or null for all data. */
  get selected(): SegmentEntry | null {
    return this._selected;
  }

  /** The comparison shown: the last one loaded (while the next one loads, or when it failed). */
  get current(): SegmentComparison {
    return this._current;
  }

  get loading(): boolean {
    return this._loading;
  }

  /** Why the selected segment could not be shown (its files are missing or unreadable). */
  get error(): unknown {
    return this._error;
  }

  /** The run's entry of a segment asked for by kind and value, if the run has it. */
  find(ref: SegmentRef): SegmentEntry | undefined {
    if (ref.by !== undefined && ref.by !== this.index.segment_by) {
      return undefined;
    }
    return this.segments.find(s => s.kind === ref.kind && s.value === ref.value);
  }

  async select(segment: SegmentEntry | null): Promise<void> {
    const request = ++this._request;
    this._selected = segment;
    this._loading = true;
    this._error = null;
    this._changed.emit();
    let next: SegmentComparison | null = null;
    try {
      next = segment ? await this._loaded(segment) : this._all;
    } catch (error) {
      this._error = error;
    }
    if (request !== this._request) {
      return; // another segment was chosen meanwhile
    }
    if (next) {
      const feature = this._current.model.selected?.name;
      if (feature && next.model.features.some(f => f.name === feature)) {
        next.model.select(feature);
      }
      this._current = next;
    }
    this._loading = false;
    this._changed.emit();
  }

  private async _loaded(segment: SegmentEntry): Promise<SegmentComparison> {
    let loaded = this._cache.get(segment.folder);
    if (!loaded) {
      loaded = await this._load(segment);
      this._cache.set(segment.folder, loaded);
    }
    return loaded;
  }

  private _current: SegmentComparison;
  private _selected: SegmentEntry | null = null;
  private _loading = false;
  private _error: unknown = null;
  private _request = 0;
  private _cache = new Map<string, SegmentComparison>();
  private _changed = new Signal<this, void>(this);
}
