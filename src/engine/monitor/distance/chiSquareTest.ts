/**
 * Pearson's chi-squared goodness-of-fit test of current category counts against the baseline's, as
 * Deequ's ChiSquared categorical distance runs it (FORMATS.md §5.3): only categories present in the
 * baseline count; expected counts are baseline shares of the current total; the smallest expected
 * categories are merged until the table is valid (2 categories: every expected count ≥ 10; more:
 * at most ⌊0.2·K⌋ below 5). Fewer than 2 categories left: NaN.
 */
import { CategoryCounts } from './categoricalLInfinity';
import { regularizedGammaQ } from './incompleteGamma';

export interface ChiSquareResult {
  statistic: number;
  pValue: number;
  degreesOfFreedom: number;
}

interface Cell {
  observed: number;
  expected: number;
}

const NOT_TESTABLE: ChiSquareResult = { statistic: NaN, pValue: NaN, degreesOfFreedom: NaN };

export function chiSquareTest(current: CategoryCounts, baseline: CategoryCounts): ChiSquareResult {
  const cells = regroup(expectedCells(current, baseline));
  if (cells.length < 2) {
    return NOT_TESTABLE;
  }
  const statistic = pearsonStatistic(cells);
  const degreesOfFreedom = cells.length - 1;
  return {
    statistic,
    pValue: regularizedGammaQ(degreesOfFreedom / 2, statistic / 2),
    degreesOfFreedom
  };
}

/** One cell per baseline category, in baseline order. */
function expectedCells(current: CategoryCounts, baseline: CategoryCounts): Cell[] {
  let currentSum = 0;
  let baselineSum = 0;
  for (const [category, count] of baseline) {
    baselineSum += count;
    currentSum += current.get(category) ?? 0;
  }
  if (currentSum === 0 || baselineSum === 0) {
    return [];
  }
  return [...baseline].map(([category, count]) => ({
    observed: current.get(category) ?? 0,
    expected: (count / baselineSum) * currentSum
  }));
}

function regroup(cells: Cell[]): Cell[] {
  const remaining = [...cells];
  while (remaining.length >= 2 && !isValidTable(remaining)) {
    const smallest = remaining.splice(indexOfSmallestExpected(remaining), 1)[0];
    const next = remaining[indexOfSmallestExpected(remaining)];
    next.expected += smallest.expected;
    next.observed += smallest.observed;
  }
  return remaining;
}

function isValidTable(cells: Cell[]): boolean {
  const twoCategories = cells.length === 2;
  const minimumExpected = twoCategories ? 10 : 5;
  const allowedBelow = twoCategories ? 0 : Math.floor(0.2 * cells.length);
  return cells.filter(cell => cell.expected < minimumExpected).length <= allowedBelow;
}

/** First of equal minima, so that ties resolve in baseline order. */
function indexOfSmallestExpected(cells: Cell[]): number {
  let best = 0;
  for (let i = 1; i < cells.length; i++) {
    if (cells[i].expected < cells[best].expected) {
      best = i;
    }
  }
  return best;
}

/** Spark's chiSqTest rescales the expected counts if their total differs from the observed. */
function pearsonStatistic(cells: Cell[]): number {
  const observedSum = cells.reduce((sum, cell) => sum + cell.observed, 0);
  const expectedSum = cells.reduce((sum, cell) => sum + cell.expected, 0);
  const scale = Math.abs(observedSum - expectedSum) < 1e-7 ? 1.0 : observedSum / expectedSum;
  return cells.reduce((sum, cell) => {
    const expected = cell.expected * scale;
    const deviation = cell.observed - expected;
    return sum + (deviation * deviation) / expected;
  }, 0);
}
