/**
 * Counts of both sides in the categorical drift-test bins: the baseline categories in bucket order,
 * then categories seen only in the current data (FORMATS.md §8).
 */
import { CategoryCounts } from '../distance/categoricalLInfinity';

export interface PairedCounts {
  baseline: number[];
  current: number[];
}

export function categoricalBinCounts(
  baseline: CategoryCounts,
  current: CategoryCounts
): PairedCounts {
  const categories = [...new Set([...baseline.keys(), ...current.keys()])];
  return {
    baseline: categories.map(category => baseline.get(category) ?? 0),
    current: categories.map(category => current.get(category) ?? 0)
  };
}
