"""Accuracy of approximate statistics against exact values.

Exact values come from numpy (numeric columns, from the Arrow file) and polars (distinct counts of
the raw CSV text, which is what SageMaker's HLL hashes). Quantile *rank* error of an estimate q for
the probability p: the distance from p to the interval of exact ranks [#(x < q), #(x <= q)] / n, so
an estimate that is a legitimate p-quantile (ties included) has error 0.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.ipc as ipc

DECILES = [i / 10 for i in range(1, 10)]


class Exact:
    """Exact per-column values of one dataset, computed once."""

    def __init__(self, dataset: Path, header_names: list[str]):
        table = ipc.open_file(str(dataset / "data.arrow")).read_all()
        text = pl.read_csv(dataset / "data.csv", infer_schema=False)
        self.rows = table.num_rows
        self.names = header_names
        self.sorted: dict[str, np.ndarray] = {}
        self.distinct: dict[str, int] = {}
        self.moments: dict[str, dict] = {}
        for name in header_names:
            self.distinct[name] = text.get_column(name).drop_nulls().n_unique()
            column = table.column(name)
            if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
                continue
            values = np.sort(column.drop_null().to_numpy().astype(np.float64))
            self.sorted[name] = values
            self.moments[name] = {
                "count": len(values),
                "mean": float(values.mean()),
                "std": float(values.std()),
                "min": float(values[0]),
                "max": float(values[-1]),
            }

    def rank_error(self, name: str, p: float, estimate: float) -> float:
        values = self.sorted[name]
        n = len(values)
        low = np.searchsorted(values, estimate, side="left") / n
        high = np.searchsorted(values, estimate, side="right") / n
        if low <= p <= high:
            return 0.0
        return float(min(abs(p - low), abs(p - high)))


def kll_quantiles(sketch_data: list[list[float]], probabilities: list[float]) -> list[float]:
    """Quantiles of a Deequ KLL sketch: items of level h weigh 2^h."""
    items = np.concatenate([np.asarray(level, dtype=np.float64) for level in sketch_data if level])
    weights = np.concatenate(
        [np.full(len(level), 2.0**h) for h, level in enumerate(sketch_data) if level]
    )
    order = np.argsort(items, kind="stable")
    items, cumulative = items[order], np.cumsum(weights[order])
    total = cumulative[-1]
    return [
        float(items[min(np.searchsorted(cumulative, p * total), len(items) - 1)])
        for p in probabilities
    ]


def summarize(errors: list[float]) -> dict:
    if not errors:
        return {}
    array = np.asarray(errors)
    return {"max": float(array.max()), "mean": float(array.mean()), "n": len(errors)}


def relative(estimate: float, exact: float) -> float:
    return abs(estimate - exact) / abs(exact) if exact else abs(estimate)


def ours(statistics_file: Path, exact: Exact) -> dict:
    """Our statistics.json against exact values; features are matched by position."""
    features = json.loads(statistics_file.read_text())["features"]
    rank_errors, distinct_errors, moment_errors = [], [], []
    per_column = {}
    for feature, name in zip(features, exact.names, strict=True):
        stats = feature.get("numerical_statistics")
        if stats is not None:
            quantiles = kll_quantiles(stats["distribution"]["kll"]["sketch"]["data"], DECILES)
            column_rank = [
                exact.rank_error(name, p, q) for p, q in zip(DECILES, quantiles, strict=True)
            ]
            rank_errors += column_rank
            distinct = stats["approximate_num_distinct_values"]
            exact_moments = exact.moments[name]
            moment_errors += [
                relative(stats["mean"], exact_moments["mean"]),
                relative(stats["std_dev"], exact_moments["std"]),
                relative(stats["min"], exact_moments["min"]),
                relative(stats["max"], exact_moments["max"]),
            ]
            per_column[name] = {"max_rank_error": max(column_rank)}
        else:
            distinct = feature["string_statistics"]["distinct_count"]
            per_column[name] = {}
        error = relative(distinct, exact.distinct[name])
        distinct_errors.append(error)
        per_column[name].update(
            distinct=distinct, exact_distinct=exact.distinct[name], distinct_error=error
        )
    return {
        "quantile_rank_error": summarize(rank_errors),
        "distinct_relative_error": summarize(distinct_errors),
        "moments_relative_error": summarize(moment_errors),
        "columns": per_column,
    }


def peer(summary_file: Path, exact: Exact) -> dict:
    """A peer's summary.json (bench/peers.py layout) against exact values."""
    columns = json.loads(summary_file.read_text()).get("columns", {})
    rank_errors, distinct_errors = [], []
    for name, stats in columns.items():
        if name in exact.sorted and stats.get("deciles") and None not in stats["deciles"]:
            rank_errors += [
                exact.rank_error(name, p, q) for p, q in zip(DECILES, stats["deciles"], strict=True)
            ]
        if stats.get("distinct") is not None:
            distinct_errors.append(relative(stats["distinct"], exact.distinct[name]))
    return {
        "quantile_rank_error": summarize(rank_errors),
        "distinct_relative_error": summarize(distinct_errors),
    }


def conformance_csv(csv_file: Path, statistics_file: Path) -> dict:
    """Our statistics of a real example CSV (with header) against exact values."""
    text = pl.read_csv(csv_file, infer_schema=False)
    features = json.loads(statistics_file.read_text())["features"]
    rank_errors, distinct_errors = [], []
    for feature in features:
        column = text.get_column(feature["name"]).drop_nulls()
        stats = feature.get("numerical_statistics")
        exact_distinct = column.n_unique()
        if stats is not None:
            values = np.sort(column.cast(pl.Float64, strict=False).drop_nulls().to_numpy())
            quantiles = kll_quantiles(stats["distribution"]["kll"]["sketch"]["data"], DECILES)
            n = len(values)
            for p, q in zip(DECILES, quantiles, strict=True):
                low = np.searchsorted(values, q, side="left") / n
                high = np.searchsorted(values, q, side="right") / n
                rank_errors.append(
                    0.0 if low <= p <= high else float(min(abs(p - low), abs(p - high)))
                )
            distinct = stats["approximate_num_distinct_values"]
        else:
            distinct = feature["string_statistics"]["distinct_count"]
        distinct_errors.append(relative(distinct, exact_distinct))
    return {
        "columns": len(features),
        "quantile_rank_error": summarize(rank_errors),
        "distinct_relative_error": summarize(distinct_errors),
    }
