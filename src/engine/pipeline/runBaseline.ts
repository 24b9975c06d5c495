import { suggestConstraints } from '../baseline';
import { writeConstraints, writeStatistics } from '../format';
import { inSchemaOrder } from './featureOrder';
import { DIAGNOSTICS_FILE, withDiagnosticsOnFailure } from './outputs';
import { profileInput, requireRows, throwIfCancelled } from './profileInput';
import { BaselineOptions } from './runOptions';
import { OutputFiles, PipelineRuntime } from './runtime';
import { diagnosticsFileText, RunSummary, summarize, writtenNames } from './runSummary';
import { writeBaselineSegments } from './segmentRuns';
import { SEGMENTS_FILE, segmentsIndexText } from './segmentsIndex';
import { CONSTRAINTS_FILE, STATISTICS_FILE } from '../documents/fileNames';

export { CONSTRAINTS_FILE, STATISTICS_FILE };

/** Profiles a dataset and writes `statistics.json`, the suggested `constraints.json` and `diagnostics.json`. */
export async function runBaseline(
  options: BaselineOptions,
  runtime: PipelineRuntime
): Promise<RunSummary> {
  const started = Date.now();
  return withDiagnosticsOnFailure(runtime, options.outputDir, async () => {
    const merged = await profileInput('baseline', options, runtime);
    requireRows(merged, options.dataset);
    options.onProgress?.({ type: 'phase', phase: 'statistics' });
    const generation = options.generation ?? 'current';
    const statistics = inSchemaOrder(merged.profile.toStatistics({ generation }), merged.formats);
    const constraints = suggestConstraints(statistics, { generation });
    throwIfCancelled(options.signal);
    options.onProgress?.({ type: 'phase', phase: 'writing' });
    const files: OutputFiles = {
      [STATISTICS_FILE]: writeStatistics(statistics),
      [CONSTRAINTS_FILE]: writeConstraints(constraints),
      [DIAGNOSTICS_FILE]: diagnosticsFileText(merged.counts, merged.diagnostics)
    };
    // Without segments, an index an earlier segmented run left in the folder goes.
    files[SEGMENTS_FILE] = null;
    if (merged.segments) {
      const entries = await writeBaselineSegments({
        segments: merged.segments,
        formats: merged.formats,
        generation,
        outputDir: options.outputDir,
        runtime
      });
      files[SEGMENTS_FILE] = segmentsIndexText(merged.segments.spec, entries);
    }
    await runtime.writeFiles(options.outputDir, files);
    return summarize('baseline', merged, options.outputDir, writtenNames(files), started);
  });
}
