/**
 * Column names from a CSV header, as Spark's CSV reader makes them (`CSVUtils.makeSafeHeader`): an
 * empty name is `_c<index>`, and a name that repeats, ignoring case as Spark does by default, gets
 * its index appended (`a,A,b` → `a0,A1,b`), so no two columns share one profile.
 */
export function headerNames(fields: readonly (string | null)[]): string[] {
  const counts = new Map<string, number>();
  for (const name of fields) {
    if (name !== null) {
      const key = name.toLowerCase();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return fields.map((name, i) => {
    if (name === null) {
      return `_c${i}`;
    }
    return counts.get(name.toLowerCase())! > 1 ? `${name}${i}` : name;
  });
}
