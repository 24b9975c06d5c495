/**
 * Each extension drift test: which distributions it applies to, how it is computed, and which side
 * of its threshold means drift (FORMATS.md §8).
 */
import { DriftTestName } from '../../documents/violations';
import { chiSquareTest } from '../distance/chiSquareTest';
import {
  CategoricalDriftInput,
  DistributionKind,
  DriftInput,
  NumericDriftInput
} from './driftInputs';
import { hellingerDistance } from './hellinger';
import { jensenShannonDistance } from './jensenShannon';
import { kolmogorovSmirnovTest } from './kolmogorovSmirnov';
import { populationStabilityIndex } from './populationStabilityIndex';
import { normalisedWasserstein } from './wasserstein';

export interface DriftTestOutcome {
  statistic: number;
  pValue?: number;
}

interface DriftTestDefinition {
  kinds: readonly DistributionKind[];
  compute(input: DriftInput): DriftTestOutcome;
  isDrift(outcome: DriftTestOutcome, threshold: number): boolean;
}

const NOT_APPLICABLE: DriftTestOutcome = { statistic: NaN, pValue: NaN };

const onShares =
  (distance: (p: number[], q: number[]) => number) =>
  (input: DriftInput): DriftTestOutcome => ({
    statistic: distance(input.baselineShares, input.currentShares)
  });

const onNumeric =
  (compute: (input: NumericDriftInput) => DriftTestOutcome) =>
  (input: DriftInput): DriftTestOutcome =>
    input.kind === 'numeric' ? compute(input) : NOT_APPLICABLE;

const onCategorical =
  (compute: (input: CategoricalDriftInput) => DriftTestOutcome) =>
  (input: DriftInput): DriftTestOutcome =>
    input.kind === 'categorical' ? compute(input) : NOT_APPLICABLE;

const statisticAtLeast = (outcome: DriftTestOutcome, threshold: number): boolean =>
  outcome.statistic >= threshold;

/** NaN p-values (untestable tables) never mean drift. */
const pValueAtMost = (outcome: DriftTestOutcome, threshold: number): boolean =>
  (outcome.pValue ?? NaN) <= threshold;

const pValueBelow = (outcome: DriftTestOutcome, threshold: number): boolean =>
  (outcome.pValue ?? NaN) < threshold;

export const DRIFT_TEST_CATALOG: Readonly<Record<DriftTestName, DriftTestDefinition>> = {
  psi: {
    kinds: ['numeric', 'categorical'],
    compute: onShares(populationStabilityIndex),
    isDrift: statisticAtLeast
  },
  ks: {
    kinds: ['numeric'],
    compute: onNumeric(input => kolmogorovSmirnovTest(input.baseline, input.current)),
    isDrift: pValueAtMost
  },
  wasserstein: {
    kinds: ['numeric'],
    compute: onNumeric(input => ({
      statistic: normalisedWasserstein(input.baseline, input.current, input.baselineStdDev)
    })),
    isDrift: statisticAtLeast
  },
  jensen_shannon: {
    kinds: ['numeric', 'categorical'],
    compute: onShares(jensenShannonDistance),
    isDrift: statisticAtLeast
  },
  hellinger: {
    kinds: ['numeric', 'categorical'],
    compute: onShares(hellingerDistance),
    isDrift: statisticAtLeast
  },
  chi_squared: {
    kinds: ['categorical'],
    compute: onCategorical(input => {
      const { statistic, pValue } = chiSquareTest(input.current, input.baseline);
      return { statistic, pValue };
    }),
    isDrift: pValueBelow
  }
};
