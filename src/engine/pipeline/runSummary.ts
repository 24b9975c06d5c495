import { DiagnosticsSummary } from '../diagnostics';
import { RecordCounts } from '../io/readContext';
import { MergedResult } from './mergeResults';
import { joinPath } from './joinPath';
import { RunInput } from './runInput';
import type { OutputFiles } from './runtime';

/** What a run reports (the CLI prints it as JSON on stdout; `diagnostics.json` holds the data part). */
export interface RunSummary {
  command: 'baseline' | 'monitor' | 'profile' | 'merge';
  /** Files written. */
  outputs: string[];
  itemCount: number;
  records: RecordCounts;
  /** rejected / records (0 with no records). */
  errorRate: number;
  diagnostics: DiagnosticsSummary;
  /** Monitor runs: number of `violations[]` entries. */
  violations?: number;
  /** Segmented runs: how many segments (their files are listed in `segments.json`). */
  segments?: number;
  /** Segmented monitor runs: `violations[]` entries of all the segments' files together. */
  segmentViolations?: number;
  workers: number;
  elapsedMs: number;
}

/** The names of the files a write puts in place (not those it removes). */
export function writtenNames(files: OutputFiles): string[] {
  return Object.keys(files).filter(name => files[name] !== null);
}

export function errorRateOf(counts: RecordCounts): number {
  return counts.records > 0 ? counts.rejected / counts.records : 0;
}

export function summarize(
  command: RunSummary['command'],
  merged: MergedResult & { workers: number },
  outputDir: string,
  fileNames: string[],
  started: number
): RunSummary {
  return {
    command,
    outputs: fileNames.map(name => joinPath(outputDir, name)),
    itemCount: merged.profile.itemCount,
    records: merged.counts,
    errorRate: errorRateOf(merged.counts),
    diagnostics: merged.diagnostics,
    ...(merged.segments ? { segments: merged.segments.segments().length } : {}),
    workers: merged.workers,
    elapsedMs: Date.now() - started
  };
}

/**
 * The `diagnostics.json` written next to the outputs: our own file, not a SageMaker one. A
 * monitoring run adds what it read (`input`), for record queries.
 */
export function diagnosticsFileText(
  counts: RecordCounts,
  diagnostics: DiagnosticsSummary,
  input?: RunInput
): string {
  const body = {
    version: 1,
    ...counts,
    errorRate: errorRateOf(counts),
    ...diagnostics,
    ...(input ? { input } : {})
  };
  return JSON.stringify(body, null, 2) + '\n';
}
