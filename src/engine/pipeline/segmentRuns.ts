/**
 * The per-segment files of a segmented run: each segment gets SageMaker's files of its own in
 * `segments/<folder>/`, written before the run's own files and `segments.json`, so an index never
 * names a folder that is not there.
 */
import { suggestConstraints } from '../baseline';
import { AnalyzerGeneration, StatisticsDocument } from '../documents/statistics';
import { CONSTRAINTS_FILE, STATISTICS_FILE } from '../documents/fileNames';
import { writeConstraints, writeStatistics } from '../format';
import { checkConstraints } from '../monitor';
import { MonitorInput } from '../monitor/monitorInput';
import { allTestsOff } from '../monitor/driftTests/driftTestOptions';
import { TypeCounts } from '../monitor/typeCounts';
import { DatasetFormat } from '../io/datasetFormat';
import { DatasetProfile } from '../profile/datasetProfile';
import { Segment, SegmentProfiles } from '../profile/segmentProfiles';
import { inSchemaOrder } from './featureOrder';
import { joinPath } from './joinPath';
import { monitoringFiles } from './monitoringFiles';
import { splitPath } from './profileFile';
import { Baseline, readBaseline } from './readBaseline';
import { MonitorOptions } from './runOptions';
import { PipelineRuntime } from './runtime';
import {
  matchingSegment,
  parseSegmentsIndex,
  SEGMENTS_FILE,
  segmentFolder,
  SegmentEntry,
  SegmentsIndex
} from './segmentsIndex';

interface SegmentRun {
  segments: SegmentProfiles;
  formats: DatasetFormat[];
  generation: AnalyzerGeneration;
  outputDir: string;
  runtime: PipelineRuntime;
}

/** Writes each segment's statistics and suggested constraints; returns their index entries. */
export async function writeBaselineSegments(run: SegmentRun): Promise<SegmentEntry[]> {
  const entries: SegmentEntry[] = [];
  for (const [i, segment] of run.segments.segments().entries()) {
    const folder = segmentFolder(segment, i + 1);
    const statistics = statisticsOf(segment, run);
    const constraints = suggestConstraints(statistics, { generation: run.generation });
    await run.runtime.writeFiles(joinPath(run.outputDir, folder), {
      [STATISTICS_FILE]: writeStatistics(statistics),
      [CONSTRAINTS_FILE]: writeConstraints(constraints)
    });
    entries.push(entryOf(segment, folder));
  }
  return entries;
}

/**
 * Checks each segment against the baseline's segment of the same value when there is one (and
 * `segmentBaseline` is not `overall`), else against the overall baseline; writes its statistics
 * and violations. Returns their index entries.
 */
export async function writeMonitorSegments(
  run: SegmentRun,
  baseline: Baseline,
  options: MonitorOptions
): Promise<SegmentEntry[]> {
  const baselineIndex =
    options.segmentBaseline === 'overall'
      ? undefined
      : await readBaselineIndex(options.baselineStatistics, run.runtime);
  const entries: SegmentEntry[] = [];
  for (const [i, segment] of run.segments.segments().entries()) {
    const folder = segmentFolder(segment, i + 1);
    const own = baselineIndex && matchingSegment(baselineIndex.index, segment);
    const ownDir = own && joinPath(baselineIndex.dir, own.folder);
    const compared = ownDir
      ? await readBaseline(
          joinPath(ownDir, STATISTICS_FILE),
          joinPath(ownDir, CONSTRAINTS_FILE),
          run.runtime
        )
      : baseline;
    const statistics = statisticsOf(segment, run);
    const input: MonitorInput = {
      baselineStatistics: compared.statistics,
      constraints: compared.constraints,
      currentStatistics: statistics,
      currentTypeCounts: typeCountsByName(segment.profile),
      driftTests: options.driftTests === false ? allTestsOff() : options.driftTests
    };
    const violations = checkConstraints(own ? input : withoutColumn(input, run.segments.spec.by));
    await run.runtime.writeFiles(
      joinPath(run.outputDir, folder),
      monitoringFiles(statistics, violations)
    );
    entries.push({
      ...entryOf(segment, folder),
      violations: violations.violations.length,
      baseline: own ? 'segment' : 'overall'
    });
  }
  return entries;
}

export function typeCountsByName(profile: DatasetProfile): Record<string, TypeCounts> {
  const counts: Record<string, TypeCounts> = {};
  for (const name of profile.columnNames()) {
    counts[name] = profile.typeCounts(name);
  }
  return counts;
}

/**
 * Against the whole baseline a segment's own column, one value by construction, would always
 * drift: those checks leave it out (a metadata field is no column, and changes nothing).
 */
function withoutColumn(input: MonitorInput, name: string): MonitorInput {
  const other = <T extends { name: string }>(features: T[] | undefined) =>
    features?.filter(feature => feature.name !== name) as T[];
  return {
    ...input,
    baselineStatistics: {
      ...input.baselineStatistics,
      features: other(input.baselineStatistics.features)
    },
    constraints: { ...input.constraints, features: other(input.constraints.features) },
    currentStatistics: {
      ...input.currentStatistics,
      features: other(input.currentStatistics.features)
    }
  };
}

function statisticsOf(segment: Segment, run: SegmentRun): StatisticsDocument {
  return inSchemaOrder(segment.profile.toStatistics({ generation: run.generation }), run.formats);
}

function entryOf(segment: Segment, folder: string): SegmentEntry {
  return {
    kind: segment.kind,
    value: segment.value,
    folder,
    item_count: segment.profile.itemCount
  };
}

/** The baseline folder's `segments.json`, when the baseline was built with segments. */
async function readBaselineIndex(
  baselineStatistics: string,
  runtime: PipelineRuntime
): Promise<{ dir: string; index: SegmentsIndex } | undefined> {
  const { dir } = splitPath(baselineStatistics);
  const file = joinPath(dir, SEGMENTS_FILE);
  let text: string;
  try {
    text = await runtime.readText(file);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
  return { dir, index: parseSegmentsIndex(text, file) };
}
