"""What the fair peer variants compute, in one place (see bench/fair_peers.py).

Every fair variant reads every column as text and, per column, computes what our engine computes
from the text of each cell (FORMATS.md §7):

- the number of present cells (an empty field is missing) and of missing ones;
- a type vote per present cell on the raw text: integral (``INTEGRAL_PATTERN``), fractional (the
  rest of ``NUMERIC_PATTERN``) or string (anything else; our engine also tells booleans apart,
  which this data has none of), and the inferred column type from the votes (§7.1);
- the distinct count of the text (so ``3`` and ``3.0`` differ, as in SageMaker's HLL);
- count, mean, population std, min, max and deciles of the numeric-parsable cells;
- the counts of the ``TOP_VALUES`` most frequent texts of every column (SageMaker writes
  categorical buckets up to 120 distinct values, FORMATS.md §3.1).
"""

from __future__ import annotations

import math
import os

DECILES = [i / 10 for i in range(1, 10)]
# FORMATS.md §7.1: Integral, and Integral or Fractional (the union of Deequ's two patterns).
INTEGRAL_PATTERN = r"^[-+]? ?[0-9]+$"
NUMERIC_PATTERN = r"^[-+]? ?[0-9]+(\.[0-9]+)?([Ee][-+]?[0-9]+)?$"
TOP_VALUES = 120
# DuckDB's limit in its fair variant: about what our engine peaks at with 2 workers; DuckDB spills
# its hash tables to disk beyond it. At 1 GB its value-count query fails under this limit (out of
# memory although it spills): BENCH_DUCKDB_MEMORY_LIMIT lets a run give it more, and says so.
DUCKDB_MEMORY_LIMIT = os.environ.get("BENCH_DUCKDB_MEMORY_LIMIT", "500MB")


def clean(value):
    """JSON-safe numbers (NaN and infinities become null)."""
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def inferred_type(present: int, integral: int, numeric: int) -> str:
    """FORMATS.md §7.1 from the votes (booleans count as strings here)."""
    if present == 0:
        return "Unknown"
    if numeric < present:
        return "String"
    return "Integral" if integral == numeric else "Fractional"


def column_summary(
    rows: int,
    present: int,
    integral: int,
    numeric: int,
    distinct: int,
    moments: tuple,
    deciles: list | None,
    top_values: dict[str, int],
) -> dict:
    """One column of a fair summary.json; `moments` is (mean, std, min, max) of the numbers."""
    mean, std, low, high = moments
    summary = {
        "count": int(present),
        "missing": int(rows - present),
        "votes": {
            "integral": int(integral),
            "fractional": int(numeric - integral),
            "string": int(present - numeric),
        },
        "inferred_type": inferred_type(present, integral, numeric),
        "distinct": int(distinct),
        "frequencies": {str(k): int(v) for k, v in top_values.items()},
    }
    if numeric:
        summary.update(
            numeric_count=int(numeric),
            mean=clean(mean),
            std=clean(std),
            min=clean(low),
            max=clean(high),
            deciles=[clean(d) for d in deciles or []],
        )
    return summary


def numeric_columns(baseline: dict) -> list[str]:
    """Columns the baseline summary found numeric (their distance is a CDF gap at its deciles)."""
    return [
        name
        for name, stats in baseline["columns"].items()
        if stats.get("inferred_type") in ("Integral", "Fractional") and stats.get("deciles")
    ]


def numeric_distance(below: list[int], count: int) -> float:
    """max_i |i/10 - F_current(baseline decile i)|, from the counts at or below each decile."""
    if not count:
        return 0.0
    return max(abs(p - b / count) for p, b in zip(DECILES, below, strict=True))


def categorical_distance(baseline: dict[str, int], current: dict[str, int]) -> float:
    """Largest gap between value shares (Deequ's categorical L-infinity), on the top values."""
    n = sum(baseline.values()) or 1
    m = sum(current.values()) or 1
    keys = set(baseline) | set(current)
    return max((abs(baseline.get(k, 0) / n - current.get(k, 0) / m) for k in keys), default=0.0)


def distances(columns: dict, below: dict[str, list[int]], baseline: dict) -> dict[str, float]:
    """Per-column distance to the baseline: numeric columns by CDF gap, the others by shares."""
    result = {}
    for name, stats in columns.items():
        if name in below:
            result[name] = numeric_distance(below[name], stats.get("numeric_count", 0))
        else:
            reference = baseline["columns"][name]["frequencies"]
            result[name] = categorical_distance(reference, stats["frequencies"])
    return result
