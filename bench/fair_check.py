"""Does a fair peer compute what it claims? Its summary.json against our statistics.json.

Both describe the same rows, so they must agree on: the row count; per column (by position) the
present and missing counts, the inferred type, min, max and the mean (ours sums exactly); the
distinct count within the error of two sketches; and every categorical bucket we write (a column
with at most 120 distinct values: exact counts) must be among the peer's top values, with the same
count. A broken peer query (wrong split, missing cells dropped, votes on parsed values, a lost
column) fails one of these, so it cannot pass as fast. Stdlib only: run.py and the pytest file
(bench/test_fair_peers.py) use it.
"""

from __future__ import annotations

import json
from pathlib import Path

# Our HLL++ (p = 9, ~4.6 % standard error) against DuckDB's or polars' sketch, or an exact count;
# below SMALL_DISTINCT values the sketches are near exact (polars' may be off by one).
DISTINCT_TOLERANCE = 0.25
SMALL_DISTINCT, SMALL_DISTINCT_TOLERANCE = 100, 0.1
MEAN_TOLERANCE = 1e-9


def our_column(feature: dict) -> dict:
    """The figures of one statistics.json feature that a fair summary also has."""
    numeric = feature.get("numerical_statistics")
    stats = numeric or feature["string_statistics"]
    column = {
        "inferred_type": feature["inferred_type"],
        "count": stats["common"]["num_present"],
        "missing": stats["common"]["num_missing"],
    }
    if numeric:
        column.update(
            distinct=numeric["approximate_num_distinct_values"],
            mean=numeric["mean"],
            min=numeric["min"],
            max=numeric["max"],
        )
    else:
        buckets = stats.get("distribution", {}).get("categorical", {}).get("buckets", [])
        column.update(
            distinct=stats["distinct_count"], buckets={b["value"]: b["count"] for b in buckets}
        )
    return column


def close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-300)


def column_problems(name: str, ours: dict, peer: dict) -> list[str]:
    problems = []
    for key in ("count", "missing", "inferred_type"):
        if ours[key] != peer.get(key):
            problems.append(f"{name}: {key} {peer.get(key)!r}, ours {ours[key]!r}")
    distinct, reference = peer.get("distinct", -1), ours["distinct"]
    small = reference <= SMALL_DISTINCT
    allowed = (
        max(1, SMALL_DISTINCT_TOLERANCE * reference) if small else DISTINCT_TOLERANCE * reference
    )
    if abs(distinct - reference) > allowed:
        problems.append(f"{name}: distinct {distinct}, ours {reference:.0f}")
    if "mean" in ours:
        for key in ("min", "max"):
            if peer.get(key) != ours[key]:
                problems.append(f"{name}: {key} {peer.get(key)!r}, ours {ours[key]!r}")
        if peer.get("mean") is None or not close(peer["mean"], ours["mean"], MEAN_TOLERANCE):
            problems.append(f"{name}: mean {peer.get('mean')!r}, ours {ours['mean']!r}")
    top = peer.get("frequencies", {})
    wrong = {v: n for v, n in ours.get("buckets", {}).items() if top.get(v) != n}
    if wrong:
        problems.append(f"{name}: {len(wrong)} value counts differ from our buckets")
    return problems


def check(summary_file: Path, statistics_file: Path) -> dict:
    """{"ok", "columns", "problems"} for one fair summary against one statistics.json."""
    summary = json.loads(summary_file.read_text())
    statistics = json.loads(statistics_file.read_text())
    problems = []
    if summary["rows"] != statistics["dataset"]["item_count"]:
        rows = statistics["dataset"]["item_count"]
        problems.append(f"rows {summary['rows']}, ours {rows}")
    features = statistics["features"]
    columns = list(summary["columns"].items())
    if len(columns) != len(features):
        problems.append(f"{len(columns)} columns, ours {len(features)}")
    for (name, peer), feature in zip(columns, features, strict=False):
        problems += column_problems(name, our_column(feature), peer)
    return {"ok": not problems, "columns": len(columns), "problems": problems}
