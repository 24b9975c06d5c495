/**
 * Deequ's categorical distance: the largest gap between the two frequency tables, a category
 * absent from one side counting 0 there (FORMATS.md §5.3). Not a CDF distance.
 */
export type CategoryCounts = ReadonlyMap<string, number>;

export function totalCount(counts: CategoryCounts): number {
  let total = 0;
  for (const count of counts.values()) {
    total += count;
  }
  return total;
}

export function categoricalLInfinity(baseline: CategoryCounts, current: CategoryCounts): number {
  const n = totalCount(baseline);
  const m = totalCount(current);
  let largest = 0;
  for (const category of new Set([...baseline.keys(), ...current.keys()])) {
    const gap = Math.abs((baseline.get(category) ?? 0) / n - (current.get(category) ?? 0) / m);
    largest = Math.max(largest, gap);
  }
  return largest;
}
