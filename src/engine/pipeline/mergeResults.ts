import { DiagnosticsCollector, DiagnosticsSummary } from '../diagnostics';
import { DatasetFormat } from '../io/datasetFormat';
import { newCounts, RecordCounts } from '../io/readContext';
import { DatasetProfile } from '../profile/datasetProfile';
import { SegmentProfiles } from '../profile/segmentProfiles';
import { TaskResult } from './profileTask';

export interface MergedResult {
  profile: DatasetProfile;
  counts: RecordCounts;
  diagnostics: DiagnosticsSummary;
  formats: DatasetFormat[];
  segments?: SegmentProfiles;
}

/** Merges task results in task order (not completion order), so a run is deterministic. */
export function mergeResults(results: TaskResult[]): MergedResult {
  const merger = new ResultMerger();
  [...results].sort((a, b) => a.index - b.index).forEach(result => merger.fold(result));
  return merger.result();
}

/**
 * Merges task results in task order as they complete: a result is folded in as soon as every
 * earlier task's result has been, so only results that finished early wait (in memory) for a
 * slower earlier one. The fold is the same, in the same order, as `mergeResults`.
 */
export class ResultMerger {
  private readonly waiting = new Map<number, TaskResult>();
  private next = 0;
  private readonly diagnostics = new DiagnosticsCollector();
  private readonly counts = newCounts();
  private readonly formats = new Set<DatasetFormat>();
  private profile: DatasetProfile | null = null;
  private segments: SegmentProfiles | undefined;

  /** Takes the result of task `result.index` (tasks are numbered 0, 1, …). */
  add(result: TaskResult): void {
    this.waiting.set(result.index, result);
    for (let ready = this.waiting.get(this.next); ready; ready = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      this.next++;
      this.fold(ready);
    }
  }

  /** Folds `result` after all folded so far. */
  fold(result: TaskResult): void {
    result.formats.forEach(format => this.formats.add(format));
    this.diagnostics.merge(result.diagnostics);
    this.counts.records += result.counts.records;
    this.counts.rejected += result.counts.rejected;
    this.counts.rows += result.counts.rows;
    if (result.segments) {
      if (this.segments) {
        throw new Error('a segmented run reads in one task');
      }
      this.segments = result.segments;
    }
    if (this.profile) {
      this.profile.merge(result.profile);
    } else {
      this.profile = result.profile;
    }
  }

  /** The merge of everything folded; results still waiting for an earlier one are folded last. */
  result(): MergedResult {
    [...this.waiting.values()].sort((a, b) => a.index - b.index).forEach(r => this.fold(r));
    this.waiting.clear();
    return {
      profile: this.profile ?? new DatasetProfile(),
      counts: { ...this.counts },
      diagnostics: this.diagnostics.summary(),
      formats: [...this.formats],
      segments: this.segments
    };
  }
}
