import { DiagnosticsCollector, DiagnosticsSummary } from '../diagnostics';
import { DatasetFormat } from '../io/datasetFormat';
import { newCounts, RecordCounts } from '../io/readContext';
import { DatasetProfile } from '../profile/datasetProfile';
import { TaskResult } from './profileTask';

export interface MergedResult {
  profile: DatasetProfile;
  counts: RecordCounts;
  diagnostics: DiagnosticsSummary;
  formats: DatasetFormat[];
}

/** Merges task results in task order (not completion order), so a run is deterministic. */
export function mergeResults(results: TaskResult[]): MergedResult {
  const ordered = [...results].sort((a, b) => a.index - b.index);
  const diagnostics = new DiagnosticsCollector();
  const counts = newCounts();
  const formats = new Set<DatasetFormat>();
  let profile: DatasetProfile | null = null;
  for (const result of ordered) {
    result.formats.forEach(format => formats.add(format));
    diagnostics.merge(result.diagnostics);
    counts.records += result.counts.records;
    counts.rejected += result.counts.rejected;
    counts.rows += result.counts.rows;
    if (profile) {
      profile.merge(result.profile);
    } else {
      profile = result.profile;
    }
  }
  return {
    profile: profile ?? new DatasetProfile(),
    counts,
    diagnostics: diagnostics.summary(),
    formats: [...formats]
  };
}
