import { StatisticsDocument } from '../documents/statistics';
import {
  CLOUDWATCH_METRICS_FILE,
  cloudWatchMetrics,
  cloudWatchMetricsText
} from '../monitor/cloudWatchMetrics';
import { resolveMonitoringSettings } from '../monitor/monitoringSettings';
import { checkConstraints } from '../monitor';
import { allTestsOff } from '../monitor/driftTests/driftTestOptions';
import { inSchemaOrder } from './featureOrder';
import { joinPath } from './joinPath';
import { monitoringFiles } from './monitoringFiles';
import { DIAGNOSTICS_FILE, withDiagnosticsOnFailure } from './outputs';
import { profileInput, requireRows, throwIfCancelled } from './profileInput';
import { Baseline, readBaseline } from './readBaseline';
import { runInputOf } from './runInput';
import { STATISTICS_FILE } from './runBaseline';
import { MonitorOptions } from './runOptions';
import { OutputFiles, PipelineRuntime } from './runtime';
import { diagnosticsFileText, RunSummary, summarize, writtenNames } from './runSummary';
import { typeCountsByName, writeMonitorSegments } from './segmentRuns';
import { SEGMENTS_FILE, segmentsIndexText } from './segmentsIndex';
import { VIOLATIONS_FILE } from '../documents/fileNames';

export { VIOLATIONS_FILE };

/**
 * Profiles the current data, checks it against the baseline and writes `statistics.json`,
 * `constraint_violations.json` and `diagnostics.json`. When columns are missing SageMaker writes
 * only the violations file (FORMATS.md §5.2), and so do we.
 */
export async function runMonitor(
  options: MonitorOptions,
  runtime: PipelineRuntime
): Promise<RunSummary> {
  const started = Date.now();
  const baseline = await readBaseline(
    options.baselineStatistics,
    options.baselineConstraints,
    runtime
  );
  return withDiagnosticsOnFailure(runtime, options.outputDir, async () => {
    const merged = await profileInput('monitor', options, runtime, baseline.featureNames);
    requireRows(merged, options.dataset);
    options.onProgress?.({ type: 'phase', phase: 'statistics' });
    const generation = options.generation ?? 'current';
    const currentStatistics = inSchemaOrder(
      merged.profile.toStatistics({ generation }),
      merged.formats
    );
    options.onProgress?.({ type: 'phase', phase: 'checking' });
    const violations = checkConstraints({
      baselineStatistics: baseline.statistics,
      constraints: baseline.constraints,
      currentStatistics,
      currentTypeCounts: typeCountsByName(merged.profile),
      driftTests: options.driftTests === false ? allTestsOff() : options.driftTests
    });
    throwIfCancelled(options.signal);
    options.onProgress?.({ type: 'phase', phase: 'writing' });
    const files: OutputFiles = monitoringFiles(currentStatistics, violations);
    files[DIAGNOSTICS_FILE] = diagnosticsFileText(
      merged.counts,
      merged.diagnostics,
      runInputOf(options)
    );
    let segmentViolations: number | undefined;
    // Without segments, an index an earlier segmented run left in the folder goes.
    files[SEGMENTS_FILE] = null;
    if (merged.segments) {
      const { segments, formats } = merged;
      const run = { segments, formats, generation, outputDir: options.outputDir, runtime };
      const entries = await writeMonitorSegments(run, baseline, options);
      files[SEGMENTS_FILE] = segmentsIndexText(segments.spec, entries);
      segmentViolations = entries.reduce((sum, entry) => sum + entry.violations!, 0);
    }
    await runtime.writeFiles(options.outputDir, files);
    const metricsFile = !(STATISTICS_FILE in files)
      ? undefined
      : await writeMetrics(options, baseline, currentStatistics, runtime, started);
    const summary = summarize('monitor', merged, options.outputDir, writtenNames(files), started);
    if (metricsFile) {
      summary.outputs.push(metricsFile);
    }
    return { ...summary, violations: violations.violations.length, segmentViolations };
  });
}

/** The CloudWatch-format metrics, when asked for and the baseline's emit_metrics allows them. */
async function writeMetrics(
  options: MonitorOptions,
  baseline: Baseline,
  current: StatisticsDocument,
  runtime: PipelineRuntime,
  started: number
): Promise<string | undefined> {
  const settings = resolveMonitoringSettings(baseline.constraints.monitoring_config);
  const output = options.metrics;
  if (!output || !settings.emitMetrics) {
    return undefined;
  }
  const time = output.time ?? options.window?.start ?? new Date(started);
  const metrics = cloudWatchMetrics(baseline.statistics, current, settings, time, output);
  await runtime.writeFiles(output.dir, {
    [CLOUDWATCH_METRICS_FILE]: cloudWatchMetricsText(metrics)
  });
  return joinPath(output.dir, CLOUDWATCH_METRICS_FILE);
}
