/**
 * What-if thresholds: a monitor's past runs checked again, from their stored statistics, with the
 * saved constraints and with the edited ones. Both sides are replayed the same way, so what differs
 * comes from the edits alone. (A replay counts every present value as its feature's inferred type:
 * the type votes of the run are not stored; a run's own violations file may differ there.)
 */
import { ConstraintsDocument } from '../engine/documents/constraints';
import { StatisticsDocument } from '../engine/documents/statistics';
import { Violation } from '../engine/documents/violations';
import { checkConstraints } from '../engine/monitor';
import { allTestsOff } from '../engine/monitor/driftTests/driftTestOptions';
import { typeCountsFromStatistics } from '../engine/monitor/typeCounts';

/** A past run to replay: its statistics and what to call it. */
export interface ReplayedRun {
  executionId: string;
  label: string;
  statistics: StatisticsDocument;
}

export interface RunDifference {
  executionId: string;
  label: string;
  saved: Violation[];
  edited: Violation[];
  /** Violations the edits would add. */
  raised: Violation[];
  /** Violations the edits would remove. */
  cleared: Violation[];
}

/** Each run's violations under both constraints, and which the edits raise or clear. */
export function replayThresholds(
  baseline: StatisticsDocument,
  saved: ConstraintsDocument,
  edited: ConstraintsDocument,
  runs: readonly ReplayedRun[]
): RunDifference[] {
  return runs.map(run => {
    const before = violationsOf(baseline, saved, run.statistics);
    const after = violationsOf(baseline, edited, run.statistics);
    return {
      executionId: run.executionId,
      label: run.label,
      saved: before,
      edited: after,
      raised: without(after, before),
      cleared: without(before, after)
    };
  });
}

function violationsOf(
  baseline: StatisticsDocument,
  constraints: ConstraintsDocument,
  current: StatisticsDocument
): Violation[] {
  return checkConstraints({
    baselineStatistics: baseline,
    constraints,
    currentStatistics: current,
    currentTypeCounts: typeCountsFromStatistics(current),
    driftTests: allTestsOff()
  }).violations;
}

/** A violation is the same one when feature and check agree (its description holds the numbers). */
function keyOf(violation: Violation): string {
  return `${violation.feature_name}\u0000${violation.constraint_check_type}`;
}

function without(all: Violation[], removed: Violation[]): Violation[] {
  const gone = new Set(removed.map(keyOf));
  return all.filter(v => !gone.has(keyOf(v)));
}
